using System;
using OneOf;

namespace TherapeuticAlliance;

/// <summary>The outcome of validating responses: an <see cref="Assessment"/> or an <see cref="InvalidAssessment"/>.</summary>
/// <remarks>Handle both cases with <c>Match</c> or <c>Switch</c>. This type is immutable and thread-safe.</remarks>
public sealed class AssessmentResult : AllianceResult<Assessment, InvalidAssessment>
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
}
