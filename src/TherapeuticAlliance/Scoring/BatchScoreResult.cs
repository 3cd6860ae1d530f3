using System;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.InteropServices;
#endif
using OneOf;

namespace TherapeuticAlliance.Scoring;

/// <summary>The outcome of <see cref="BatchScorer.Score"/>: <see cref="BatchScores"/> or <see cref="MatrixShapeMismatch"/>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class BatchScoreResult : AllianceResult<BatchScores, MatrixShapeMismatch>
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
}
