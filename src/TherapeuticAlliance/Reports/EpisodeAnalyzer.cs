using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Guidance;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Reports;

/// <summary>Runs a set of detectors, the alert rules and a guidance provider over an episode and gathers the results into an <see cref="AllianceReport"/>.</summary>
/// <remarks>
/// The default set (<see cref="Default"/>) runs <see cref="TrajectoryDetector"/>, <see cref="RuptureRepairDetector"/> and
/// <see cref="FeedbackRulesDetector"/> (alliance measures) and <see cref="ReliableChangeDetector"/> (outcome measures,
/// with the episode's reference norm and the instrument's reliability); add <see cref="SuddenGainsAndLossesDetector"/>
/// with the SD and reliability of the measure. <c>AnalyzeCaseload</c> judges each episode by published figures, the
/// client's own series and the caller's norms; the caseload's own norms only in a large caseload, and then only ever more
/// strictly (<see cref="CaseloadNormUse"/>). This type is immutable and thread-safe.
/// </remarks>
public sealed class EpisodeAnalyzer
{
    private readonly ImmutableArray<ITrendDetector> _detectors;
    private readonly AlertRules _alerts;
    private readonly IGuidanceProvider _guidance;
    private readonly IInstrumentCatalog _instruments;

    /// <summary>Initializes a new instance of the <see cref="EpisodeAnalyzer"/> class with the built-in instruments (<see cref="InstrumentCatalog.BuiltIn"/>).</summary>
    /// <param name="detectors">The detectors, run in this order.</param>
    /// <param name="alerts">The alert rules; <see langword="null"/> for the defaults.</param>
    /// <param name="guidance">The guidance provider; <see langword="null"/> for <see cref="FoundingPracticesGuidance"/>.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="detectors"/> is or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when two detectors share a name.</exception>
    public EpisodeAnalyzer(IEnumerable<ITrendDetector> detectors, AlertRules? alerts, IGuidanceProvider? guidance)
        : this(detectors, alerts, guidance, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EpisodeAnalyzer"/> class.</summary>
    /// <param name="detectors">The detectors, run in this order.</param>
    /// <param name="alerts">The alert rules; <see langword="null"/> for the defaults.</param>
    /// <param name="guidance">The guidance provider; <see langword="null"/> for <see cref="FoundingPracticesGuidance"/>.</param>
    /// <param name="instruments">The instruments the episodes were scored with, for <see cref="Instrument.HasPublishedValidation"/>: an instrument without published validation cannot raise an "act" alert (its alerts are lowered to "watch"); <see langword="null"/> for <see cref="InstrumentCatalog.BuiltIn"/>. An episode of an instrument the catalog does not hold counts as validated.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="detectors"/> is or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when two detectors share a name.</exception>
    public EpisodeAnalyzer(IEnumerable<ITrendDetector> detectors, AlertRules? alerts = null, IGuidanceProvider? guidance = null, IInstrumentCatalog? instruments = null)
    {
        _instruments = instruments ?? InstrumentCatalog.BuiltIn;
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

    /// <summary>Gets whether the instrument of this identifier has published validation (<see cref="Instrument.HasPublishedValidation"/>); <see langword="true"/> for an instrument the analyzer's catalog does not hold.</summary>
    /// <param name="instrumentId">The instrument's identifier.</param>
    /// <returns>Whether its alerts may reach "act".</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="instrumentId"/> is <see langword="null"/>.</exception>
    public bool HasPublishedValidation(string instrumentId) =>
        !_instruments.TryGetInstrument(Guard.Against.Null(instrumentId), out Instrument? instrument) || instrument.HasPublishedValidation;

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
        if (!HasPublishedValidation(episode.InstrumentId))
        {
            // Issue 26, part 6: an instrument without published validation cannot raise "act" by default.
            alerts = alerts.Select(a => a.Severity == AlertSeverity.Act
                ? new Alert(a.Rule, a.Sessions, a.Message + " (At most 'watch': the instrument has no published validation.)", a.SignalsStrain, AlertSeverity.Watch, a.Code)
                : a).ToImmutableArray();
        }

        foreach (Alert alert in alerts)
        {
            AllianceTelemetry.RecordAlert(alert.Code, AlertSeverityCodes.ToCode(alert.Severity));
        }

        ImmutableArray<FocusArea> focus = _guidance.Suggest(GuidanceContext.FromLatestScore(episode.Scores[episode.Count - 1], findings, alerts));
        return new AllianceReport(episode, findings, alerts, focus, skipped, otherPerspective);
    }

    /// <summary>
    /// The fewest episodes of one instrument and perspective for which <see cref="CaseloadNormUse.WhenLarge"/> uses the
    /// caseload's own norm: 30 (a design choice: from 30 clients, about 300 session-to-session changes, the norm's change
    /// SD moves by a few per cent when one client is added or left out).
    /// </summary>
    public const int LargeCaseloadEpisodes = 30;

    /// <summary>Analyzes a caseload with the caseload's own norms only where it is large (<see cref="CaseloadNormUse.WhenLarge"/>); see <see cref="AnalyzeCaseload(IEnumerable{Episode}, ReferenceNorms?, CaseloadNormUse)"/>.</summary>
    /// <param name="episodes">The caseload's episodes; identifiers are compared ordinally.</param>
    /// <param name="norms">The caller's norms, or <see langword="null"/> for none.</param>
    /// <returns>One report per episode, in the order given.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episodes"/> is or contains <see langword="null"/>.</exception>
    public ImmutableArray<AllianceReport> AnalyzeCaseload(IEnumerable<Episode> episodes, ReferenceNorms? norms) =>
        AnalyzeCaseload(episodes, norms, CaseloadNormUse.WhenLarge);

    /// <summary>
    /// Analyzes a caseload: judges each episode against the caller's norm for it, else (as <paramref name="caseloadNorms"/>
    /// says) the caseload's own (<see cref="Episode.WithReference"/>), and pairs each client episode with the therapist
    /// episode of the same identifier and instrument (and the other way round) for the discrepancy rule.
    /// </summary>
    /// <remarks>
    /// <para>Thresholds come from measurement error, not from who else is in the file. Reliable change rests on the
    /// instrument's published value where there is one (the ORS's 5 points), whatever the caseload; a caller's norm wins
    /// over it. The rupture rule judges by the client's own series and the instrument's reliability, and, in a large
    /// caseload, by the stricter of that and the caseload's change SD: a caseload can make a client's threshold higher,
    /// never lower. With <see cref="CaseloadNormUse.Never"/> every verdict is the one the client gets alone.</para>
    /// <para>Changed in 0.3.0: 0.2.0 always used the caseload's norms (<see cref="CaseloadNormUse.Always"/>), including
    /// its baseline SD for the ORS's reliable change. To keep 0.2.0's numbers, pass <see cref="CaseloadNormUse.Always"/>
    /// and a <see cref="ReliableChangeDetector"/> with empty <see cref="ReliableChangeOptions.PublishedValues"/> (the CLI's
    /// <c>--caseload-norms always</c>).</para>
    /// </remarks>
    /// <param name="episodes">The caseload's episodes; identifiers are compared ordinally.</param>
    /// <param name="norms">The caller's norms, which win over the caseload's; <see langword="null"/> for none.</param>
    /// <param name="caseloadNorms">When the caseload's own norms are used.</param>
    /// <returns>One report per episode, in the order given.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episodes"/> is or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="caseloadNorms"/> is not defined.</exception>
    public ImmutableArray<AllianceReport> AnalyzeCaseload(IEnumerable<Episode> episodes, ReferenceNorms? norms = null, CaseloadNormUse caseloadNorms = CaseloadNormUse.WhenLarge)
    {
        Guard.Against.Null(episodes);
        Guard.Against.InvalidInput(caseloadNorms, nameof(caseloadNorms), static c => c is CaseloadNormUse.WhenLarge or CaseloadNormUse.Always or CaseloadNormUse.Never, "The caseload norm use is not defined.");
        Episode[] all = episodes.Select(e => Guard.Against.Null(e, nameof(episodes))).ToArray();
        using Activity? activity = AllianceTelemetry.Source.StartActivity(AllianceTelemetry.AnalyzeCaseloadActivity);
        activity?.SetTag("episodes", all.Length);
        return AnalyzeWith(all, JudgingNorms(all, norms, caseloadNorms));
    }

    /// <summary>
    /// Gets the norms <see cref="AnalyzeCaseload(IEnumerable{Episode}, ReferenceNorms?, CaseloadNormUse)"/> judges a
    /// caseload by: the caller's, with the caseload's own as <paramref name="caseloadNorms"/> says. It reads the
    /// episodes once, in memory that grows with the instruments, not with the episodes, so a caseload too large to
    /// hold can be streamed through it (a first pass), then analysed client by client with
    /// <see cref="AnalyzeWith"/> (a second pass).
    /// </summary>
    /// <param name="episodes">The caseload's episodes; not read at all under <see cref="CaseloadNormUse.Never"/>.</param>
    /// <param name="norms">The caller's norms, which win over the caseload's; <see langword="null"/> for none.</param>
    /// <param name="caseloadNorms">When the caseload's own norms are used.</param>
    /// <returns>The norms to pass to <see cref="AnalyzeWith"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episodes"/> is or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="caseloadNorms"/> is not defined.</exception>
    public static ReferenceNorms JudgingNorms(IEnumerable<Episode> episodes, ReferenceNorms? norms = null, CaseloadNormUse caseloadNorms = CaseloadNormUse.WhenLarge)
    {
        Guard.Against.Null(episodes);
        Guard.Against.InvalidInput(caseloadNorms, nameof(caseloadNorms), static c => c is CaseloadNormUse.WhenLarge or CaseloadNormUse.Always or CaseloadNormUse.Never, "The caseload norm use is not defined.");
        return caseloadNorms switch
        {
            CaseloadNormUse.Always => (norms ?? ReferenceNorms.Empty).WithCaseload(episodes),
            CaseloadNormUse.WhenLarge => (norms ?? ReferenceNorms.Empty).WithCaseload(episodes, LargeCaseloadEpisodes),
            _ => norms ?? ReferenceNorms.Empty,
        };
    }

    /// <summary>
    /// Analyzes episodes against norms fixed beforehand (<see cref="JudgingNorms"/>), pairing each client episode with
    /// the therapist episode of the same identifier and instrument among those given: give whole clients, and a
    /// caseload can be analysed one client (or batch of clients) at a time, with the same reports
    /// <see cref="AnalyzeCaseload(IEnumerable{Episode}, ReferenceNorms?, CaseloadNormUse)"/> gives.
    /// </summary>
    /// <param name="episodes">Episodes of whole clients (every instrument and perspective of each identifier given).</param>
    /// <param name="judged">The norms to judge by; <see langword="null"/> for none.</param>
    /// <returns>One report per episode, in the order given.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episodes"/> is or contains <see langword="null"/>.</exception>
    public ImmutableArray<AllianceReport> AnalyzeWith(IEnumerable<Episode> episodes, ReferenceNorms? judged)
    {
        Guard.Against.Null(episodes);
        Episode[] all = episodes.Select(e => Guard.Against.Null(e, nameof(episodes))).ToArray();
        judged ??= ReferenceNorms.Empty;
        var byKey = all
            .GroupBy(e => (e.Id, e.InstrumentId, e.Perspective))
            .ToDictionary(g => g.Key, g => g.First());
        var reports = ImmutableArray.CreateBuilder<AllianceReport>(all.Length);
        foreach (Episode episode in all)
        {
            ReferenceNorm? reference = judged.Find(episode);
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
