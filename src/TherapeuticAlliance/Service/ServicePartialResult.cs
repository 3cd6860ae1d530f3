using OneOf;

namespace TherapeuticAlliance.Service;

/// <summary>The outcome of making, reading or merging a service partial: the <see cref="ServicePartial"/> or the <see cref="ServiceError"/> that says why not.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ServicePartialResult : AllianceResult<ServicePartial, ServiceError>
{
    private ServicePartialResult(OneOf<ServicePartial, ServiceError> value)
        : base(value)
    {
    }

    /// <summary>Wraps a partial.</summary>
    /// <param name="partial">The partial.</param>
    public static implicit operator ServicePartialResult(ServicePartial partial) => new(partial);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator ServicePartialResult(ServiceError error) => new(error);
}
