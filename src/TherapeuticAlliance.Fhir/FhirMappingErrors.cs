using System.Collections.Immutable;
using System.Linq;

namespace TherapeuticAlliance.Fhir;

/// <summary>The error case of a FHIR mapping: every problem found.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class FhirMappingErrors
{
    internal FhirMappingErrors(ImmutableArray<FhirMappingError> errors) => Errors = errors;

    /// <summary>Gets the problems.</summary>
    public ImmutableArray<FhirMappingError> Errors { get; }

    /// <summary>Gets all messages joined into one.</summary>
    public string Message => string.Join(" ", Errors.Select(e => e.Message));

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;

    internal static FhirMappingErrors One(FhirErrorKind kind, string message, string? linkId = null) =>
        new(ImmutableArray.Create(new FhirMappingError(kind, message, linkId)));
}
