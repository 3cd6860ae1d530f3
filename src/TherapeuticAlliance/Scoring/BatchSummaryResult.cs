using System;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.InteropServices;
#endif
using OneOf;

namespace TherapeuticAlliance.Scoring;

/// <summary>The outcome of <see cref="BatchScorer.ScoreInto"/>: <see cref="BatchSummary"/> or <see cref="MatrixShapeMismatch"/>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class BatchSummaryResult : AllianceResult<BatchSummary, MatrixShapeMismatch>
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
}
