namespace TherapeuticAlliance.Multilevel;

/// <summary>
/// A matrix of compensated sums stored in part of a larger array (each entry a sum and its lost rounding error, side
/// by side): <see cref="CompensatedBlock"/>'s arithmetic, bit for bit, without an object and two arrays per block.
/// </summary>
internal readonly struct CompensatedView
{
    private readonly double[] _store;
    private readonly int _offset;

    internal CompensatedView(double[] store, int offset, int rows, int columns)
    {
        _store = store;
        _offset = offset;
        Rows = rows;
        Columns = columns;
    }

    internal int Rows { get; }

    internal int Columns { get; }

    /// <summary>Gets an entry's value: the sum with its compensation.</summary>
    internal double this[int row, int column]
    {
        get
        {
            int i = _offset + (2 * ((row * Columns) + column));
            return _store[i] + _store[i + 1];
        }
    }

    /// <summary>Adds a value to an entry (Neumaier 1974, as <see cref="CompensatedBlock.Add(int, int, double)"/>).</summary>
    internal void Add(int row, int column, double value)
    {
        int i = _offset + (2 * ((row * Columns) + column));
        double sum = _store[i];
        double t = sum + value;
        _store[i + 1] += System.Math.Abs(sum) >= System.Math.Abs(value) ? (sum - t) + value : (value - t) + sum;
        _store[i] = t;
    }

    /// <summary>Adds another view's entries, sums and compensations both (a merge of partials), as <see cref="CompensatedBlock.Add(CompensatedBlock)"/>.</summary>
    internal void Add(CompensatedView other)
    {
        for (int e = 0; e < Rows * Columns; e++)
        {
            int j = other._offset + (2 * e);
            Add(e / Columns, e % Columns, other._store[j]);
            Add(e / Columns, e % Columns, other._store[j + 1]);
        }
    }
}
