using System;
using System.Collections.Generic;
using Hl7.Fhir.Model;

namespace TherapeuticAlliance.Fhir;

/// <summary>Configures an <see cref="AllianceFhirMapper"/>.</summary>
public sealed record FhirMappingOptions
{
    /// <summary>Gets how to tell who rated from a QuestionnaireResponse.</summary>
    /// <value><see langword="null"/> for the default: the <see cref="FhirConventions.PerspectiveExtension"/> if present, otherwise the
    /// type referenced by <c>source</c>, then <c>author</c>: Patient → client, Practitioner or PractitionerRole → therapist,
    /// RelatedPerson → collateral. Return <see langword="null"/> when unknown. The default value is <see langword="null"/>.</value>
    public Func<QuestionnaireResponse, Perspective?>? PerspectiveResolver { get; init; }

    /// <summary>Gets how to find the session number of a QuestionnaireResponse.</summary>
    /// <value><see langword="null"/> for the default: the <see cref="FhirConventions.SessionNumberExtension"/>. A site can look the number up
    /// from the referenced encounter instead. Return <see langword="null"/> when unknown. The default value is <see langword="null"/>.</value>
    public Func<QuestionnaireResponse, int?>? SessionNumberResolver { get; init; }

    /// <summary>Gets extra codings (for example a site's LOINC or SNOMED codes) to add next to a library score code.</summary>
    /// <value>Keyed by library code (<see cref="FhirConventions.TotalCode"/>, <see cref="FhirConventions.SubscaleCode"/>). The default value is empty.</value>
    public IReadOnlyDictionary<string, IReadOnlyList<Coding>> AdditionalCodings { get; init; } = new Dictionary<string, IReadOnlyList<Coding>>();

    /// <summary>Gets the identifier system under which <see cref="AllianceFhirMapper.SetCareKeys"/> writes the therapist's key (for example a national provider identifier's system).</summary>
    /// <value>An absolute URI. The default value is <see cref="FhirConventions.TherapistIdentifierSystem"/>.</value>
    public string TherapistIdentifierSystem { get; init; } = FhirConventions.TherapistIdentifierSystem;

    /// <summary>Gets the identifier system under which <see cref="AllianceFhirMapper.SetCareKeys"/> writes the site's key (for example an organisation code system).</summary>
    /// <value>An absolute URI. The default value is <see cref="FhirConventions.SiteIdentifierSystem"/>.</value>
    public string SiteIdentifierSystem { get; init; } = FhirConventions.SiteIdentifierSystem;
}
