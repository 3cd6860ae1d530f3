using System;
using TherapeuticAlliance.Statistics;

namespace TherapeuticAlliance.Internal;

/// <summary>
/// Listwise deletion: the rows of a matrix without any missing value, column after column. When no row is dropped and
/// no value is transformed, the matrix's own storage is read in place, so complete data costs no copy.
/// </summary>
internal sealed class CompleteRows
{
    private readonly double[] _data;
    private readonly int _stride;

    private CompleteRows(double[] data, int stride, int columnCount, int used, int dropped)
    {
        _data = data;
        _stride = stride;
        ColumnCount = columnCount;
        Used = used;
        Dropped = dropped;
    }

    internal int ColumnCount { get; }

    internal int Used { get; }

    internal int Dropped { get; }

    /// <summary>Gets the complete values of one column.</summary>
    internal ReadOnlySpan<double> Column(int column) => new(_data, column * _stride, Used);

    internal static CompleteRows From(ResponseMatrix matrix, Func<int, double, double>? transform = null)
    {
        int rows = matrix.RowCount;
        int columns = matrix.ColumnCount;
        bool anyMissing = false;
        for (int c = 0; c < columns && !anyMissing; c++)
        {
            anyMissing = Moments.HasNaN(matrix.GetColumn(c));
        }

        if (!anyMissing && transform is null)
        {
            return new CompleteRows(matrix.ColumnMajorValues, rows, columns, rows, 0);
        }

        bool[]? complete = null;
        int used = rows;
        if (anyMissing)
        {
            complete = new bool[rows];
            complete.AsSpan().Fill(true);
            for (int c = 0; c < columns; c++)
            {
                ReadOnlySpan<double> column = matrix.GetColumn(c);
                for (int r = 0; r < rows; r++)
                {
                    if (double.IsNaN(column[r]))
                    {
                        complete[r] = false;
                    }
                }
            }

            used = 0;
            foreach (bool ok in complete)
            {
                used += ok ? 1 : 0;
            }
        }

        var data = new double[used * columns];
        for (int c = 0; c < columns; c++)
        {
            ReadOnlySpan<double> source = matrix.GetColumn(c);
            int i = c * used;
            for (int r = 0; r < rows; r++)
            {
                if (complete is null || complete[r])
                {
                    data[i++] = transform is null ? source[r] : transform(c, source[r]);
                }
            }
        }

        return new CompleteRows(data, used, columns, used, rows - used);
    }

    internal static bool AllMissing(ResponseMatrix matrix)
    {
        for (int c = 0; c < matrix.ColumnCount; c++)
        {
            foreach (double value in matrix.GetColumn(c))
            {
                if (!double.IsNaN(value))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
