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
/// The default set (<see cref="Default"/>) runs <see cref="TrajectoryDetector"/>, <see cref="RuptureRepairDetector"/> and
/// <see cref="FeedbackRulesDetector"/> (alliance measures) and <see cref="ReliableChangeDetector"/> (outcome measures,
/// with the episode's reference norm and the instrument's reliability); add <see cref="SuddenGainsAndLossesDetector"/>
/// with the SD and reliability of the measure. <see cref="AnalyzeCaseload"/> judges each episode against its caseload
/// (<see cref="ReferenceNorms.FromCaseload"/>) or the caller's norms. This type is immutable and thread-safe.
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

    /// <summary>
    /// Gets the default detectors, in the order they run: <c>trajectory</c>, <c>rupture-repair</c>,
    /// <c>feedback-rules</c>, <c>reliable-change</c>. The one list of defaults: <see cref="Default"/> runs it and
    /// <c>AddTherapeuticAlliance</c> registers it through <c>AddTrendDetector</c>, the call an application's detector takes.
    /// </summary>
    public static ImmutableArray<ITrendDetector> DefaultDetectors { get; } = ImmutableArray.Create<ITrendDetector>(new TrajectoryDetector(), new RuptureRepairDetector(), new FeedbackRulesDetector(), new ReliableChangeDetector());

    /// <summary>Gets an analyzer with the default detectors (<see cref="DefaultDetectors"/>), alert rules and guidance.</summary>
    public static EpisodeAnalyzer Default { get; } = new(DefaultDetectors);

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

    /// <summary>
    /// Analyzes a caseload: computes its reference norms (<see cref="ReferenceNorms.FromCaseload"/>), lets the caller's
    /// norms win where given, judges each episode against its norm (<see cref="Episode.WithReference"/>), and pairs each
    /// client episode with the therapist episode of the same identifier and instrument (and the other way round) for the
    /// discrepancy rule.
    /// </summary>
    /// <param name="episodes">The caseload's episodes; identifiers are compared ordinally.</param>
    /// <param name="norms">The caller's norms, or <see langword="null"/> for the caseload's alone.</param>
    /// <returns>One report per episode, in the order given.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episodes"/> is or contains <see langword="null"/>.</exception>
    public ImmutableArray<AllianceReport> AnalyzeCaseload(IEnumerable<Episode> episodes, ReferenceNorms? norms = null)
    {
        Guard.Against.Null(episodes);
        Episode[] all = episodes.Select(e => Guard.Against.Null(e, nameof(episodes))).ToArray();
        ReferenceNorms caseload = ReferenceNorms.FromCaseload(all);
        var byKey = all
            .GroupBy(e => (e.Id, e.InstrumentId, e.Perspective))
            .ToDictionary(g => g.Key, g => g.First());
        var reports = ImmutableArray.CreateBuilder<AllianceReport>(all.Length);
        foreach (Episode episode in all)
        {
            ReferenceNorm? own = caseload.Find(episode);
            ReferenceNorm? reference = norms?.Find(episode)?.Complete(own) ?? own;
            Perspective? otherSide = episode.Perspective switch
            {
                Perspective.Client => Perspective.Therapist,
                Perspective.Therapist => Perspective.Client,
                _ => null,
            };
            Episode? other = otherSide is { } side && byKey.TryGetValue((episode.Id, episode.InstrumentId, side), out Episode? found) ? found : null;
            reports.Add(Analyze(episode.WithReference(reference), other));
        }

        return reports.MoveToImmutable();
    }
}
