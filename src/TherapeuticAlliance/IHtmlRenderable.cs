using System.IO;

namespace TherapeuticAlliance;

/// <summary>
/// A result that renders itself as an HTML fragment: tables of its numbers and, where a chart fits, an inline SVG
/// chart with its data table (the same chart description and writer as the CLI's report). Notebook front ends that
/// host .NET Interactive show these fragments as a cell's output without any package of theirs being referenced.
/// </summary>
/// <remarks>
/// The fragment has no <c>html</c> or <c>body</c> element, no script, no style sheet and nothing fetched from the
/// network; every text is HTML-escaped and every number culture-invariant. It shows identifiers as given (a
/// researcher's own data), so do not publish a rendering of patient data. Implementations are thread-safe.
/// </remarks>
public interface IHtmlRenderable
{
    /// <summary>Writes the HTML fragment.</summary>
    /// <param name="writer">Where to write; left open.</param>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="writer"/> is <see langword="null"/>.</exception>
    void WriteHtml(TextWriter writer);
}
