namespace TherapeuticAlliance.Multilevel;

/// <summary>
/// A matrix of sums accumulated with Neumaier's compensated summation (Neumaier 1974, an improvement of Kahan's): each
/// entry is a sum and the rounding error it has lost, so that the same numbers added in any order (one pass over a
/// caseload's rows, or sites' partials merged) give the same value to about 1e-16 relative of the exact sum.
/// </summary>
internal sealed class CompensatedBlock
{
    private readonly double[] _sum;
    private readonly double[] _compensation;

    internal CompensatedBlock(int rows, int columns)
    {
        Rows = rows;
        Columns = columns;
        _sum = new double[rows * columns];
        _compensation = new double[rows * columns];
    }

    internal int Rows { get; }

    internal int Columns { get; }

    /// <summary>Gets an entry's value: the sum with its compensation.</summary>
    internal double this[int row, int column] => _sum[(row * Columns) + column] + _compensation[(row * Columns) + column];

    /// <summary>The values as a matrix.</summary>
    internal double[,] ToArray()
    {
        var values = new double[Rows, Columns];
        for (int i = 0; i < Rows; i++)
        {
            for (int j = 0; j < Columns; j++)
            {
                values[i, j] = this[i, j];
            }
        }

        return values;
    }

    /// <summary>The entries as pairs (sum, compensation), row-major: a partial's file form.</summary>
    internal double[] ToPairs()
    {
        var pairs = new double[2 * _sum.Length];
        for (int i = 0; i < _sum.Length; i++)
        {
            pairs[2 * i] = _sum[i];
            pairs[(2 * i) + 1] = _compensation[i];
        }

        return pairs;
    }

    /// <summary>A block from <see cref="ToPairs"/>'s form (2 × rows × columns numbers).</summary>
    internal static CompensatedBlock FromPairs(int rows, int columns, double[] pairs)
    {
        var block = new CompensatedBlock(rows, columns);
        for (int i = 0; i < block._sum.Length; i++)
        {
            block._sum[i] = pairs[2 * i];
            block._compensation[i] = pairs[(2 * i) + 1];
        }

        return block;
    }

    /// <summary>Adds a value to an entry.</summary>
    internal void Add(int row, int column, double value)
    {
        int i = (row * Columns) + column;
        double sum = _sum[i];
        double t = sum + value;
        _compensation[i] += System.Math.Abs(sum) >= System.Math.Abs(value) ? (sum - t) + value : (value - t) + sum;
        _sum[i] = t;
    }

    /// <summary>Adds another block's entries, sums and compensations both (a merge of partials).</summary>
    internal void Add(CompensatedBlock other)
    {
        for (int i = 0; i < _sum.Length; i++)
        {
            Add(i / Columns, i % Columns, other._sum[i]);
            Add(i / Columns, i % Columns, other._compensation[i]);
        }
    }
}
