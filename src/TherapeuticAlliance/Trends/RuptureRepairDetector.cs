using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

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
