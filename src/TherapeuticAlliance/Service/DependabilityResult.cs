using OneOf;

namespace TherapeuticAlliance.Service;

/// <summary>The outcome of estimating the dependability of alliance scores: an <see cref="AllianceDependability"/> or the <see cref="ServiceError"/> that says why not.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class DependabilityResult : AllianceResult<AllianceDependability, ServiceError>
{
    private DependabilityResult(OneOf<AllianceDependability, ServiceError> value)
        : base(value)
    {
    }

    /// <summary>Wraps an estimate.</summary>
    /// <param name="dependability">The estimate.</param>
    public static implicit operator DependabilityResult(AllianceDependability dependability) => new(dependability);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator DependabilityResult(ServiceError error) => new(error);
}
