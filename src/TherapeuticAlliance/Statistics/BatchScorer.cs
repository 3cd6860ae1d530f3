using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
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
        UnitColumn total = Accumulate(instrument, responses, grid, instrument.TotalUnit, invalid);
        double[] totals = total.Finish(grid, metric, policy, invalid, null);

        var subscales = ImmutableArray.CreateBuilder<BatchSubscale>(instrument.SubscaleUnits.Length);
        foreach (ScoringUnit unit in instrument.SubscaleUnits)
        {
            UnitColumn column = Accumulate(instrument, responses, grid, unit, null);
            subscales.Add(new BatchSubscale(unit.Dimension!, column.Finish(grid, metric, policy, invalid, totals)));
        }

        ImmutableArray<int> invalidRows = Enumerable.Range(0, rows).Where(r => invalid[r]).ToImmutableArray();
        int unscored = 0;
        for (int r = 0; r < rows; r++)
        {
            if (!invalid[r] && double.IsNaN(totals[r]))
            {
                unscored++;
            }
        }

        return new BatchScores(instrument.Id, metric, policy, totals, subscales.MoveToImmutable(), invalidRows, unscored);
    }

    private static UnitColumn Accumulate(Instrument instrument, ResponseMatrix responses, UnitGrid grid, ScoringUnit unit, bool[]? invalid)
    {
        int rows = responses.RowCount;
        var sums = new double[rows];
        var answered = new int[rows];
        foreach (int item in unit.ItemIndices)
        {
            ReadOnlySpan<double> column = responses.GetColumn(item);
            bool reversed = instrument.Reversed[item];
            for (int r = 0; r < rows; r++)
            {
                double value = column[r];
                if (double.IsNaN(value))
                {
                    continue;
                }

                if (!grid.TryToUnits(value, out double units))
                {
                    if (invalid is not null)
                    {
                        invalid[r] = true;
                    }

                    continue;
                }

                sums[r] += reversed ? grid.MinimumUnits + grid.MaximumUnits - units : units;
                answered[r]++;
            }
        }

        return new UnitColumn(unit.ItemIndices.Length, sums, answered);
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
                && Math.IEEERemainder(units - MinimumUnits, StepUnits) == 0.0;
        }

        private static bool IsWhole(decimal value) => decimal.Truncate(value) == value;
    }

    private readonly struct UnitColumn
    {
        internal UnitColumn(int itemCount, double[] sums, int[] answered)
        {
            ItemCount = itemCount;
            Sums = sums;
            Answered = answered;
        }

        private int ItemCount { get; }

        private double[] Sums { get; }

        private int[] Answered { get; }

        /// <summary>Turns exact unit sums into scores with one correctly rounded division each.</summary>
        internal double[] Finish(UnitGrid grid, ScoreMetric metric, MissingDataPolicy policy, bool[] invalid, double[]? totals)
        {
            int allowedMissing = policy.MaximumMissing(ItemCount);
            double[] result = Sums;
            for (int r = 0; r < result.Length; r++)
            {
                int answered = Answered[r];
                if (invalid[r] || ItemCount - answered > allowedMissing || (totals is not null && double.IsNaN(totals[r])))
                {
                    result[r] = double.NaN;
                    continue;
                }

                double k = Sums[r];
                result[r] = metric switch
                {
                    ScoreMetric.Sum => k * ItemCount / (answered * grid.Factor),
                    ScoreMetric.Mean => k / (answered * grid.Factor),
                    _ => 100.0 * (k - (answered * grid.MinimumUnits)) / (answered * (grid.MaximumUnits - grid.MinimumUnits)),
                };
            }

            return result;
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
