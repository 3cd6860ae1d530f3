using System;
using OneOf;

namespace TherapeuticAlliance;

/// <summary>The outcome of validating responses: an <see cref="Assessment"/> or an <see cref="InvalidAssessment"/>.</summary>
/// <remarks>Handle both cases with <c>Match</c> or <c>Switch</c>. This type is immutable and thread-safe.</remarks>
public sealed class AssessmentResult : OneOfBase<Assessment, InvalidAssessment>
{
    private AssessmentResult(OneOf<Assessment, InvalidAssessment> value)
        : base(value)
    {
    }

    /// <summary>Gets a value indicating whether the responses formed a valid assessment.</summary>
    public bool IsValid => IsT0;

    /// <summary>Wraps an assessment.</summary>
    /// <param name="assessment">The assessment.</param>
    public static implicit operator AssessmentResult(Assessment assessment) => new(assessment);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator AssessmentResult(InvalidAssessment error) => new(error);

    /// <summary>Returns the assessment, or throws when the responses were invalid.</summary>
    /// <returns>The assessment.</returns>
    /// <exception cref="InvalidOperationException">Thrown when the result is an <see cref="InvalidAssessment"/>; the message lists the problems without response values.</exception>
    public Assessment GetValueOrThrow() =>
        IsT0 ? AsT0 : throw new InvalidOperationException(AsT1.ToString());
}
