using System.Collections.Generic;
using System.IO;
using System.Linq;
using Ardalis.GuardClauses;
using static TherapeuticAlliance.Utilities.HtmlFragments;

namespace TherapeuticAlliance.Statistics;

[TypeFormatterSource(typeof(NotebookFormatterSource))]
public sealed partial class ReliabilityAnalysis : IHtmlRenderable
{
    /// <summary>Writes Cronbach's alpha and the item statistics as HTML tables, with psych::alpha's names (<c>raw_alpha</c>, <c>std.alpha</c>, <c>average_r</c>, <c>r.drop</c>); see <see cref="IHtmlRenderable"/>.</summary>
    /// <param name="writer">Where to write; left open.</param>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteHtml(TextWriter writer)
    {
        Guard.Against.Null(writer);
        Open(writer, "reliability", "Cronbach's alpha");
        WriteTables(writer);
        Close(writer);
    }

    internal void WriteTables(TextWriter writer)
    {
        Pairs(
            writer,
            "Reliability (psych::alpha's names)",
            ("raw_alpha", Number(Alpha)),
            ("std.alpha", Number(StandardizedAlpha)),
            ("average_r", Number(AverageInterItemCorrelation)),
            ("items", ItemCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("rows used", RowsUsed.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("rows dropped (missing values)", RowsDropped.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Table(writer, "Item statistics", "Item|Mean|SD|Alpha if deleted|r.drop", Items.Select(i => (IReadOnlyList<string>)new[]
        {
            i.Item, Number(i.Mean), Number(i.StandardDeviation), Number(i.AlphaIfDeleted), Number(i.ItemRestCorrelation),
        }));
        if (!ItemsDroppedForNoVariance.IsEmpty)
        {
            writer.Write("<p>Left out for having no variance: ");
            writer.Write(Encode(string.Join(", ", ItemsDroppedForNoVariance)));
            writer.Write("</p>");
        }
    }
}
