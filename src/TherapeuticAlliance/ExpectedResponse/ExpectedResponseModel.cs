using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Interpolation;
using MathNet.Numerics.LinearAlgebra;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>
/// An expected treatment response for an outcome instrument: the score expected at each session for a client who
/// started at a given intake score, <c>ŷ(t | intake) = b0 + b1·intake + b2·ln(t)</c>, and a one-sided band on the worse
/// side. A score beyond the band is <b>not on track</b> (the field's "NOT").
/// </summary>
/// <remarks>
/// <para>Source: the structure of the OQ system's expected recovery curves, a linear model on the log of session
/// number conditioned on intake severity with tolerance intervals (Finch, Lambert &amp; Schaalje 2001, 11,492 OQ-45
/// patients), and the domain reference's recommended first model (§A.5, a design choice). Intake is the score at
/// session 1; the model is fitted by ordinary least squares on sessions 2 and later (R: <c>lm(score ~ intake +
/// log(session))</c>). The fixed effects equal those of a random-intercept model on balanced data (the reference's
/// oracle O-ETR-1); the band rests on the OLS residual variance, which holds both the between-client and the
/// within-client variance of a score.</para>
/// <para>Fit one with <see cref="Fit"/> on a site's own history, or enter published parameters with
/// <see cref="FromParameters"/>. <see cref="ToJson"/> writes it (no client data: coefficients, variance, band, the
/// history's size and date range), <see cref="FromJson"/> reads it back bit for bit.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed partial class ExpectedResponseModel : IExpectedResponseModel
{
    /// <summary>The model kind written to JSON: <c>intake-log-session</c>.</summary>
    public const string Kind = "intake-log-session";

    /// <summary>
    /// The JSON schema version of 0.2.0, which <see cref="ToJson"/> still writes for a model that judges each score alone
    /// (<see cref="LevelWindow"/> 1), so 0.2.0 reads it; <see cref="FromJson"/> reads it and <see cref="LevelSchemaVersion"/>.
    /// </summary>
    public const string CurrentSchemaVersion = "1.0";

    /// <summary>
    /// The JSON schema version <see cref="ToJson"/> writes for a model with a level rule (<see cref="LevelWindow"/> &gt; 1,
    /// <see cref="LevelBound"/>): <c>1.1</c>. 0.2.0 refuses such a file (a typed error) rather than judge its clients by
    /// another rule.
    /// </summary>
    public const string LevelSchemaVersion = "1.1";

    internal ExpectedResponseModel(
        string instrumentId,
        ScoreMetric metric,
        bool higherIsBetter,
        double intercept,
        double intakeCoefficient,
        double logSessionCoefficient,
        double residualVariance,
        int degreesOfFreedom,
        ImmutableArray<double> covariance,
        ExpectedResponseBandKind band,
        double coverage,
        double confidence,
        int episodeCount,
        int scoreCount,
        DateTimeOffset? firstRecorded,
        DateTimeOffset? lastRecorded,
        double minimumIntake,
        double maximumIntake,
        int maximumSession,
        int levelWindow = 1,
        double levelBound = double.NaN)
    {
        InstrumentId = instrumentId;
        Metric = metric;
        HigherIsBetter = higherIsBetter;
        Intercept = intercept;
        IntakeCoefficient = intakeCoefficient;
        LogSessionCoefficient = logSessionCoefficient;
        ResidualVariance = residualVariance;
        DegreesOfFreedom = degreesOfFreedom;
        Covariance = covariance;
        Band = band;
        Coverage = coverage;
        Confidence = confidence;
        EpisodeCount = episodeCount;
        ScoreCount = scoreCount;
        FirstRecorded = firstRecorded;
        LastRecorded = lastRecorded;
        MinimumIntake = minimumIntake;
        MaximumIntake = maximumIntake;
        MaximumSession = maximumSession;
        LevelWindow = levelWindow;
        LevelBound = levelBound;
        _tolerance = new Lazy<ToleranceTable?>(BuildToleranceTable, System.Threading.LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>
    /// The tolerance factor K as a cubic spline of ln(n*) over the history's box (intake range × sessions 1 to twice the
    /// last), built once from 129 exact quantiles: K is smooth and monotone in n*, so scoring needs no root finding and
    /// allocates nothing; points outside the box get the exact quantile.
    /// </summary>
    private readonly Lazy<ToleranceTable?> _tolerance;

    /// <summary>Gets the factory of this kind, registered by <c>AddTherapeuticAlliance()</c> under <see cref="Kind"/>.</summary>
    public static IExpectedResponseModelFactory Factory { get; } = new RegressionExpectedResponseFactory();

    /// <inheritdoc/>
    string IExpectedResponseModel.Kind => Kind;

    /// <summary>Gets the identifier of the outcome instrument the model is for.</summary>
    public string InstrumentId { get; }

    /// <summary>Gets the metric of the scores (points of which the coefficients and band are).</summary>
    public ScoreMetric Metric { get; }

    /// <summary>Gets whether higher scores are better (the ORS); the band lies below ŷ when they are, above otherwise.</summary>
    public bool HigherIsBetter { get; }

    /// <summary>Gets b0, the intercept, in points.</summary>
    public double Intercept { get; }

    /// <summary>Gets b1, the points of expected score per point of intake.</summary>
    public double IntakeCoefficient { get; }

    /// <summary>Gets b2, the points of expected score per unit of ln(session).</summary>
    public double LogSessionCoefficient { get; }

    /// <summary>Gets the residual variance (MSE), in points squared.</summary>
    public double ResidualVariance { get; }

    /// <summary>Gets the residual degrees of freedom, n − 3; 0 for a model from published parameters.</summary>
    public int DegreesOfFreedom { get; }

    /// <summary>Gets the unscaled covariance of (b0, b1, b2), (XᵀX)⁻¹, row by row (9 values; R's <c>summary(fit)$cov.unscaled</c>); empty for a model from published parameters.</summary>
    public ImmutableArray<double> Covariance { get; }

    /// <summary>Gets how the band is computed.</summary>
    public ExpectedResponseBandKind Band { get; }

    /// <summary>Gets the band's coverage, in (0, 1): the share of on-course clients expected on the good side of it (default .90: the worst 10 %, the OQ teaching example's and PBHI's 10 % target; domain reference §A.5, a design choice).</summary>
    public double Coverage { get; }

    /// <summary>Gets the tolerance bound's confidence, in (0, 1) (default .95, the R <c>tolerance</c> package's default); unused by the other bands.</summary>
    public double Confidence { get; }

    /// <summary>Gets the number of episodes the model was fitted on; 0 for published parameters.</summary>
    public int EpisodeCount { get; }

    /// <summary>Gets the number of scores (sessions 2 and later) the model was fitted on; 0 for published parameters.</summary>
    public int ScoreCount { get; }

    /// <summary>Gets the earliest recorded date of the history's scores, if any were dated.</summary>
    public DateTimeOffset? FirstRecorded { get; }

    /// <summary>Gets the latest recorded date of the history's scores, if any were dated.</summary>
    public DateTimeOffset? LastRecorded { get; }

    /// <summary>Gets the lowest intake score in the history; predictions below it extrapolate.</summary>
    public double MinimumIntake { get; }

    /// <summary>Gets the highest intake score in the history; predictions above it extrapolate.</summary>
    public double MaximumIntake { get; }

    /// <summary>Gets the highest session number in the history; predictions beyond it extrapolate.</summary>
    public int MaximumSession { get; }

    /// <summary>
    /// Gets how many of a client's latest scores the not-on-track rule of <see cref="Expect(Episode, int)"/> averages:
    /// 1 judges each score alone against the band (0.2.0's rule); k &gt; 1 judges the mean of the client's last k residuals
    /// from the expected path (fewer early in the episode) against <see cref="LevelBound"/>.
    /// </summary>
    /// <value>1 to 10; a fit's default is 3 (<see cref="ExpectedResponseOptions.LevelWindow"/>); 1 for models from <see cref="FromParameters"/> and 0.2.0 files.</value>
    public int LevelWindow { get; }

    /// <summary>
    /// Gets the level rule's edge: the history's empirical (1 − <see cref="Coverage"/>) quantile (R's default
    /// <c>quantile</c>, type 7) of the mean of each client's last <see cref="LevelWindow"/> residuals, at every later
    /// session of the fit, signed so that positive is better. In points of <see cref="Metric"/>; NaN when
    /// <see cref="LevelWindow"/> is 1.
    /// </summary>
    /// <value>A finite number of points, or NaN. On a caseload like the history, a share 1 − <see cref="Coverage"/> of all assessments falls beyond it.</value>
    public double LevelBound { get; }

    /// <summary>
    /// Gets the tolerance factor's inflation over its large-sample limit at the centre of the history, K / z_coverage
    /// (1 for the other bands): how much wider the band is because the history is small (domain reference §A.4: with 24
    /// rows, 1.53).
    /// </summary>
    public double BandInflation
    {
        get
        {
            if (Band != ExpectedResponseBandKind.ToleranceBound)
            {
                return 1.0;
            }

            double intake = (MinimumIntake + MaximumIntake) / 2.0;
            int session = Math.Max(2, (int)Math.Round(Math.Sqrt(Math.Max(2, MaximumSession) * 2.0)));
            return ToleranceFactor(intake, session) / Normal.InvCDF(0.0, 1.0, Coverage);
        }
    }

    /// <summary>
    /// Fits a model on a caseload's history of one outcome instrument: intake is each episode's score at session 1, and
    /// sessions 2 and later are the rows of the fit. Episodes that cannot be used are left out and listed.
    /// </summary>
    /// <param name="history">The historical episodes (one instrument, one metric, an outcome measure).</param>
    /// <param name="options">The band and the fewest episodes; <see langword="null"/> for the defaults.</param>
    /// <returns>The fit (model and the episodes left out, with reasons), or an <see cref="InvalidExpectedResponseFit"/> saying what to do; never a partial model.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="history"/> is or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when an option is out of range.</exception>
    /// <remarks>One pass over the scores to collect them and one over the rows: linear in the number of sessions.</remarks>
    public static ExpectedResponseFitResult Fit(IEnumerable<Episode> history, ExpectedResponseOptions? options = null)
    {
        Guard.Against.Null(history);
        options ??= new ExpectedResponseOptions();
        options.Validate();
        OneOf.OneOf<ExpectedResponseRows, InvalidExpectedResponseFit> collected = ExpectedResponseRows.Collect(history.ToArray(), options);
        if (collected.IsT1)
        {
            return collected.AsT1;
        }

        ExpectedResponseRows rows = collected.AsT0;
        double[] intakes = rows.Intakes;
        double[] logSessions = rows.LogSessions;
        double[] scores = rows.Scores;
        // Centred cross-products (numerically stable), solved and inverted with MathNet.Numerics.
        int n = scores.Length;
        double meanIntake = intakes.Average();
        double meanLog = logSessions.Average();
        double meanScore = scores.Average();
        double s11 = 0, s12 = 0, s22 = 0, s1y = 0, s2y = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double a = intakes[i] - meanIntake;
            double b = logSessions[i] - meanLog;
            double y = scores[i] - meanScore;
            s11 += a * a;
            s12 += a * b;
            s22 += b * b;
            s1y += a * y;
            s2y += b * y;
            syy += y * y;
        }

        Matrix<double> centred = Matrix<double>.Build.DenseOfArray(new[,] { { s11, s12 }, { s12, s22 } });
        if (n <= 3 || !(centred.Determinant() > 1e-12 * Math.Max(1.0, s11 * s22)))
        {
            return new InvalidExpectedResponseFit("no-variance", "The history's intake scores or session numbers do not vary, so the model cannot be fitted. Fit it on episodes with different intake scores and more than one later session.");
        }

        Vector<double> slopes = centred.Cholesky().Solve(Vector<double>.Build.Dense(new[] { s1y, s2y }));
        double b1 = slopes[0];
        double b2 = slopes[1];
        double b0 = meanScore - (b1 * meanIntake) - (b2 * meanLog);
        double sse = syy - (b1 * s1y) - (b2 * s2y);
        int df = n - 3;
        double mse = sse / df;
        if (!(mse > 0.0))
        {
            return new InvalidExpectedResponseFit("no-variance", "The history's scores lie exactly on the model, so no band can be set. Fit it on real, varied scores.");
        }

        // (XᵀX)⁻¹ of the uncentred design from the centred inverse: var(b0) = 1/n + x̄ᵀC⁻¹x̄, cov(b0, b) = −C⁻¹x̄.
        Matrix<double> inverse = centred.Inverse();
        Vector<double> means = Vector<double>.Build.Dense(new[] { meanIntake, meanLog });
        Vector<double> cross = inverse * means;
        double v00 = (1.0 / n) + means.DotProduct(cross);
        ImmutableArray<double> covariance = ImmutableArray.Create(
            v00, -cross[0], -cross[1],
            -cross[0], inverse[0, 0], inverse[0, 1],
            -cross[1], inverse[1, 0], inverse[1, 1]);

        double levelBound = options.LevelWindow > 1
            ? LevelQuantile(rows, b0, b1, b2, options.LevelWindow, options.HigherIsBetter ? 1.0 : -1.0, 1.0 - options.Coverage)
            : double.NaN;
        var model = new ExpectedResponseModel(
            rows.InstrumentId,
            rows.Metric,
            options.HigherIsBetter,
            b0,
            b1,
            b2,
            mse,
            df,
            covariance,
            options.Band,
            options.Coverage,
            options.Confidence,
            rows.Used,
            n,
            rows.FirstRecorded,
            rows.LastRecorded,
            rows.MinimumIntake,
            rows.MaximumIntake,
            rows.MaximumSession,
            options.LevelWindow,
            levelBound);
        return new ExpectedResponseFit(model, rows.Used, rows.Excluded);
    }

    /// <summary>
    /// The (1 − coverage) quantile (R's type 7) over every row of the fit of the mean of its client's last
    /// <paramref name="window"/> residuals up to it (fewer at the client's first rows), signed toward better. Rows come
    /// client by client in session order (<see cref="ExpectedResponseRows"/>).
    /// </summary>
    private static double LevelQuantile(ExpectedResponseRows rows, double b0, double b1, double b2, int window, double direction, double probability)
    {
        int n = rows.Scores.Length;
        var residuals = new double[n];
        var means = new double[n];
        int start = 0;
        for (int i = 0; i < n; i++)
        {
            if (i > 0 && rows.ClientLevels[i] != rows.ClientLevels[i - 1])
            {
                start = i;
            }

            residuals[i] = direction * (rows.Scores[i] - (b0 + (b1 * rows.Intakes[i]) + (b2 * rows.LogSessions[i])));
            int first = Math.Max(start, i - window + 1);
            double sum = 0.0;
            for (int j = first; j <= i; j++)
            {
                sum += residuals[j];
            }

            means[i] = sum / (i - first + 1);
        }

        Array.Sort(means);
        double h = (n - 1) * probability;
        int low = (int)Math.Floor(h);
        return low + 1 < n ? means[low] + ((h - low) * (means[low + 1] - means[low])) : means[low];
    }

    /// <summary>Creates a model from published parameters: coefficients and a residual SD, with the <see cref="ExpectedResponseBandKind.NormalBound"/> band.</summary>
    /// <param name="instrumentId">The outcome instrument's identifier.</param>
    /// <param name="metric">The metric of the coefficients.</param>
    /// <param name="intercept">b0, in points.</param>
    /// <param name="intakeCoefficient">b1, points per point of intake.</param>
    /// <param name="logSessionCoefficient">b2, points per unit of ln(session).</param>
    /// <param name="residualStandardDeviation">The SD of scores around ŷ, in points; positive.</param>
    /// <param name="coverage">The band's coverage, in (0, 1); .90 by default.</param>
    /// <param name="higherIsBetter">Whether higher scores are better; <see langword="true"/> by default (the ORS).</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="instrumentId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when a value is not finite, the SD is not positive or the coverage is outside (0, 1).</exception>
    public static ExpectedResponseModel FromParameters(string instrumentId, ScoreMetric metric, double intercept, double intakeCoefficient, double logSessionCoefficient, double residualStandardDeviation, double coverage = 0.9, bool higherIsBetter = true)
    {
        Guard.Against.NullOrWhiteSpace(instrumentId);
        Guard.Against.InvalidInput(metric, nameof(metric), static m => m is >= ScoreMetric.Sum and <= ScoreMetric.WeakestLink, "The metric is not defined.");
        Guard.Against.InvalidInput(intercept, nameof(intercept), Finite, "The intercept must be finite.");
        Guard.Against.InvalidInput(intakeCoefficient, nameof(intakeCoefficient), Finite, "The coefficient must be finite.");
        Guard.Against.InvalidInput(logSessionCoefficient, nameof(logSessionCoefficient), Finite, "The coefficient must be finite.");
        Guard.Against.InvalidInput(residualStandardDeviation, nameof(residualStandardDeviation), static s => s >= 1e-100 && s <= 1e100, "The residual SD must lie between 1e-100 and 1e100 points.");
        Guard.Against.InvalidInput(coverage, nameof(coverage), static c => c > 0.0 && c < 1.0, "The coverage lies between 0 and 1.");
        return new ExpectedResponseModel(instrumentId, metric, higherIsBetter, intercept, intakeCoefficient, logSessionCoefficient, residualStandardDeviation * residualStandardDeviation, 0, ImmutableArray<double>.Empty, ExpectedResponseBandKind.NormalBound, coverage, 0.95, 0, 0, null, null, double.NegativeInfinity, double.PositiveInfinity, 0);
    }

    /// <summary>Reads a model written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model, or an <see cref="InvalidExpectedResponseModel"/> (malformed, another kind or a newer schema version, values out of range); never throws on bad input.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="json"/> is <see langword="null"/>.</exception>
    public static ExpectedResponseModelResult FromJson(string json) => ExpectedResponseJson.Read(Guard.Against.Null(json));

    /// <summary>Gets what the model expects at a session for a client with an intake score, and the band's edge.</summary>
    /// <param name="intake">The client's score at session 1, in points of <see cref="Metric"/>.</param>
    /// <param name="session">The session number; 1 or more.</param>
    /// <returns>The expected score and band edge.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="intake"/> is not finite or <paramref name="session"/> is less than 1.</exception>
    public ExpectedScore Expect(double intake, int session)
    {
        Guard.Against.InvalidInput(intake, nameof(intake), Finite, "The intake score must be finite.");
        Guard.Against.InvalidInput(session, nameof(session), static s => s >= 1, "Sessions are numbered from 1.");
        double expected = Path(intake, session);
        double margin = Band switch
        {
            ExpectedResponseBandKind.ToleranceBound => Math.Sqrt(ResidualVariance) * ToleranceFactor(intake, session),
            ExpectedResponseBandKind.PredictionBound => StudentT.InvCDF(0.0, 1.0, DegreesOfFreedom, Coverage) * Math.Sqrt(ResidualVariance + SquaredStandardError(intake, session)),
            ExpectedResponseBandKind.NormalBound => Normal.InvCDF(0.0, 1.0, Coverage) * Math.Sqrt(ResidualVariance),
            _ => throw new InvalidOperationException("The band kind is not defined."),
        };
        return new ExpectedScore(session, expected, HigherIsBetter ? expected - margin : expected + margin);
    }

    /// <summary>
    /// Gets what the model expects at a session for the client of an episode, and the edge the client's score there must
    /// pass. With <see cref="LevelWindow"/> 1 this is <see cref="Expect(double, int)"/> at the episode's intake. With a
    /// window k &gt; 1 the expected score is the same, and the edge is the score at which the mean of the client's residuals
    /// (score − expected, signed toward better) at this session and at their last k − 1 earlier sessions (those before
    /// <paramref name="session"/>; fewer early in the episode) equals <see cref="LevelBound"/>: a run of scores below the
    /// path moves the edge up, a single noisy score counts for 1/k. A design choice measured on the generator's grid
    /// (docs/expected-response.md): at the same flag rate it finds more deteriorating clients than the single score where
    /// the ORS is noisy.
    /// </summary>
    /// <param name="episode">The client's episode, starting at session 1.</param>
    /// <param name="session">The session number; 2 or more.</param>
    /// <returns>The expected score and band edge.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episode"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the episode does not start at session 1 or <paramref name="session"/> is less than 2.</exception>
    public ExpectedScore Expect(Episode episode, int session)
    {
        Guard.Against.Null(episode);
        Guard.Against.InvalidInput(episode, nameof(episode), static e => e.Scores[0].Occasion.SessionNumber == 1, "The episode must start with its intake score at session 1.");
        Guard.Against.InvalidInput(session, nameof(session), static s => s >= 2, "Expectations of later sessions start at session 2.");
        double intake = (double)episode.Scores[0].Value;
        if (LevelWindow <= 1)
        {
            return Expect(intake, session);
        }

        // The last k − 1 scores before the session (after the intake), walking back from the session.
        double direction = HigherIsBetter ? 1.0 : -1.0;
        double earlier = 0.0;
        int used = 0;
        int at = episode.Count - 1;
        while (at >= 1 && episode.Scores[at].Occasion.SessionNumber >= session)
        {
            at--;
        }

        for (; at >= 1 && used < LevelWindow - 1; at--, used++)
        {
            int earlierSession = episode.Scores[at].Occasion.SessionNumber;
            earlier += direction * ((double)episode.Scores[at].Value - Path(intake, earlierSession));
        }

        double expected = Path(intake, session);
        return new ExpectedScore(session, expected, expected + (direction * (((used + 1) * LevelBound) - earlier)));
    }

    private double Path(double intake, int session) => Intercept + (IntakeCoefficient * intake) + (LogSessionCoefficient * Math.Log(session));

    /// <inheritdoc/>
    public string Describe() => ToString();

    /// <summary>Writes the model as indented JSON (schema version <see cref="CurrentSchemaVersion"/>); no client data.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ExpectedResponseJson.Write(this);

    /// <summary>Returns a one-line summary of the model.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0} ({1}): ŷ = {2:0.###} + {3:0.###}·intake + {4:0.###}·ln(session), residual SD {5:0.###}; {6} band, coverage {7:0.##}; {8} episodes, {9} scores",
        InstrumentId,
        AllianceCodes.ToCode(Metric),
        Intercept,
        IntakeCoefficient,
        LogSessionCoefficient,
        Math.Sqrt(ResidualVariance),
        ExpectedResponseCodes.ToCode(Band),
        Coverage,
        EpisodeCount,
        ScoreCount) + (LevelWindow > 1 ? string.Format(CultureInfo.InvariantCulture, "; a client is judged on the mean of their last {0} residuals, edge {1:0.###} points", LevelWindow, LevelBound) : string.Empty);

    /// <summary>The one-sided tolerance factor K at a point: <c>qt(confidence, df, √n*·z) / √n*</c>, <c>n* = 1 / x₀ᵀVx₀</c> (tolerance::regtol.int).</summary>
    internal double ToleranceFactor(double intake, int session)
    {
        double u = -Math.Log(Leverage(intake, session));
        return _tolerance.Value is { } table && u >= table.Low && u <= table.High ? table.Spline.Interpolate(u) : ExactToleranceFactor(u);
    }

    /// <summary>K at ln(n*) = <paramref name="u"/>, by root finding on the noncentral t.</summary>
    internal double ExactToleranceFactor(double u)
    {
        double root = Math.Sqrt(Math.Exp(u));
        return NoncentralT.InverseCdf(Confidence, DegreesOfFreedom, root * Normal.InvCDF(0.0, 1.0, Coverage)) / root;
    }

    private ToleranceTable? BuildToleranceTable()
    {
        if (Band != ExpectedResponseBandKind.ToleranceBound || Covariance.Length != 9 || double.IsInfinity(MinimumIntake) || double.IsInfinity(MaximumIntake))
        {
            return null;
        }

        // The range of ln(n*) over the box, from a 33 × 33 grid (the leverage is a convex quadratic, so its maximum is
        // at a corner and the grid brackets its minimum), widened a little.
        double low = double.PositiveInfinity;
        double high = double.NegativeInfinity;
        int lastSession = Math.Max(2, 2 * MaximumSession);
        for (int i = 0; i <= 32; i++)
        {
            double intake = MinimumIntake + ((MaximumIntake - MinimumIntake) * i / 32.0);
            for (int j = 0; j <= 32; j++)
            {
                double logSession = Math.Log(lastSession) * j / 32.0;
                double u = -Math.Log(Leverage(intake, logSession));
                low = Math.Min(low, u);
                high = Math.Max(high, u);
            }
        }

        double margin = 0.05 * (high - low) + 0.01;
        low -= margin;
        high += margin;
        const int Nodes = 129;
        var us = new double[Nodes];
        var ks = new double[Nodes];
        for (int k = 0; k < Nodes; k++)
        {
            us[k] = low + ((high - low) * k / (Nodes - 1));
            ks[k] = ExactToleranceFactor(us[k]);
        }

        return new ToleranceTable(Interpolate.CubicSpline(us, ks), low, high);
    }

    /// <summary>K as a spline of ln(n*) over [<paramref name="Low"/>, <paramref name="High"/>]; immutable once built.</summary>
    private sealed record ToleranceTable(IInterpolation Spline, double Low, double High);

    /// <summary>se.fit² at a point: MSE · x₀ᵀVx₀.</summary>
    internal double SquaredStandardError(double intake, int session) => ResidualVariance * Leverage(intake, session);

    private static bool Finite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    private double Leverage(double intake, int session) => Leverage(intake, Math.Log(session));

    /// <summary>x₀ᵀVx₀ for x₀ = (1, intake, ln session), without allocating.</summary>
    private double Leverage(double intake, double logSession)
    {
        ReadOnlySpan<double> v = Covariance.AsSpan();
        double x1 = intake;
        double x2 = logSession;
        return v[0] + (2.0 * v[1] * x1) + (2.0 * v[2] * x2) + (v[4] * x1 * x1) + (2.0 * v[5] * x1 * x2) + (v[8] * x2 * x2);
    }
}
