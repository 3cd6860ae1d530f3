using System.IO;
using System.Linq;
using Ardalis.GuardClauses;
using static TherapeuticAlliance.Utilities.HtmlFragments;

namespace TherapeuticAlliance;

[TypeFormatterSource(typeof(NotebookFormatterSource))]
public sealed partial class AllianceScore : IHtmlRenderable
{
    /// <summary>Writes the score as an HTML table: instrument, perspective, session, metric, value with its range and POMP, the strategy and missing-data policy, and each subscale and model dimension; see <see cref="IHtmlRenderable"/>.</summary>
    /// <param name="writer">Where to write; left open.</param>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteHtml(TextWriter writer)
    {
        Guard.Against.Null(writer);
        Open(writer, "score", $"{Provenance.InstrumentId}, {AllianceCodes.ToCode(Perspective)}, session {Occasion.SessionNumber}");
        Pairs(
            writer,
            "Score",
            ("metric", AllianceCodes.ToCode(Metric)),
            ("value", $"{Number(Value)} (range {Number(Minimum)}–{Number(Maximum)})"),
            ("POMP", Number((double)Pomp)),
            ("strategy", $"{Provenance.StrategyName} {Provenance.StrategyVersion}"),
            ("missing-data policy", Provenance.MissingDataPolicy.ToString()),
            ("items imputed", Provenance.ItemsImputed.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var dimensions = Subscales.Concat(ModelDimensions).ToList();
        if (dimensions.Count > 0)
        {
            Table(writer, "Subscales and model dimensions", "Dimension|Value|Range|POMP|Items answered", dimensions.Select(d => (System.Collections.Generic.IReadOnlyList<string>)new[]
            {
                d.Dimension.Name, Number(d.Value), $"{Number(d.Minimum)}–{Number(d.Maximum)}", Number((double)d.Pomp), $"{d.ItemsAnswered} of {d.ItemCount}",
            }));
        }

        Close(writer);
    }
}
