using System;
using TherapeuticAlliance.Statistics;

namespace TherapeuticAlliance.Scoring;

/// <summary>
/// A strategy that can also score a whole <see cref="ResponseMatrix"/> at once, on the vectorised batch path: every
/// score equals the object path's <see cref="IScoringStrategy.Score"/> (to the nearest <see cref="double"/>), and the
/// result names the same strategy, version and missing-data policy. The built-in sum, mean and POMP strategies
/// implement it.
/// </summary>
/// <remarks>Implementations are thread-safe, like every strategy.</remarks>
public interface IBatchScoringStrategy : IScoringStrategy
{
    /// <summary>Scores every row of a matrix.</summary>
    /// <param name="instrument">The instrument; the matrix has one column per item, in instrument order.</param>
    /// <param name="responses">The responses; NaN = not answered.</param>
    /// <returns>The score columns with the strategy's provenance, or <see cref="MatrixShapeMismatch"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    BatchScoreResult ScoreBatch(Instrument instrument, ResponseMatrix responses);

    /// <summary>Scores every row into a buffer the caller owns (see <see cref="ScoringStrategies.BatchDestinationLength"/>).</summary>
    /// <param name="instrument">The instrument; the matrix has one column per item, in instrument order.</param>
    /// <param name="responses">The responses; NaN = not answered.</param>
    /// <param name="destination">Receives the scores column after column: the instrument totals in <c>[0, rows)</c>, then one column of <c>rows</c> values per subscale in the order of <see cref="Instrument.Subscales"/>; NaN marks a row or subscale that could not be scored, exactly as in <see cref="ScoreBatch"/>. It needs at least <see cref="ScoringStrategies.BatchDestinationLength"/> elements.</param>
    /// <returns>The counts of invalid and unscored rows with the strategy's provenance, or <see cref="MatrixShapeMismatch"/> (nothing written).</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="destination"/> is too short.</exception>
    BatchSummaryResult ScoreBatchInto(Instrument instrument, ResponseMatrix responses, Span<double> destination);
}
