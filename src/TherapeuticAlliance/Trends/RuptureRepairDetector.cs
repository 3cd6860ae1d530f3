using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Trends;

/// <summary>Says which SD a rupture threshold uses (Gumz, Brähler, Geyer &amp; Erices 2012).</summary>
public enum RuptureSdBasis
{
    /// <summary>The SD of the client's own series (n − 1).</summary>
    IntraIndividual = 1,

    /// <summary>An SD supplied by the caller from a sample (inter-individual).</summary>
    Sample = 2,

    /// <summary>The larger, hence stricter, of the two, as Gumz et al. (2012) propose.</summary>
    StricterOfBoth = 3,
}

/// <summary>Configures a <see cref="RuptureRepairDetector"/>.</summary>
/// <remarks>Immutable; validated when the detector is constructed.</remarks>
public sealed record RuptureRepairOptions
{
    /// <summary>Gets the drop threshold in SD units, m.</summary>
    /// <value>Positive. The default value is 1 (the less strict of the two thresholds in the literature; 2 is the strict variant).</value>
    public double DropInStandardDeviations { get; init; } = 1.0;

    /// <summary>Gets which SD the threshold uses.</summary>
    /// <value>The default value is <see cref="RuptureSdBasis.IntraIndividual"/>.</value>
    public RuptureSdBasis SdBasis { get; init; } = RuptureSdBasis.IntraIndividual;

    /// <summary>Gets the sample SD for <see cref="RuptureSdBasis.Sample"/> and <see cref="RuptureSdBasis.StricterOfBoth"/>.</summary>
    /// <value>Positive when used. The default value is <see langword="null"/>.</value>
    public double? SampleStandardDeviation { get; init; }

    /// <summary>Gets how many sessions after the rupture a repair may take, k.</summary>
    /// <value>1 or more. The default value is 1 (the V-shape: a one-session dip repaired at once, the most frequent pattern in Gumz et al. 2012).</value>
    public int RepairWindow { get; init; } = 1;

    /// <summary>Gets whether higher scores are better.</summary>
    /// <value>The default value is <see langword="true"/> (alliance measures).</value>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>Gets the name the detector reports and is registered under.</summary>
    /// <value><see langword="null"/> for <c>rupture-repair</c>. The default value is <see langword="null"/>.</value>
    public string? Name { get; init; }
}

/// <summary>Finds alliance ruptures (a drop of at least m·SD between consecutive sessions) and whether each was repaired (a return to the pre-rupture level within k sessions).</summary>
/// <remarks>
/// <para>Rupture at t ⇔ <c>y[t−1] − y[t] ≥ m·SD</c> (and the drop is positive); repaired ⇔ some <c>y[j] ≥ y[t−1]</c> for
/// j in t+1 … t+k. Reported: start (t−1), trough (t), depth, repaired or not, repair session and length (j − t).
/// Thresholds of 1 SD and 2 SD were both used in the literature (Stiles et al. 2004; Strauss et al. 2006), and Gumz
/// et al. (2012, <i>BMC Medical Research Methodology 12</i>:10) recommend reporting both and taking the stricter of the
/// intra- and inter-individual SDs. The exact published criteria are unverified; this specification follows the
/// library's domain reference (§2.4). "Consecutive" means adjacent scores of the episode. Needs at least two
/// sessions. This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class RuptureRepairDetector : ITrendDetector
{
    /// <summary>The default name, <c>rupture-repair</c>.</summary>
    public const string DefaultName = "rupture-repair";

    private readonly double _m;
    private readonly RuptureSdBasis _basis;
    private readonly double? _sampleSd;
    private readonly int _k;
    private readonly bool _higherIsBetter;

    /// <summary>Initializes a new instance of the <see cref="RuptureRepairDetector"/> class with default options.</summary>
    public RuptureRepairDetector()
        : this(new RuptureRepairOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RuptureRepairDetector"/> class.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when an option is out of range or the sample SD is missing for a basis that needs it.</exception>
    public RuptureRepairDetector(RuptureRepairOptions options)
    {
        Guard.Against.Null(options);
        new OptionsCheck<RuptureRepairOptions>(options)
            .Require(o => o.DropInStandardDeviations > 0.0 && !double.IsInfinity(o.DropInStandardDeviations), "DropInStandardDeviations must be positive and finite.")
            .Require(o => o.SdBasis is >= RuptureSdBasis.IntraIndividual and <= RuptureSdBasis.StricterOfBoth, "SdBasis must be a defined value.")
            .Require(o => o.SdBasis == RuptureSdBasis.IntraIndividual || o.SampleStandardDeviation is > 0.0, "SampleStandardDeviation must be positive for the Sample and StricterOfBoth bases.")
            .Require(o => o.RepairWindow >= 1, "RepairWindow must be at least 1.")
            .ThrowIfInvalid(nameof(options));
        Name = StrategyNames.Validate(options.Name, DefaultName, nameof(options));
        _m = options.DropInStandardDeviations;
        _basis = options.SdBasis;
        _sampleSd = options.SampleStandardDeviation;
        _k = options.RepairWindow;
        _higherIsBetter = options.HigherIsBetter;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string Version => "1.0";

    /// <inheritdoc/>
    public DetectionResult Detect(Episode episode)
    {
        Guard.Against.Null(episode);
        int n = episode.Count;
        if (n < 2)
        {
            return new NotApplicable(Name, "Ruptures need at least two sessions.");
        }

        ReadOnlySpan<double> raw = episode.Values;
        double intra = Line.Fit(episode.Sessions, raw).StandardDeviationY;
        double sd = _basis switch
        {
            RuptureSdBasis.Sample => _sampleSd!.Value,
            RuptureSdBasis.StricterOfBoth => Math.Max(intra, _sampleSd!.Value),
            _ => intra,
        };
        double threshold = _m * sd;
        double sign = _higherIsBetter ? 1.0 : -1.0;
        var parameters = new[]
        {
            new KeyValuePair<string, double>("m", _m),
            new KeyValuePair<string, double>("sd", sd),
            new KeyValuePair<string, double>("k", _k),
            new KeyValuePair<string, double>("sd-basis", (int)_basis),
            new KeyValuePair<string, double>("higher-is-better", _higherIsBetter ? 1 : 0),
        };

        var findings = ImmutableArray.CreateBuilder<TrendFinding>();
        for (int t = 1; t < n; t++)
        {
            double drop = sign * (raw[t - 1] - raw[t]);
            // A drop equal to the threshold counts; the relative tolerance absorbs floating-point rounding of the SD.
            if (!(drop > 0.0) || drop < threshold * (1.0 - 1e-12))
            {
                continue;
            }

            int? repairedAt = null;
            for (int j = t + 1; j <= Math.Min(n - 1, t + _k); j++)
            {
                if (sign * (raw[j] - raw[t - 1]) >= 0.0)
                {
                    repairedAt = j;
                    break;
                }
            }

            int start = episode.Scores[t - 1].Occasion.SessionNumber;
            int trough = episode.Scores[t].Occasion.SessionNumber;
            var sessions = new List<int> { start, trough };
            int? repairSession = repairedAt is { } r ? episode.Scores[r].Occasion.SessionNumber : null;
            if (repairSession is { } rs)
            {
                sessions.Add(rs);
            }

            findings.Add(new RuptureFinding(Name, sessions, parameters, start, trough, drop, threshold, repairSession, repairedAt - t));
        }

        return new Detection(Name, Version, findings.ToImmutable());
    }
}

/// <summary>One rupture and whether it was repaired; see <see cref="RuptureRepairDetector"/>.</summary>
public sealed class RuptureFinding : TrendFinding
{
    internal RuptureFinding(string rule, IEnumerable<int> sessions, IEnumerable<KeyValuePair<string, double>> parameters, int startSession, int troughSession, double depth, double threshold, int? repairSession, int? length)
        : base(rule, sessions, parameters)
    {
        StartSession = startSession;
        TroughSession = troughSession;
        Depth = depth;
        Threshold = threshold;
        RepairSession = repairSession;
        Length = length;
    }

    /// <summary>Gets <c>rupture</c>.</summary>
    public override string Code => "rupture";

    /// <summary>Gets the session before the drop (t − 1), whose level a repair must regain.</summary>
    public int StartSession { get; }

    /// <summary>Gets the session of the drop (t).</summary>
    public int TroughSession { get; }

    /// <summary>Gets the size of the drop.</summary>
    public double Depth { get; }

    /// <summary>Gets the threshold m·SD the drop met.</summary>
    public double Threshold { get; }

    /// <summary>Gets whether the rupture was repaired within the window.</summary>
    public bool IsRepaired => RepairSession.HasValue;

    /// <summary>Gets the session that regained the pre-rupture level, if any.</summary>
    public int? RepairSession { get; }

    /// <summary>Gets the number of scores from the trough to the repair (j − t), if repaired.</summary>
    public int? Length { get; }

    /// <inheritdoc/>
    public override ImmutableSortedDictionary<string, double> Values => Map(
        ("start-session", StartSession),
        ("trough-session", TroughSession),
        ("depth", Depth),
        ("threshold", Threshold),
        ("repaired", IsRepaired ? 1 : 0),
        ("repair-session", RepairSession ?? double.NaN),
        ("length", Length ?? double.NaN));

    /// <inheritdoc/>
    public override string Summary => IsRepaired
        ? $"Drop of {Format(Depth)} from session {StartSession} to {TroughSession} (threshold {Format(Threshold)}), back to the earlier level at session {RepairSession}."
        : $"Drop of {Format(Depth)} from session {StartSession} to {TroughSession} (threshold {Format(Threshold)}), not back to the earlier level within the window.";
}
