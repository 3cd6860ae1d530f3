using System;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Trends;

/// <summary>Configures a <see cref="TrajectoryDetector"/>.</summary>
/// <remarks>Immutable; validated when the detector is constructed.</remarks>
public sealed record TrajectoryOptions
{
    /// <summary>Gets the first session of the early-alliance window.</summary>
    /// <value>1 or more. The default value is 3.</value>
    public int EarlyWindowFirstSession { get; init; } = 3;

    /// <summary>Gets the last session of the early-alliance window.</summary>
    /// <value>At least <see cref="EarlyWindowFirstSession"/>. The default value is 5.</value>
    public int EarlyWindowLastSession { get; init; } = 5;

    /// <summary>Gets the name the detector reports and is registered under.</summary>
    /// <value><see langword="null"/> for <c>trajectory</c>. The default value is <see langword="null"/>.</value>
    public string? Name { get; init; }
}

/// <summary>Describes the course of an episode: ordinary least-squares slope and intercept over session number, the slope's standard error, the early alliance and ceiling statistics.</summary>
/// <remarks>
/// <para>Slope <c>b = Σ(tᵢ − t̄)(yᵢ − ȳ) / Σ(tᵢ − t̄)²</c>, intercept <c>a = ȳ − b·t̄</c> (R: <c>lm(score ~ session)</c>);
/// slope standard error <c>√(Σ residual² / (n − 2) / Σ(tᵢ − t̄)²)</c> (NaN with two sessions). The early alliance is
/// the mean over the sessions in a window, by default sessions 3–5: the WAI was designed for use after the third
/// interview (Horvath 1981), WAI and WAI-S were studied after session 4 (Busseri &amp; Tyler 2003), and session-3
/// SRS predicted outcome (She et al. 2023). Ceiling statistics: the share of sessions at the scale maximum and the
/// first session that drops from it. Needs at least two sessions. This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class TrajectoryDetector : ITrendDetector
{
    /// <summary>The default name, <c>trajectory</c>.</summary>
    public const string DefaultName = "trajectory";

    private readonly int _first;
    private readonly int _last;

    /// <summary>Initializes a new instance of the <see cref="TrajectoryDetector"/> class with default options.</summary>
    public TrajectoryDetector()
        : this(new TrajectoryOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TrajectoryDetector"/> class.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the window is empty or the name is invalid.</exception>
    public TrajectoryDetector(TrajectoryOptions options)
    {
        Guard.Against.Null(options);
        new OptionsCheck<TrajectoryOptions>(options)
            .Require(o => o.EarlyWindowFirstSession >= 1 && o.EarlyWindowLastSession >= o.EarlyWindowFirstSession, "EarlyWindowFirstSession must be at least 1 and EarlyWindowLastSession at least EarlyWindowFirstSession.")
            .ThrowIfInvalid(nameof(options));
        Name = StrategyNames.Validate(options.Name, DefaultName, nameof(options));
        _first = options.EarlyWindowFirstSession;
        _last = options.EarlyWindowLastSession;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string Version => "1.0";

    /// <inheritdoc/>
    public DetectionResult Detect(Episode episode)
    {
        Guard.Against.Null(episode);
        if (episode.Count < 2)
        {
            return new NotApplicable(Name, "A trajectory needs at least two sessions.");
        }

        ReadOnlySpan<double> t = episode.Sessions;
        ReadOnlySpan<double> y = episode.Values;
        Line line = Line.Fit(t, y);

        double earlySum = 0.0;
        int earlyCount = 0;
        int atCeiling = 0;
        int? firstDrop = null;
        for (int i = 0; i < episode.Count; i++)
        {
            AllianceScore score = episode.Scores[i];
            int session = score.Occasion.SessionNumber;
            if (session >= _first && session <= _last)
            {
                earlySum += y[i];
                earlyCount++;
            }

            if (score.Value == episode.Maximum)
            {
                atCeiling++;
            }
            else if (firstDrop is null && i > 0 && episode.Scores[i - 1].Value == episode.Maximum)
            {
                firstDrop = session;
            }
        }

        var finding = new TrajectoryFinding(
            Name,
            episode.Scores.Select(s => s.Occasion.SessionNumber),
            _first,
            _last,
            line.Slope,
            line.Intercept,
            line.SlopeStandardError,
            line.MeanY,
            line.StandardDeviationY,
            earlyCount > 0 ? earlySum / earlyCount : double.NaN,
            (double)atCeiling / episode.Count,
            firstDrop);
        return new Detection(Name, Version, ImmutableArray.Create<TrendFinding>(finding));
    }
}

/// <summary>The course of an episode; see <see cref="TrajectoryDetector"/>.</summary>
public sealed class TrajectoryFinding : TrendFinding
{
    internal TrajectoryFinding(string rule, System.Collections.Generic.IEnumerable<int> sessions, int windowFirst, int windowLast, double slope, double intercept, double slopeStandardError, double mean, double standardDeviation, double earlyAlliance, double ceilingShare, int? firstDropFromCeiling)
        : base(rule, sessions, new[] { new System.Collections.Generic.KeyValuePair<string, double>("early-window-first", windowFirst), new System.Collections.Generic.KeyValuePair<string, double>("early-window-last", windowLast) })
    {
        Slope = slope;
        Intercept = intercept;
        SlopeStandardError = slopeStandardError;
        Mean = mean;
        StandardDeviation = standardDeviation;
        EarlyAlliance = earlyAlliance;
        CeilingShare = ceilingShare;
        FirstDropFromCeiling = firstDropFromCeiling;
    }

    /// <summary>Gets <c>trajectory</c>.</summary>
    public override string Code => "trajectory";

    /// <summary>Gets the OLS slope per session.</summary>
    public double Slope { get; }

    /// <summary>Gets the OLS intercept (the fitted score at session 0).</summary>
    public double Intercept { get; }

    /// <summary>Gets the slope's standard error; NaN with two sessions.</summary>
    public double SlopeStandardError { get; }

    /// <summary>Gets the mean score.</summary>
    public double Mean { get; }

    /// <summary>Gets the standard deviation of the scores (denominator n − 1): the intra-individual SD.</summary>
    public double StandardDeviation { get; }

    /// <summary>Gets the mean score over the early window; NaN when no session falls in it.</summary>
    public double EarlyAlliance { get; }

    /// <summary>Gets the share of sessions at the scale maximum, from 0 to 1.</summary>
    public double CeilingShare { get; }

    /// <summary>Gets the first session that falls below the maximum right after a session at it, if any.</summary>
    public int? FirstDropFromCeiling { get; }

    /// <inheritdoc/>
    public override ImmutableSortedDictionary<string, double> Values => Map(
        ("slope", Slope),
        ("intercept", Intercept),
        ("slope-standard-error", SlopeStandardError),
        ("mean", Mean),
        ("standard-deviation", StandardDeviation),
        ("early-alliance", EarlyAlliance),
        ("ceiling-share", CeilingShare),
        ("first-drop-from-ceiling", FirstDropFromCeiling ?? double.NaN));

    /// <inheritdoc/>
    public override string Summary =>
        $"Slope {Format(Slope)} per session over {Sessions.Length} sessions (intercept {Format(Intercept)}); early alliance {Format(EarlyAlliance)}; {Format(CeilingShare * 100)} % of sessions at the maximum.";
}

/// <summary>Ordinary least squares of y on t, with the slope's standard error.</summary>
internal readonly struct Line
{
    private Line(double slope, double intercept, double slopeStandardError, double meanY, double standardDeviationY)
    {
        Slope = slope;
        Intercept = intercept;
        SlopeStandardError = slopeStandardError;
        MeanY = meanY;
        StandardDeviationY = standardDeviationY;
    }

    internal double Slope { get; }

    internal double Intercept { get; }

    internal double SlopeStandardError { get; }

    internal double MeanY { get; }

    internal double StandardDeviationY { get; }

    internal static Line Fit(ReadOnlySpan<double> t, ReadOnlySpan<double> y)
    {
        int n = t.Length;
        double mt = 0.0;
        double my = 0.0;
        for (int i = 0; i < n; i++)
        {
            mt += t[i];
            my += y[i];
        }

        mt /= n;
        my /= n;
        double stt = 0.0;
        double sty = 0.0;
        double syy = 0.0;
        for (int i = 0; i < n; i++)
        {
            double dt = t[i] - mt;
            double dy = y[i] - my;
            stt += dt * dt;
            sty += dt * dy;
            syy += dy * dy;
        }

        double slope = sty / stt;
        double intercept = my - (slope * mt);
        double residual = 0.0;
        for (int i = 0; i < n; i++)
        {
            double e = y[i] - (intercept + (slope * t[i]));
            residual += e * e;
        }

        double se = n > 2 ? Math.Sqrt(residual / (n - 2) / stt) : double.NaN;
        return new Line(slope, intercept, se, my, Math.Sqrt(syy / (n - 1)));
    }
}
