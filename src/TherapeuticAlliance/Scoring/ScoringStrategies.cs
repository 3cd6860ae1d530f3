using System;

namespace TherapeuticAlliance.Scoring;

/// <summary>Provides shared, default-configured instances of the built-in scoring strategies, for use without dependency injection.</summary>
/// <remarks>Every instance is immutable and thread-safe; share them freely.</remarks>
public static class ScoringStrategies
{
    /// <summary>Gets the <see cref="SumScoringStrategy"/> named <c>sum</c>, using each instrument's default missing-data policy.</summary>
    public static SumScoringStrategy Sum { get; } = new();

    /// <summary>Gets the <see cref="MeanScoringStrategy"/> named <c>mean</c>, using each instrument's default missing-data policy.</summary>
    public static MeanScoringStrategy Mean { get; } = new();

    /// <summary>Gets the <see cref="PompScoringStrategy"/> named <c>pomp</c>, using each instrument's default missing-data policy.</summary>
    public static PompScoringStrategy Pomp { get; } = new();

    /// <summary>Gets the <see cref="WeightedScoringStrategy"/> named <c>weighted</c>, with equal weights.</summary>
    public static WeightedScoringStrategy Weighted { get; } = new();

    /// <summary>Gets the <see cref="WeakestLinkScoringStrategy"/> named <c>weakest-link</c>, using each instrument's default missing-data policy.</summary>
    public static WeakestLinkScoringStrategy WeakestLink { get; } = new();

    /// <summary>
    /// Gets the number of elements <see cref="IBatchScoringStrategy.ScoreBatchInto"/> writes for a number of rows:
    /// <c>rows × (1 + instrument.Subscales.Length)</c> (the totals column, then one column per subscale).
    /// </summary>
    /// <param name="instrument">The instrument.</param>
    /// <param name="rows">The number of rows; 0 or more.</param>
    /// <returns>The length the destination needs.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="instrument"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="rows"/> is negative or the length does not fit in an <see cref="int"/> (score in smaller batches).</exception>
    public static int BatchDestinationLength(Instrument instrument, int rows) => BatchScorer.DestinationLength(instrument, rows);
}
