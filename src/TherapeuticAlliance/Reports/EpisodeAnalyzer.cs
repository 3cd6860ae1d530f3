using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Guidance;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Reports;

/// <summary>Runs a set of detectors, the alert rules and a guidance provider over an episode and gathers the results into an <see cref="AllianceReport"/>.</summary>
/// <remarks>
/// The default set (<see cref="Default"/>) runs the detectors that need no caller-supplied norms
/// (<see cref="TrajectoryDetector"/>, <see cref="RuptureRepairDetector"/>, <see cref="FeedbackRulesDetector"/>); add
/// <see cref="ReliableChangeDetector"/> and <see cref="SuddenGainsAndLossesDetector"/> with the SD and reliability of the
/// measure. This type is immutable and thread-safe.
/// </remarks>
public sealed class EpisodeAnalyzer
{
    private readonly ImmutableArray<ITrendDetector> _detectors;
    private readonly AlertRules _alerts;
    private readonly IGuidanceProvider _guidance;

    /// <summary>Initializes a new instance of the <see cref="EpisodeAnalyzer"/> class.</summary>
    /// <param name="detectors">The detectors, run in this order.</param>
    /// <param name="alerts">The alert rules; <see langword="null"/> for the defaults.</param>
    /// <param name="guidance">The guidance provider; <see langword="null"/> for <see cref="FoundingPracticesGuidance"/>.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="detectors"/> is or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when two detectors share a name.</exception>
    public EpisodeAnalyzer(IEnumerable<ITrendDetector> detectors, AlertRules? alerts = null, IGuidanceProvider? guidance = null)
    {
        Guard.Against.Null(detectors);
        _detectors = detectors.Select(d => Guard.Against.Null(d, nameof(detectors))).ToImmutableArray();
        Guard.Against.InvalidInput(_detectors, nameof(detectors), d => d.Select(x => x.Name).Distinct(StringComparer.Ordinal).Count() == d.Length, "Each detector needs its own name.");
        _alerts = alerts ?? new AlertRules();
        _guidance = guidance ?? FoundingPracticesGuidance.Instance;
    }

    /// <summary>Gets an analyzer with the default detectors, alert rules and guidance.</summary>
    public static EpisodeAnalyzer Default { get; } = new(new ITrendDetector[] { new TrajectoryDetector(), new RuptureRepairDetector(), new FeedbackRulesDetector() });

    /// <summary>Gets the detectors, in the order they run.</summary>
    public ImmutableArray<ITrendDetector> Detectors => _detectors;

    /// <summary>Analyzes an episode.</summary>
    /// <param name="episode">The episode.</param>
    /// <param name="otherPerspective">The same client's episode from the other perspective, for the discrepancy alert; <see langword="null"/> when there is none.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episode"/> is <see langword="null"/>.</exception>
    public AllianceReport Analyze(Episode episode, Episode? otherPerspective = null)
    {
        Guard.Against.Null(episode);
        var findings = new List<TrendFinding>();
        var skipped = new List<NotApplicable>();
        foreach (ITrendDetector detector in _detectors)
        {
            detector.Detect(episode).Switch(
                detection => findings.AddRange(detection.Findings),
                skipped.Add);
        }

        ImmutableArray<Alert> alerts = _alerts.Evaluate(episode, findings, otherPerspective);
        ImmutableArray<FocusArea> focus = _guidance.Suggest(GuidanceContext.FromLatestScore(episode.Scores[episode.Count - 1], findings, alerts));
        return new AllianceReport(episode, findings, alerts, focus, skipped, otherPerspective);
    }
}
