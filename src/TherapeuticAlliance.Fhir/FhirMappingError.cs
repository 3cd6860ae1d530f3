using System.Collections.Immutable;
using System.Linq;
using OneOf;

namespace TherapeuticAlliance.Fhir;

/// <summary>One problem found while mapping a FHIR resource.</summary>
/// <remarks>Names the item's linkId where one applies, never the patient, answers or free text. This type is immutable and thread-safe.</remarks>
public sealed class FhirMappingError
{
    internal FhirMappingError(FhirErrorKind kind, string message, string? linkId = null)
    {
        Kind = kind;
        Message = message;
        LinkId = linkId;
    }

    /// <summary>Gets what is wrong.</summary>
    public FhirErrorKind Kind { get; }

    /// <summary>Gets the linkId of the item concerned, if any.</summary>
    public string? LinkId { get; }

    /// <summary>Gets a message that says what is wrong and how to fix it.</summary>
    public string Message { get; }

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}
