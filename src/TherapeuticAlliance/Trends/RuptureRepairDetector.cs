using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// Finds alliance ruptures (a drop between consecutive sessions of at least m·SD, and at least the reliable-change
/// value) and whether each was repaired (a return, within k sessions, to a level not reliably below the pre-rupture
/// level).
/// </summary>
/// <remarks>
/// <para>Rupture at t ⇔ <c>y[t−1] − y[t] ≥ max(m·SD, RC)</c> and the drop is positive. SD is, by default, the larger
/// of the client's own SD (n − 1) and the reference group's (Gumz, Brähler, Geyer &amp; Erices 2012, <i>BMC Medical
/// Research Methodology 12</i>:10: "favor the stricter of the two values", to avoid overrating minor fluctuations in
/// stable courses); the reference SD is <see cref="RuptureRepairOptions.ReferenceStandardDeviation"/>, else the
/// episode's <see cref="Episode.Reference"/> (a caller's norm or the caseload's, see <see cref="ReferenceNorms"/>);
/// without one the client's SD is used and the finding says so. RC = 1.96 · √2 · SD · √(1 − r) is the
/// Jacobson–Truax reliable-change value with the reference SD (else the client's) and the instrument's reliability r
/// (0 without one): a drop must exceed what measurement error explains.</para>
/// <para>Repaired ⇔ some <c>y[j] ≥ y[t−1] − RC</c> for j in t+1 … t+k: the score is back to a level not reliably below
/// the one before the drop (a design choice: the domain reference gives no repair criterion; with the floor off, RC is
/// 0 and the score must regain the earlier level exactly). Thresholds of 1 SD and 2 SD were both used in the
/// literature; the default is 2 (domain reference §B, recommendation 5).</para>
/// <para>Applies to alliance measures only (<see cref="Episode.Measure"/>); an outcome episode gets
/// <see cref="NotApplicable"/>. Needs at least two sessions. This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class RuptureRepairDetector : ITrendDetector
{
    /// <summary>The default name, <c>rupture-repair</c>.</summary>
    public const string DefaultName = "rupture-repair";

    /// <summary>The two-sided 95 % normal quantile of the Jacobson–Truax criterion, 1.96.</summary>
    private const double Z = 1.96;

    private readonly RuptureRepairOptions _options;

    /// <summary>Initializes a new instance of the <see cref="RuptureRepairDetector"/> class with default options.</summary>
    public RuptureRepairDetector()
        : this(RuptureRepairOptions.Default)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RuptureRepairDetector"/> class.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when an option is out of range; the message names every one.</exception>
    public RuptureRepairDetector(RuptureRepairOptions options)
    {
        Guard.Against.Null(options);
        new OptionsCheck<RuptureRepairOptions>(options)
            .Require(o => o.DropInStandardDeviations > 0.0 && !double.IsInfinity(o.DropInStandardDeviations), "DropInStandardDeviations must be positive and finite.")
            .Require(o => o.SdBasis is >= RuptureSdBasis.IntraIndividual and <= RuptureSdBasis.StricterOfBoth, "SdBasis must be a defined value.")
            .Require(o => o.ReferenceStandardDeviation is null or (> 0.0 and < double.PositiveInfinity), "ReferenceStandardDeviation must be positive and finite when given.")
            .Require(o => o.Reliability is null or (> 0.0 and < 1.0), "Reliability must lie between 0 and 1 (exclusive) when given.")
            .Require(o => o.RepairWindow >= 1, "RepairWindow must be at least 1.")
            .ThrowIfInvalid(nameof(options));
        Name = StrategyNames.Validate(options.Name, DefaultName, nameof(options));
        _options = options;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string Version => "2.0";

    /// <inheritdoc/>
    public DetectionResult Detect(Episode episode)
    {
        Guard.Against.Null(episode);
        int n = episode.Count;
        if (episode.Measure != MeasureKind.Alliance)
        {
            return new NotApplicable(Name, "Ruptures are defined for alliance measures; this episode is an outcome measure.");
        }

        if (n < 2)
        {
            return new NotApplicable(Name, "Ruptures need at least two sessions.");
        }

        ReadOnlySpan<double> raw = episode.Values;
        double intra = Line.Fit(episode.Sessions, raw).StandardDeviationY;
        double? reference = _options.ReferenceStandardDeviation ?? episode.Reference?.StandardDeviation;
        RuptureSdBasis used;
        double sd;
        switch (_options.SdBasis)
        {
            case RuptureSdBasis.IntraIndividual:
                (used, sd) = (RuptureSdBasis.IntraIndividual, intra);
                break;
            case RuptureSdBasis.InterIndividual when reference is { } r:
                (used, sd) = (RuptureSdBasis.InterIndividual, r);
                break;
            case RuptureSdBasis.InterIndividual:
                return new NotApplicable(Name, "The inter-individual rule needs a reference SD: give ReferenceStandardDeviation or a reference norm.");
            case RuptureSdBasis.StricterOfBoth when reference is { } r:
                (used, sd) = (RuptureSdBasis.StricterOfBoth, Math.Max(intra, r));
                break;
            case RuptureSdBasis.StricterOfBoth:
                (used, sd) = (RuptureSdBasis.IntraIndividual, intra);
                break;
            default:
                throw new InvalidOperationException("The SD basis is not defined.");
        }

        double? reliability = _options.Reliability ?? episode.Reliability;
        double rc = _options.ReliableChangeFloor && reliability is { } rel ? Z * Math.Sqrt(2.0) * (reference ?? intra) * Math.Sqrt(1.0 - rel) : 0.0;
        double m = _options.DropInStandardDeviations;
        double threshold = Math.Max(m * sd, rc);
        int k = _options.RepairWindow;
        double sign = _options.HigherIsBetter ? 1.0 : -1.0;
        var parameters = new[]
        {
            new KeyValuePair<string, double>("m", m),
            new KeyValuePair<string, double>("sd", sd),
            new KeyValuePair<string, double>("intra-sd", intra),
            new KeyValuePair<string, double>("reference-sd", reference ?? double.NaN),
            new KeyValuePair<string, double>("reliable-change", rc),
            new KeyValuePair<string, double>("k", k),
            new KeyValuePair<string, double>("sd-basis", (int)used),
            new KeyValuePair<string, double>("higher-is-better", _options.HigherIsBetter ? 1 : 0),
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
            for (int j = t + 1; j <= Math.Min(n - 1, t + k); j++)
            {
                if (sign * (raw[j] - raw[t - 1]) >= -rc)
                {
                    repairedAt = j;
                    break;
                }
            }

            int start = episode.Scores[t - 1].Occasion.SessionNumber;
            int trough = episode.Scores[t].Occasion.SessionNumber;
            var sessions = new List<int> { start, trough };
            int? repairSession = repairedAt is { } at ? episode.Scores[at].Occasion.SessionNumber : null;
            if (repairSession is { } rs)
            {
                sessions.Add(rs);
            }

            // Whether the window has closed: a rupture near the end of the series may still be repaired.
            bool windowClosed = t + k <= n - 1;
            findings.Add(new RuptureFinding(Name, sessions, parameters, start, trough, drop, threshold, repairSession, repairedAt - t, raw[t - 1], raw[t], windowClosed, n - 1 - t));
        }

        return new Detection(Name, Version, findings.ToImmutable());
    }
}
