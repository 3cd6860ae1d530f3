using System;
using System.Collections.Immutable;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.InteropServices;
#endif
using Ardalis.GuardClauses;
using TherapeuticAlliance.Statistics;

namespace TherapeuticAlliance.Scoring;

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
internal static class BatchScorer
{
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

    /// <summary>Scores every row into a caller's buffer, stamping the strategy's name and version.</summary>
    internal static BatchSummaryResult ScoreInto(Instrument instrument, ResponseMatrix responses, Span<double> destination, ScoreMetric metric, MissingDataPolicy? policy, string strategyName, string strategyVersion)
    {
        CheckArguments(instrument, responses, metric);
        if (destination.Length < DestinationLength(instrument, responses.RowCount))
        {
            throw new ArgumentException("The destination needs rows × (1 + the number of subscales) elements; see ScoringStrategies.BatchDestinationLength.", nameof(destination));
        }

        return ShapeMismatch(instrument, responses) is { } mismatch ? mismatch : Run(instrument, responses, destination, metric, policy, strategyName, strategyVersion);
    }

    /// <summary>Gets the number of elements <see cref="ScoreInto"/> writes for a number of rows: <c>rows × (1 + instrument.Subscales.Length)</c>.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <param name="rows">The number of rows; 0 or more.</param>
    /// <returns>The length the destination needs.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="instrument"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="rows"/> is negative or the length does not fit in an <see cref="int"/>.</exception>
    internal static int DestinationLength(Instrument instrument, int rows)
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
        var kernel = new BatchKernel(instrument, responses, metric, policy);
        kernel.Run(destination);
        return new BatchSummary(instrument.Id, metric, policy, responses.RowCount, instrument.SubscaleUnits.Length + 1, kernel.InvalidRowList(), kernel.UnscoredRows, strategyName, strategyVersion);
    }

    private static double[] NewScores(int length)
    {
#if NET8_0_OR_GREATER
        // Every element is written, so the array need not be zeroed first.
        return GC.AllocateUninitializedArray<double>(length);
#else
        return new double[length];
#endif
    }
}
