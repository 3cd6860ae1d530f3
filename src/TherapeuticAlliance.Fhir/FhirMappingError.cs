using System;
using System.Collections.Immutable;
using System.Linq;
using OneOf;

namespace TherapeuticAlliance.Fhir;

/// <summary>Says what is wrong with a FHIR resource being mapped.</summary>
public enum FhirErrorKind
{
    /// <summary>The JSON is malformed or is not the expected resource.</summary>
    MalformedJson = 1,

    /// <summary>No registered instrument has the questionnaire's canonical URL and version.</summary>
    UnknownQuestionnaire = 2,

    /// <summary>The response's status is not completed (or amended).</summary>
    StatusNotCompleted = 3,

    /// <summary>An answer's linkId is not an item of the questionnaire.</summary>
    UnknownLinkId = 4,

    /// <summary>An answer has a type other than integer, decimal or an ordinal coding.</summary>
    WrongAnswerType = 5,

    /// <summary>An answer is off the item's scale or off its step.</summary>
    AnswerOffScale = 6,

    /// <summary>An item is answered more than once.</summary>
    DuplicatedItem = 7,

    /// <summary>Who rated could not be determined.</summary>
    UnknownPerspective = 8,

    /// <summary>The session number could not be determined.</summary>
    MissingSessionNumber = 9,

    /// <summary>The answers cannot be scored (too many missing items, or a strategy for another instrument).</summary>
    Unscorable = 10,
}

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

/// <summary>The outcome of a FHIR mapping: a value of type <typeparamref name="T"/> or <see cref="FhirMappingErrors"/>.</summary>
/// <typeparam name="T">The mapped value's type.</typeparam>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class FhirResult<T> : OneOfBase<T, FhirMappingErrors>
{
    private FhirResult(OneOf<T, FhirMappingErrors> value)
        : base(value)
    {
    }

    /// <summary>Gets a value indicating whether the mapping succeeded.</summary>
    public bool IsMapped => IsT0;

    /// <summary>Wraps a value.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator FhirResult<T>(T value) => new(value);

    /// <summary>Wraps errors.</summary>
    /// <param name="errors">The errors.</param>
    public static implicit operator FhirResult<T>(FhirMappingErrors errors) => new(errors);

    /// <summary>Returns the value, or throws when the mapping failed.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">Thrown when the result is an error; the message names linkIds, never patient data.</exception>
    public T GetValueOrThrow() => IsT0 ? AsT0 : throw new InvalidOperationException(AsT1.Message);
}
