using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Ardalis.GuardClauses;
using static TherapeuticAlliance.Utilities.HtmlFragments;

namespace TherapeuticAlliance.Reports;

[TypeFormatterSource(typeof(NotebookFormatterSource))]
public sealed partial record TriageEntry : IHtmlRenderable
{
    /// <summary>Writes the entry as a one-row HTML table; see <see cref="IHtmlRenderable"/> and <see cref="CaseloadTriage.WriteHtml"/> for a whole caseload.</summary>
    /// <param name="writer">Where to write; left open.</param>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteHtml(TextWriter writer)
    {
        Guard.Against.Null(writer);
        CaseloadTriage.WriteHtml(new[] { this }, writer);
    }
}
