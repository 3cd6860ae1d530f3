using System;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.InteropServices;
#endif
using OneOf;

namespace TherapeuticAlliance.Scoring;

/// <summary>The outcome of <see cref="BatchScorer.Score"/>: <see cref="BatchScores"/> or <see cref="MatrixShapeMismatch"/>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class BatchScoreResult : OneOfBase<BatchScores, MatrixShapeMismatch>, IAllianceResult<BatchScores>
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

    /// <inheritdoc/>
    public bool IsSuccess => IsT0;

    /// <inheritdoc/>
    public IAllianceError? Error => Match<IAllianceError?>(_ => null, e => e);

    /// <summary>Returns the scores, or throws when the matrix did not fit the instrument.</summary>
    /// <returns>The scores.</returns>
    /// <exception cref="AllianceErrorException">Thrown when the result is an error; the exception carries it, and its message is the error's message.</exception>
    public BatchScores GetValueOrThrow() => IsT0 ? AsT0 : throw new AllianceErrorException(Error!);
}
