using System.Globalization;
using System.IO;
using Ardalis.GuardClauses;
using static TherapeuticAlliance.Utilities.HtmlFragments;

namespace TherapeuticAlliance.Statistics;

[TypeFormatterSource(typeof(NotebookFormatterSource))]
public sealed partial class BlandAltmanAnalysis : IHtmlRenderable
{
    /// <summary>Writes the bias, SD of the differences and limits of agreement as an HTML table; see <see cref="IHtmlRenderable"/>.</summary>
    /// <param name="writer">Where to write; left open.</param>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteHtml(TextWriter writer)
    {
        Guard.Against.Null(writer);
        Open(writer, "bland-altman", "Bland–Altman agreement");
        WriteTable(writer);
        Close(writer);
    }

    internal void WriteTable(TextWriter writer) => Pairs(
        writer,
        "Differences (first minus second), in points",
        ("bias (mean difference)", Number(Bias)),
        ("SD of differences", Number(StandardDeviation)),
        ("lower limit of agreement", Number(LowerLimit)),
        ("upper limit of agreement", Number(UpperLimit)),
        ("multiplier", Number(Multiplier)),
        ("pairs", Pairs.ToString(CultureInfo.InvariantCulture)),
        ("pairs dropped (missing values)", PairsDropped.ToString(CultureInfo.InvariantCulture)));
}
