using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Guidance;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Reports;

/// <summary>
/// Gathers everything known about one episode, typed: the episode with its scores and cutoff, the detectors'
/// findings (<see cref="TrendFinding"/>, the built-in kinds and any detector's own), the alerts, the focus areas, and
/// the detectors that did not apply.
/// </summary>
/// <remarks>
/// <para>Create reports with <see cref="EpisodeAnalyzer"/>. Consumers read the typed findings (a
/// <see cref="RuptureFinding"/>'s trough and repair, a <see cref="TrajectoryFinding"/>'s slope) rather than decoding
/// strings. Flattening happens only in <see cref="ToDocument"/> and <see cref="ToJson"/>, whose versioned schema is
/// <see cref="AllianceReportDocument"/>.</para>
/// <para>The report holds the caller's episode identifier, because the caller needs it to file the report;
/// <see cref="ToString"/> does not. This type is immutable and thread-safe.</para>
/// </remarks>
public sealed partial class AllianceReport
{
    /// <summary>Initializes a new instance of the <see cref="AllianceReport"/> class.</summary>
    /// <param name="episode">The episode analysed.</param>
    /// <param name="findings">The findings of every detector, in detector order.</param>
    /// <param name="alerts">The alerts raised.</param>
    /// <param name="guidance">The focus areas suggested.</param>
    /// <param name="skipped">The detectors whose rules did not apply, and why.</param>
    /// <param name="otherPerspective">The same client's episode from the other perspective that the alerts compared, if any.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument other than <paramref name="otherPerspective"/> is or contains <see langword="null"/>.</exception>
    public AllianceReport(Episode episode, IEnumerable<TrendFinding> findings, IEnumerable<Alert> alerts, IEnumerable<FocusArea> guidance, IEnumerable<NotApplicable> skipped, Episode? otherPerspective = null)
    {
        Episode = Guard.Against.Null(episode);
        Findings = Guard.Against.Null(findings).Select(f => Guard.Against.Null(f, nameof(findings))).ToImmutableArray();
        Alerts = Guard.Against.Null(alerts).Select(a => Guard.Against.Null(a, nameof(alerts))).ToImmutableArray();
        Guidance = Guard.Against.Null(guidance).Select(g => Guard.Against.Null(g, nameof(guidance))).ToImmutableArray();
        Skipped = Guard.Against.Null(skipped).Select(s => Guard.Against.Null(s, nameof(skipped))).ToImmutableArray();
        OtherPerspective = otherPerspective;
    }

    /// <summary>Gets the episode analysed: its identifier, instrument, perspective, metric, range, cutoff and scores.</summary>
    public Episode Episode { get; }

    /// <summary>Gets the same client's episode from the other perspective, when one was compared.</summary>
    public Episode? OtherPerspective { get; }

    /// <summary>Gets the caller's episode identifier (the <see cref="Episode"/>'s).</summary>
    public string EpisodeId => Episode.Id;

    /// <summary>Gets the instrument identifier.</summary>
    public string InstrumentId => Episode.InstrumentId;

    /// <summary>Gets who rated.</summary>
    public Perspective Perspective => Episode.Perspective;

    /// <summary>Gets the metric of the scores.</summary>
    public ScoreMetric Metric => Episode.Metric;

    /// <summary>Gets the findings of every detector, typed, in detector order.</summary>
    public ImmutableArray<TrendFinding> Findings { get; }

    /// <summary>Gets the alerts, in rule order then session order.</summary>
    public ImmutableArray<Alert> Alerts { get; }

    /// <summary>Gets the focus areas suggested.</summary>
    public ImmutableArray<FocusArea> Guidance { get; }

    /// <summary>Gets the detectors whose rules did not apply, and why.</summary>
    public ImmutableArray<NotApplicable> Skipped { get; }

    /// <summary>Flattens the report into its versioned document: findings as codes, sessions, parameters and values by name, and summaries.</summary>
    /// <returns>The document (schema <see cref="AllianceReportDocument.CurrentSchemaVersion"/>).</returns>
    public AllianceReportDocument ToDocument() => new(
        Episode.Id,
        Episode.InstrumentId,
        Episode.Perspective,
        Episode.Metric,
        Episode.Minimum,
        Episode.Maximum,
        Episode.Scores.Select((s, i) => new ReportSession(s.Occasion.SessionNumber, s.Occasion.RecordedAt, s.Value, s.Pomp) { Care = Episode.Care[i] }),
        Findings.Select(f => new ReportFinding(f.Rule, f.Code, f.Sessions, f.Parameters, f.Values, f.Summary)),
        Alerts.Select(a => new ReportAlert(a.Rule, a.Sessions, a.Message, a.Code, a.Severity)),
        Guidance.Select(g => new ReportFocusArea(g.Practice, g.Prompt, g.Trigger, g.Reason)),
        Skipped.Select(s => new ReportSkippedDetector(s.DetectorName, s.Reason)));

    /// <summary>Writes the report's document as indented JSON (schema version <see cref="AllianceReportDocument.CurrentSchemaVersion"/>); read it back with <see cref="AllianceReportDocument.FromJson"/>.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ToDocument().ToJson();

    /// <summary>Returns a summary without the episode identifier.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture, "report: {0}, {1}, {2} sessions, {3} findings, {4} alerts", InstrumentId, Perspective, Episode.Count, Findings.Length, Alerts.Length);
}
