using System;
using OneOf;

namespace TherapeuticAlliance;

/// <summary>The outcome of validating responses: an <see cref="Assessment"/> or an <see cref="InvalidAssessment"/>.</summary>
/// <remarks>Handle both cases with <c>Match</c> or <c>Switch</c>. This type is immutable and thread-safe.</remarks>
public sealed class AssessmentResult : OneOfBase<Assessment, InvalidAssessment>, IAllianceResult<Assessment>
{
    private AssessmentResult(OneOf<Assessment, InvalidAssessment> value)
        : base(value)
    {
    }

    /// <summary>Wraps an assessment.</summary>
    /// <param name="assessment">The assessment.</param>
    public static implicit operator AssessmentResult(Assessment assessment) => new(assessment);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator AssessmentResult(InvalidAssessment error) => new(error);

    /// <inheritdoc/>
    public bool IsSuccess => IsT0;

    /// <inheritdoc/>
    public IAllianceError? Error => Match<IAllianceError?>(_ => null, e => e);

    /// <summary>Returns the assessment, or throws when the responses were invalid.</summary>
    /// <returns>The assessment.</returns>
    /// <exception cref="AllianceErrorException">Thrown when the result is an error; the exception carries it, and its message is the error's message.</exception>
    public Assessment GetValueOrThrow() => IsT0 ? AsT0 : throw new AllianceErrorException(Error!);
}
