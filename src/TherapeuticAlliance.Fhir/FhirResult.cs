using System;
using System.Linq;
using OneOf;

namespace TherapeuticAlliance.Fhir;

/// <summary>The outcome of a FHIR mapping: a value of type <typeparamref name="T"/> or <see cref="FhirMappingErrors"/>.</summary>
/// <typeparam name="T">The mapped value's type.</typeparam>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class FhirResult<T> : OneOfBase<T, FhirMappingErrors>, IAllianceResult<T>
{
    private FhirResult(OneOf<T, FhirMappingErrors> value)
        : base(value)
    {
    }

    /// <summary>Wraps a value.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator FhirResult<T>(T value) => new(value);

    /// <summary>Wraps errors.</summary>
    /// <param name="errors">The errors.</param>
    public static implicit operator FhirResult<T>(FhirMappingErrors errors) => new(errors);

    /// <inheritdoc/>
    public bool IsSuccess => IsT0;

    /// <inheritdoc/>
    public IAllianceError? Error => Match<IAllianceError?>(_ => null, e => e);

    /// <summary>Returns the value, or throws when the mapping failed.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="AllianceErrorException">Thrown when the result is an error; the exception carries it, and its message is the error's message.</exception>
    public T GetValueOrThrow() => IsT0 ? AsT0 : throw new AllianceErrorException(Error!);
}
