using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using TherapeuticAlliance.Guidance;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Reports;

internal sealed class ReportDto
{
    public string? SchemaVersion { get; set; }

    public string? EpisodeId { get; set; }

    public string? InstrumentId { get; set; }

    public string? Perspective { get; set; }

    public string? Metric { get; set; }

    public decimal? Minimum { get; set; }

    public decimal? Maximum { get; set; }

    public List<ReportSessionDto>? Sessions { get; set; }

    public List<ReportFindingDto>? Findings { get; set; }

    public List<ReportAlertDto>? Alerts { get; set; }

    public List<ReportFocusAreaDto>? Guidance { get; set; }

    public List<ReportSkippedDto>? Skipped { get; set; }
}

internal sealed class ReportSessionDto
{
    public int? Session { get; set; }

    public DateTimeOffset? RecordedAt { get; set; }

    public decimal? Value { get; set; }

    public decimal? Pomp { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Therapist { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Site { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Team { get; set; }
}

internal sealed class ReportFindingDto
{
    public string? Rule { get; set; }

    public string? Type { get; set; }

    public List<int>? Sessions { get; set; }

    public SortedDictionary<string, double>? Parameters { get; set; }

    public SortedDictionary<string, double>? Values { get; set; }

    public string? Summary { get; set; }
}

internal sealed class ReportAlertDto
{
    public string? Rule { get; set; }

    public string? Code { get; set; }

    public string? Severity { get; set; }

    public List<int>? Sessions { get; set; }

    public string? Message { get; set; }
}

internal sealed class ReportFocusAreaDto
{
    public string? Practice { get; set; }

    public string? Prompt { get; set; }

    public string? Trigger { get; set; }

    public string? Reason { get; set; }
}

internal sealed class ReportSkippedDto
{
    public string? Detector { get; set; }

    public string? Reason { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    MaxDepth = 16)]
[JsonSerializable(typeof(ReportDto))]
internal sealed partial class ReportJsonContext : JsonSerializerContext
{
}

internal static class ReportDtoMapper
{
    /// <summary>
    /// The largest magnitude of a score's range: a sum of 1,000 items on a scale within ±1,000,000. A report outside it
    /// cannot come from the library, and bounding it keeps the POMP check far inside <see cref="decimal"/>'s range.
    /// </summary>
    private const decimal MaximumScoreMagnitude = (decimal)RatingScale.MaximumMagnitude * InstrumentSpec.MaximumItems;

    internal static ReportDto ToDto(AllianceReportDocument report) => new()
    {
        SchemaVersion = report.SchemaVersion,
        EpisodeId = report.EpisodeId,
        InstrumentId = report.InstrumentId,
        Perspective = AllianceCodes.ToCode(report.Perspective),
        Metric = AllianceCodes.ToCode(report.Metric),
        Minimum = report.Minimum,
        Maximum = report.Maximum,
        Sessions = report.Sessions.Select(s => new ReportSessionDto { Session = s.Session, RecordedAt = s.RecordedAt, Value = s.Value, Pomp = s.Pomp, Therapist = s.Care.Therapist, Site = s.Care.Site, Team = s.Care.Team }).ToList(),
        Findings = report.Findings.Select(f => new ReportFindingDto
        {
            Rule = f.Rule,
            Type = f.Type,
            Sessions = f.Sessions.ToList(),
            Parameters = new SortedDictionary<string, double>(f.Parameters.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal),
            Values = new SortedDictionary<string, double>(f.Values.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal),
            Summary = f.Summary,
        }).ToList(),
        Alerts = report.Alerts.Select(a => new ReportAlertDto { Rule = a.Rule, Code = a.Code, Severity = AlertSeverityCodes.ToCode(a.Severity), Sessions = a.Sessions.ToList(), Message = a.Message }).ToList(),
        Guidance = report.Guidance.Select(g => new ReportFocusAreaDto { Practice = ImprovementPracticeCodes.ToCode(g.Practice), Prompt = g.Prompt, Trigger = g.Trigger, Reason = g.Reason }).ToList(),
        Skipped = report.Skipped.Select(s => new ReportSkippedDto { Detector = s.Detector, Reason = s.Reason }).ToList(),
    };

    /// <summary>Whether a care key read from a document is absent or follows the identifier rules (<see cref="CareKeys.IsValidKey"/>).</summary>
    private static bool Key(string? key) => key is null || CareKeys.IsValidKey(key);

    internal static AllianceReportDocument? FromDto(ReportDto dto)
    {
        Perspective? perspective = AllianceCodes.TryParse(dto.Perspective, out Perspective perspectiveCode) ? perspectiveCode : null;
        ScoreMetric? metric = AllianceCodes.TryParse(dto.Metric, out ScoreMetric m) ? m : null;
        if (dto.EpisodeId is null || dto.InstrumentId is null || perspective is null || metric is null
            || dto.Minimum is not { } minimum || dto.Maximum is not { } maximum || maximum <= minimum
            || Math.Abs(minimum) > MaximumScoreMagnitude || Math.Abs(maximum) > MaximumScoreMagnitude
            || dto.Sessions is null || dto.Findings is null || dto.Alerts is null || dto.Guidance is null || dto.Skipped is null)
        {
            return null;
        }

        // Every session complete, in strictly increasing order, its value in the range and its POMP the value's
        // (to 1e-4 points, for writers that round); findings and alerts refer to sessions of the report.
        int? previous = null;
        foreach (ReportSessionDto? session in dto.Sessions)
        {
            if (session is not { Session: { } number, Value: { } value, Pomp: { } pomp }
                || number < 0 || (previous is { } p && number <= p) || value < minimum || value > maximum
                || Math.Abs(pomp - (100m * (value - minimum) / (maximum - minimum))) > 0.0001m)
            {
                return null;
            }

            if (!Key(session.Therapist) || !Key(session.Site) || !Key(session.Team))
            {
                return null;
            }

            previous = number;
        }

        var known = new HashSet<int>(dto.Sessions.Select(s => s!.Session!.Value));
        if (dto.Findings.Any(f => f?.Sessions is { } fs && fs.Any(n => !known.Contains(n))) || dto.Alerts.Any(a => a?.Sessions is { } sessions && sessions.Any(n => !known.Contains(n))))
        {
            return null;
        }

        if (dto.Findings.Any(f => f is null || f.Rule is null || f.Type is null || f.Sessions is null || f.Parameters is null || f.Values is null || f.Summary is null)
            || dto.Alerts.Any(a => a is null || a.Rule is null || a.Code is null || !AlertSeverityCodes.TryParse(a.Severity, out _) || a.Sessions is null || a.Message is null)
            || dto.Guidance.Any(g => g is null || g.Prompt is null || g.Trigger is null || g.Reason is null || !ImprovementPracticeCodes.TryParse(g.Practice, out _))
            || dto.Skipped.Any(s => s is null || s.Detector is null || s.Reason is null))
        {
            return null;
        }

        return new AllianceReportDocument(
            dto.EpisodeId,
            dto.InstrumentId,
            perspective.Value,
            metric.Value,
            minimum,
            maximum,
            dto.Sessions.Select(s => new ReportSession(s!.Session!.Value, s.RecordedAt, s.Value!.Value, s.Pomp!.Value) { Care = new CareKeys(s.Therapist, s.Site, s.Team) }),
            dto.Findings.Select(f => new ReportFinding(f.Rule!, f.Type!, f.Sessions!, f.Parameters!, f.Values!, f.Summary!)),
            dto.Alerts.Select(a => new ReportAlert(a.Rule!, a.Sessions!, a.Message!, a.Code!, AlertSeverityCodes.TryParse(a.Severity, out AlertSeverity severity) ? severity : default)),
            dto.Guidance.Select(g => new ReportFocusArea(ImprovementPracticeCodes.TryParse(g.Practice, out ImprovementPractice practice) ? practice : default, g.Prompt!, g.Trigger!, g.Reason!)),
            dto.Skipped.Select(s => new ReportSkippedDetector(s.Detector!, s.Reason!)));
    }
}
