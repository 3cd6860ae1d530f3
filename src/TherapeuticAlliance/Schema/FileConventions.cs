using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Schema;

/// <summary>
/// The conventions of a delimited response file, as <see cref="Detect"/> reads them from its first lines: the
/// delimiter, the decimal separator and the date format, found together so one run learns them all (a spreadsheet
/// export in a European locale typically uses <c>;</c>, a decimal comma and <c>dd.MM.yyyy</c>).
/// </summary>
/// <param name="Delimiter">The field delimiter: <c>,</c>, <c>;</c>, a tab or <c>|</c>.</param>
/// <param name="DecimalComma">Whether numbers use <c>,</c> as their decimal separator.</param>
/// <param name="DateFormat">The date format when dates are not ISO 8601 (one of <see cref="LocalDateFormats"/>, with its time when the file has one), else <see langword="null"/>.</param>
/// <param name="Ambiguities">What could not be decided (for example dates that read as both day/month and month/day), as sentences naming the option that settles it; empty when everything was decided.</param>
/// <remarks>A design choice, not a standard: the rules are in <see cref="Detect"/>. Immutable and thread-safe.</remarks>
public sealed record FileConventions(char Delimiter, bool DecimalComma, string? DateFormat, ImmutableArray<string> Ambiguities)
{
    /// <summary>The delimiters tried, in order: <c>,</c> <c>;</c> tab <c>|</c>.</summary>
    public static ImmutableArray<char> Delimiters { get; } = ImmutableArray.Create(',', ';', '\t', '|');

    /// <summary>
    /// The non-ISO date formats tried, each also with a time after a space (<c>HH:mm</c>, <c>HH:mm:ss</c>): day-first with dots,
    /// slashes or hyphens, month-first with slashes, and year-first with slashes.
    /// </summary>
    public static ImmutableArray<string> LocalDateFormats { get; } = ImmutableArray.Create("dd.MM.yyyy", "dd/MM/yyyy", "dd-MM-yyyy", "MM/dd/yyyy", "yyyy/MM/dd");

    /// <summary>The conventions of a file that follows the schema as written: <c>,</c>, a decimal point and ISO 8601 dates.</summary>
    public static FileConventions Default { get; } = new(',', false, null, ImmutableArray<string>.Empty);

    /// <summary>Gets whether these are the <see cref="Default"/> conventions with nothing ambiguous.</summary>
    public bool IsDefault => Delimiter == ',' && !DecimalComma && DateFormat is null && Ambiguities.IsEmpty;

    /// <summary>
    /// Reads a file's conventions from its header and first lines. The delimiter is the first of
    /// <see cref="Delimiters"/> that splits the header into the key columns (<see cref="ResponseFileSchema.KeyColumns"/>,
    /// <c>date</c> optional); the decimal separator is a comma when that delimiter is not one and some cells of the
    /// numeric columns (<c>value</c>, <c>total</c>, or item columns of a wide file) are numbers with a comma and none
    /// with a point; the date format is ISO 8601 when at least half of the non-empty dates parse as such
    /// (<see cref="SessionDates"/>; the others are bad cells the reader reports), else the one format of
    /// <see cref="LocalDateFormats"/> at least nine in ten dates parse in. Dates that parse in formats of more than one
    /// order (every day 12 or less: day/month and month/day) are named in <see cref="Ambiguities"/>; dates no format
    /// fits are left to the reader, which reports each row.
    /// </summary>
    /// <param name="header">The file's first line.</param>
    /// <param name="lines">The next lines (a few hundred are plenty); quoted fields are not unquoted, so a quoted cell may be misread, which only makes a convention undecided.</param>
    /// <returns>The conventions, or <see langword="null"/> when no delimiter splits the header into the key columns (not a response file, or a broken header: the reader then says which columns are missing).</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static FileConventions? Detect(string header, IEnumerable<string> lines)
    {
        Guard.Against.Null(header);
        Guard.Against.Null(lines);
        var ambiguities = ImmutableArray.CreateBuilder<string>();
        char delimiter = ',';
        string[]? columns = null;
        foreach (char candidate in Delimiters)
        {
            string[] split = header.Split(candidate).Select(ResponseFileSchema.NormalizeColumn).ToArray();
            if (ResponseFileSchema.KeyColumns.Where(k => k != ResponseFileSchema.Date).All(k => split.Contains(k, StringComparer.Ordinal)))
            {
                delimiter = candidate;
                columns = split;
                break;
            }
        }

        if (columns is null)
        {
            return null;
        }

        int dateColumn = Array.IndexOf(columns, ResponseFileSchema.Date);
        int[] numeric = Enumerable.Range(0, columns.Length)
            .Where(c => columns[c] is ResponseFileSchema.Value or ResponseFileSchema.Total || !IsKnown(columns[c]))
            .ToArray();
        int commas = 0, points = 0;
        var dates = new List<string>();
        foreach (string line in lines)
        {
            if (line is null || line.Length == 0)
            {
                continue;
            }

            string[] cells = line.Split(delimiter);
            foreach (int c in numeric)
            {
                if (c < cells.Length && cells[c].Trim() is { Length: > 0 } cell)
                {
                    commas += delimiter != ',' && IsNumber(cell.Replace(',', '.')) && cell.Contains(',') ? 1 : 0;
                    points += IsNumber(cell) && cell.Contains('.') ? 1 : 0;
                }
            }

            if (dateColumn >= 0 && dateColumn < cells.Length && cells[dateColumn].Trim() is { Length: > 0 } date)
            {
                dates.Add(date);
            }
        }

        // Dates: ISO 8601 when at least half parse as such (the rest are the reader's to report, row by row); else the
        // common format that at least nine in ten fit. None fitting is left to the reader too: only a real ambiguity
        // (day/month against month/day) is reported here.
        string? dateFormat = null;
        if (dates.Count > 0 && dates.Count(d => SessionDates.TryParse(d, out _)) * 2 < dates.Count)
        {
            string[] fitting = LocalDateFormats.SelectMany(f => new[] { f, f + " HH:mm", f + " HH:mm:ss" })
                .Where(f => dates.Count(d => SessionDates.TryParse(d, out _, f)) * 10 >= dates.Count * 9).ToArray();
            string[] bases = fitting.Select(f => f.Split(' ')[0]).Distinct(StringComparer.Ordinal).ToArray();
            if (bases.Length == 1)
            {
                dateFormat = fitting[0];
            }
            else if (bases.Length > 1)
            {
                ambiguities.Add("The dates read as " + string.Join(" and as ", bases) + " alike (no day after the 12th): give --date-format with the one the file uses.");
            }
        }

        return new FileConventions(delimiter, commas > 0 && points == 0, dateFormat, ambiguities.ToImmutable());
    }

    private static bool IsNumber(string cell) => double.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    private static bool IsKnown(string column) =>
        ResponseFileSchema.KeyColumns.Contains(column, StringComparer.Ordinal) || column == ResponseFileSchema.Item;
}
