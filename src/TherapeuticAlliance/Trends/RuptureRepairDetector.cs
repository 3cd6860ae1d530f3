using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Ardalis.GuardClauses;
using MathNet.Numerics.Distributions;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// Finds alliance ruptures (a drop from the level of the last scores of at least m·SD, with m corrected for the number
/// of drops an episode offers, and at least the reliable-change value) and whether each was repaired (a return,
/// within k sessions, to a level not reliably below the pre-rupture level).
/// </summary>
/// <remarks>
/// <para>Rupture at t ⇔ <c>ȳ − y[t] ≥ max(m′·SD, RC)</c> and the drop is positive, where ȳ is the mean of the
/// b = <see cref="RuptureRepairOptions.BaselineSessions"/> scores before t (fewer at the start) and
/// m′ = max(m, Φ⁻¹(1 − α/(n − 1))·√((1 + 1/b)/2)) holds the false-alarm rate α =
/// <see cref="RuptureRepairOptions.EpisodeFalseAlarmRate"/> per episode of n scores, never below the published m (Bonferroni over its n − 1 drops; design choices of issue 26, measured in
/// <c>docs/trends.md</c>). With b = 1 and no α this is Gumz et al.'s drop between consecutive sessions,
/// <c>y[t−1] − y[t] ≥ max(m·SD, RC)</c>. A drop while an earlier rupture is not yet repaired belongs to it and is not
/// a finding of its own. SD is, by default, the larger
/// of the client's own SD and the reference group's (Gumz, Brähler, Geyer &amp; Erices 2012, <i>BMC Medical Research
/// Methodology 12</i>:10: "favor the stricter of the two values", to avoid overrating minor fluctuations in stable
/// courses); by default both measure session-to-session change (<see cref="RuptureVariability.SessionChanges"/>, a
/// design choice; <see cref="RuptureVariability.ScoreLevels"/> is the other reading). The reference SD is
/// <see cref="RuptureRepairOptions.ReferenceStandardDeviation"/>, else the episode's <see cref="Episode.Reference"/> (a
/// caller's norm or the caseload's, see <see cref="ReferenceNorms"/>); without one the client's SD is used, without
/// enough of the client's scores the reference's, and the finding says which. RC = 1.96 · √2 · SD · √(1 − r) is the
/// Jacobson–Truax reliable-change value with the reference SD (else the client's) and the instrument's reliability r
/// (0 without one): a drop must exceed what measurement error explains.</para>
/// <para>Repaired ⇔ some <c>y[j] ≥ y[t−1] − tolerance</c> for j in t+1 … t+k (k counts ratings): the score is back to a
/// level not reliably below the one before the drop, the tolerance being RC, or the SD the threshold used when there
/// is no reliability, or 0 with the floor off (a design choice: the domain reference gives no repair criterion).
/// Thresholds of 1 SD and 2 SD were both used in the literature; the default is 2 (domain reference §B,
/// recommendation 5).</para>
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
            .Require(o => o.Variability is RuptureVariability.ScoreLevels or RuptureVariability.SessionChanges, "Variability must be a defined value.")
            .Require(o => o.ReferenceStandardDeviation is null or (> 0.0 and < double.PositiveInfinity), "ReferenceStandardDeviation must be positive and finite when given.")
            .Require(o => o.Reliability is null or (> 0.0 and < 1.0), "Reliability must lie between 0 and 1 (exclusive) when given.")
            .Require(o => o.RepairWindow >= 1, "RepairWindow must be at least 1.")
            .Require(o => o.EpisodeFalseAlarmRate is null or (> 0.0 and < 1.0), "EpisodeFalseAlarmRate must lie between 0 and 1 (exclusive) when given.")
            .Require(o => o.BaselineSessions >= 1, "BaselineSessions must be at least 1.")
            .ThrowIfInvalid(nameof(options));
        Name = StrategyNames.Validate(options.Name, DefaultName, nameof(options));
        _options = options;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string Version => "3.0";

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
        double seriesSd = Line.Fit(episode.Sessions, raw).StandardDeviationY;
        bool changes = _options.Variability == RuptureVariability.SessionChanges;
        double? reference = _options.ReferenceStandardDeviation
            ?? (changes ? episode.Reference?.ChangeStandardDeviation : episode.Reference?.StandardDeviation);
        // The Jacobson–Truax value rests on the baseline SD of scores (the reference's), whichever variability the threshold uses.
        double? levelReference = episode.Reference?.ReliableChangeStandardDeviation ?? (changes ? null : _options.ReferenceStandardDeviation);
        if (_options.SdBasis == RuptureSdBasis.InterIndividual && reference is null)
        {
            return new NotApplicable(Name, "The inter-individual rule needs a reference SD: give ReferenceStandardDeviation or a reference norm.");
        }

        double? reliability = _options.Reliability ?? episode.Reliability;
        // Per episode, not per pair: with n − 1 pairs examined, m is raised to the one-sided normal quantile that keeps
        // the chance of any false finding in a noise-only episode at about α (Bonferroni over the pairs).
        double m = _options.DropInStandardDeviations;
        double z = _options.EpisodeFalseAlarmRate is { } alpha ? Normal.InvCDF(0.0, 1.0, 1.0 - (alpha / (n - 1))) : 0.0;
        int k = _options.RepairWindow;
        double sign = _options.HigherIsBetter ? 1.0 : -1.0;
        var findings = ImmutableArray.CreateBuilder<TrendFinding>();
        // One rupture, one finding: a drop inside a rupture not yet repaired is part of it, not a new one.
        int ongoingUntil = 0;
        for (int t = 1; t < n; t++)
        {
            if (t <= ongoingUntil)
            {
                continue;
            }

            int b = Math.Min(_options.BaselineSessions, t);
            double level = 0.0;
            for (int i = t - b; i < t; i++)
            {
                level += raw[i] / b;
            }

            double drop = sign * (level - raw[t]);
            if (!(drop > 0.0))
            {
                continue;
            }

            int clientChanges = 0;
            double? intra = _options.Variability switch
            {
                RuptureVariability.ScoreLevels => seriesSd,
                RuptureVariability.SessionChanges => ClientChangeScale(raw, t, _options.EpisodeFalseAlarmRate is not null, out clientChanges),
                _ => throw new InvalidOperationException("The variability is not defined."),
            };
            var (used, sd) = (_options.SdBasis, intra, reference) switch
            {
                (RuptureSdBasis.IntraIndividual, { } i, _) => (RuptureSdBasis.IntraIndividual, i),
                (RuptureSdBasis.InterIndividual, _, { } r) => (RuptureSdBasis.InterIndividual, r),
                (RuptureSdBasis.StricterOfBoth, { } i, { } r) => (RuptureSdBasis.StricterOfBoth, Math.Max(i, r)),
                (RuptureSdBasis.StricterOfBoth, { } i, null) => (RuptureSdBasis.IntraIndividual, i),
                (RuptureSdBasis.StricterOfBoth, null, { } r) => (RuptureSdBasis.InterIndividual, r),
                _ => (RuptureSdBasis.IntraIndividual, double.NaN),
            };
            if (double.IsNaN(sd))
            {
                // Neither the client's variability (too few scores) nor a reference SD: the drop cannot be judged.
                // Stryker disable once Statement : equivalent; without it the threshold is Math.Max(NaN, RC) = NaN, which the next check skips all the same
                continue;
            }

            double rc = _options.ReliableChangeFloor && reliability is { } rel ? Z * Math.Sqrt(2.0) * (levelReference ?? seriesSd) * Math.Sqrt(1.0 - rel) : 0.0;
            // The drop from a mean of b scores varies as √((1 + 1/b)/2) of a change between two sessions; the per-episode
            // multiplier never goes below the published per-pair m.
            double shape = Math.Sqrt((1.0 + (1.0 / b)) / 2.0);
            double multiplier = Math.Max(m, z * shape);
            if (_options.EpisodeFalseAlarmRate is { } a && clientChanges > 0 && intra is { } own)
            {
                // A scale estimated from the client's own few changes is itself uncertain: judged by it alone, the
                // per-episode quantile is Student's t with twice as many degrees of freedom as changes the scale rests on
                // (a design choice, chosen on the signal grid's tuning seeds; docs/trends.md), not the normal's. A
                // reference only ever makes the rule stricter: the threshold is never below the client's own, so a client
                // is judged inside a caseload at least as strictly as alone.
                double ownMultiplier = Math.Max(m, StudentT.InvCDF(0.0, 1.0, 2.0 * clientChanges, 1.0 - (a / (n - 1))) * shape);
                double ownRc = _options.ReliableChangeFloor && reliability is { } r ? Z * Math.Sqrt(2.0) * seriesSd * Math.Sqrt(1.0 - r) : 0.0;
                if (used == RuptureSdBasis.IntraIndividual || Math.Max(ownMultiplier * own, ownRc) > Math.Max(multiplier * sd, rc))
                {
                    (used, sd, multiplier, rc) = (RuptureSdBasis.IntraIndividual, own, ownMultiplier, used == RuptureSdBasis.IntraIndividual ? rc : ownRc);
                }
            }

            double threshold = Math.Max(multiplier * sd, rc);
            if (!(threshold > 0.0))
            {
                // No variability to judge the drop by: every drop would pass.
                continue;
            }

            // A drop equal to the threshold counts; the relative tolerance absorbs floating-point rounding of the SD.
            if (drop < threshold * (1.0 - 1e-12))
            {
                continue;
            }

            // How far below the earlier level a repair may stay: RC; the threshold's SD without a reliability; nothing
            // with the floor off (the series-SD rule of the domain reference, whose oracle repairs only at the level).
            double tolerance = !_options.ReliableChangeFloor ? 0.0 : rc > 0.0 ? rc : sd;
            var criterion = new RuptureCriterion(multiplier, sd, intra, reference, rc, tolerance, k, used, _options.Variability, _options.HigherIsBetter, b);

            int? repairedAt = null;
            for (int j = t + 1; j <= Math.Min(n - 1, t + k); j++)
            {
                if (sign * (raw[j] - level) >= -tolerance)
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

            ongoingUntil = repairedAt ?? n;

            // Whether the window has closed: a rupture near the end of the series may still be repaired.
            bool windowClosed = t + k <= n - 1;
            findings.Add(new RuptureFinding(Name, sessions, criterion, start, trough, drop, threshold, repairSession, repairedAt - t, level, raw[t], windowClosed, n - 1 - t));
        }

        return new Detection(Name, Version, findings.ToImmutable());
    }

    /// <summary>
    /// The scale of the client's session-to-session changes that do not touch the score at <paramref name="trough"/>:
    /// for the per-episode rule, the trimmed root mean square of <see cref="ChangeScale.Trimmed"/> (the largest fifth left
    /// out, so another rupture in the series does not raise this one's threshold); for the per-pair presets, the median
    /// absolute change / 0.6745 they were published with; <see langword="null"/> when no change remains.
    /// </summary>
    private static double? ClientChangeScale(ReadOnlySpan<double> values, int trough, bool trimmed, out int count)
    {
        var changes = new List<double>(values.Length);
        for (int i = 1; i < values.Length; i++)
        {
            if (i != trough && i != trough + 1)
            {
                changes.Add(Math.Abs(values[i] - values[i - 1]));
            }
        }

        count = changes.Count;
        return trimmed ? ChangeScale.Trimmed(changes) : ChangeScale.Of(changes);
    }
}
