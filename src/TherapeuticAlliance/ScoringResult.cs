using System;
using OneOf;

namespace TherapeuticAlliance;

/// <summary>The outcome of <see cref="IScoringStrategy.Score"/>: an <see cref="AllianceScore"/>, <see cref="TooManyMissingResponses"/> or <see cref="InstrumentMismatch"/>.</summary>
/// <remarks>Handle every case with <c>Match</c> or <c>Switch</c>; a case added later breaks the build of callers, on purpose. This type is immutable and thread-safe.</remarks>
public sealed class ScoringResult : AllianceResult<AllianceScore, TooManyMissingResponses, InstrumentMismatch>
{
    private ScoringResult(OneOf<AllianceScore, TooManyMissingResponses, InstrumentMismatch> value)
        : base(value)
    {
    }

    /// <summary>Wraps a score.</summary>
    /// <param name="score">The score.</param>
    public static implicit operator ScoringResult(AllianceScore score) => new(score);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator ScoringResult(TooManyMissingResponses error) => new(error);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator ScoringResult(InstrumentMismatch error) => new(error);
}
