using System;
using System.Collections.Immutable;
using System.Linq;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.InteropServices;
#endif
using Ardalis.GuardClauses;
using TherapeuticAlliance.Instruments;

namespace TherapeuticAlliance.Statistics;

/// <summary>Scores an instrument over a <see cref="ResponseMatrix"/>: total and subscale columns for millions of administrations.</summary>
/// <remarks>
/// <para>The batch path applies the same rules as the object path (<see cref="Scoring.SumScoringStrategy"/>,
/// <see cref="Scoring.MeanScoringStrategy"/>, <see cref="Scoring.PompScoringStrategy"/>): reverse keying, the
/// missing-data policy per unit, proration. It computes in whole multiples of the scale's finest decimal unit, so
/// every result is the <see cref="double"/> nearest to the object path's exact <see cref="decimal"/> score; a
/// property test checks that the two agree on every row.</para>
/// <para>Columns are the instrument's items, in instrument order. A row with a value off the scale or off its
/// step is listed in <see cref="BatchScores.InvalidRows"/> and gets NaN everywhere; a row whose instrument total the
/// policy cannot score gets NaN everywhere; a subscale the policy cannot score gets NaN in that subscale.</para>
/// <para>This type is thread-safe.</para>
/// </remarks>
public static class BatchScorer
{
    /// <summary>Scores every row of a matrix.</summary>
    /// <param name="instrument">The instrument; the matrix has one column per item, in instrument order.</param>
    /// <param name="responses">The responses; NaN = not answered.</param>
    /// <param name="metric"><see cref="ScoreMetric.Sum"/>, <see cref="ScoreMetric.Mean"/> or <see cref="ScoreMetric.Pomp"/>.</param>
    /// <param name="policy">The missing-data policy; <see langword="null"/> for the instrument's default.</param>
    /// <returns>The score columns, or <see cref="MatrixShapeMismatch"/> when the matrix does not have one column per item.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="instrument"/> or <paramref name="responses"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="metric"/> is not one of the three supported metrics, or the score columns would not fit in one array (score in smaller batches).</exception>
    /// <remarks>The provenance names the metric's built-in strategy (<c>sum</c>, <c>mean</c> or <c>pomp</c>, version 1.0); to stamp a configured strategy's own name, call its <see cref="Scoring.IBatchScoringStrategy.ScoreBatch"/>.</remarks>
    public static BatchScoreResult Score(Instrument instrument, ResponseMatrix responses, ScoreMetric metric = ScoreMetric.Sum, MissingDataPolicy? policy = null) =>
        Score(instrument, responses, metric, policy, DefaultStrategyName(metric), "1.0");

    /// <summary>Scores every row, stamping the strategy's name and version.</summary>
    internal static BatchScoreResult Score(Instrument instrument, ResponseMatrix responses, ScoreMetric metric, MissingDataPolicy? policy, string strategyName, string strategyVersion)
    {
        CheckArguments(instrument, responses, metric);
        if (ShapeMismatch(instrument, responses) is { } mismatch)
        {
            return mismatch;
        }

        int rows = responses.RowCount;
        double[] values = NewScores(DestinationLength(instrument, rows));
        BatchSummary summary = Run(instrument, responses, values, metric, policy, strategyName, strategyVersion);
        var subscales = ImmutableArray.CreateBuilder<BatchSubscale>(summary.ColumnCount - 1);
        for (int u = 1; u < summary.ColumnCount; u++)
        {
            subscales.Add(new BatchSubscale(instrument.SubscaleUnits[u - 1].Dimension!, new ReadOnlyMemory<double>(values, u * rows, rows)));
        }

        return new BatchScores(summary, new ReadOnlyMemory<double>(values, 0, rows), subscales.MoveToImmutable());
    }

    /// <summary>Scores every row of a matrix into a buffer the caller owns, so repeated batches allocate (almost) nothing.</summary>
    /// <param name="instrument">The instrument; the matrix has one column per item, in instrument order.</param>
    /// <param name="responses">The responses; NaN = not answered.</param>
    /// <param name="destination">
    /// Receives the scores column after column: the instrument totals in <c>[0, rows)</c>, then one column of
    /// <c>rows</c> values per subscale in the order of <see cref="Instrument.Subscales"/>. It needs at least
    /// <c>rows × (1 + instrument.Subscales.Length)</c> elements; see <see cref="DestinationLength"/>. NaN marks a row or
    /// subscale that could not be scored, as in <see cref="Score"/>.
    /// </param>
    /// <param name="metric"><see cref="ScoreMetric.Sum"/>, <see cref="ScoreMetric.Mean"/> or <see cref="ScoreMetric.Pomp"/>.</param>
    /// <param name="policy">The missing-data policy; <see langword="null"/> for the instrument's default.</param>
    /// <returns>The counts of invalid and unscored rows, or <see cref="MatrixShapeMismatch"/> (and nothing written) when the matrix does not have one column per item.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="instrument"/> or <paramref name="responses"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="metric"/> is not one of the three supported metrics, or <paramref name="destination"/> is too short.</exception>
    /// <remarks>The values written are exactly those <see cref="Score"/> returns.</remarks>
    public static BatchSummaryResult ScoreInto(Instrument instrument, ResponseMatrix responses, Span<double> destination, ScoreMetric metric = ScoreMetric.Sum, MissingDataPolicy? policy = null) =>
        ScoreInto(instrument, responses, destination, metric, policy, DefaultStrategyName(metric), "1.0");

    /// <summary>Scores every row into a caller's buffer, stamping the strategy's name and version.</summary>
    internal static BatchSummaryResult ScoreInto(Instrument instrument, ResponseMatrix responses, Span<double> destination, ScoreMetric metric, MissingDataPolicy? policy, string strategyName, string strategyVersion)
    {
        CheckArguments(instrument, responses, metric);
        if (destination.Length < DestinationLength(instrument, responses.RowCount))
        {
            throw new ArgumentException("The destination needs rows × (1 + the number of subscales) elements; see DestinationLength.", nameof(destination));
        }

        return ShapeMismatch(instrument, responses) is { } mismatch ? mismatch : Run(instrument, responses, destination, metric, policy, strategyName, strategyVersion);
    }

    /// <summary>Gets the number of elements <see cref="ScoreInto"/> writes for a number of rows: <c>rows × (1 + instrument.Subscales.Length)</c>.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <param name="rows">The number of rows; 0 or more.</param>
    /// <returns>The length the destination needs.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="instrument"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="rows"/> is negative or the length does not fit in an <see cref="int"/>.</exception>
    public static int DestinationLength(Instrument instrument, int rows)
    {
        Guard.Against.Null(instrument);
        Guard.Against.InvalidInput(rows, nameof(rows), static n => n >= 0, "The number of rows cannot be negative.");
        long length = (long)rows * (instrument.SubscaleUnits.Length + 1);
        return length <= int.MaxValue ? (int)length : throw new ArgumentException("rows × (1 + the number of subscales) exceeds the largest array; score in smaller batches.", nameof(rows));
    }

    private static void CheckArguments(Instrument instrument, ResponseMatrix responses, ScoreMetric metric)
    {
        Guard.Against.Null(instrument);
        Guard.Against.Null(responses);
        Guard.Against.InvalidInput(metric, nameof(metric), m => m is ScoreMetric.Sum or ScoreMetric.Mean or ScoreMetric.Pomp, "The batch path scores sums, means and POMP.");
    }

    private static MatrixShapeMismatch? ShapeMismatch(Instrument instrument, ResponseMatrix responses) =>
        responses.ColumnCount == instrument.Items.Length ? null : new MatrixShapeMismatch(instrument.Id, instrument.Items.Length, responses.ColumnCount);

    /// <summary>Scores every row into <paramref name="destination"/> (checked by the caller) and says what could not be scored.</summary>
    private static BatchSummary Run(Instrument instrument, ResponseMatrix responses, Span<double> destination, ScoreMetric metric, MissingDataPolicy? policy, string strategyName, string strategyVersion)
    {
        policy ??= instrument.DefaultMissingDataPolicy;
        var kernel = new Kernel(instrument, responses, metric, policy);
        kernel.Run(destination);
        return new BatchSummary(instrument.Id, metric, policy, responses.RowCount, instrument.SubscaleUnits.Length + 1, kernel.InvalidRowList(), kernel.UnscoredRows, strategyName, strategyVersion);
    }

    /// <summary>The name of the built-in strategy of a batch metric: its code (<c>sum</c>, <c>mean</c>, <c>pomp</c>), which is also the strategy's default name.</summary>
    private static string DefaultStrategyName(ScoreMetric metric) => metric is ScoreMetric.Sum or ScoreMetric.Mean or ScoreMetric.Pomp
        ? AllianceCodes.ToCode(metric)
        : throw new ArgumentException("The batch path scores sums, means and POMP.", nameof(metric));

    private static double[] NewScores(int length)
    {
#if NET8_0_OR_GREATER
        // Every element is written, so the array need not be zeroed first.
        return GC.AllocateUninitializedArray<double>(length);
#else
        return new double[length];
#endif
    }

    /// <summary>
    /// One pass over the matrix: for each row (or each vector of rows), each item is read once, checked, keyed and
    /// added to its group (the items that belong to the same units), and every unit's score is computed from its
    /// groups and written straight to its output column. Unit 0 is the instrument total; units 1.. are the subscales.
    /// </summary>
    private sealed class Kernel
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

        internal Kernel(Instrument instrument, ResponseMatrix responses, ScoreMetric metric, MissingDataPolicy policy)
        {
            _data = responses.ColumnMajorValues;
            _rows = responses.RowCount;
            _metric = metric;
            Layout layout = Layouts.GetValue(instrument, static i => new Layout(i));
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

        internal UnitGrid Grid { get; }

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
                    _ => 100.0 * (k - (a * Grid.MinimumUnits)) / (a * (Grid.MaximumUnits - Grid.MinimumUnits)),
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
            _ => new Vector<double>(100.0) * (k - (a * new Vector<double>(Grid.MinimumUnits))) / (a * new Vector<double>(Grid.MaximumUnits - Grid.MinimumUnits)),
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

    /// <summary>The instruments' batch layouts, computed once per instrument (thread-safe; entries go with their instrument).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Instrument, Layout> Layouts = new();

    /// <summary>How an instrument's items feed its units: items grouped by the set of subscales they belong to, so every unit is a union of whole groups.</summary>
    private sealed class Layout
    {
        internal Layout(Instrument instrument)
        {
            Grid = new UnitGrid(instrument.Scale);
            Reversed = instrument.Reversed.ToArray();
            ImmutableArray<ScoringUnit> subscales = instrument.SubscaleUnits;
            int itemCount = instrument.Items.Length;
            var signatures = new string[itemCount];
            for (int item = 0; item < itemCount; item++)
            {
                signatures[item] = string.Join(",", Enumerable.Range(0, subscales.Length).Where(u => subscales[u].ItemIndices.Contains(item)));
            }

            string[] distinct = signatures.Distinct(StringComparer.Ordinal).ToArray();
            GroupItems = distinct.Select(sig => Enumerable.Range(0, itemCount).Where(i => signatures[i] == sig).ToArray()).ToArray();
            GroupPlain = GroupItems.Select(items => items.Where(i => !Reversed[i]).ToArray()).ToArray();
            GroupReversed = GroupItems.Select(items => items.Where(i => Reversed[i]).ToArray()).ToArray();
            int unitCount = subscales.Length + 1;
            UnitGroups = new int[unitCount][];
            UnitGroups[0] = Enumerable.Range(0, GroupItems.Length).ToArray();
            UnitItems = new double[unitCount];
            UnitItems[0] = itemCount;
            for (int u = 0; u < subscales.Length; u++)
            {
                ImmutableArray<int> items = subscales[u].ItemIndices;
                UnitGroups[u + 1] = Enumerable.Range(0, GroupItems.Length).Where(g => items.Contains(GroupItems[g][0])).ToArray();
                UnitItems[u + 1] = items.Length;
            }
        }

        internal UnitGrid Grid { get; }

        internal bool[] Reversed { get; }

        internal int[][] GroupItems { get; }

        internal int[][] GroupPlain { get; }

        internal int[][] GroupReversed { get; }

        internal int[][] UnitGroups { get; }

        internal double[] UnitItems { get; }
    }

    /// <summary>The scale as whole multiples of its finest decimal unit, so sums are exact in double.</summary>
    private readonly struct UnitGrid
    {
        internal UnitGrid(RatingScale scale)
        {
            decimal factor = 1m;
            while (!(IsWhole(scale.Minimum * factor) && IsWhole(scale.Maximum * factor) && IsWhole(scale.Step * factor)))
            {
                factor *= 10m;
            }

            Factor = (double)factor;
            MinimumUnits = (double)(scale.Minimum * factor);
            MaximumUnits = (double)(scale.Maximum * factor);
            StepUnits = (double)(scale.Step * factor);
        }

        internal double Factor { get; }

        internal double MinimumUnits { get; }

        internal double MaximumUnits { get; }

        internal double StepUnits { get; }

        /// <summary>Gets a value indicating whether the valid values are exactly the whole numbers from the minimum to the maximum.</summary>
        internal bool IsWholeNumbers => Factor == 1.0 && StepUnits == 1.0;

        internal bool TryToUnits(double value, out double units)
        {
            double scaled = value * Factor;
            units = Math.Round(scaled);
            return Math.Abs(scaled - units) <= 1e-7 * Math.Max(1.0, Math.Abs(scaled))
                && units >= MinimumUnits
                && units <= MaximumUnits
                && (StepUnits == 1.0 || Math.IEEERemainder(units - MinimumUnits, StepUnits) == 0.0);
        }

        private static bool IsWhole(decimal value) => decimal.Truncate(value) == value;
    }
}
