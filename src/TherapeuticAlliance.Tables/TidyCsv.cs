using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Ardalis.GuardClauses;
using CsvHelper;
using CsvHelper.Configuration;

using TherapeuticAlliance.Schema;

namespace TherapeuticAlliance.Tables;

/// <summary>
/// Writes and reads tidy tables as CSV (RFC 4180, through CsvHelper): a header row, comma-separated, <c>"</c>-quoted
/// where needed, culture-invariant numbers, <c>\n</c> line ends, UTF-8 without a byte-order mark. Missing cells and NaN
/// are written <c>NA</c> and infinities <c>Inf</c> and <c>-Inf</c>, as R's <c>write.csv</c> does, so
/// <c>read.csv</c> and pandas' <c>read_csv</c> read them back as missing and infinite values.
/// </summary>
/// <remarks>
/// Doubles are written with the shortest text that reads back to the same double ("R" format), decimals exactly.
/// Reading turns a field into a <see cref="double"/> only when it is that shortest form of one (as this type writes
/// numbers: <c>3</c>, <c>0.1</c>, <c>-2.5E-07</c>); any other text stays a <see cref="string"/>, so an identifier such
/// as <c>0042</c>, <c>1e3</c> or a 20-digit number survives unchanged, and so does exact decimal text such as
/// <c>36.0</c> (<see cref="TidyTable.GetDouble"/> and <see cref="LongFormat"/> read numeric text as numbers).
/// <c>NA</c> and empty cells are <see langword="null"/>. This type is thread-safe.
/// </remarks>
public static class TidyCsv
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { NewLine = "\n" };

    /// <summary>Writes a table as CSV.</summary>
    /// <param name="table">The table.</param>
    /// <param name="writer">The writer; left open.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static void Write(TidyTable table, TextWriter writer)
    {
        Guard.Against.Null(table);
        Guard.Against.Null(writer);
        Write(table.Columns, table.Rows.Select(r => (IReadOnlyList<object?>)r), writer);
    }

    /// <summary>Writes rows as CSV as they come, without holding them: the streaming form of <see cref="Write(TidyTable, TextWriter)"/>, for a schema such as <see cref="Schema.RowSchemas.Scores"/>.</summary>
    /// <param name="columns">The column names.</param>
    /// <param name="rows">The rows, each as long as <paramref name="columns"/>, with cells of the types a <see cref="TidyTable"/> holds (null, string, int, double, decimal).</param>
    /// <param name="writer">The writer; left open.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when a row's length is not the number of columns.</exception>
    /// <exception cref="InvalidOperationException">Thrown when a cell is of another type.</exception>
    public static void Write(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows, TextWriter writer)
    {
        Guard.Against.Null(columns);
        Guard.Against.Null(rows);
        Guard.Against.Null(writer);

        using var csv = new CsvWriter(writer, Configuration, leaveOpen: true);
        foreach (string column in columns)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        foreach (IReadOnlyList<object?> row in rows)
        {
            if (row is null || row.Count != columns.Count)
            {
                throw new ArgumentException("Every row has one cell per column.", nameof(rows));
            }

            foreach (object? cell in row)
            {
                csv.WriteField(Format(cell));
            }

            csv.NextRecord();
        }

        csv.Flush();
    }

    /// <summary>Writes a table to a CSV file, replacing it.</summary>
    /// <param name="table">The table.</param>
    /// <param name="path">The file's path.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="IOException">Thrown when the file cannot be written.</exception>
    public static void Write(TidyTable table, string path)
    {
        Guard.Against.Null(table);   // before the file is opened, so a mistake never empties an existing file
        Guard.Against.Null(path);

        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(table, writer);
    }

    /// <summary>Returns a table as CSV text.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The CSV.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="table"/> is <see langword="null"/>.</exception>
    public static string ToCsv(TidyTable table)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(table, writer);
        return writer.ToString();
    }

    /// <summary>Reads a CSV with a header row into a table.</summary>
    /// <param name="reader">The reader; left open.</param>
    /// <param name="delimiter">The field delimiter: <c>,</c> (the default), <c>;</c>, a tab or <c>|</c>.</param>
    /// <param name="decimalComma">Whether numbers use a decimal comma (<c>8,8</c>, as many European exports write them): a field that is a number with one comma for its point is read as that number. False by default.</param>
    /// <returns>The table, or a <see cref="TableError"/> (an empty input, a blank or repeated column name, a row of another width, malformed quoting, more than <see cref="TidyTable.MaximumCells"/> cells) that names the CSV line (the header is line 1).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="delimiter"/> is not one of those four, or is a comma with <paramref name="decimalComma"/>.</exception>
    public static TableResult<TidyTable> Read(TextReader reader, char delimiter = ',', bool decimalComma = false)
    {
        Guard.Against.Null(reader);
        Guard.Against.InvalidInput(delimiter, nameof(delimiter), d => FileConventions.Delimiters.Contains(d), "The delimiter is ',', ';', a tab or '|' (FileConventions.Delimiters).");
        Guard.Against.InvalidInput(decimalComma, nameof(decimalComma), d => !d || delimiter != ',', "A decimal comma needs another delimiter (';', a tab or '|').");

        int? badLine = null;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            BadDataFound = args => badLine ??= args.Context.Parser?.RawRow ?? 0,
            Delimiter = delimiter.ToString(),
        };
        using var csv = new CsvParser(reader, config, leaveOpen: true);
        try
        {
            if (!csv.Read())
            {
                return new TableError(TableErrorKind.Empty, null, null, "The CSV is empty: give a header row and one row per observation.");
            }

            if (badLine is { } badHeader)
            {
                return Malformed(badHeader);
            }

            string[] header = csv.Record!;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < header.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(header[i]) || !seen.Add(header[i]))
                {
                    return new TableError(TableErrorKind.BadHeader, 1, null, string.Create(CultureInfo.InvariantCulture, $"Column {i + 1} of the header is blank or repeats an earlier name: give every column a unique name."));
                }
            }

            var rows = new List<IReadOnlyList<object?>>();
            while (csv.Read())
            {
                if (badLine is { } bad)
                {
                    return Malformed(bad);
                }

                string[] record = csv.Record!;
                int line = csv.RawRow;
                if (record.Length == 1 && record[0].Length == 0)
                {
                    continue;   // a blank line
                }

                if (record.Length != header.Length)
                {
                    // A header of one field holding ';' or a tab: a file of another delimiter (whose decimal commas split fields).
                    string hint = header.Length == 1 && (header[0].Contains(';', StringComparison.Ordinal) || header[0].Contains('\t', StringComparison.Ordinal))
                        ? " The file is probably not comma-separated: read it with its delimiter, and a decimal comma if it has one (alliance mixed --delimiter ';' --decimal-comma)."
                        : string.Empty;
                    return new TableError(TableErrorKind.WrongWidth, line, null, string.Create(CultureInfo.InvariantCulture, $"Line {line} has {record.Length} field(s); the header has {header.Length}.{hint}"));
                }

                if ((long)(rows.Count + 1) * header.Length > TidyTable.MaximumCells)
                {
                    return new TableError(TableErrorKind.TooLarge, line, null, string.Create(CultureInfo.InvariantCulture, $"The CSV holds more than {TidyTable.MaximumCells:N0} cells (from line {line}); read it in parts."));
                }

                rows.Add(record.Select(f => Parse(decimalComma ? DecimalPoint(f) : f)).ToArray());
            }

            return badLine is { } last ? Malformed(last) : new TidyTable(header, rows);
        }
        catch (CsvHelperException e)
        {
            return Malformed(e.Context?.Parser?.RawRow ?? 0);
        }
    }

    private static TableError Malformed(int line) =>
        new(TableErrorKind.Malformed, line, null, string.Create(CultureInfo.InvariantCulture, $"The CSV is malformed at line {line}: a quote is not closed or a quoted field is followed by other text. Check its quoting."));

    /// <summary>Reads a CSV file with a header row into a table.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The table, or a <see cref="TableError"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">Thrown when the file cannot be read.</exception>
    public static TableResult<TidyTable> Read(string path)
    {
        Guard.Against.Null(path);

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader);
    }

    internal static string Format(object? cell) => cell switch
    {
        null => "NA",
        double d when double.IsNaN(d) => "NA",
        double d when double.IsPositiveInfinity(d) => "Inf",
        double d when double.IsNegativeInfinity(d) => "-Inf",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        string s => s,
        _ => throw new InvalidOperationException("The table holds a cell of an unsupported type."),
    };

    /// <summary>A number written with a decimal comma (<c>-8,8</c>, <c>1,5e3</c>) with a point instead; any other field unchanged.</summary>
    private static string DecimalPoint(string field)
    {
        int comma = field.IndexOf(',');
        if (comma < 0 || field.IndexOf(',', comma + 1) >= 0 || field.Contains('.', StringComparison.Ordinal))
        {
            return field;
        }

        string candidate = field.Replace(',', '.');
        return comma > 0 && char.IsDigit(field[comma - 1]) && comma + 1 < field.Length && char.IsDigit(field[comma + 1])
            && double.TryParse(candidate, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? candidate : field;
    }

    private static object? Parse(string field) => field switch
    {
        "" or "NA" => null,
        "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ when double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && !double.IsNaN(d) && !double.IsInfinity(d)
            && string.Equals(d.ToString("R", CultureInfo.InvariantCulture), field, StringComparison.Ordinal) => d,
        _ => field,
    };
}
