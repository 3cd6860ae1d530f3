using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Ardalis.GuardClauses;
using static TherapeuticAlliance.Utilities.HtmlFragments;

namespace TherapeuticAlliance.Statistics;

[TypeFormatterSource(typeof(NotebookFormatterSource))]
public sealed partial class IccAnalysis : IHtmlRenderable
{
    /// <summary>Writes the six Shrout–Fleiss ICCs as psych::ICC prints them (type, ICC, F, df1, df2, p, bounds) and the design as HTML tables; see <see cref="IHtmlRenderable"/>.</summary>
    /// <param name="writer">Where to write; left open.</param>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteHtml(TextWriter writer)
    {
        Guard.Against.Null(writer);
        Open(writer, "icc", "Intraclass correlations (Shrout & Fleiss 1979)");
        string level = (Confidence * 100).ToString("0.##", CultureInfo.InvariantCulture);
        Table(writer, $"Six ICCs, {level} % confidence bounds", "Type|ICC|F|df1|df2|p|Lower bound|Upper bound", Forms.Select(f => (IReadOnlyList<string>)new[]
        {
            Name(f.Form), Number(f.Value), Number(f.F), Number(f.Df1), Number(f.Df2), Number(f.P), Number(f.Lower), Number(f.Upper),
        }));
        Pairs(
            writer,
            "Design",
            ("targets", Targets.ToString(CultureInfo.InvariantCulture)),
            ("raters", Raters.ToString(CultureInfo.InvariantCulture)),
            ("rows dropped (missing values)", RowsDropped.ToString(CultureInfo.InvariantCulture)),
            ("MS between targets", Number(MeanSquareBetweenTargets)),
            ("MS within targets", Number(MeanSquareWithinTargets)),
            ("MS raters", Number(MeanSquareRaters)),
            ("MS error", Number(MeanSquareError)));
        Close(writer);
    }

    private static string Name(IccForm form) => form switch
    {
        IccForm.Icc1 => "ICC1",
        IccForm.Icc2 => "ICC2",
        IccForm.Icc3 => "ICC3",
        IccForm.Icc1k => "ICC1k",
        IccForm.Icc2k => "ICC2k",
        _ => "ICC3k",
    };
}
