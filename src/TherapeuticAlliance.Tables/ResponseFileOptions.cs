using System.Text;
using TherapeuticAlliance.Schema;

namespace TherapeuticAlliance.Tables;

/// <summary>How to read the text of a response file: layout, delimiter, decimal separator, date format and encoding, all explicit.</summary>
/// <param name="Layout">The layout (<see cref="ResponseFileSchema"/>): <see cref="ResponseLayout.Auto"/> (the default) tells long, wide and totals files apart by their header (<see cref="ResponseFileSchema.DetectLayout"/>).</param>
/// <param name="Delimiter">The field delimiter: ',' by default; ';' and tab are common in European and spreadsheet exports.</param>
/// <param name="DecimalComma">Whether values use ',' as decimal separator instead of '.' (default <see langword="false"/>).</param>
/// <param name="DateFormat">A custom date format in .NET's custom date notation (such as <c>dd/MM/yyyy</c>), or <see langword="null"/> (the default) for ISO 8601 only (<see cref="SessionDates"/>).</param>
/// <param name="Encoding">The text encoding, or <see langword="null"/> (the default) for strict UTF-8 (a byte-order mark is accepted, an invalid byte stops the read with one problem naming its line).</param>
/// <remarks>
/// <see cref="FileConventions.Detect"/> learns the delimiter, decimal separator and date format from a file's first
/// lines. Instances are immutable and thread-safe.
/// </remarks>
public sealed record ResponseFileOptions(ResponseLayout Layout = ResponseLayout.Auto, char Delimiter = ',', bool DecimalComma = false, string? DateFormat = null, Encoding? Encoding = null)
{
    /// <summary>Gets the defaults: layout detected from the header, ',' delimited, '.' decimals, ISO 8601 dates, UTF-8.</summary>
    public static ResponseFileOptions Default { get; } = new();
}
