using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Tables;

/// <summary>
/// A tidy table: named columns and rows with one observation each (Wickham 2014, "Tidy data", <i>Journal of
/// Statistical Software 59</i>(10)), the shape R's data frames, pandas and Arrow read without reshaping.
/// </summary>
/// <remarks>
/// <para>A cell is <see langword="null"/> (missing, written <c>NA</c>), a <see cref="string"/>, a <see cref="double"/>,
/// a <see cref="decimal"/> (exact totals, such as an SRS 36.0) or an <see cref="int"/>. Column names are unique
/// (ordinal), lower-case snake_case for the library's own tables, and each conversion documents its columns and
/// units.</para>
/// <para>It renders as an HTML table in notebooks (<see cref="IHtmlRenderable"/>). This type is immutable and thread-safe.</para>
/// </remarks>
[TypeFormatterSource(typeof(NotebookFormatterSource))]
public sealed class TidyTable : IHtmlRenderable
{
    private readonly ImmutableArray<ImmutableArray<object?>> _rows;
    private readonly Dictionary<string, int> _index;

    /// <summary>Initializes a new instance of the <see cref="TidyTable"/> class.</summary>
    /// <param name="columns">The column names; unique (ordinal), not blank; at least one.</param>
    /// <param name="rows">The rows, each with one cell per column.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument, a column name or a row is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when there is no column, a name is blank or repeated, a row has another number of cells, or a cell is not of a supported type.</exception>
    public TidyTable(IEnumerable<string> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        Guard.Against.Null(columns);

        Guard.Against.Null(rows);

        Columns = columns.Select(c => c ?? throw new ArgumentNullException(nameof(columns))).ToImmutableArray();
        if (Columns.IsEmpty)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        }

        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Columns.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(Columns[i]))
            {
                throw new ArgumentException("A column name is blank.", nameof(columns));
            }

            if (_index.ContainsKey(Columns[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Column {i + 1} repeats an earlier column's name."), nameof(columns));
            }

            _index[Columns[i]] = i;
        }

        var built = ImmutableArray.CreateBuilder<ImmutableArray<object?>>();
        foreach (IReadOnlyList<object?> row in rows)
        {
            if (row is null)
            {
                throw new ArgumentNullException(nameof(rows));
            }

            if (row.Count != Columns.Length)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Row {built.Count + 1} has {row.Count} cell(s); the table has {Columns.Length} column(s)."), nameof(rows));
            }

            foreach (object? cell in row)
            {
                if (cell is not (null or string or double or decimal or int))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Row {built.Count + 1} holds a {cell.GetType().Name}; a cell is a string, a double, a decimal, an int or null."), nameof(rows));
                }
            }

            built.Add(row.ToImmutableArray());
        }

        _rows = built.ToImmutable();
    }

    /// <summary>
    /// The most cells (rows × columns) a reader of whole tables takes (<see cref="TidyCsv.Read(TextReader, char, bool)"/>, the
    /// Columnar package's Parquet table reader): 10,000,000, about 320 MB held as cells. Larger inputs are a
    /// <see cref="TableErrorKind.TooLarge"/> error; read them in parts, or through the typed readers that stream.
    /// </summary>
    public const int MaximumCells = 10_000_000;

    /// <summary>The most rows <see cref="WriteHtml"/> shows: 100.</summary>
    public const int HtmlRowLimit = 100;

    /// <summary>Gets the column names, in order.</summary>
    public ImmutableArray<string> Columns { get; }

    /// <summary>Gets the number of rows.</summary>
    public int RowCount => _rows.Length;

    /// <summary>Gets the rows, each with one cell per column.</summary>
    public ImmutableArray<ImmutableArray<object?>> Rows => _rows;

    /// <summary>Gets a cell.</summary>
    /// <param name="row">The row, from 0.</param>
    /// <param name="column">The column's name.</param>
    /// <returns>The cell; <see langword="null"/> when missing.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="row"/> is out of range.</exception>
    /// <exception cref="ArgumentException">Thrown when the table has no column <paramref name="column"/>.</exception>
    public object? this[int row, string column]
    {
        get
        {
            if ((uint)row >= (uint)_rows.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(row));
            }

            return _rows[row][IndexOf(column)];
        }
    }

    /// <summary>Gets whether the table has a column.</summary>
    /// <param name="column">The column's name.</param>
    /// <returns><see langword="true"/> when it has.</returns>
    public bool HasColumn(string column) => column is not null && _index.ContainsKey(column);

    /// <summary>Gets a column's position.</summary>
    /// <param name="column">The column's name.</param>
    /// <returns>Its position, from 0.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="column"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the table has no such column.</exception>
    public int IndexOf(string column)
    {
        Guard.Against.Null(column);

        return _index.TryGetValue(column, out int i) ? i : throw new ArgumentException("The table has no column of that name.", nameof(column));
    }

    /// <summary>Gets a cell as a number: doubles, decimals and ints convert; missing cells are NaN.</summary>
    /// <param name="row">The row, from 0.</param>
    /// <param name="column">The column's name.</param>
    /// <returns>The number, or NaN when the cell is missing or not a number.</returns>
    public double GetDouble(int row, string column) => this[row, column] switch
    {
        double d => d,
        decimal m => (double)m,
        int i => i,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) => parsed,
        _ => double.NaN,
    };

    /// <summary>Returns the rows whose <paramref name="column"/> equals <paramref name="value"/>: text ordinally, numbers by value whatever their type (an int 3 matches a double 3.0, as a table read from CSV holds), <see langword="null"/> matches missing cells.</summary>
    /// <param name="column">The column's name.</param>
    /// <param name="value">The value.</param>
    /// <returns>A new table with the same columns.</returns>
    /// <exception cref="ArgumentException">Thrown when the table has no column <paramref name="column"/>.</exception>
    public TidyTable Where(string column, object? value)
    {
        int i = IndexOf(column);
        double? number = AsNumber(value);
        return new TidyTable(Columns, _rows.Where(r => number is { } n ? AsNumber(r[i]) == n : Equals(r[i], value)).Select(r => (IReadOnlyList<object?>)r));
    }

    private static double? AsNumber(object? cell) => cell switch
    {
        double d => d,
        decimal m => (double)m,
        int n => n,
        _ => null,
    };

    /// <summary>Writes the table as an HTML table: the column names, then at most <see cref="HtmlRowLimit"/> rows (a note says how many more there are), numbers culture-invariant, missing cells <c>NA</c>, every text escaped; see <see cref="IHtmlRenderable"/>.</summary>
    /// <param name="writer">Where to write; left open.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteHtml(TextWriter writer)
    {
        Guard.Against.Null(writer);
        writer.Write("<div class=\"therapeutic-alliance tidy-table\"><table style=\"border-collapse:collapse;font-variant-numeric:tabular-nums\"><caption>");
        writer.Write(WebUtility.HtmlEncode(ToString()));
        writer.Write("</caption><thead><tr>");
        foreach (string column in Columns)
        {
            writer.Write("<th scope=\"col\">");
            writer.Write(WebUtility.HtmlEncode(column));
            writer.Write("</th>");
        }

        writer.Write("</tr></thead><tbody>");
        foreach (ImmutableArray<object?> row in _rows.Take(HtmlRowLimit))
        {
            writer.Write("<tr>");
            foreach (object? cell in row)
            {
                writer.Write("<td>");
                writer.Write(WebUtility.HtmlEncode(cell is double d && !double.IsNaN(d) && !double.IsInfinity(d) ? d.ToString("0.######", CultureInfo.InvariantCulture) : TidyCsv.Format(cell)));
                writer.Write("</td>");
            }

            writer.Write("</tr>");
        }

        writer.Write("</tbody></table>");
        if (RowCount > HtmlRowLimit)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"<p>{RowCount - HtmlRowLimit} more rows; write the table with TidyCsv to see them all.</p>"));
        }

        writer.Write("</div>");
    }

    /// <summary>Returns <c>N rows × M columns (names)</c>: no cell is shown.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{RowCount} rows × {Columns.Length} columns ({string.Join(", ", Columns)})");
}
