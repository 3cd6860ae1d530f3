using System;
using TherapeuticAlliance.Statistics;

namespace TherapeuticAlliance.Internal;

/// <summary>
/// Listwise deletion without copying the matrix: the statistics walk the rows in blocks of
/// <see cref="Moments.BlockRows"/>, and <see cref="Gather"/> puts the complete rows of one block (reverse-keyed where
/// asked) into a small buffer that stays in cache. Nothing of the size of the matrix is allocated.
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
            Span<bool> mask = stackalloc bool[Moments.BlockRows];
            used = 0;
            for (int start = 0; start < matrix.RowCount; start += Moments.BlockRows)
            {
                used += rows.Mask(start, Math.Min(Moments.BlockRows, matrix.RowCount - start), mask);
            }
        }

        return new CompleteRows(matrix, reversed, mirror, anyMissing, used);
    }

    /// <summary>
    /// Copies the complete rows among <c>[start, start + length)</c> into <paramref name="block"/>, column
    /// <c>j</c> from index <c>j × BlockRows</c>, and returns how many there were.
    /// </summary>
    internal int Gather(int start, int length, Span<double> block)
    {
        Span<bool> mask = stackalloc bool[Moments.BlockRows];
        int count = _anyMissing ? Mask(start, length, mask) : length;
        for (int c = 0; c < ColumnCount; c++)
        {
            ReadOnlySpan<double> source = _matrix.GetColumn(c).Slice(start, length);
            Span<double> target = block.Slice(c * Moments.BlockRows, Moments.BlockRows);
            if (count == length)
            {
                source.CopyTo(target);
            }
            else
            {
                int i = 0;
                for (int r = 0; r < length; r++)
                {
                    if (mask[r])
                    {
                        target[i++] = source[r];
                    }
                }
            }

            if (_reversed is not null && _reversed[c])
            {
                for (int i = 0; i < count; i++)
                {
                    target[i] = _mirror - target[i];
                }
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

    /// <summary>Marks the complete rows among <c>[start, start + length)</c>; returns how many.</summary>
    private int Mask(int start, int length, Span<bool> mask)
    {
        mask.Slice(0, length).Fill(true);
        for (int c = 0; c < ColumnCount; c++)
        {
            ReadOnlySpan<double> column = _matrix.GetColumn(c).Slice(start, length);
            for (int r = 0; r < length; r++)
            {
                if (double.IsNaN(column[r]))
                {
                    mask[r] = false;
                }
            }
        }

        int count = 0;
        for (int r = 0; r < length; r++)
        {
            count += mask[r] ? 1 : 0;
        }

        return count;
    }
}
