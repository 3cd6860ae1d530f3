namespace TherapeuticAlliance.Fhir;

/// <summary>The canonical URLs, code system and extensions the library owns for its FHIR mapping.</summary>
/// <remarks>No official LOINC codes exist for these instruments, so scores are coded in the library's own code system;
/// sites add their own LOINC or SNOMED codings through <see cref="FhirMappingOptions.AdditionalCodings"/>. Every URL below is
/// documented in <c>docs/fhir.md</c>.</remarks>
public static class FhirConventions
{
    /// <summary>The base of every canonical URL the library owns.</summary>
    public const string BaseUrl = "http://therapeutic-alliance.org/fhir";

    /// <summary>The canonical URL of an instrument's Questionnaire is this prefix followed by the instrument identifier.</summary>
    public const string QuestionnairePrefix = BaseUrl + "/Questionnaire/";

    /// <summary>The code system of score codes: <c>{instrument}-total</c> and <c>{instrument}-{subscale}</c>.</summary>
    public const string ScoreCodeSystem = BaseUrl + "/CodeSystem/alliance-scores";

    /// <summary>Extension on <c>Questionnaire.item</c> (valueString, repeating): a subscale the item belongs to.</summary>
    public const string SubscaleExtension = BaseUrl + "/StructureDefinition/subscale";

    /// <summary>Extension on <c>Questionnaire.item</c> (valueBoolean): the item is reverse-keyed.</summary>
    public const string ReverseKeyedExtension = BaseUrl + "/StructureDefinition/reverse-keyed";

    /// <summary>Extension on <c>QuestionnaireResponse</c> (valueInteger): the session number within the episode of care.</summary>
    public const string SessionNumberExtension = BaseUrl + "/StructureDefinition/session-number";

    /// <summary>Extension on <c>QuestionnaireResponse</c> (valueCode: client, therapist, observer, collateral): who rated, overriding author and source.</summary>
    public const string PerspectiveExtension = BaseUrl + "/StructureDefinition/perspective";

    /// <summary>Extension on <c>QuestionnaireResponse</c> (valueReference to an Organization, or valueIdentifier): the site (service, clinic) where the session took place, for a response sent without its Encounter (issue 28). <c>Encounter.serviceProvider</c> states the same and must agree.</summary>
    public const string SiteExtension = BaseUrl + "/StructureDefinition/site";

    /// <summary>Extension on <c>QuestionnaireResponse</c> (valueString): the team within the site (issue 28).</summary>
    public const string TeamExtension = BaseUrl + "/StructureDefinition/team";

    /// <summary>The identifier system the library writes a therapist's key under (<c>Practitioner.identifier</c> of <c>QuestionnaireResponse.author</c>) when a site gives no system of its own (<see cref="FhirMappingOptions.TherapistIdentifierSystem"/>).</summary>
    public const string TherapistIdentifierSystem = BaseUrl + "/NamingSystem/therapist";

    /// <summary>The identifier system the library writes a site's key under (<c>Organization.identifier</c>) when a site gives no system of its own (<see cref="FhirMappingOptions.SiteIdentifierSystem"/>).</summary>
    public const string SiteIdentifierSystem = BaseUrl + "/NamingSystem/site";

    /// <summary>Extension on <c>Observation</c> (valueString): the scoring strategy's name.</summary>
    public const string ScoringStrategyExtension = BaseUrl + "/StructureDefinition/scoring-strategy";

    /// <summary>Extension on <c>Observation</c> (valueString): the scoring strategy's version.</summary>
    public const string ScoringStrategyVersionExtension = BaseUrl + "/StructureDefinition/scoring-strategy-version";

    /// <summary>Extension on <c>Observation</c> (valueString): the missing-data policy applied.</summary>
    public const string MissingDataPolicyExtension = BaseUrl + "/StructureDefinition/missing-data-policy";

    /// <summary>The code of an instrument's total score.</summary>
    /// <param name="instrumentId">The instrument identifier.</param>
    /// <returns>The code, such as <c>srs-total</c>.</returns>
    public static string TotalCode(string instrumentId) => instrumentId + "-total";

    /// <summary>The code of a subscale score.</summary>
    /// <param name="instrumentId">The instrument identifier.</param>
    /// <param name="subscaleId">The subscale's dimension identifier.</param>
    /// <returns>The code, such as <c>wai-sr-goal</c>.</returns>
    public static string SubscaleCode(string instrumentId, string subscaleId) => instrumentId + "-" + subscaleId;
}
