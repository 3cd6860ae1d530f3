using TherapeuticAlliance.Statistics;

namespace TherapeuticAlliance.Internal;

/// <summary>Listwise deletion: the rows of a matrix without any missing value, as contiguous columns.</summary>
internal sealed class CompleteRows
{
    private CompleteRows(double[][] columns, int used, int dropped)
    {
        Columns = columns;
        Used = used;
        Dropped = dropped;
    }

    internal double[][] Columns { get; }

    internal int Used { get; }

    internal int Dropped { get; }

    internal static CompleteRows From(ResponseMatrix matrix, System.Func<int, double, double>? transform = null)
    {
        int rows = matrix.RowCount;
        var complete = new bool[rows];
        for (int r = 0; r < rows; r++)
        {
            complete[r] = true;
        }

        for (int c = 0; c < matrix.ColumnCount; c++)
        {
            System.ReadOnlySpan<double> column = matrix.GetColumn(c);
            for (int r = 0; r < rows; r++)
            {
                if (double.IsNaN(column[r]))
                {
                    complete[r] = false;
                }
            }
        }

        int used = 0;
        foreach (bool ok in complete)
        {
            used += ok ? 1 : 0;
        }

        var columns = new double[matrix.ColumnCount][];
        for (int c = 0; c < columns.Length; c++)
        {
            System.ReadOnlySpan<double> source = matrix.GetColumn(c);
            var target = new double[used];
            int i = 0;
            for (int r = 0; r < rows; r++)
            {
                if (complete[r])
                {
                    target[i++] = transform is null ? source[r] : transform(c, source[r]);
                }
            }

            columns[c] = target;
        }

        return new CompleteRows(columns, used, rows - used);
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
