using Hl7.Fhir.Model;
using TherapeuticAlliance.Scoring;

namespace TherapeuticAlliance.Fhir.Tests;

/// <summary>
/// Plants a marker in every identifier and free-text field of a QuestionnaireResponse (ids, references, linkIds, item
/// text, answer strings and codes, the questionnaire reference) and provokes every FHIR error path: the marker never
/// appears in a message or <c>ToString()</c> (issue 11, part 3). LinkIds stay available in the typed property.
/// </summary>
public class NoPatientDataTests
{
    private const string Marker = "MRN-0042-MARKER";
    private static readonly AllianceFhirMapper Mapper = new();

    private static QuestionnaireResponse Response(string questionnaire)
    {
        var response = new QuestionnaireResponse
        {
            Id = Marker,
            Questionnaire = questionnaire,
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.InProgress,
            Subject = new ResourceReference("Patient/" + Marker, Marker),
            Author = new ResourceReference("Device/" + Marker),
            Encounter = new ResourceReference("Encounter/" + Marker),
        };
        response.Identifier = new Identifier("urn:oid:1.2.3", Marker);
        QuestionnaireResponse.ItemComponent Item(string linkId, DataType? value) => new()
        {
            LinkId = linkId,
            Text = Marker,
            Answer = value is null ? new List<QuestionnaireResponse.AnswerComponent>() : new List<QuestionnaireResponse.AnswerComponent> { new() { Value = value } },
        };
        response.Item.Add(Item(Marker, new Integer(4)));
        response.Item.Add(Item("1", new FhirString(Marker)));
        response.Item.Add(Item("2", new Coding(Marker, Marker, Marker)));
        response.Item.Add(Item("3", new FhirDecimal(42m)));
        response.Item.Add(Item("3", new FhirDecimal(4m)));
        var group = Item(Marker + "-group", null);
        group.Item.Add(Item(Marker + "-nested", new Integer(1)));
        response.Item.Add(group);
        response.Item.Add(Item(Marker + "-empty", null));
        return response;
    }

    [Fact]
    public void EveryErrorPath_NamesPositionsAndKinds_NeverTheMarker()
    {
        var texts = new List<string>();
        void Seen(FhirMappingErrors errors)
        {
            texts.Add(errors.Message);
            texts.Add(errors.ToString());
            texts.AddRange(errors.Errors.Select(e => e.Message + " " + e));
        }

        FhirMappingErrors known = Mapper.ToAssessment(Response(FhirConventions.QuestionnairePrefix + "srs")).AsT1;
        Seen(known);
        Assert.Contains(known.Errors, e => e.LinkId == Marker);
        Assert.Contains(known.Errors, e => e.Kind == FhirErrorKind.AnswerOffScale || e.Kind == FhirErrorKind.DuplicatedItem);
        Assert.Contains(known.Errors, e => e.Kind == FhirErrorKind.WrongAnswerType);
        Assert.Contains(known.Errors, e => e.Kind == FhirErrorKind.StatusNotCompleted);
        Assert.Contains(known.Errors, e => e.Kind == FhirErrorKind.UnknownPerspective);
        Assert.Contains(known.Errors, e => e.Kind == FhirErrorKind.MissingSessionNumber);

        // A response that maps cleanly reaches the later paths: off the scale, off the step, a form the instrument
        // lacks, and a Bundle entry that cannot be scored.
        QuestionnaireResponse Clean(string perspectiveCode, params decimal?[] values)
        {
            var r = new QuestionnaireResponse
            {
                Id = Marker,
                Questionnaire = FhirConventions.QuestionnairePrefix + "srs",
                Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
                Subject = new ResourceReference("Patient/" + Marker),
            };
            r.AddExtension(FhirConventions.SessionNumberExtension, new Integer(2));
            r.AddExtension(FhirConventions.PerspectiveExtension, new Code(perspectiveCode));
            for (int i = 0; i < values.Length; i++)
            {
                var item = new QuestionnaireResponse.ItemComponent { LinkId = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Text = Marker };
                if (values[i] is { } v)
                {
                    item.Answer.Add(new QuestionnaireResponse.AnswerComponent { Value = new FhirDecimal(v) });
                }

                r.Item.Add(item);
            }

            return r;
        }

        FhirMappingErrors offScale = Mapper.ToAssessment(Clean("client", 10.5m, 9.25m, 9m, 9m)).AsT1;
        Assert.Equal(new[] { FhirErrorKind.AnswerOffScale, FhirErrorKind.AnswerOffScale }, offScale.Errors.Select(e => e.Kind));
        Seen(offScale);
        FhirMappingErrors therapist = Mapper.ToAssessment(Clean("therapist", 9m, 9m, 9m, 9m)).AsT1;
        Assert.Equal(FhirErrorKind.UnknownPerspective, therapist.Errors.Single().Kind);
        Seen(therapist);
        FhirMappingErrors unscorable = Mapper.ToTransactionBundle(new[] { Clean("client", 9m, null, 9m, 9m) }, ScoringStrategies.Sum).AsT1;
        Assert.Equal(FhirErrorKind.Unscorable, unscorable.Errors.Single().Kind);
        Seen(unscorable);

        Seen(Mapper.ToAssessment(Response(Marker)).AsT1);
        Seen(Mapper.ToAssessment(Response("Questionnaire/" + Marker)).AsT1);
        Seen(Mapper.ToAssessment(Response(FhirConventions.QuestionnairePrefix + "srs|" + Marker)).AsT1);
        Seen(Mapper.ToTransactionBundle(new[] { Response(FhirConventions.QuestionnairePrefix + "srs") }, ScoringStrategies.Sum).AsT1);
        Seen(AllianceFhirMapper.FromJson<QuestionnaireResponse>("{\"resourceType\": \"QuestionnaireResponse\", \"status\": \"" + Marker + "\"}").AsT1);
        Seen(AllianceFhirMapper.FromJson<QuestionnaireResponse>("{\"resourceType\": \"QuestionnaireResponse\", \"" + Marker + "\": 1}").AsT1);
        Seen(AllianceFhirMapper.FromJson<QuestionnaireResponse>("{\"resourceType\": \"" + Marker + "\"}").AsT1);
        Seen(AllianceFhirMapper.FromJson<QuestionnaireResponse>(Marker).AsT1);
        string leaked = texts.FirstOrDefault(t => t.Contains("0042", StringComparison.Ordinal)) ?? string.Empty;
        Assert.True(leaked.Length == 0, "echoed the marker: " + leaked);
    }
}
