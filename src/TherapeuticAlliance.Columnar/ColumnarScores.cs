using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Apache.Arrow;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Scoring;

using TherapeuticAlliance.Schema;

namespace TherapeuticAlliance.Columnar;

/// <summary>
/// Writes batch scores back as Arrow or Parquet, one row per administration beside its keys: <c>episode</c>,
/// <c>session</c>, <c>perspective</c>, <c>instrument</c>, <c>metric</c> (strings but session, an int32), <c>status</c>
/// (<c>scored</c>, <c>invalid</c> for a value off the scale or its step, <c>unscored</c> for too many missing
/// responses), <c>total</c>, then one column per subscale named by its dimension identifier (doubles, in points of the
/// metric; null where not scored).
/// </summary>
/// <remarks>No object is made per administration. All members are thread-safe.</remarks>
public static class ColumnarScores
{
    /// <summary>Builds a record batch of a block's scores.</summary>
    /// <param name="block">The administrations scored.</param>
    /// <param name="scores">Their scores, from a batch strategy's <c>ScoreBatch</c> over <see cref="ResponseBlock.Responses"/>.</param>
    /// <returns>The record batch.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="scores"/> is not of the block's instrument or length.</exception>
    public static RecordBatch ToRecordBatch(ResponseBlock block, BatchScores scores)
    {
        Check(block, scores);
        return TableColumns.ToRecordBatch(Columns(block, scores), block.RowCount);
    }

    /// <summary>Writes a block's scores as one Parquet file (one row group).</summary>
    /// <param name="stream">A writable stream.</param>
    /// <param name="block">The administrations scored.</param>
    /// <param name="scores">Their scores.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the file is written.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="scores"/> is not of the block's instrument or length.</exception>
    public static Task WriteParquetAsync(Stream stream, ResponseBlock block, BatchScores scores, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(stream);
        Check(block, scores);
        return TableColumns.WriteParquetAsync(stream, Columns(block, scores), cancellationToken);
    }

    private static void Check(ResponseBlock block, BatchScores scores)
    {
        Guard.Against.Null(block);
        Guard.Against.Null(scores);
        if (!string.Equals(block.Instrument.Id, scores.InstrumentId, StringComparison.Ordinal) || scores.Totals.Length != block.RowCount)
        {
            throw new ArgumentException("The scores are not the block's: score the block's Responses with its Instrument.", nameof(scores));
        }
    }

    private static List<TableColumn> Columns(ResponseBlock block, BatchScores scores)
    {
        int n = block.RowCount;
        var status = new string?[n];
        System.Array.Fill(status, "scored");
        foreach (int row in scores.InvalidRows)
        {
            status[row] = "invalid";
        }

        ReadOnlySpan<double> totals = scores.Totals.Span;
        for (int r = 0; r < n; r++)
        {
            if (double.IsNaN(totals[r]) && status[r] == "scored")
            {
                status[r] = "unscored";
            }
        }

        string metric = AllianceCodes.ToCode(scores.Metric);
        var columns = new List<TableColumn>
        {
            TableColumn.Strings(ResponseFileSchema.Episode, block.Episodes.ToArray()),
            TableColumn.Integers(ResponseFileSchema.Session, block.Sessions.ToArray()),
            TableColumn.Strings(ResponseFileSchema.Perspective, block.Perspectives.Select(p => (string?)AllianceCodes.ToCode(p)).ToArray()),
            TableColumn.Strings(ResponseFileSchema.Instrument, Enumerable.Repeat<string?>(block.Instrument.Id, n).ToArray()),
            TableColumn.Strings("metric", Enumerable.Repeat<string?>(metric, n).ToArray()),
            TableColumn.Strings("status", status),
            TableColumn.Doubles("total", scores.Totals.ToArray()),
        };
        columns.AddRange(scores.Subscales.Select(s => TableColumn.Doubles(s.Dimension.Id, s.Values.ToArray())));
        return columns;
    }
}
