using OneOf;

namespace TherapeuticAlliance.Service;

/// <summary>The outcome of estimating therapist effects: a <see cref="TherapistEffectsAnalysis"/> or the <see cref="ServiceError"/> that says why not.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class TherapistEffectsResult : AllianceResult<TherapistEffectsAnalysis, ServiceError>
{
    private TherapistEffectsResult(OneOf<TherapistEffectsAnalysis, ServiceError> value)
        : base(value)
    {
    }

    /// <summary>Wraps an analysis.</summary>
    /// <param name="analysis">The analysis.</param>
    public static implicit operator TherapistEffectsResult(TherapistEffectsAnalysis analysis) => new(analysis);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator TherapistEffectsResult(ServiceError error) => new(error);
}
