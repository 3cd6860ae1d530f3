using System;
using System.Linq;
using OneOf;

namespace TherapeuticAlliance.Fhir;

/// <summary>The outcome of a FHIR mapping: a value of type <typeparamref name="T"/> or <see cref="FhirMappingErrors"/>.</summary>
/// <typeparam name="T">The mapped value's type.</typeparam>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class FhirResult<T> : AllianceResult<T, FhirMappingErrors>
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
}
