using System.Collections.Immutable;
using System.Linq;

namespace TherapeuticAlliance.Fhir;

/// <summary>The error case of a FHIR mapping: every problem found.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class FhirMappingErrors : IAllianceError
{
    internal FhirMappingErrors(ImmutableArray<FhirMappingError> errors) => Errors = errors;

    /// <summary>Gets the problems.</summary>
    public ImmutableArray<FhirMappingError> Errors { get; }

    /// <summary>Gets the stable code of this error, <c>fhir-mapping-failed</c>; each problem's own kind is in <see cref="Errors"/>.</summary>
#pragma warning disable CA1822 // An instance member, as the IAllianceError contract requires.
    public string Code => "fhir-mapping-failed";
#pragma warning restore CA1822

    /// <summary>Gets every problem's message, in order, joined by spaces.</summary>
    public string Message => string.Join(" ", Errors.Select(e => e.Message));

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;

    internal static FhirMappingErrors One(FhirErrorKind kind, string message, string? linkId = null) =>
        new(ImmutableArray.Create(new FhirMappingError(kind, message, linkId)));
}
