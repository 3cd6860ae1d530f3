using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Apache.Arrow;
using Ardalis.GuardClauses;
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
}
