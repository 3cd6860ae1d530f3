using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Ardalis.GuardClauses;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using TherapeuticAlliance.Instruments;

namespace TherapeuticAlliance.Fhir;

/// <summary>Maps between TherapeuticAlliance and FHIR R4 (Firely SDK): instruments as Questionnaires, QuestionnaireResponses as assessments, scores as Observations, and sets of responses as transaction Bundles.</summary>
/// <remarks>
/// <para>Bad data never throws: unknown questionnaires, unknown linkIds, answers off the scale or of the wrong type,
/// responses that are not completed, duplicated items and malformed JSON are <see cref="FhirMappingErrors"/> whose
/// messages name positions and kinds, never a linkId, id, reference, answer or free text (the linkId is kept in a typed
/// property). The mapping tables are in <c>docs/fhir.md</c>.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class AllianceFhirMapper
{
    private const string MinValueExtension = "http://hl7.org/fhir/StructureDefinition/minValue";
    private const string MaxValueExtension = "http://hl7.org/fhir/StructureDefinition/maxValue";
    private const string MaxDecimalPlacesExtension = "http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces";
    private const string OrdinalValueExtension = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    private const string ItemWeightExtension = "http://hl7.org/fhir/StructureDefinition/itemWeight";
    private const string ObservationCategorySystem = "http://terminology.hl7.org/CodeSystem/observation-category";
    private const string InterpretationSystem = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    private const string Ucum = "http://unitsofmeasure.org";

    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).Pretty();

    private readonly IInstrumentCatalog _catalog;
    private readonly FhirMappingOptions _options;

    /// <summary>The options' additional codings, copied when the mapper was made (issue 27: keeping the caller's collections let a later Add or a changed Coding alter Observations not yet written).</summary>
    private readonly Dictionary<string, Coding[]> _codings;

    /// <summary>Initializes a new instance of the <see cref="AllianceFhirMapper"/> class.</summary>
    /// <param name="instruments">The instruments responses may refer to; <see langword="null"/> for the built-in catalog.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    public AllianceFhirMapper(IInstrumentCatalog? instruments = null, FhirMappingOptions? options = null)
    {
        _catalog = instruments ?? InstrumentCatalog.BuiltIn;
        _options = options ?? new FhirMappingOptions();
        _codings = new Dictionary<string, Coding[]>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, IReadOnlyList<Coding>> entry in _options.AdditionalCodings ?? new Dictionary<string, IReadOnlyList<Coding>>())
        {
            _codings[entry.Key] = (entry.Value ?? Array.Empty<Coding>()).Where(c => c is not null).Select(c => (Coding)c.DeepCopy()).ToArray();
        }
    }

    /// <summary>Gets the canonical URL of an instrument's Questionnaire, without the version.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <returns>The URL.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="instrument"/> is <see langword="null"/>.</exception>
    public static string CanonicalUrl(Instrument instrument) => FhirConventions.QuestionnairePrefix + Guard.Against.Null(instrument).Id;

    /// <summary>Describes an instrument as a Questionnaire: items with linkIds, neutral labels and answer constraints matching the scale; subscales and reverse keying in library extensions.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <returns>The Questionnaire (status active).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="instrument"/> is <see langword="null"/>.</exception>
    public static Questionnaire ToQuestionnaire(Instrument instrument)
    {
        Guard.Against.Null(instrument);
        bool integral = instrument.Scale.Step == decimal.Truncate(instrument.Scale.Step) && instrument.Scale.Minimum == decimal.Truncate(instrument.Scale.Minimum);
        var questionnaire = new Questionnaire
        {
            // A FHIR id allows letters, digits, '-' and '.'; an instrument id with '_' gets none (refer to it by its canonical URL).
            Id = instrument.Id.Contains('_', StringComparison.Ordinal) ? null : instrument.Id,
            Url = CanonicalUrl(instrument),
            Version = instrument.Version,
            Name = instrument.Id.Replace("-", "_", StringComparison.Ordinal),
            Title = instrument.Name,
            Status = PublicationStatus.Active,
        };
        foreach (InstrumentItem item in instrument.Items)
        {
            var component = new Questionnaire.ItemComponent
            {
                LinkId = item.Id,
                Text = item.Label,
                Type = integral ? Questionnaire.QuestionnaireItemType.Integer : Questionnaire.QuestionnaireItemType.Decimal,
            };
            if (integral)
            {
                component.AddExtension(MinValueExtension, new Integer((int)instrument.Scale.Minimum));
                component.AddExtension(MaxValueExtension, new Integer((int)instrument.Scale.Maximum));
            }
            else
            {
                component.AddExtension(MinValueExtension, new FhirDecimal(instrument.Scale.Minimum));
                component.AddExtension(MaxValueExtension, new FhirDecimal(instrument.Scale.Maximum));
                component.AddExtension(MaxDecimalPlacesExtension, new Integer(DecimalPlaces(instrument.Scale.Step)));
            }

            if (item.IsReversed)
            {
                component.AddExtension(FhirConventions.ReverseKeyedExtension, new FhirBoolean(true));
            }

            foreach (Subscale subscale in instrument.Subscales.Where(s => s.ItemIds.Contains(item.Id)))
            {
                component.AddExtension(FhirConventions.SubscaleExtension, new FhirString(subscale.Dimension.Id));
            }

            questionnaire.Item.Add(component);
        }

        return questionnaire;
    }

    /// <summary>Writes an assessment as a completed QuestionnaireResponse (answers as valueInteger or valueDecimal, the session number and perspective in library extensions).</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The response; set <c>subject</c>, <c>author</c> and <c>encounter</c> as the EHR requires.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="assessment"/> is <see langword="null"/>.</exception>
    public static QuestionnaireResponse ToQuestionnaireResponse(Assessment assessment)
    {
        Guard.Against.Null(assessment);
        Instrument instrument = assessment.Instrument;
        bool integral = instrument.Scale.Step == decimal.Truncate(instrument.Scale.Step) && instrument.Scale.Minimum == decimal.Truncate(instrument.Scale.Minimum);
        var response = new QuestionnaireResponse
        {
            Questionnaire = CanonicalUrl(instrument) + "|" + instrument.Version,
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
        };
        if (assessment.Occasion.RecordedAt is { } at)
        {
            response.AuthoredElement = new FhirDateTime(at);
        }

        response.AddExtension(FhirConventions.SessionNumberExtension, new Integer(assessment.Occasion.SessionNumber));
        response.AddExtension(FhirConventions.PerspectiveExtension, new Code(AllianceCodes.ToCode(assessment.Perspective)));
        foreach (ItemResponse item in assessment.Responses.Where(r => r.IsAnswered))
        {
            DataType value = integral ? new Integer((int)item.Value!.Value) : new FhirDecimal(item.Value!.Value);
            response.Item.Add(new QuestionnaireResponse.ItemComponent
            {
                LinkId = item.ItemId,
                Answer = new List<QuestionnaireResponse.AnswerComponent> { new() { Value = value } },
            });
        }

        return response;
    }

    /// <summary>
    /// Writes who treated and where on a response (issue 28): the therapist as <c>author</c> (a Practitioner reference
    /// by identifier, under <see cref="FhirMappingOptions.TherapistIdentifierSystem"/>), the site in the
    /// <see cref="FhirConventions.SiteExtension"/> (an Organization reference by identifier, under
    /// <see cref="FhirMappingOptions.SiteIdentifierSystem"/>) and the team in <see cref="FhirConventions.TeamExtension"/>.
    /// A key that is not recorded is left as the response has it. The perspective extension
    /// <see cref="ToQuestionnaireResponse"/> writes keeps a client's form a client's form although its author is a
    /// practitioner (the one who received the answers).
    /// </summary>
    /// <param name="response">The response, changed in place.</param>
    /// <param name="keys">The session's keys.</param>
    /// <returns>The same response.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public QuestionnaireResponse SetCareKeys(QuestionnaireResponse response, CareKeys keys)
    {
        Guard.Against.Null(response);
        Guard.Against.Null(keys);
        if (keys.Therapist is { } therapist)
        {
            // Who rated must not change with the author: without a perspective extension it is read from source, else
            // from author, so the old author becomes the source when there is none, and the perspective it told is
            // stated in the extension (a client's form stays a client's form).
            if (response.GetExtension(FhirConventions.PerspectiveExtension) is null)
            {
                if (DefaultPerspective(response) is { } perspective)
                {
                    response.AddExtension(FhirConventions.PerspectiveExtension, new Code(AllianceCodes.ToCode(perspective)));
                }

                if (!IsPresent(response.Source) && IsPresent(response.Author))
                {
                    response.Source = (ResourceReference)response.Author!.DeepCopy();
                }
            }

            response.Author = new ResourceReference { Type = "Practitioner", Identifier = new Identifier(_options.TherapistIdentifierSystem, therapist) };
        }

        if (keys.Site is { } site)
        {
            response.RemoveExtension(FhirConventions.SiteExtension);
            response.AddExtension(FhirConventions.SiteExtension, new ResourceReference { Type = "Organization", Identifier = new Identifier(_options.SiteIdentifierSystem, site) });
        }

        if (keys.Team is { } team)
        {
            response.RemoveExtension(FhirConventions.TeamExtension);
            response.AddExtension(FhirConventions.TeamExtension, new FhirString(team));
        }

        return response;
    }

    /// <summary>
    /// Reads who treated and where (issue 28). The therapist: <c>author</c> when it refers to a Practitioner or
    /// PractitionerRole, else the Encounter's participant that is one (the primary performer, <c>PPRF</c>, first). The
    /// site: the Encounter's <c>serviceProvider</c>, or the <see cref="FhirConventions.SiteExtension"/>; when both are
    /// given they must agree. The team: the <see cref="FhirConventions.TeamExtension"/>. A reference's key is its
    /// identifier's value when it has one (stable across servers), else its literal reference in relative form
    /// (<c>Practitioner/123</c>); a contained resource gives its first identifier's value.
    /// </summary>
    /// <param name="response">The response.</param>
    /// <param name="encounter">The Encounter the response belongs to (<c>QuestionnaireResponse.encounter</c>), when the caller has it; <see langword="null"/> when not.</param>
    /// <returns>The keys (<see cref="CareKeys.None"/> when nothing names a therapist, site or team), or a <see cref="FhirErrorKind.BadCareKey"/> error when a key breaks <see cref="CareKeys.KeyRule"/> or the two sites differ; no message quotes a key.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="response"/> is <see langword="null"/>.</exception>
    public static FhirResult<CareKeys> ToCareKeys(QuestionnaireResponse response, Encounter? encounter = null)
    {
        Guard.Against.Null(response);
        string? therapist = IsPresent(response.Author) && ReferencedType(response, response.Author!) is "Practitioner" or "PractitionerRole"
            ? KeyOf(response, response.Author!)
            : null;
        if (therapist is null && encounter is not null)
        {
            var performers = encounter.Participant
                .Where(p => p.Individual is { } individual && IsPresent(individual) && ReferencedType(response, individual) is "Practitioner" or "PractitionerRole")
                .OrderByDescending(p => p.Type.Any(t => t.Coding.Any(c => c.Code == "PPRF")))
                .ToList();
            therapist = performers.Select(p => KeyOf(response, p.Individual!)).FirstOrDefault(k => k is not null);
        }

        string? fromEncounter = encounter?.ServiceProvider is { } provider && IsPresent(provider) ? KeyOf(response, provider) : null;
        if (response.GetExtensions(FhirConventions.SiteExtension).Count() > 1 || response.GetExtensions(FhirConventions.TeamExtension).Count() > 1)
        {
            return FhirMappingErrors.One(FhirErrorKind.BadCareKey, "The response gives the site or the team extension more than once; one session has one site and one team.");
        }

        if (response.GetExtension(FhirConventions.TeamExtension) is { } teamExtension && teamExtension.Value is not FhirString)
        {
            return FhirMappingErrors.One(FhirErrorKind.BadCareKey, "The response's team extension is not a valueString.");
        }

        DataType? extension = response.GetExtension(FhirConventions.SiteExtension)?.Value;
        if (extension is not (null or ResourceReference or Identifier))
        {
            return FhirMappingErrors.One(FhirErrorKind.BadCareKey, "The response's site extension is not a valueReference or a valueIdentifier.");
        }

        string? fromExtension = extension switch
        {
            ResourceReference reference when IsPresent(reference) => KeyOf(response, reference),
            Identifier identifier => identifier.Value,
            _ => null,
        };
        if (fromEncounter is not null && fromExtension is not null && !string.Equals(fromEncounter, fromExtension, StringComparison.Ordinal))
        {
            return FhirMappingErrors.One(FhirErrorKind.BadCareKey, "The response's site extension and its Encounter's serviceProvider name different sites; one session has one site.");
        }

        string? site = fromEncounter ?? fromExtension;
        string? team = response.GetExtensionValue<FhirString>(FhirConventions.TeamExtension)?.Value;
        foreach ((string? key, string what) in new[] { (therapist, "therapist"), (site, "site"), (team, "team") })
        {
            if (key is not null && !CareKeys.IsValidKey(key))
            {
                return FhirMappingErrors.One(FhirErrorKind.BadCareKey, "The " + what + "'s identifier breaks the rule: " + CareKeys.KeyRule + ".");
            }
        }

        return therapist is null && site is null && team is null ? CareKeys.None : new CareKeys(therapist, site, team);
    }

    /// <summary>A reference's key: its identifier's value, else its literal reference in relative form, else a contained resource's first identifier.</summary>
    private static string? KeyOf(QuestionnaireResponse response, ResourceReference reference)
    {
        if (reference.Identifier?.Value is { Length: > 0 } value)
        {
            return value;
        }

        if (reference.Reference is not { Length: > 0 } literal)
        {
            return null;
        }

        if (literal[0] == '#')
        {
            return response.Contained.FirstOrDefault(c => c.Id == literal.Substring(1)) switch
            {
                Practitioner p => p.Identifier.FirstOrDefault()?.Value,
                PractitionerRole r => r.Identifier.FirstOrDefault()?.Value,
                Organization o => o.Identifier.FirstOrDefault()?.Value,
                _ => null,
            };
        }

        string[] segments = literal.Split('/');
        int end = segments.Length;
        if (end >= 4 && segments[end - 2] == "_history")
        {
            end -= 2;
        }

        return end >= 2 ? segments[end - 2] + "/" + segments[end - 1] : literal;
    }

    /// <summary>Reads a QuestionnaireResponse into a validated assessment.</summary>
    /// <param name="response">The response: status completed or amended; <c>questionnaire</c> the canonical URL (and version) of a registered instrument.</param>
    /// <returns>The assessment, or every problem found, each with its kind, its position in the response and, where one applies, the linkId in <see cref="FhirMappingError.LinkId"/> (never in the message).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="response"/> is <see langword="null"/>.</exception>
    public FhirResult<Assessment> ToAssessment(QuestionnaireResponse response)
    {
        Guard.Against.Null(response);
        if (FindInstrument(response.Questionnaire) is not { } instrument)
        {
            return FhirMappingErrors.One(FhirErrorKind.UnknownQuestionnaire, "The questionnaire is not a registered instrument. Refer to its canonical URL (and version), for example " + FhirConventions.QuestionnairePrefix + "srs|1.0, or to the Questionnaire resource, for example Questionnaire/srs.");
        }

        var errors = ImmutableArray.CreateBuilder<FhirMappingError>();
        if (response.Status is not (QuestionnaireResponse.QuestionnaireResponseStatus.Completed or QuestionnaireResponse.QuestionnaireResponseStatus.Amended))
        {
            errors.Add(new FhirMappingError(FhirErrorKind.StatusNotCompleted, "The response is not completed. Map responses whose status is completed or amended."));
        }

        Perspective? perspective = (_options.PerspectiveResolver ?? DefaultPerspective)(response);
        if (perspective is null)
        {
            errors.Add(new FhirMappingError(FhirErrorKind.UnknownPerspective, "Who rated is unknown. Set the perspective extension, or a source (or, without a source, an author) whose type or reference names a Patient, Practitioner, PractitionerRole or RelatedPerson; a source that is present decides, so give it a type when it is an identifier alone."));
        }

        int? session = (_options.SessionNumberResolver ?? DefaultSessionNumber)(response);
        if (session is null or < 0)
        {
            errors.Add(new FhirMappingError(FhirErrorKind.MissingSessionNumber, "The session number is unknown. Set the session-number extension or configure a SessionNumberResolver."));
        }

        DateTimeOffset? authored = Authored(response, errors);
        var responses = new List<ItemResponse>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ReadItems(instrument, response.Item, string.Empty, responses, seen, errors);

        if (errors.Count > 0)
        {
            return new FhirMappingErrors(errors.ToImmutable());
        }

        var occasion = Occasion.Session(session!.Value, authored);
        return instrument.CreateAssessment(perspective!.Value, occasion, responses).Match<FhirResult<Assessment>>(
            assessment => assessment,
            invalid => new FhirMappingErrors(invalid.Problems.Select(p => p switch
            {
                ValueOutOfRange r => new FhirMappingError(FhirErrorKind.AnswerOffScale, string.Format(CultureInfo.InvariantCulture, "The answer to item {0} of the questionnaire is outside the scale. Record a value from {1} to {2}.", r.ItemIndex + 1, r.Minimum, r.Maximum), r.ItemId),
                ValueOffStep o => new FhirMappingError(FhirErrorKind.AnswerOffScale, string.Format(CultureInfo.InvariantCulture, "The answer to item {0} of the questionnaire is not on the scale's steps. Record a multiple of {1} from the scale's minimum.", o.ItemIndex + 1, o.Step), o.ItemId),
                UnsupportedPerspective => new FhirMappingError(FhirErrorKind.UnknownPerspective, p.Message),
                _ => new FhirMappingError(FhirErrorKind.UnknownLinkId, p.Message),
            }).ToImmutableArray()));
    }

    /// <summary>
    /// Reads answers wherever an EHR puts them: top-level items, items nested under an item (<c>item.item</c>, as in a
    /// group) and items nested under an answer (<c>answer.item</c>). An item whose linkId is not an item of the
    /// questionnaire is read as a group when it has no answer (its children are read); with an answer it is rejected.
    /// Positions in messages are paths such as <c>2.1</c> (the first child of the second item), never linkIds.
    /// </summary>
    private static void ReadItems(Instrument instrument, List<QuestionnaireResponse.ItemComponent> items, string prefix, List<ItemResponse> responses, HashSet<string> seen, ImmutableArray<FhirMappingError>.Builder errors)
    {
        for (int index = 0; index < items.Count; index++)
        {
            QuestionnaireResponse.ItemComponent item = items[index];
            string path = prefix + (index + 1).ToString(CultureInfo.InvariantCulture);
            string linkId = item.LinkId ?? string.Empty;
            if (instrument.FindItem(linkId) is null)
            {
                if (item.Answer.Count > 0 || item.Item.Count == 0)
                {
                    errors.Add(new FhirMappingError(FhirErrorKind.UnknownLinkId, $"The item at position {path} is not an item of the questionnaire{(item.Answer.Count > 0 ? " but has an answer" : " and has no child items")}. Use the questionnaire's linkIds; a group may only hold items.", linkId));
                }
                else
                {
                    ReadItems(instrument, item.Item, path + ".", responses, seen, errors);
                }

                continue;
            }

            if (!seen.Add(linkId) || item.Answer.Count > 1)
            {
                errors.Add(new FhirMappingError(FhirErrorKind.DuplicatedItem, $"The item at position {path} is answered more than once. Give one answer per item.", linkId));
            }
            else if (item.Answer.Count == 0)
            {
                responses.Add(ItemResponse.NotAnswered(linkId));
            }
            else if (Numeric(item.Answer[0].Value) is { } value)
            {
                responses.Add(ItemResponse.Answered(linkId, value));
            }
            else
            {
                errors.Add(new FhirMappingError(FhirErrorKind.WrongAnswerType, $"The item at position {path} has an answer that is not a number. Use valueInteger, valueDecimal, or a valueCoding with an itemWeight or ordinalValue extension (a coding's code is never read as its score).", linkId));
            }

            ReadItems(instrument, item.Item, path + ".", responses, seen, errors);
            foreach (QuestionnaireResponse.AnswerComponent answer in item.Answer)
            {
                ReadItems(instrument, answer.Item, path + ".", responses, seen, errors);
            }
        }
    }

    /// <summary>
    /// Reads a numeric answer: valueInteger, valueDecimal, or a valueCoding carrying its score in the
    /// <c>itemWeight</c> extension (SDC, which replaces <c>ordinalValue</c>) or the <c>ordinalValue</c> extension,
    /// decimal- or integer-valued. A coding's code is never read as the score.
    /// </summary>
    private static decimal? Numeric(DataType? value) => value switch
    {
        Integer i when i.Value is { } v => v,
        FhirDecimal d when d.Value is { } v => v,
        Coding c => Weight(c, ItemWeightExtension) ?? Weight(c, OrdinalValueExtension),
        _ => null,
    };

    private static decimal? Weight(Coding coding, string url) => coding.GetExtension(url)?.Value switch
    {
        FhirDecimal d => d.Value,
        Integer i => i.Value,
        _ => null,
    };

    /// <summary>Writes a score as an Observation: category survey, the total in valueQuantity, subscales as components, derived from the response, with its subject and encounter, the strategy in extensions and the cutoff state in interpretation.</summary>
    /// <param name="score">The score.</param>
    /// <param name="source">The QuestionnaireResponse it was computed from.</param>
    /// <param name="sourceReference">
    /// The reference to put in <c>derivedFrom</c>, such as the <c>fullUrl</c> (<c>urn:uuid:…</c>) of the response's
    /// entry in the same transaction Bundle; <see langword="null"/> for <c>QuestionnaireResponse/{id}</c>. When
    /// neither is available (a response without an id and no reference given) the Observation has no
    /// <c>derivedFrom</c>: nothing could point at the response.
    /// </param>
    /// <returns>The Observation (status final).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="score"/> or <paramref name="source"/> is <see langword="null"/>.</exception>
    public Observation ToObservation(AllianceScore score, QuestionnaireResponse source, string? sourceReference = null)
    {
        Guard.Against.Null(score);
        Guard.Against.Null(source);
        string instrumentId = score.Provenance.InstrumentId;
        var observation = new Observation
        {
            Status = ObservationStatus.Final,
            Category = new List<CodeableConcept> { new(ObservationCategorySystem, "survey", "Survey") },
            Code = Code(FhirConventions.TotalCode(instrumentId), "Total score"),
            Subject = (ResourceReference?)source.Subject?.DeepCopy(),
            Encounter = (ResourceReference?)source.Encounter?.DeepCopy(),
            Value = Quantity(score.Value),
        };
        if (source.AuthoredElement is { } authored)
        {
            observation.Effective = (FhirDateTime)authored.DeepCopy();
        }

        if (!string.IsNullOrEmpty(sourceReference))
        {
            observation.DerivedFrom.Add(new ResourceReference(sourceReference));
        }
        else if (!string.IsNullOrEmpty(source.Id))
        {
            observation.DerivedFrom.Add(new ResourceReference("QuestionnaireResponse/" + source.Id));
        }

        foreach (DimensionScore subscale in score.Subscales)
        {
            observation.Component.Add(new Observation.ComponentComponent
            {
                Code = Code(FhirConventions.SubscaleCode(instrumentId, subscale.Dimension.Id), subscale.Dimension.Name),
                Value = Quantity(subscale.Value),
            });
        }

        observation.AddExtension(FhirConventions.ScoringStrategyExtension, new FhirString(score.Provenance.StrategyName));
        observation.AddExtension(FhirConventions.ScoringStrategyVersionExtension, new FhirString(score.Provenance.StrategyVersion));
        observation.AddExtension(FhirConventions.MissingDataPolicyExtension, new FhirString(score.Provenance.MissingDataPolicy.Name));

        if (score.Cutoff is { } cutoff && score.IsFlagged is { } met)
        {
            string code = !met ? "N" : cutoff.Operator is CutoffOperator.LessThan or CutoffOperator.LessThanOrEqual ? "L" : "H";
            observation.Interpretation.Add(new CodeableConcept(InterpretationSystem, code, code == "N" ? "Normal" : code == "L" ? "Low" : "High", "Cutoff " + cutoff + (met ? " met" : " not met")));
        }

        return observation;
    }

    /// <summary>Scores a set of QuestionnaireResponses and returns a transaction Bundle that creates one Observation per response.</summary>
    /// <remarks>
    /// A response with an id is taken to be stored on the server already: its Observation's <c>derivedFrom</c> is
    /// <c>QuestionnaireResponse/{id}</c>. A response without an id is created by the same Bundle (an entry with a
    /// <c>urn:uuid</c> fullUrl), and the Observation's <c>derivedFrom</c> refers to that fullUrl, which the server
    /// resolves when it processes the transaction.
    /// </remarks>
    /// <param name="responses">The responses.</param>
    /// <param name="strategy">The scoring strategy.</param>
    /// <returns>The Bundle, or every problem of every response: a partial set never produces a partial Bundle.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument or a response is <see langword="null"/>.</exception>
    public FhirResult<Bundle> ToTransactionBundle(IEnumerable<QuestionnaireResponse> responses, IScoringStrategy strategy)
    {
        Guard.Against.Null(responses);
        Guard.Against.Null(strategy);
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        var errors = ImmutableArray.CreateBuilder<FhirMappingError>();
        foreach (QuestionnaireResponse response in responses)
        {
            Guard.Against.Null(response, nameof(responses));
            FhirResult<Assessment> assessment = ToAssessment(response);
            if (assessment.IsT1)
            {
                errors.AddRange(assessment.AsT1.Errors);
                continue;
            }

            ScoringResult scored = strategy.Score(assessment.AsT0);
            if (!scored.IsSuccess)
            {
                errors.Add(new FhirMappingError(FhirErrorKind.Unscorable, scored.Error!.Message));
                continue;
            }

            string? sourceReference = null;
            if (string.IsNullOrEmpty(response.Id))
            {
                sourceReference = "urn:uuid:" + Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture);
                bundle.Entry.Add(new Bundle.EntryComponent
                {
                    FullUrl = sourceReference,
                    Resource = (QuestionnaireResponse)response.DeepCopy(),
                    Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "QuestionnaireResponse" },
                });
            }

            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = "urn:uuid:" + Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture),
                Resource = ToObservation(scored.AsT0, response, sourceReference),
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Observation" },
            });
        }

        return errors.Count > 0 ? new FhirMappingErrors(errors.ToImmutable()) : bundle;
    }

    /// <summary>Writes a resource as FHIR JSON with the Firely serializer (System.Text.Json based).</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>Indented JSON.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="resource"/> is <see langword="null"/>.</exception>
    public static string ToJson(Resource resource)
    {
        Guard.Against.Null(resource);
        return JsonSerializer.Serialize(resource, resource.GetType(), Json);
    }

    /// <summary>The longest JSON text <see cref="FromJson{T}"/> reads: 1,000,000 characters (a completed response to a 1,000-item questionnaire is about a tenth of that).</summary>
    public const int MaximumJsonLength = 1_000_000;

    /// <summary>Reads FHIR JSON with the Firely deserializer; malformed or hostile input gives an error, never an exception.</summary>
    /// <typeparam name="T">The expected resource type.</typeparam>
    /// <param name="json">The JSON text, at most <see cref="MaximumJsonLength"/> characters.</param>
    /// <returns>
    /// The resource, or a <see cref="FhirErrorKind.MalformedJson"/> error: malformed JSON, another resource type,
    /// text longer than <see cref="MaximumJsonLength"/> (read in bounded memory: longer input is refused before
    /// parsing), or a property given twice in one object (JSON readers differ on which copy wins, so neither is
    /// trusted).
    /// </returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="json"/> is <see langword="null"/>.</exception>
    public static FhirResult<T> FromJson<T>(string json)
        where T : Resource
    {
        Guard.Against.Null(json);
        if (json.Length > MaximumJsonLength)
        {
            return FhirMappingErrors.One(FhirErrorKind.MalformedJson, string.Format(CultureInfo.InvariantCulture, "The JSON is longer than {0:N0} characters; send smaller resources.", MaximumJsonLength));
        }

        try
        {
            // Duplicate keys are checked first: the FHIR deserializer would keep the last copy silently. A JsonDocument
            // keeps every copy (on every System.Text.Json version), so walking its objects finds them.
            using (JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 }))
            {
                if (HasDuplicateProperty(document.RootElement))
                {
                    return FhirMappingErrors.One(FhirErrorKind.MalformedJson, "The JSON gives a property twice in one object; give each property once.");
                }
            }

            if (JsonSerializer.Deserialize<T>(json, Json) is { } resource)
            {
                return resource;
            }
        }
#pragma warning disable CA1031 // The parser's failures on hostile input are data errors, whatever their type.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return FhirMappingErrors.One(FhirErrorKind.MalformedJson, $"The JSON is not a valid FHIR R4 {typeof(T).Name}.");
        }

        return FhirMappingErrors.One(FhirErrorKind.MalformedJson, $"The JSON is not a valid FHIR R4 {typeof(T).Name}.");
    }

    private static bool HasDuplicateProperty(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            return element.EnumerateArray().Any(HasDuplicateProperty);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!names.Add(property.Name) || HasDuplicateProperty(property.Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The session's date from <c>authored</c> in every shape R4's dateTime allows: a date and time with its offset (kept,
    /// so the session's calendar date is the one written) or a day alone (that day, as <see cref="Schema.SessionDates"/> reads a
    /// date). A year or a month alone names no day: a <see cref="FhirErrorKind.PartialDate"/> error, never a guess.
    /// </summary>
    private static DateTimeOffset? Authored(QuestionnaireResponse response, ImmutableArray<FhirMappingError>.Builder errors)
    {
        if (response.AuthoredElement?.Value is not { Length: > 0 } text)
        {
            return null;
        }

        if (text.Length < 10)
        {
            errors.Add(new FhirMappingError(FhirErrorKind.PartialDate, "The response's authored date names a year or a month but no day. Give the day (and time) the questionnaire was completed, or leave authored out."));
            return null;
        }

        if (Schema.SessionDates.TryParse(text, out DateTimeOffset? date) && date is not null)
        {
            return date;
        }

        errors.Add(new FhirMappingError(FhirErrorKind.PartialDate, "The response's authored date is not a FHIR dateTime (a day, or a day and time with a time zone)."));
        return null;
    }

    /// <summary>
    /// Who rated, by default: the perspective extension; otherwise the type of <c>source</c> (who answered) when the
    /// response has one, else of <c>author</c>. A source that is present decides even when its type cannot be told (an
    /// identifier alone, a contained resource missing, a reference whose type contradicts its <c>type</c>): the result is
    /// then unknown, never the author's type (issue 27: a client's form was filed as the therapist's).
    /// </summary>
    private static Perspective? DefaultPerspective(QuestionnaireResponse response)
    {
        if (response.GetExtensionValue<Code>(FhirConventions.PerspectiveExtension)?.Value is { } code)
        {
            return AllianceCodes.TryParse(code, out Perspective perspective) ? perspective : null;
        }

        string? type = IsPresent(response.Source) ? ReferencedType(response, response.Source!) : IsPresent(response.Author) ? ReferencedType(response, response.Author!) : null;
        return type switch
        {
            "Patient" => Perspective.Client,
            "Practitioner" or "PractitionerRole" => Perspective.Therapist,
            "RelatedPerson" => Perspective.Collateral,
            _ => null,
        };
    }

    private static bool IsPresent(ResourceReference? reference) =>
        reference is not null && (reference.Reference is not null || reference.Type is not null || reference.Identifier is not null || reference.Display is not null);

    /// <summary>
    /// The resource type a reference points at, from its <c>type</c>, a contained resource (<c>#p1</c>), or a literal
    /// reference, relative (<c>Patient/1</c>) or absolute (<c>https://ehr.example/fhir/Patient/1/_history/2</c>);
    /// <see langword="null"/> when none tells, or when they disagree.
    /// </summary>
    private static string? ReferencedType(QuestionnaireResponse response, ResourceReference reference)
    {
        string? literal = null;
        if (reference.Reference is { Length: > 0 } r)
        {
            if (r[0] == '#')
            {
                string id = r.Substring(1);
                literal = response.Contained.FirstOrDefault(c => c.Id == id)?.TypeName;
                if (literal is null)
                {
                    return null;
                }
            }
            else
            {
                string[] segments = r.Split('/');
                int end = segments.Length;
                if (end >= 4 && segments[end - 2] == "_history")
                {
                    end -= 2;
                }

                literal = end >= 2 && segments[end - 2] is { Length: > 0 } t && char.IsUpper(t[0]) ? t : null;
                if (literal is null)
                {
                    return null;
                }
            }
        }

        string? declared = reference.Type;
        return literal is not null && declared is not null && literal != declared ? null : literal ?? declared;
    }

    private static int? DefaultSessionNumber(QuestionnaireResponse response) =>
        response.GetExtensionValue<Integer>(FhirConventions.SessionNumberExtension)?.Value;

    private static int DecimalPlaces(decimal step)
    {
        int places = 0;
        while (step != decimal.Truncate(step) && places < 28)
        {
            step *= 10m;
            places++;
        }

        return places;
    }

    private static Quantity Quantity(decimal value) => new() { Value = value, Unit = "score", System = Ucum, Code = "{score}" };

    /// <summary>
    /// Finds the instrument a response refers to: by canonical URL (with or without <c>|version</c>), or by a literal
    /// reference to the Questionnaire resource, relative (<c>Questionnaire/srs</c>) or absolute
    /// (<c>https://ehr.example/fhir/Questionnaire/srs</c>, optionally with <c>/_history/…</c>), whose id is the
    /// instrument's identifier, as <see cref="ToQuestionnaire"/> sets it.
    /// </summary>
    private Instrument? FindInstrument(string? canonical)
    {
        if (string.IsNullOrEmpty(canonical))
        {
            return null;
        }

        if (!canonical!.StartsWith(FhirConventions.QuestionnairePrefix, StringComparison.Ordinal))
        {
            string[] segments = canonical.Split('/');
            int history = Array.IndexOf(segments, "_history");
            int end = history >= 0 ? history : segments.Length;
            return end >= 2 && segments[end - 2] == "Questionnaire" && !canonical.Contains('|', StringComparison.Ordinal)
                && _catalog.TryGetInstrument(segments[end - 1], out Instrument? referenced)
                ? referenced
                : null;
        }

        string rest = canonical.Substring(FhirConventions.QuestionnairePrefix.Length);
        int bar = rest.IndexOf('|', StringComparison.Ordinal);
        string id = bar >= 0 ? rest.Substring(0, bar) : rest;
        string? version = bar >= 0 ? rest.Substring(bar + 1) : null;
        return _catalog.TryGetInstrument(id, out Instrument? instrument) && (version is null || version == instrument.Version) ? instrument : null;
    }

    private CodeableConcept Code(string code, string display)
    {
        var concept = new CodeableConcept(FhirConventions.ScoreCodeSystem, code, display);
        if (_codings.TryGetValue(code, out Coding[]? extra))
        {
            concept.Coding.AddRange(extra.Select(c => (Coding)c.DeepCopy()));
        }

        return concept;
    }
}
