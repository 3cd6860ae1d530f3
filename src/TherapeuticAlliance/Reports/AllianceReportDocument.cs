using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Ardalis.GuardClauses;
using OneOf;

namespace TherapeuticAlliance.Reports;

/// <summary>
/// The flat, versioned document form of an <see cref="AllianceReport"/>: what its JSON holds (schema version
/// <see cref="CurrentSchemaVersion"/>), with findings, alerts and focus areas flattened to codes, sessions, numbers by
/// name and sentences. It is what <see cref="FromJson"/> reads back, since the typed findings of detectors cannot be
/// rebuilt from JSON.
/// </summary>
/// <remarks>
/// <para>Create it with <see cref="AllianceReport.ToDocument"/>. <see cref="ToJson"/> writes it through a source-generated
/// serializer (so it works under trimming and native AOT); <see cref="FromJson"/> reads it back, all or nothing, and
/// writing the result again gives the same JSON. The document contains the caller's episode identifier, because the
/// caller needs it to file the report; <see cref="ToString"/> does not.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class AllianceReportDocument
{
    /// <summary>The schema version written by <see cref="ToJson"/>.</summary>
    /// <remarks>
    /// 2.0 (issue 13) added each alert's <c>code</c> and <c>severity</c>; see docs/trends.md for the migration. 2.1
    /// (issue 28) adds each session's <c>therapist</c>, <c>site</c> and <c>team</c> where recorded: a document with no
    /// care key is written as 2.0, unchanged, so readers of 2.0 read every document without keys as before.
    /// </remarks>
    public const string CurrentSchemaVersion = "2.1";

    /// <summary>The schema version of a document without care keys: 2.0, which <see cref="FromJson"/> still reads.</summary>
    private const string VersionWithoutKeys = "2.0";

    /// <summary>
    /// The longest report JSON <see cref="FromJson"/> reads: 4,000,000 characters. A report is one episode of one
    /// instrument; 1,000 sessions with a finding and an alert at each write under 1,000,000 characters. Longer text is
    /// refused before it is parsed (issue 27: a 41 MB document took 29 s to be read).
    /// </summary>
    public const int MaximumJsonLength = 4_000_000;

    private static readonly string TooLong = string.Format(System.Globalization.CultureInfo.InvariantCulture, "The report JSON is longer than {0:N0} characters; a report holds one episode.", MaximumJsonLength);

    /// <summary>Initializes a new instance of the <see cref="AllianceReportDocument"/> class.</summary>
    /// <param name="episodeId">The caller's episode identifier.</param>
    /// <param name="instrumentId">The instrument identifier.</param>
    /// <param name="perspective">Who rated.</param>
    /// <param name="metric">The metric of the scores.</param>
    /// <param name="minimum">The lowest possible score.</param>
    /// <param name="maximum">The highest possible score.</param>
    /// <param name="sessions">The sessions.</param>
    /// <param name="findings">The findings.</param>
    /// <param name="alerts">The alerts.</param>
    /// <param name="guidance">The focus areas.</param>
    /// <param name="skipped">Detectors that did not apply.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public AllianceReportDocument(
        string episodeId,
        string instrumentId,
        Perspective perspective,
        ScoreMetric metric,
        decimal minimum,
        decimal maximum,
        IEnumerable<ReportSession> sessions,
        IEnumerable<ReportFinding> findings,
        IEnumerable<ReportAlert> alerts,
        IEnumerable<ReportFocusArea> guidance,
        IEnumerable<ReportSkippedDetector> skipped)
    {
        EpisodeId = Guard.Against.Null(episodeId);
        InstrumentId = Guard.Against.Null(instrumentId);
        Perspective = perspective;
        Metric = metric;
        Minimum = minimum;
        Maximum = maximum;
        Sessions = Guard.Against.Null(sessions).ToImmutableArray();
        Findings = Guard.Against.Null(findings).ToImmutableArray();
        Alerts = Guard.Against.Null(alerts).ToImmutableArray();
        Guidance = Guard.Against.Null(guidance).ToImmutableArray();
        Skipped = Guard.Against.Null(skipped).ToImmutableArray();
    }

    /// <summary>Gets the schema version of this document: <see cref="CurrentSchemaVersion"/> (2.1) when a session records a care key, else 2.0 (the same JSON as before keys existed).</summary>
    public string SchemaVersion => Sessions.Any(s => !s.Care.IsEmpty) ? CurrentSchemaVersion : VersionWithoutKeys;

    /// <summary>Gets the caller's episode identifier.</summary>
    public string EpisodeId { get; }

    /// <summary>Gets the instrument identifier.</summary>
    public string InstrumentId { get; }

    /// <summary>Gets who rated.</summary>
    public Perspective Perspective { get; }

    /// <summary>Gets the metric of the scores.</summary>
    public ScoreMetric Metric { get; }

    /// <summary>Gets the lowest possible score.</summary>
    public decimal Minimum { get; }

    /// <summary>Gets the highest possible score.</summary>
    public decimal Maximum { get; }

    /// <summary>Gets the sessions, in order.</summary>
    public ImmutableArray<ReportSession> Sessions { get; }

    /// <summary>Gets the findings of every detector.</summary>
    public ImmutableArray<ReportFinding> Findings { get; }

    /// <summary>Gets the alerts.</summary>
    public ImmutableArray<ReportAlert> Alerts { get; }

    /// <summary>Gets the focus areas suggested.</summary>
    public ImmutableArray<ReportFocusArea> Guidance { get; }

    /// <summary>Gets the detectors whose rules did not apply.</summary>
    public ImmutableArray<ReportSkippedDetector> Skipped { get; }

    /// <summary>Reads a report document written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The document, or an <see cref="InvalidReportDocument"/> when the JSON is longer than <see cref="MaximumJsonLength"/>, is malformed, gives a property twice, holds an unpaired surrogate, is of another schema version, or is incomplete; never throws on bad input.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="json"/> is <see langword="null"/>.</exception>
    public static ReportDocumentResult FromJson(string json)
    {
        Guard.Against.Null(json);
        if (json.Length > MaximumJsonLength)
        {
            return new InvalidReportDocument(TooLong);
        }

        switch (JsonDuplicates.Scan(json, 16))
        {
            case JsonScan.Duplicate:
                return new InvalidReportDocument("The report JSON gives a property twice in one object.");
            case JsonScan.Unreadable:
                return new InvalidReportDocument("The report JSON holds a string with an unpaired surrogate (raw or escaped); no text can carry it.");
        }

        ReportDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, ReportJsonContext.Default.ReportDto);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or FormatException or InvalidOperationException)
        {
            return new InvalidReportDocument("The report JSON is malformed or has an unexpected property or value type.");
        }

        if (dto is null || (dto.SchemaVersion != CurrentSchemaVersion && dto.SchemaVersion != VersionWithoutKeys))
        {
            return new InvalidReportDocument("The report JSON is not of schema version " + VersionWithoutKeys + " or " + CurrentSchemaVersion + ".");
        }

        // A document states the version its content needs: care keys only in 2.1, and 2.1 only with a key, so
        // writing what was read gives the same JSON.
        return ReportDtoMapper.FromDto(dto) is { } report && report.SchemaVersion == dto.SchemaVersion
            ? report
            : new InvalidReportDocument("The report JSON is incomplete: a required property is missing or out of range, a care key breaks the identifier rules, or its schema version does not match its care keys (2.1 with keys, 2.0 without).");
    }

    /// <summary>Writes the report as indented JSON (schema version <see cref="CurrentSchemaVersion"/>).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(ReportDtoMapper.ToDto(this), ReportJsonContext.Default.ReportDto);

    /// <summary>Returns a summary without the episode identifier.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture, "report: {0}, {1}, {2} sessions, {3} findings, {4} alerts", InstrumentId, Perspective, Sessions.Length, Findings.Length, Alerts.Length);
}
