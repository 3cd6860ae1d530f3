using System;
using OneOf;

namespace TherapeuticAlliance;

/// <summary>The outcome of <see cref="IScoringStrategy.Score"/>: an <see cref="AllianceScore"/>, <see cref="TooManyMissingResponses"/> or <see cref="InstrumentMismatch"/>.</summary>
/// <remarks>Handle every case with <c>Match</c> or <c>Switch</c>; a case added later breaks the build of callers, on purpose. This type is immutable and thread-safe.</remarks>
public sealed class ScoringResult : OneOfBase<AllianceScore, TooManyMissingResponses, InstrumentMismatch>, IAllianceResult<AllianceScore>
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

    /// <inheritdoc/>
    public bool IsSuccess => IsT0;

    /// <inheritdoc/>
    public IAllianceError? Error => Match<IAllianceError?>(_ => null, e => e, e => e);

    /// <summary>Returns the score, or throws when the assessment could not be scored.</summary>
    /// <returns>The score.</returns>
    /// <exception cref="AllianceErrorException">Thrown when the result is an error; the exception carries it, and its message is the error's message.</exception>
    public AllianceScore GetValueOrThrow() => IsT0 ? AsT0 : throw new AllianceErrorException(Error!);
}
