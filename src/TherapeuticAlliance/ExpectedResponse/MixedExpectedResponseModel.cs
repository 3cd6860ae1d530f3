using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;
using MathNet.Numerics.Distributions;
using TherapeuticAlliance.Multilevel;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>
/// An expected treatment response from a linear mixed model: <c>score ~ intake + ln(session) + (1 + ln(session) | client)</c>
/// fitted by REML on sessions 2 and later (and, with <see cref="ExpectedResponseOptions.TherapistEffects"/>, a random
/// intercept and slope per therapist beside it), the structure of the OQ system's expected recovery curves (a mixed
/// linear model on log session, Finch, Lambert &amp; Schaalje 2001) and of OpenFIT's hierarchical model (domain reference
/// REFERENCE-signals §A.1–A.2).
/// </summary>
/// <remarks>
/// <para><b>A new client</b> (intake only): the expected score is the fixed part, <c>ŷ = β₀ + β₁·intake + β₂·ln t</c>
/// (lme4: <c>predict(fit, re.form = NA)</c>), and the band's edge lies <c>z_coverage·√(zᵀDz + σ²)</c> on the worse side,
/// <c>z = (1, ln t)</c>, D the client covariance (plus the therapist covariance when fitted: a new client's therapist
/// effect is not known), σ² the residual variance: the marginal mixed bound of REFERENCE-signals §A.5, parameter
/// uncertainty ignored (lme4 gives no standard error for predictions).</para>
/// <para><b>A client with sessions so far</b> (<see cref="Expect(Episode, int)"/> with
/// <see cref="Update"/> (<see cref="EmpiricalBayesUpdate.NextScore"/>)): the client's own effects are predicted from their earlier scores (empirical Bayes,
/// the conditional mode b̂ = D Zᵀ(Z D Zᵀ + σ²I)⁻¹(y − Xβ), lme4's BLUP), the expected score is ŷ + zᵀb̂ (lme4:
/// <c>predict(fit, re.form = NULL)</c> for a client in the fit, from all their rows) and the band uses the posterior
/// covariance, <c>z_coverage·√(zᵀ(D − D Zᵀ(Z D Zᵀ + σ²I)⁻¹ Z D)z + σ²)</c>. Without earlier scores it is the new
/// client's path.</para>
/// <para><b>A client judged on their estimated level</b> (<see cref="EmpiricalBayesUpdate.CurrentLevel"/>, the default):
/// the client's level at the session is estimated from all their scores up to it (the same conditional mode), and the
/// session is not on track when the estimate lies beyond the (1 − coverage) quantile of the estimate's marginal
/// distribution for new clients, <c>zᵀ(D − σ²M)z</c> with M = D(σ²I + ZᵀZ D)⁻¹; the bound on the session's score
/// follows, since the estimate is linear in it. Shrinkage makes a single noisy score count for its weight only, while
/// a run of low scores moves the estimate: a design choice measured on the generator's grid (docs/expected-response.md).</para>
/// <para>Fitted on the library's multilevel engine (the engine of <see cref="LinearMixedModel"/>, matched to lme4);
/// the model file holds the fixed effects, the covariances and the history's size, no client or therapist
/// identifier. This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class MixedExpectedResponseModel : IExpectedResponseModel
{
    /// <summary>The model kind: <c>mixed-log-session</c>.</summary>
    public const string KindName = "mixed-log-session";

    /// <summary>The schema version <see cref="ToJson"/> writes and the factory reads.</summary>
    public const string CurrentSchemaVersion = "1.0";

    private static readonly string[] TermNames = { "(Intercept)", "log_session" };
    private static readonly string[] FixedNames = { "(Intercept)", "intake", "log_session" };
    private readonly double _z;

    internal MixedExpectedResponseModel(
        string instrumentId,
        ScoreMetric metric,
        bool higherIsBetter,
        double coverage,
        ImmutableArray<double> fixedEffects,
        ImmutableArray<double> clientCovariance,
        ImmutableArray<double> therapistCovariance,
        double residualVariance,
        EmpiricalBayesUpdate update,
        MixedModelHistory history)
    {
        InstrumentId = instrumentId;
        Metric = metric;
        HigherIsBetter = higherIsBetter;
        Coverage = coverage;
        FixedEffects = fixedEffects;
        ClientCovariance = clientCovariance;
        TherapistCovariance = therapistCovariance;
        ResidualVariance = residualVariance;
        Update = update;
        History = history;
        _z = Normal.InvCDF(0.0, 1.0, coverage);
    }

    /// <summary>Gets the factory of this kind, registered by <c>AddTherapeuticAlliance()</c> under <see cref="KindName"/>.</summary>
    public static IExpectedResponseModelFactory Factory { get; } = new MixedExpectedResponseFactory();

    /// <inheritdoc/>
    public string Kind => KindName;

    /// <inheritdoc/>
    public string InstrumentId { get; }

    /// <inheritdoc/>
    public ScoreMetric Metric { get; }

    /// <inheritdoc/>
    public bool HigherIsBetter { get; }

    /// <inheritdoc/>
    /// <remarks>Default .90 (<see cref="ExpectedResponseOptions.Coverage"/>).</remarks>
    public double Coverage { get; }

    /// <summary>Gets the fixed effects β: intercept, points per point of intake, points per unit of ln(session) (lme4's <c>fixef</c>).</summary>
    public ImmutableArray<double> FixedEffects { get; }

    /// <summary>Gets the client covariance D of (intercept, ln-session slope), points²: variance of the intercept, covariance, variance of the slope (lme4's <c>VarCorr</c>).</summary>
    public ImmutableArray<double> ClientCovariance { get; }

    /// <summary>Gets the therapist covariance in the same layout; zeros when the model has no therapist effects.</summary>
    public ImmutableArray<double> TherapistCovariance { get; }

    /// <summary>Gets the residual variance σ², points².</summary>
    public double ResidualVariance { get; }

    /// <summary>Gets how <see cref="Expect(Episode, int)"/> learns from a client's own sessions.</summary>
    public EmpiricalBayesUpdate Update { get; }

    /// <summary>Gets the fit's provenance: the history's size and range, the REML criterion, whether the fit is singular.</summary>
    public MixedModelHistory History { get; }

    /// <summary>Fits the model on a caseload's history of one outcome instrument (as <see cref="ExpectedResponseModel.Fit"/>: intake is each episode's session-1 score, sessions 2 and later are the rows).</summary>
    /// <param name="history">The historical episodes.</param>
    /// <param name="options">Coverage, <see cref="ExpectedResponseOptions.MinimumEpisodes"/>, <see cref="ExpectedResponseOptions.HigherIsBetter"/>, <see cref="ExpectedResponseOptions.TherapistEffects"/>, <see cref="ExpectedResponseOptions.Update"/>; the band kind and confidence are the regression's and are not used. <see langword="null"/> for the defaults.</param>
    /// <returns>The fit, or an <see cref="InvalidExpectedResponseFit"/> (also <c>not-converged</c> and <c>no-therapists</c>); never a partial model.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="history"/> is or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when an option is out of range.</exception>
    /// <remarks>Linear in the number of scores per criterion evaluation (one 2 × 2 block per client).</remarks>
    public static FittedExpectedResponseResult Fit(IReadOnlyList<Episode> history, ExpectedResponseOptions? options = null)
    {
        Guard.Against.Null(history);
        options ??= new ExpectedResponseOptions();
        options.ValidateCommon();
        OneOf.OneOf<ExpectedResponseRows, InvalidExpectedResponseFit> rows = ExpectedResponseRows.Collect(history, options);
        return rows.Match(r => FitRows(r, options), static e => (FittedExpectedResponseResult)e);
    }

    private static FittedExpectedResponseResult FitRows(ExpectedResponseRows rows, ExpectedResponseOptions options)
    {
        int n = rows.Scores.Length;
        var ones = new double[n];
        ones.AsSpan().Fill(1.0);
        double[] intake = rows.Intakes;
        double[] logSession = rows.LogSessions;
        var terms = new List<LmmRandomTerm>
        {
            new("client", TermNames, new[] { ones, logSession }, rows.ClientLevels, rows.ClientNames),
        };
        if (options.TherapistEffects)
        {
            if (rows.TherapistLevels is not { } therapists || rows.TherapistNames.Length < 2)
            {
                return new InvalidExpectedResponseFit("no-therapists", "Therapist effects need every used episode to name its therapist, and at least two therapists. Add the therapist column or fit without therapist effects.");
            }

            if (2 * rows.TherapistNames.Length > LinearMixedModel.MaximumDenseCoefficients)
            {
                return new InvalidExpectedResponseFit("too-many-therapists", string.Format(CultureInfo.InvariantCulture, "Therapist effects are fitted for at most {0} therapists; the history has {1}. Fit per site, or without therapist effects.", LinearMixedModel.MaximumDenseCoefficients / 2, rows.TherapistNames.Length));
            }

            terms.Add(new LmmRandomTerm("therapist", TermNames, new[] { ones, logSession }, therapists, rows.TherapistNames));
        }

        if (!(Variance(intake) > 1e-12) || !(Variance(logSession) > 1e-12))
        {
            return new InvalidExpectedResponseFit("no-variance", "The history's intake scores or session numbers do not vary, so the model cannot be fitted. Fit it on episodes with different intake scores and more than one later session.");
        }

        LmmFit? fit;
        try
        {
            fit = new LmmEngine(rows.Scores, new[] { ones, intake, logSession }, FixedNames, terms).Fit(reml: true);
        }
        catch (ArithmeticException)
        {
            fit = null;
        }

        if (fit is null || !(fit.Sigma2 > 0.0) || fit.Beta.Any(b => double.IsNaN(b) || double.IsInfinity(b)))
        {
            return new InvalidExpectedResponseFit("not-converged", "The mixed model did not converge on this history. Fit the regression (intake-log-session) or add history.");
        }

        ImmutableArray<double> Covariance(string group)
        {
            int j = Array.FindIndex(fit.Terms, t => t.Group == group);
            return j < 0 ? ImmutableArray.Create(0.0, 0.0, 0.0) : ImmutableArray.Create(fit.Covariances[j][0, 0], fit.Covariances[j][1, 0], fit.Covariances[j][1, 1]);
        }

        var model = new MixedExpectedResponseModel(
            rows.InstrumentId,
            rows.Metric,
            options.HigherIsBetter,
            options.Coverage,
            fit.Beta.ToImmutableArray(),
            Covariance("client"),
            Covariance("therapist"),
            fit.Sigma2,
            options.Update,
            new MixedModelHistory(rows.Used, n, rows.FirstRecorded, rows.LastRecorded, rows.MinimumIntake, rows.MaximumIntake, rows.MaximumSession, fit.Criterion, fit.Singular));
        return new FittedExpectedResponse(model, rows.Used, rows.Excluded);
    }

    private static double Variance(double[] values)
    {
        double mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / values.Length;
    }

    /// <inheritdoc/>
    public ExpectedScore Expect(double intake, int session)
    {
        Guard.Against.InvalidInput(intake, nameof(intake), static v => !double.IsNaN(v) && !double.IsInfinity(v), "The intake score must be finite.");
        Guard.Against.InvalidInput(session, nameof(session), static s => s >= 1, "Sessions are numbered from 1.");
        double x = Math.Log(session);
        double expected = Fixed(intake, x);
        (double a, double c, double b) = Prior();
        double variance = a + (2.0 * c * x) + (b * x * x) + ResidualVariance;
        return Edge(session, expected, variance);
    }

    /// <inheritdoc/>
    public ExpectedScore Expect(Episode episode, int session)
    {
        Guard.Against.Null(episode);
        Guard.Against.InvalidInput(episode, nameof(episode), static e => e.Scores[0].Occasion.SessionNumber == 1, "The episode must start with its intake score at session 1.");
        Guard.Against.InvalidInput(session, nameof(session), static s => s >= 2, "Expectations of later sessions start at session 2.");
        double intake = (double)episode.Scores[0].Value;
        if (Update == EmpiricalBayesUpdate.None)
        {
            return Expect(intake, session);
        }

        // Z'Z and Z'r over the earlier scores (sessions 2 .. session − 1): 2 × 2 and 2 × 1, no allocation.
        double s00 = 0, s01 = 0, s11 = 0, r0 = 0, r1 = 0;
        for (int i = 1; i < episode.Count; i++)
        {
            int at = episode.Scores[i].Occasion.SessionNumber;
            if (at >= session)
            {
                break;
            }

            double x = Math.Log(at);
            double residual = (double)episode.Scores[i].Value - Fixed(intake, x);
            s00 += 1.0;
            s01 += x;
            s11 += x * x;
            r0 += residual;
            r1 += x * residual;
        }

        return Update == EmpiricalBayesUpdate.NextScore ? Conditional(intake, session, s00, s01, s11, r0, r1) : Level(intake, session, s00, s01, s11, r0, r1);
    }

    /// <summary>
    /// The bound on the score at <paramref name="session"/> below which the client's estimated level there, from the
    /// earlier scores' cross-products and the score itself, falls below the estimate's marginal (1 − coverage) quantile:
    /// with M = D(σ²I + ZᵀZ D)⁻¹ over the earlier rows and this one, the estimate is zᵀM(Zᵀr) = c + w·r_t, w = zᵀMz,
    /// its marginal variance zᵀ(D − σ²M)z, so r_t &lt; (−z_P·√(zᵀ(D − σ²M)z) − c) / w. Without earlier rows this is the
    /// new client's band.
    /// </summary>
    internal ExpectedScore Level(double intake, int session, double s00, double s01, double s11, double r0, double r1)
    {
        double t = Math.Log(session);
        double expected = Fixed(intake, t);
        (double d00, double d01, double d11) = Prior();
        double sigma2 = ResidualVariance;
        (double m00, double m01, double m10, double m11) = Shrinkage(d00, d01, d11, sigma2, s00 + 1.0, s01 + t, s11 + (t * t));
        double w = m00 + ((m01 + m10) * t) + (m11 * t * t);
        double prior = d00 + (2.0 * d01 * t) + (d11 * t * t);
        double spread = prior - (sigma2 * w);
        if (!(w > 1e-12) || !(spread > 1e-12))
        {
            // No client variance to estimate a level from: the new client's band.
            return Edge(session, expected, prior + sigma2);
        }

        double c = ((m00 + (m10 * t)) * r0) + ((m01 + (m11 * t)) * r1);
        double margin = _z * Math.Sqrt(spread);
        double bound = HigherIsBetter ? expected + ((-margin - c) / w) : expected + ((margin - c) / w);
        return new ExpectedScore(session, expected, bound);
    }

    /// <summary>The expectation after earlier scores given by their cross-products: b̂ = D(σ²I + ZᵀZ D)⁻¹Zᵀr, posterior covariance σ²D(σ²I + ZᵀZ D)⁻¹.</summary>
    internal ExpectedScore Conditional(double intake, int session, double s00, double s01, double s11, double r0, double r1)
    {
        double t = Math.Log(session);
        double expected = Fixed(intake, t);
        (double d00, double d01, double d11) = Prior();
        double sigma2 = ResidualVariance;
        if (s00 == 0.0)
        {
            return Edge(session, expected, d00 + (2.0 * d01 * t) + (d11 * t * t) + sigma2);
        }

        // M = D(σ²I + ZᵀZ·D)⁻¹ (symmetric in exact arithmetic): b̂ = M Zᵀr, posterior covariance σ²M.
        (double m00, double m01, double m10, double m11) = Shrinkage(d00, d01, d11, sigma2, s00, s01, s11);
        double b0 = (m00 * r0) + (m01 * r1);
        double b1 = (m10 * r0) + (m11 * r1);
        double posterior = sigma2 * (m00 + ((m01 + m10) * t) + (m11 * t * t));
        return Edge(session, expected + b0 + (b1 * t), Math.Max(0.0, posterior) + sigma2);
    }

    /// <summary>M = D·A⁻¹ with A = σ²I + ZᵀZ·D (not symmetric; its inverse by the 2 × 2 formula), from ZᵀZ = [[q00, q01], [q01, q11]] and D = [[d00, d01], [d01, d11]].</summary>
    private static (double M00, double M01, double M10, double M11) Shrinkage(double d00, double d01, double d11, double sigma2, double q00, double q01, double q11)
    {
        double a00 = sigma2 + (q00 * d00) + (q01 * d01);
        double a01 = (q00 * d01) + (q01 * d11);
        double a10 = (q01 * d00) + (q11 * d01);
        double a11 = sigma2 + (q01 * d01) + (q11 * d11);
        double det = (a00 * a11) - (a01 * a10);
        double i00 = a11 / det, i01 = -a01 / det, i10 = -a10 / det, i11 = a00 / det;
        return ((d00 * i00) + (d01 * i10), (d00 * i01) + (d01 * i11), (d01 * i00) + (d11 * i10), (d01 * i01) + (d11 * i11));
    }

    private double Fixed(double intake, double logSession) => FixedEffects[0] + (FixedEffects[1] * intake) + (FixedEffects[2] * logSession);

    private (double D00, double D01, double D11) Prior() =>
        (ClientCovariance[0] + TherapistCovariance[0], ClientCovariance[1] + TherapistCovariance[1], ClientCovariance[2] + TherapistCovariance[2]);

    private ExpectedScore Edge(int session, double expected, double variance)
    {
        double margin = _z * Math.Sqrt(variance);
        return new ExpectedScore(session, expected, HigherIsBetter ? expected - margin : expected + margin);
    }

    /// <inheritdoc/>
    public string ToJson() => MixedExpectedResponseJson.Write(this);

    /// <inheritdoc/>
    public string Describe() => ToString();

    /// <summary>Returns a one-line summary of the model.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0} ({1}): ŷ = {2:0.###} + {3:0.###}·intake + {4:0.###}·ln(session) + client effects (SD {5:0.###} intercept, {6:0.###} slope){7}, residual SD {8:0.###}; {9:0.##} band{10}; {11} episodes, {12} scores{13}",
        InstrumentId,
        AllianceCodes.ToCode(Metric),
        FixedEffects[0],
        FixedEffects[1],
        FixedEffects[2],
        Math.Sqrt(ClientCovariance[0]),
        Math.Sqrt(ClientCovariance[2]),
        TherapistCovariance.All(v => v == 0.0) ? string.Empty : string.Format(CultureInfo.InvariantCulture, " + therapist effects (SD {0:0.###} intercept, {1:0.###} slope)", Math.Sqrt(TherapistCovariance[0]), Math.Sqrt(TherapistCovariance[2])),
        Math.Sqrt(ResidualVariance),
        Coverage,
        Update switch
        {
            EmpiricalBayesUpdate.CurrentLevel => ", judged on each client's estimated level (empirical Bayes)",
            EmpiricalBayesUpdate.NextScore => ", forecast from each client's sessions so far (empirical Bayes)",
            _ => ", from the intake alone",
        },
        History.Episodes,
        History.Scores,
        History.IsSingular ? "; singular fit" : string.Empty);
}
