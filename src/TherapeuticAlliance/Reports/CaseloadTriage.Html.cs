using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Ardalis.GuardClauses;
using static TherapeuticAlliance.Utilities.HtmlFragments;

namespace TherapeuticAlliance.Reports;

/// <content>The triage table's HTML.</content>
public static partial class CaseloadTriage
{
    /// <summary>Writes triage entries as an HTML table, in the order given: episode, scope, level, reasons and latest session.</summary>
    /// <param name="entries">The entries, from <see cref="Clients(System.Collections.Generic.IEnumerable{AllianceReport})"/> or <see cref="Episodes(System.Collections.Generic.IEnumerable{AllianceReport})"/>.</param>
    /// <param name="writer">Where to write; left open.</param>
    /// <exception cref="System.ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static void WriteHtml(IEnumerable<TriageEntry> entries, TextWriter writer)
    {
        Guard.Against.Null(entries);
        Guard.Against.Null(writer);
        Open(writer, "triage", "Triage");
        Table(writer, "Who needs attention, most urgent first", "Episode|Instrument|Perspective|Level|Reasons|Latest session", entries.Select(e => (IReadOnlyList<string>)new[]
        {
            Guard.Against.Null(e, nameof(entries)).EpisodeId, e.InstrumentId ?? "all", e.Perspective is { } p ? AllianceCodes.ToCode(p) : "all", AttentionLevelCodes.ToCode(e.Level), string.Join(", ", e.Reasons), e.LatestSession.ToString(CultureInfo.InvariantCulture),
        }));
        Close(writer);
    }
}
