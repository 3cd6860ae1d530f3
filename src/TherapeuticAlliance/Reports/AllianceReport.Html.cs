using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Charts;
using TherapeuticAlliance.Trends;
using static TherapeuticAlliance.Utilities.HtmlFragments;

namespace TherapeuticAlliance.Reports;

[TypeFormatterSource(typeof(NotebookFormatterSource))]
public sealed partial class AllianceReport : IHtmlRenderable
{
    /// <summary>Returns the chart of this report's episode (see <see cref="AllianceCharts.ForClient"/>), titled with the instrument's identifier; write it with <see cref="ChartWriter"/>.</summary>
    /// <returns>The chart's description.</returns>
    public LineChart ToLineChart() => AllianceCharts.ForClient(new[] { this }, InstrumentId);

    /// <summary>Writes the report as HTML: the episode's chart (inline SVG with its data table), the alerts and the findings in the caseload report's plain words (<see cref="CaseloadHtmlReport"/>) with their codes, and the focus areas; see <see cref="IHtmlRenderable"/>.</summary>
    /// <param name="writer">Where to write; left open.</param>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteHtml(TextWriter writer)
    {
        Guard.Against.Null(writer);
        Open(writer, "report", FormattableString.Invariant($"{EpisodeId}: {InstrumentId}, {AllianceCodes.ToCode(Perspective)}, {Episode.Count} session(s)"));
        LineChart chart = ToLineChart();
        writer.Write("<div style=\"max-width:480px\">");
        ChartWriter.WriteSvg(chart, writer, ChartId(chart.Title + chart.Description));
        writer.Write("</div><details><summary>Data table</summary>");
        ChartWriter.WriteDataTable(chart, writer);
        writer.Write("</details>");
        // In the caseload report's words (ReportWording), with the stable code beside them for a reader who scripts.
        Table(writer, "Alerts", "Level|Alert|Code|Sessions|Message", Alerts.Select(a => (IReadOnlyList<string>)new[]
        {
            AlertSeverityCodes.ToCode(a.Severity), ReportWording.Alert(a.Code), a.Code, string.Join(", ", a.Sessions), a.Message,
        }));
        Table(writer, "Findings", "Finding|Code|Sessions|Summary", Findings.Select(f => (IReadOnlyList<string>)new[]
        {
            ReportWording.Finding(f.Code), f.Code, string.Join(", ", f.Sessions), f.Summary,
        }));
        if (!Guidance.IsEmpty)
        {
            Table(writer, "Focus areas", "Practice|Prompt|Reason", Guidance.Select(g => (IReadOnlyList<string>)new[] { g.Practice.ToString(), g.Prompt, g.Reason }));
        }

        Close(writer);
    }
}
