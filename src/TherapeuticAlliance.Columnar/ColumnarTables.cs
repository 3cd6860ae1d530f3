using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Apache.Arrow;
using Ardalis.GuardClauses;
using Parquet;
using Parquet.Schema;
using TherapeuticAlliance.Tables;

namespace TherapeuticAlliance.Columnar;

/// <summary>
/// Writes any <see cref="TidyTable"/> (findings, alerts, triage, reliability, ICCs, ...; see <c>Tidy</c>) as Arrow or
/// Parquet, with the table's column names. A column of int cells (and nulls) becomes int32; of numbers, double; any
/// other, string (numbers in their shortest round-trip invariant form); an all-null column, string.
/// </summary>
/// <remarks>All members are thread-safe.</remarks>
public static class ColumnarTables
{
    /// <summary>Builds a record batch of a table.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The record batch.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="table"/> is <see langword="null"/>.</exception>
    public static RecordBatch ToRecordBatch(TidyTable table)
    {
        Guard.Against.Null(table);
        return TableColumns.ToRecordBatch(TableColumns.FromTidy(table), table.RowCount);
    }

    /// <summary>Writes a table as one Parquet file (one row group).</summary>
    /// <param name="stream">A writable stream.</param>
    /// <param name="table">The table.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the file is written.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static Task WriteParquetAsync(Stream stream, TidyTable table, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(stream);
        Guard.Against.Null(table);
        return TableColumns.WriteParquetAsync(stream, TableColumns.FromTidy(table), cancellationToken);
    }
    /// <summary>
    /// Reads any Parquet file of numeric, text and date columns into a table (for a mixed model's data, say): numeric
    /// columns (integers, floats, decimals) as doubles, text columns as text, dates and timestamps as ISO 8601 text
    /// (<c>2026-01-02</c>; a timestamp in UTC), nulls (and NaN) as missing cells.
    /// </summary>
    /// <param name="stream">A readable, seekable stream; left open.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// The table, or a <see cref="ColumnarError"/>: not Parquet or damaged (<see cref="ColumnarErrorKind.Unreadable"/>),
    /// two columns of one name, a column of another type such as booleans (<see cref="ColumnarErrorKind.WrongType"/>),
    /// or more than <see cref="TidyTable.MaximumCells"/> cells (<see cref="ColumnarErrorKind.Unreadable"/>). Never throws
    /// for the file's content; messages never quote a cell.
    /// </returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException">Thrown when <paramref name="cancellationToken"/> is cancelled.</exception>
    public static async Task<ColumnarResult<TidyTable>> ReadParquetAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(stream);
        (ParquetReader? opened, ColumnarError? notParquet) = await ColumnarResponses.OpenAsync(stream, cancellationToken).ConfigureAwait(false);
        if (opened is not { } reader)
        {
            return notParquet!;
        }

        await using (reader.ConfigureAwait(false))
        {
            try
            {
                DataField[] fields = reader.Schema.GetDataFields();
                if (ColumnarResponses.Repeated(fields.Select(f => f.Name)) is { } repeated)
                {
                    return new ColumnarError(ColumnarErrorKind.WrongType, string.Format(CultureInfo.InvariantCulture, "Columns {0} and {1} have the same name; give every column a name of its own.", repeated.First, repeated.Second));
                }

                long total = 0;
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                    total += group.RowCount;
                }

                if (total * Math.Max(1, fields.Length) > TidyTable.MaximumCells)
                {
                    return new ColumnarError(ColumnarErrorKind.Unreadable, string.Format(CultureInfo.InvariantCulture, "The file holds more than {0:N0} cells; read it in parts.", TidyTable.MaximumCells));
                }

                var rows = new List<IReadOnlyList<object?>>((int)total);
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                    int n = checked((int)group.RowCount);
                    var cells = new object?[n][];
                    for (int r = 0; r < n; r++)
                    {
                        cells[r] = new object?[fields.Length];
                    }

                    for (int c = 0; c < fields.Length; c++)
                    {
                        if (await ParquetColumns.NumbersAsync(group, fields[c], n, cancellationToken).ConfigureAwait(false) is { } numbers)
                        {
                            for (int r = 0; r < n; r++)
                            {
                                cells[r][c] = double.IsNaN(numbers[r]) ? null : numbers[r];
                            }
                        }
                        else if (await ParquetColumns.StringsAsync(group, fields[c], n, cancellationToken).ConfigureAwait(false) is { } texts)
                        {
                            for (int r = 0; r < n; r++)
                            {
                                cells[r][c] = texts[r];
                            }
                        }
                        else if (fields[c].ClrType != typeof(string) && (await ParquetColumns.DatesAsync(group, fields[c], n, null, cancellationToken).ConfigureAwait(false)).Dates is { } dates)
                        {
                            // A date or timestamp is text in ISO 8601 (a date alone at midnight UTC), as a CSV holds it.
                            for (int r = 0; r < n; r++)
                            {
                                cells[r][c] = dates[r] is not { } d ? null : d.TimeOfDay == TimeSpan.Zero && d.Offset == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
                            }
                        }
                        else
                        {
                            return new ColumnarError(ColumnarErrorKind.WrongType, string.Format(CultureInfo.InvariantCulture, "Column {0} is neither numeric, text nor a date; convert it (a boolean to 0 and 1, say) before reading.", c + 1), Names.Clean(fields[c].Name));
                        }
                    }

                    rows.AddRange(cells);
                }

                return new TidyTable(fields.Select(f => f.Name), rows);
            }
            catch (Exception ex) when (ColumnarResponses.IsParserFailure(ex, cancellationToken))
            {
                return new ColumnarError(ColumnarErrorKind.Unreadable, "The file could not be read (" + ex.GetType().Name + "); it may be damaged or use an encoding this reader does not support.");
            }
        }
    }
}
