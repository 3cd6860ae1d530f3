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

    /// <summary>The response's <c>authored</c> names no day (a year or a month alone, which R4 allows), so the session's date would be a guess.</summary>
    PartialDate = 11,

    /// <summary>A therapist, site or team identifier breaks <see cref="CareKeys.KeyRule"/>, or two places of the input name different sites (issue 28).</summary>
    BadCareKey = 12,
}
