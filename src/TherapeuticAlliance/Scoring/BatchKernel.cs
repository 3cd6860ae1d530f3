using System;
using System.Collections.Immutable;
using System.Linq;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.InteropServices;
#endif
using TherapeuticAlliance.Statistics;

namespace TherapeuticAlliance.Scoring;

/// <summary>
/// One pass over the matrix: for each row (or each vector of rows), each item is read once, checked, keyed and
/// added to its group (the items that belong to the same units), and every unit's score is computed from its
/// groups and written straight to its output column. Unit 0 is the instrument total; units 1.. are the subscales.
/// </summary>
internal sealed class BatchKernel
{
    private readonly double[] _data;
    private readonly int _rows;
    private readonly ScoreMetric _metric;
    private readonly int[][] _groupItems;
    private readonly int[][] _groupPlain;
    private readonly int[][] _groupReversed;
    private readonly bool[] _reversed;
    private readonly int[][] _unitGroups;
    private readonly double[] _unitItems;
    private readonly double[] _unitNeeded;
    private readonly double[] _groupSums;
    private readonly double[] _groupAnswered;
#if NET8_0_OR_GREATER
    private readonly Vector<double>[] _vectorSums;
    private readonly Vector<double>[] _vectorAnswered;
#endif

    internal BatchKernel(Instrument instrument, ResponseMatrix responses, ScoreMetric metric, MissingDataPolicy policy)
    {
        _data = responses.ColumnMajorValues;
        _rows = responses.RowCount;
        _metric = metric;
        BatchLayout layout = BatchLayout.Of(instrument);
        _groupItems = layout.GroupItems;
        _groupPlain = layout.GroupPlain;
        _groupReversed = layout.GroupReversed;
        _reversed = layout.Reversed;
        _unitGroups = layout.UnitGroups;
        _unitItems = layout.UnitItems;
        Grid = layout.Grid;
        _unitNeeded = new double[_unitItems.Length];
        for (int u = 0; u < _unitItems.Length; u++)
        {
            int items = (int)_unitItems[u];
            _unitNeeded[u] = items - policy.MaximumMissing(items);
        }

        _groupSums = new double[_groupItems.Length];
        _groupAnswered = new double[_groupItems.Length];
#if NET8_0_OR_GREATER
        _vectorSums = new Vector<double>[_groupItems.Length];
        _vectorAnswered = new Vector<double>[_groupItems.Length];
#endif
    }

    internal BatchUnitGrid Grid { get; }

    internal int UnscoredRows { get; private set; }

    private ImmutableArray<int>.Builder? InvalidRows { get; set; }

    internal ImmutableArray<int> InvalidRowList() => InvalidRows?.ToImmutable() ?? ImmutableArray<int>.Empty;

    /// <summary>Scores every row into <paramref name="destination"/> (unit after unit, <c>rows</c> values each).</summary>
    internal void Run(Span<double> destination)
    {
        int row = 0;
#if NET8_0_OR_GREATER
        if (Vector.IsHardwareAccelerated && Grid.IsWholeNumbers)
        {
            row = ScoreVectorised(destination);
        }
#endif
        for (; row < _rows; row++)
        {
            ScoreRow(row, destination);
        }
    }

    /// <summary>Scores one row with scalar arithmetic (the reference for the vectorised path: the same IEEE operations per value).</summary>
    internal void ScoreRow(int row, Span<double> destination)
    {
        double mirror = Grid.MinimumUnits + Grid.MaximumUnits;
        for (int g = 0; g < _groupItems.Length; g++)
        {
            double sum = 0.0;
            double answered = 0.0;
            foreach (int item in _groupItems[g])
            {
                double value = _data[(item * _rows) + row];
                if (double.IsNaN(value))
                {
                    continue;
                }

                if (!Grid.TryToUnits(value, out double units))
                {
                    (InvalidRows ??= ImmutableArray.CreateBuilder<int>()).Add(row);
                    for (int u = 0; u < _unitGroups.Length; u++)
                    {
                        destination[(u * _rows) + row] = double.NaN;
                    }

                    return;
                }

                sum += _reversed[item] ? mirror - units : units;
                answered += 1.0;
            }

            _groupSums[g] = sum;
            _groupAnswered[g] = answered;
        }

        double total = double.NaN;
        for (int u = 0; u < _unitGroups.Length; u++)
        {
            double k = 0.0;
            double a = 0.0;
            foreach (int g in _unitGroups[u])
            {
                k += _groupSums[g];
                a += _groupAnswered[g];
            }

            double value = _metric switch
            {
                ScoreMetric.Sum => k * _unitItems[u] / (a * Grid.Factor),
                ScoreMetric.Mean => k / (a * Grid.Factor),
                ScoreMetric.Pomp => 100.0 * (k - (a * Grid.MinimumUnits)) / (a * (Grid.MaximumUnits - Grid.MinimumUnits)),
                _ => throw new InvalidOperationException("The batch path scores sums, means and POMP."),
            };
            value = a >= _unitNeeded[u] ? value : double.NaN;
            if (u == 0)
            {
                total = value;
                UnscoredRows += double.IsNaN(total) ? 1 : 0;
            }
            else
            {
                // A row whose total the policy cannot score gets no subscale scores either.
                value += total * 0.0;
            }

            destination[(u * _rows) + row] = value;
        }
    }

#if NET8_0_OR_GREATER
    /// <summary>Scores whole vectors of rows on a whole-number scale; returns the first row not scored.</summary>
    /// <remarks>
    /// Every value is first assumed valid and answered, the common case: a group's sum is then the plain sum of its
    /// items (reversed items enter as <c>min + max − v</c>, added in bulk), every answered count is the item count,
    /// and no lane needs a mask. A vector of rows with a missing or invalid value is done again with masks
    /// (<see cref="ScoreVectorWithMissing"/>). All sums are whole numbers far below 2^53, so they are exact in any
    /// order, and each score comes from the same IEEE operations as in <see cref="ScoreRow"/>.
    /// </remarks>
    internal int ScoreVectorised(Span<double> destination)
    {
        // Two vectors of rows per step (a whole cache line of each column), with everything the loop reads in locals.
        int width = Vector<double>.Count;
        int step = 2 * width;
        int rows = _rows;
        int groups = _groupItems.Length;
        int units = _unitGroups.Length;
        long[][] plainOffsets = _groupPlain.Select(items => items.Select(item => (long)item * rows).ToArray()).ToArray();
        long[][] reversedOffsets = _groupReversed.Select(items => items.Select(item => (long)item * rows).ToArray()).ToArray();
        Vector<double>[] reversedBase = _groupReversed.Select(items => new Vector<double>(items.Length * (Grid.MinimumUnits + Grid.MaximumUnits))).ToArray();
        int[][] unitGroups = _unitGroups;
        bool sum = _metric == ScoreMetric.Sum;
        var low = new Vector<double>[groups];
        var high = new Vector<double>[groups];
        var min = new Vector<double>(Grid.MinimumUnits);
        var max = new Vector<double>(Grid.MaximumUnits);
        ref double data = ref MemoryMarshal.GetArrayDataReference(_data);
        ref double output = ref MemoryMarshal.GetReference(destination);
        int row = 0;
        for (; row <= rows - step; row += step)
        {
            Vector<long> validLow = Vector<long>.AllBitsSet;
            Vector<long> validHigh = Vector<long>.AllBitsSet;
            for (int g = 0; g < groups; g++)
            {
                Vector<double> plainLow = Vector<double>.Zero;
                Vector<double> plainHigh = Vector<double>.Zero;
                foreach (long offset in plainOffsets[g])
                {
                    Vector<double> a = Vector.LoadUnsafe(ref data, (nuint)(offset + row));
                    Vector<double> b = Vector.LoadUnsafe(ref data, (nuint)(offset + row + width));
                    validLow &= Vector.Equals(Clamp(Vector.Floor(a), min, max), a);
                    validHigh &= Vector.Equals(Clamp(Vector.Floor(b), min, max), b);
                    plainLow += a;
                    plainHigh += b;
                }

                long[] reversed = reversedOffsets[g];
                if (reversed.Length > 0)
                {
                    // Reversed items enter as min + max − v: add (min + max) per item once, subtract the values.
                    Vector<double> reversedLow = Vector<double>.Zero;
                    Vector<double> reversedHigh = Vector<double>.Zero;
                    foreach (long offset in reversed)
                    {
                        Vector<double> a = Vector.LoadUnsafe(ref data, (nuint)(offset + row));
                        Vector<double> b = Vector.LoadUnsafe(ref data, (nuint)(offset + row + width));
                        validLow &= Vector.Equals(Clamp(Vector.Floor(a), min, max), a);
                        validHigh &= Vector.Equals(Clamp(Vector.Floor(b), min, max), b);
                        reversedLow += a;
                        reversedHigh += b;
                    }

                    plainLow += reversedBase[g] - reversedLow;
                    plainHigh += reversedBase[g] - reversedHigh;
                }

                low[g] = plainLow;
                high[g] = plainHigh;
            }

            bool lowValid = Vector.EqualsAll(validLow, Vector<long>.AllBitsSet);
            bool highValid = Vector.EqualsAll(validHigh, Vector<long>.AllBitsSet);
            for (int u = 0; u < units; u++)
            {
                Vector<double> kLow = Vector<double>.Zero;
                Vector<double> kHigh = Vector<double>.Zero;
                foreach (int g in unitGroups[u])
                {
                    kLow += low[g];
                    kHigh += high[g];
                }

                // Every item answered: a = n, so the sum is k itself (k·n/n is exact); means and POMP divide as ScoreRow does.
                long at = ((long)u * rows) + row;
                if (lowValid)
                {
                    (sum ? kLow : Finish(kLow, new Vector<double>(_unitItems[u]), u)).StoreUnsafe(ref output, (nuint)at);
                }

                if (highValid)
                {
                    (sum ? kHigh : Finish(kHigh, new Vector<double>(_unitItems[u]), u)).StoreUnsafe(ref output, (nuint)(at + width));
                }
            }

            // A vector of rows with a missing or invalid value is done again with masks.
            if (!lowValid)
            {
                ScoreVectorWithMissing(row, destination);
            }

            if (!highValid)
            {
                ScoreVectorWithMissing(row + width, destination);
            }
        }

        return row;
    }

    /// <summary>Scores one vector of rows with masks: missing values are skipped and counted; rows with an invalid value go through <see cref="ScoreRow"/>.</summary>
    private void ScoreVectorWithMissing(int row, Span<double> destination)
    {
        int width = Vector<double>.Count;
        int groups = _groupItems.Length;
        var min = new Vector<double>(Grid.MinimumUnits);
        var max = new Vector<double>(Grid.MaximumUnits);
        var mirror = new Vector<double>(Grid.MinimumUnits + Grid.MaximumUnits);
        var nan = new Vector<double>(double.NaN);
        ref double data = ref MemoryMarshal.GetArrayDataReference(_data);
        Vector<long> bad = Vector<long>.Zero;
        for (int g = 0; g < groups; g++)
        {
            Vector<double> sum = Vector<double>.Zero;
            Vector<double> count = Vector<double>.Zero;
            foreach (int item in _groupItems[g])
            {
                Vector<double> v = Vector.LoadUnsafe(ref data, (nuint)(((long)item * _rows) + row));
                Vector<long> valid = Vector.Equals(Clamp(Vector.Floor(v), min, max), v);
                bad |= Vector.AndNot(Vector.Equals(v, v), valid);
                Vector<double> keyed = _reversed[item] ? mirror - v : v;
                sum += Vector.ConditionalSelect(valid, keyed, Vector<double>.Zero);
                count += Vector.ConditionalSelect(valid, Vector<double>.One, Vector<double>.Zero);
            }

            _vectorSums[g] = sum;
            _vectorAnswered[g] = count;
        }

        if (!Vector.EqualsAll(bad, Vector<long>.Zero))
        {
            // A value off the scale or off its step: these rows go through the scalar path, which reports them.
            for (int lane = 0; lane < width; lane++)
            {
                ScoreRow(row + lane, destination);
            }

            return;
        }

        ref double output = ref MemoryMarshal.GetReference(destination);
        Vector<double> total = nan;
        for (int u = 0; u < _unitGroups.Length; u++)
        {
            Vector<double> k = Vector<double>.Zero;
            Vector<double> a = Vector<double>.Zero;
            foreach (int g in _unitGroups[u])
            {
                k += _vectorSums[g];
                a += _vectorAnswered[g];
            }

            Vector<double> value = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(a, new Vector<double>(_unitNeeded[u])), Finish(k, a, u), nan);
            if (u == 0)
            {
                total = value;
                UnscoredRows -= (int)Vector.Sum(~Vector.Equals(total, total));
            }
            else
            {
                // A row whose total the policy cannot score gets no subscale scores either.
                value += total * Vector<double>.Zero;
            }

            value.StoreUnsafe(ref output, (nuint)(((long)u * _rows) + row));
        }
    }

    /// <summary>The score from the keyed sum and answered count of a unit: the same IEEE operations per lane as <see cref="ScoreRow"/> (the factor is 1 on a whole-number scale).</summary>
    private Vector<double> Finish(Vector<double> k, Vector<double> a, int unit) => _metric switch
    {
        ScoreMetric.Sum => k * new Vector<double>(_unitItems[unit]) / a,
        ScoreMetric.Mean => k / a,
        ScoreMetric.Pomp => new Vector<double>(100.0) * (k - (a * new Vector<double>(Grid.MinimumUnits))) / (a * new Vector<double>(Grid.MaximumUnits - Grid.MinimumUnits)),
        _ => throw new InvalidOperationException("The batch path scores sums, means and POMP."),
    };

    /// <summary>Clamps to [min, max]; a NaN lane may give anything, since the caller compares the result with the NaN itself.</summary>
    private static Vector<double> Clamp(Vector<double> value, Vector<double> min, Vector<double> max)
    {
#if NET9_0_OR_GREATER
        return Vector.MinNative(Vector.MaxNative(value, min), max);
#else
        return Vector.Min(Vector.Max(value, min), max);
#endif
    }
#endif
}
