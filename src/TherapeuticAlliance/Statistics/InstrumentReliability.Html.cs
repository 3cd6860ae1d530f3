using System.IO;
using Ardalis.GuardClauses;
using static TherapeuticAlliance.Utilities.HtmlFragments;

namespace TherapeuticAlliance.Statistics;

[TypeFormatterSource(typeof(NotebookFormatterSource))]
public sealed partial class InstrumentReliability : IHtmlRenderable
{
    /// <summary>Writes the total's and each subscale's alpha with item statistics as HTML tables (a scale that could not be computed shows its error's message); see <see cref="IHtmlRenderable"/>.</summary>
    /// <param name="writer">Where to write; left open.</param>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteHtml(TextWriter writer)
    {
        Guard.Against.Null(writer);
        Open(writer, "instrument-reliability", "Reliability by scale");
        Scale(writer, "Total", Total);
        foreach (SubscaleReliability subscale in Subscales)
        {
            Scale(writer, subscale.Dimension.Name, subscale.Result);
        }

        Close(writer);
    }

    private static void Scale(TextWriter writer, string name, StatisticsResult<ReliabilityAnalysis> result)
    {
        writer.Write("<h4>");
        writer.Write(Encode(name));
        writer.Write("</h4>");
        if (result.IsSuccess)
        {
            result.AsT0.WriteTables(writer);
        }
        else
        {
            writer.Write("<p>");
            writer.Write(Encode(result.AsT1.Message));
            writer.Write("</p>");
        }
    }
}
