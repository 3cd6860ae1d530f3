using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
#if NET8_0_OR_GREATER
using System.Numerics;
#endif
using Ardalis.GuardClauses;
using OneOf;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Internal;

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
    private const int BlockRows = 4096;

    /// <summary>Scores every row of a matrix.</summary>
    /// <param name="instrument">The instrument; the matrix has one column per item, in instrument order.</param>
    /// <param name="responses">The responses; NaN = not answered.</param>
    /// <param name="metric"><see cref="ScoreMetric.Sum"/>, <see cref="ScoreMetric.Mean"/> or <see cref="ScoreMetric.Pomp"/>.</param>
    /// <param name="policy">The missing-data policy; <see langword="null"/> for the instrument's default.</param>
    /// <returns>The score columns, or <see cref="MatrixShapeMismatch"/> when the matrix does not have one column per item.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="instrument"/> or <paramref name="responses"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="metric"/> is not one of the three supported metrics.</exception>
    public static BatchScoreResult Score(Instrument instrument, ResponseMatrix responses, ScoreMetric metric = ScoreMetric.Sum, MissingDataPolicy? policy = null)
    {
        Guard.Against.Null(instrument);
        Guard.Against.Null(responses);
        Guard.Against.InvalidInput(metric, nameof(metric), m => m is ScoreMetric.Sum or ScoreMetric.Mean or ScoreMetric.Pomp, "The batch path scores sums, means and POMP.");
        if (responses.ColumnCount != instrument.Items.Length)
        {
            return new MatrixShapeMismatch(instrument.Id, instrument.Items.Length, responses.ColumnCount);
        }

        policy ??= instrument.DefaultMissingDataPolicy;
        var grid = new UnitGrid(instrument.Scale);
        int rows = responses.RowCount;
        var invalid = new bool[rows];

        // Unit 0 is the instrument total; units 1.. are the subscales. Rows are processed in cache-sized blocks: each
        // column of a block is converted to keyed units once and added to every unit that contains it, then the
        // block's scores are written out. Only the output columns are allocated at full size.
        ImmutableArray<ScoringUnit> subscaleUnits = instrument.SubscaleUnits;
        int unitCount = subscaleUnits.Length + 1;
        var members = new bool[unitCount, instrument.Items.Length];
        var itemCounts = new int[unitCount];
        itemCounts[0] = instrument.Items.Length;
        for (int item = 0; item < instrument.Items.Length; item++)
        {
            members[0, item] = true;
        }

        for (int u = 0; u < subscaleUnits.Length; u++)
        {
            itemCounts[u + 1] = subscaleUnits[u].ItemIndices.Length;
            foreach (int item in subscaleUnits[u].ItemIndices)
            {
                members[u + 1, item] = true;
            }
        }

        var outputs = new double[unitCount][];
        var accumulators = new UnitColumn[unitCount];
        for (int u = 0; u < unitCount; u++)
        {
            outputs[u] = new double[rows];
            accumulators[u] = new UnitColumn(itemCounts[u], Math.Min(BlockRows, Math.Max(rows, 1)));
        }

        var keyed = new double[Math.Min(BlockRows, Math.Max(rows, 1))];
        for (int start = 0; start < rows; start += BlockRows)
        {
            int length = Math.Min(BlockRows, rows - start);
            foreach (UnitColumn accumulator in accumulators)
            {
                accumulator.Reset(length);
            }

            for (int item = 0; item < instrument.Items.Length; item++)
            {
                grid.ToKeyedUnits(responses.GetColumn(item).Slice(start, length), instrument.Reversed[item], keyed, invalid, start);
                for (int u = 0; u < unitCount; u++)
                {
                    if (members[u, item])
                    {
                        accumulators[u].Add(keyed, length);
                    }
                }
            }

            for (int r = 0; r < length; r++)
            {
                if (invalid[start + r])
                {
                    foreach (UnitColumn accumulator in accumulators)
                    {
                        accumulator.Poison(r);
                    }
                }
            }

            accumulators[0].Finish(grid, metric, policy, null, outputs[0].AsSpan(start, length), length);
            for (int u = 1; u < unitCount; u++)
            {
                accumulators[u].Finish(grid, metric, policy, outputs[0].AsSpan(start, length), outputs[u].AsSpan(start, length), length);
            }
        }

        double[] totals = outputs[0];
        var subscales = ImmutableArray.CreateBuilder<BatchSubscale>(subscaleUnits.Length);
        for (int u = 0; u < subscaleUnits.Length; u++)
        {
            subscales.Add(new BatchSubscale(subscaleUnits[u].Dimension!, outputs[u + 1]));
        }

        var invalidRows = ImmutableArray.CreateBuilder<int>();
        int unscored = 0;
        for (int r = 0; r < rows; r++)
        {
            if (invalid[r])
            {
                invalidRows.Add(r);
            }
            else if (double.IsNaN(totals[r]))
            {
                unscored++;
            }
        }

        return new BatchScores(instrument.Id, metric, policy, totals, subscales.MoveToImmutable(), invalidRows.ToImmutable(), unscored);
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

        internal bool TryToUnits(double value, out double units)
        {
            double scaled = value * Factor;
            units = Math.Round(scaled);
            return Math.Abs(scaled - units) <= 1e-7 * Math.Max(1.0, Math.Abs(scaled))
                && units >= MinimumUnits
                && units <= MaximumUnits
                && (StepUnits == 1.0 || Math.IEEERemainder(units - MinimumUnits, StepUnits) == 0.0);
        }

        /// <summary>Writes each value's keyed units to <paramref name="keyed"/> (NaN when missing or invalid) and flags invalid rows.</summary>
        internal void ToKeyedUnits(ReadOnlySpan<double> column, bool reversed, double[] keyed, bool[] invalid, int offset)
        {
            double mirror = MinimumUnits + MaximumUnits;
            int r = 0;
#if NET8_0_OR_GREATER
            if (Factor == 1.0 && StepUnits == 1.0 && Vector.IsHardwareAccelerated)
            {
                // Whole-number scales (1-5, 1-7, ...): valid means a whole number within range; NaN fails every comparison.
                int width = Vector<double>.Count;
                var min = new Vector<double>(MinimumUnits);
                var max = new Vector<double>(MaximumUnits);
                var mirrored = new Vector<double>(mirror);
                var nan = new Vector<double>(double.NaN);
                for (; r <= column.Length - width; r += width)
                {
                    var v = new Vector<double>(column.Slice(r));
                    Vector<long> present = Vector.Equals(v, v);
                    Vector<long> valid = Vector.Equals(v, Vector.Floor(v)) & Vector.GreaterThanOrEqual(v, min) & Vector.LessThanOrEqual(v, max);
                    if (!Vector.EqualsAll(present & ~valid, Vector<long>.Zero))
                    {
                        for (int i = r; i < r + width; i++)
                        {
                            keyed[i] = Scalar(column[i], reversed, mirror, invalid, offset + i);
                        }

                        continue;
                    }

                    Vector.ConditionalSelect(valid, reversed ? mirrored - v : v, nan).CopyTo(keyed, r);
                }
            }
#endif
            for (; r < column.Length; r++)
            {
                keyed[r] = Scalar(column[r], reversed, mirror, invalid, offset + r);
            }
        }

        private double Scalar(double value, bool reversed, double mirror, bool[] invalid, int row)
        {
            if (double.IsNaN(value))
            {
                return double.NaN;
            }

            if (!TryToUnits(value, out double units))
            {
                invalid[row] = true;
                return double.NaN;
            }

            return reversed ? mirror - units : units;
        }

        private static bool IsWhole(decimal value) => decimal.Truncate(value) == value;
    }

    /// <summary>Running sums of keyed units and answered counts of one unit over one block of rows.</summary>
    private sealed class UnitColumn
    {
        private readonly double[] _sums;
        private readonly double[] _answered;

        internal UnitColumn(int itemCount, int blockRows)
        {
            ItemCount = itemCount;
            _sums = new double[blockRows];
            _answered = new double[blockRows];
        }

        private int ItemCount { get; }

        internal void Reset(int length)
        {
            Array.Clear(_sums, 0, length);
            Array.Clear(_answered, 0, length);
        }

        /// <summary>Adds a column of keyed units (NaN = missing or invalid) to the running sums and answered counts.</summary>
        internal void Add(double[] keyed, int length)
        {
            int r = 0;
#if NET8_0_OR_GREATER
            if (Vector.IsHardwareAccelerated)
            {
                int width = Vector<double>.Count;
                Vector<double> one = Vector<double>.One;
                for (; r <= length - width; r += width)
                {
                    var k = new Vector<double>(keyed, r);
                    Vector<long> present = Vector.Equals(k, k);
                    (new Vector<double>(_sums, r) + Vector.ConditionalSelect(present, k, Vector<double>.Zero)).CopyTo(_sums, r);
                    (new Vector<double>(_answered, r) + Vector.ConditionalSelect(present, one, Vector<double>.Zero)).CopyTo(_answered, r);
                }
            }
#endif
            for (; r < length; r++)
            {
                double k = keyed[r];
                if (!double.IsNaN(k))
                {
                    _sums[r] += k;
                    _answered[r] += 1.0;
                }
            }
        }

        /// <summary>Makes a row's score NaN (an invalid value in the row).</summary>
        internal void Poison(int row) => _sums[row] = double.NaN;

        /// <summary>Turns exact unit sums into scores with one correctly rounded division each (the same IEEE operations per lane, vectorised or not).</summary>
        internal void Finish(UnitGrid grid, ScoreMetric metric, MissingDataPolicy policy, ReadOnlySpan<double> totals, Span<double> result, int length)
        {
            double needed = ItemCount - policy.MaximumMissing(ItemCount);
            double n = ItemCount;
            double factor = grid.Factor;
            double min = grid.MinimumUnits;
            double range = grid.MaximumUnits - grid.MinimumUnits;
            bool hasTotals = !totals.IsEmpty;
            int r = 0;
#if NET8_0_OR_GREATER
            if (Vector.IsHardwareAccelerated)
            {
                int width = Vector<double>.Count;
                var vNeeded = new Vector<double>(needed);
                var vN = new Vector<double>(n);
                var vFactor = new Vector<double>(factor);
                var vMin = new Vector<double>(min);
                var vRange = new Vector<double>(range);
                var vHundred = new Vector<double>(100.0);
                var nan = new Vector<double>(double.NaN);
                for (; r <= length - width; r += width)
                {
                    var k = new Vector<double>(_sums, r);
                    var a = new Vector<double>(_answered, r);
                    Vector<double> value = metric switch
                    {
                        ScoreMetric.Sum => k * vN / (a * vFactor),
                        ScoreMetric.Mean => k / (a * vFactor),
                        _ => vHundred * (k - (a * vMin)) / (a * vRange),
                    };
                    if (hasTotals)
                    {
                        value += new Vector<double>(totals.Slice(r)) * Vector<double>.Zero;
                    }

                    Vector.ConditionalSelect(Vector.GreaterThanOrEqual(a, vNeeded), value, nan).CopyTo(result.Slice(r));
                }
            }
#endif
            for (; r < length; r++)
            {
                double a = _answered[r];
                double k = _sums[r];
                double value = metric switch
                {
                    ScoreMetric.Sum => k * n / (a * factor),
                    ScoreMetric.Mean => k / (a * factor),
                    _ => 100.0 * (k - (a * min)) / (a * range),
                };
                if (hasTotals)
                {
                    value += totals[r] * 0.0;
                }

                result[r] = a >= needed ? value : double.NaN;
            }
        }
    }
}

/// <summary>The scores of one subscale over all rows of a batch.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class BatchSubscale
{
    private readonly double[] _values;

    internal BatchSubscale(AllianceDimension dimension, double[] values)
    {
        Dimension = dimension;
        _values = values;
    }

    /// <summary>Gets the subscale's dimension.</summary>
    public AllianceDimension Dimension { get; }

    /// <summary>Gets one score per row; NaN where the row or this subscale could not be scored.</summary>
    public ReadOnlyMemory<double> Values => _values;
}

/// <summary>The score columns of a batch.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class BatchScores
{
    private readonly double[] _totals;

    internal BatchScores(string instrumentId, ScoreMetric metric, MissingDataPolicy policy, double[] totals, ImmutableArray<BatchSubscale> subscales, ImmutableArray<int> invalidRows, int unscoredRows)
    {
        InstrumentId = instrumentId;
        Metric = metric;
        MissingDataPolicy = policy;
        _totals = totals;
        Subscales = subscales;
        InvalidRows = invalidRows;
        UnscoredRows = unscoredRows;
    }

    /// <summary>Gets the instrument identifier.</summary>
    public string InstrumentId { get; }

    /// <summary>Gets the metric of the scores.</summary>
    public ScoreMetric Metric { get; }

    /// <summary>Gets the missing-data policy applied.</summary>
    public MissingDataPolicy MissingDataPolicy { get; }

    /// <summary>Gets the instrument total per row; NaN where the row could not be scored.</summary>
    public ReadOnlyMemory<double> Totals => _totals;

    /// <summary>Gets the subscale columns, in instrument order.</summary>
    public ImmutableArray<BatchSubscale> Subscales { get; }

    /// <summary>Gets the 0-based rows with a value off the scale or off its step.</summary>
    public ImmutableArray<int> InvalidRows { get; }

    /// <summary>Gets the number of valid rows with more missing items than the policy allows.</summary>
    public int UnscoredRows { get; }

    /// <summary>Returns a description with the counts, never the values.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture, "{0} rows of {1} ({2}): {3} invalid, {4} unscored", _totals.Length, InstrumentId, Names.Of(Metric), InvalidRows.Length, UnscoredRows);
}

/// <summary>The matrix does not have one column per item of the instrument.</summary>
/// <param name="InstrumentId">The instrument identifier.</param>
/// <param name="Expected">The number of items.</param>
/// <param name="Actual">The number of columns.</param>
public sealed record MatrixShapeMismatch(string InstrumentId, int Expected, int Actual)
{
    /// <summary>Gets a message that says what is wrong and how to fix it.</summary>
    public string Message => string.Format(
        CultureInfo.InvariantCulture,
        "Instrument '{0}' has {1} items but the matrix has {2} columns. Give one column per item, in instrument order.",
        InstrumentId,
        Expected,
        Actual);
}

/// <summary>The outcome of <see cref="BatchScorer.Score"/>: <see cref="BatchScores"/> or <see cref="MatrixShapeMismatch"/>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class BatchScoreResult : OneOfBase<BatchScores, MatrixShapeMismatch>
{
    private BatchScoreResult(OneOf<BatchScores, MatrixShapeMismatch> value)
        : base(value)
    {
    }

    /// <summary>Wraps scores.</summary>
    /// <param name="scores">The scores.</param>
    public static implicit operator BatchScoreResult(BatchScores scores) => new(scores);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator BatchScoreResult(MatrixShapeMismatch error) => new(error);

    /// <summary>Returns the scores, or throws when the matrix did not fit the instrument.</summary>
    /// <returns>The scores.</returns>
    /// <exception cref="InvalidOperationException">Thrown when the result is an error.</exception>
    public BatchScores GetValueOrThrow() => IsT0 ? AsT0 : throw new InvalidOperationException(AsT1.Message);
}
