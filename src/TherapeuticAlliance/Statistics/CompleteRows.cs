using System;

namespace TherapeuticAlliance.Statistics;

/// <summary>
/// Listwise deletion without copying the matrix: the statistics walk the rows in blocks of
/// <see cref="Moments.BlockRows"/>, and <see cref="Gather"/> writes one block's deviations (reverse-keyed where asked)
/// into a small buffer that stays in cache, with zeros for the rows that have a missing value. Nothing of the size
/// of the matrix is allocated.
/// </summary>
internal sealed class CompleteRows
{
    private readonly ResponseMatrix _matrix;
    private readonly bool[]? _reversed;
    private readonly double _mirror;
    private readonly bool _anyMissing;

    private CompleteRows(ResponseMatrix matrix, bool[]? reversed, double mirror, bool anyMissing, int used)
    {
        _matrix = matrix;
        _reversed = reversed;
        _mirror = mirror;
        _anyMissing = anyMissing;
        Used = used;
    }

    internal int ColumnCount => _matrix.ColumnCount;

    internal int RowCount => _matrix.RowCount;

    internal int Used { get; }

    internal int Dropped => _matrix.RowCount - Used;

    /// <summary>Gets the length of the buffer <see cref="Gather"/> fills: one block of rows per column.</summary>
    internal int BlockLength => ColumnCount * Moments.BlockRows;

    /// <summary>Takes the complete rows of a matrix.</summary>
    /// <param name="matrix">The matrix.</param>
    /// <param name="reversed">Per column, whether to reverse-key it as <c>mirror − value</c>; <see langword="null"/> for none.</param>
    /// <param name="mirror">The scale's minimum plus maximum.</param>
    internal static CompleteRows From(ResponseMatrix matrix, bool[]? reversed = null, double mirror = 0.0)
    {
        bool anyMissing = false;
        for (int c = 0; c < matrix.ColumnCount && !anyMissing; c++)
        {
            anyMissing = Moments.HasNaN(matrix.GetColumn(c));
        }

        int used = matrix.RowCount;
        if (anyMissing)
        {
            var rows = new CompleteRows(matrix, null, 0.0, true, 0);
            var complete = new long[Moments.BlockRows];
            used = 0;
            for (int start = 0; start < matrix.RowCount; start += Moments.BlockRows)
            {
                int length = Math.Min(Moments.BlockRows, matrix.RowCount - start);
                rows.Mask(start, length, complete);
                for (int r = 0; r < length; r++)
                {
                    used += (int)(complete[r] & 1);
                }
            }
        }

        return new CompleteRows(matrix, reversed, mirror, anyMissing, used);
    }

    /// <summary>
    /// Writes the rows <c>[start, start + length)</c> of every column <c>j</c>, reverse-keyed where asked and minus
    /// <c>centres[j]</c>, into <paramref name="block"/> from index <c>j × BlockRows</c>; a row with a missing value
    /// becomes 0 in every column, so it adds nothing to sums, sums of squares or products. Returns how many rows
    /// were complete.
    /// </summary>
    internal int Gather(int start, int length, ReadOnlySpan<double> centres, Span<double> block, long[] complete)
    {
        int count = length;
        if (_anyMissing)
        {
            Mask(start, length, complete);
            count = 0;
            for (int r = 0; r < length; r++)
            {
                count += (int)(complete[r] & 1);
            }
        }

        for (int c = 0; c < ColumnCount; c++)
        {
            ReadOnlySpan<double> source = _matrix.GetColumn(c).Slice(start, length);
            Span<double> target = block.Slice(c * Moments.BlockRows, length);
            bool reversed = _reversed is not null && _reversed[c];
            double sign = reversed ? -1.0 : 1.0;
            double shift = (reversed ? _mirror : 0.0) - centres[c];
            int r = 0;
#if NET8_0_OR_GREATER
            if (System.Numerics.Vector.IsHardwareAccelerated)
            {
                int width = System.Numerics.Vector<double>.Count;
                var vSign = new System.Numerics.Vector<double>(sign);
                var vShift = new System.Numerics.Vector<double>(shift);
                for (; r <= length - width; r += width)
                {
                    var raw = new System.Numerics.Vector<double>(source.Slice(r));
                    System.Numerics.Vector<double> value = reversed ? (raw * vSign) + vShift : raw + vShift;
                    if (_anyMissing)
                    {
                        value = System.Numerics.Vector.ConditionalSelect(new System.Numerics.Vector<long>(complete, r), value, System.Numerics.Vector<double>.Zero);
                    }

                    value.CopyTo(target.Slice(r));
                }
            }
#endif
            for (; r < length; r++)
            {
                target[r] = !_anyMissing || complete[r] != 0 ? (source[r] * sign) + shift : 0.0;
            }
        }

        return count;
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

    /// <summary>Sets <c>complete[r]</c> to all bits (−1) for each complete row among <c>[start, start + length)</c>, else 0.</summary>
    private void Mask(int start, int length, long[] complete)
    {
        complete.AsSpan(0, length).Fill(-1L);
        for (int c = 0; c < ColumnCount; c++)
        {
            ReadOnlySpan<double> column = _matrix.GetColumn(c).Slice(start, length);
            int r = 0;
#if NET8_0_OR_GREATER
            if (System.Numerics.Vector.IsHardwareAccelerated)
            {
                int width = System.Numerics.Vector<double>.Count;
                for (; r <= length - width; r += width)
                {
                    var v = new System.Numerics.Vector<double>(column.Slice(r));
                    (new System.Numerics.Vector<long>(complete, r) & System.Numerics.Vector.Equals(v, v)).CopyTo(complete, r);
                }
            }
#endif
            for (; r < length; r++)
            {
                if (double.IsNaN(column[r]))
                {
                    complete[r] = 0L;
                }
            }
        }
    }
}
