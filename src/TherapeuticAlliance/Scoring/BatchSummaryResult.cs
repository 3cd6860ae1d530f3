using System;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.InteropServices;
#endif
using OneOf;

namespace TherapeuticAlliance.Scoring;

/// <summary>The outcome of <see cref="BatchScorer.ScoreInto"/>: <see cref="BatchSummary"/> or <see cref="MatrixShapeMismatch"/>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class BatchSummaryResult : OneOfBase<BatchSummary, MatrixShapeMismatch>, IAllianceResult<BatchSummary>
{
    private BatchSummaryResult(OneOf<BatchSummary, MatrixShapeMismatch> value)
        : base(value)
    {
    }

    /// <summary>Wraps a summary.</summary>
    /// <param name="summary">The summary.</param>
    public static implicit operator BatchSummaryResult(BatchSummary summary) => new(summary);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator BatchSummaryResult(MatrixShapeMismatch error) => new(error);

    /// <inheritdoc/>
    public bool IsSuccess => IsT0;

    /// <inheritdoc/>
    public IAllianceError? Error => Match<IAllianceError?>(_ => null, e => e);

    /// <summary>Returns the summary, or throws when the matrix did not fit the instrument.</summary>
    /// <returns>The summary.</returns>
    /// <exception cref="AllianceErrorException">Thrown when the result is an error; the exception carries it, and its message is the error's message.</exception>
    public BatchSummary GetValueOrThrow() => IsT0 ? AsT0 : throw new AllianceErrorException(Error!);
}
