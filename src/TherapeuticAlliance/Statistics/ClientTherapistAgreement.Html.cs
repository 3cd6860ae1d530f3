using System.Globalization;
using System.IO;
using Ardalis.GuardClauses;
using static TherapeuticAlliance.Utilities.HtmlFragments;

namespace TherapeuticAlliance.Statistics;

[TypeFormatterSource(typeof(NotebookFormatterSource))]
public sealed partial class ClientTherapistAgreement : IHtmlRenderable
{
    /// <summary>Writes the pairs, correlation, standardised difference, Bland–Altman limits and ICCs as HTML tables (a statistic that could not be computed shows its error's message); see <see cref="IHtmlRenderable"/>.</summary>
    /// <param name="writer">Where to write; left open.</param>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteHtml(TextWriter writer)
    {
        Guard.Against.Null(writer);
        Open(writer, "client-therapist-agreement", "Client–therapist agreement");
        Pairs(
            writer,
            "Agreement",
            ("pairs", Pairs.ToString(CultureInfo.InvariantCulture)),
            ("Pearson r", Correlation.IsSuccess ? Number(Correlation.AsT0) : Correlation.AsT1.Message),
            ("standardised difference (d)", Number(StandardizedDifference)));
        BlandAltman.WriteTable(writer);
        if (Intraclass.IsSuccess)
        {
            Intraclass.AsT0.WriteHtml(writer);
        }
        else
        {
            writer.Write("<p>");
            writer.Write(Encode(Intraclass.AsT1.Message));
            writer.Write("</p>");
        }

        Close(writer);
    }
}
