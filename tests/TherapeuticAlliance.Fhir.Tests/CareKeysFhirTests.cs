using Hl7.Fhir.Model;
using TherapeuticAlliance.Instruments;
using Task = System.Threading.Tasks.Task;

namespace TherapeuticAlliance.Fhir.Tests;

/// <summary>Issue 28: who treated and where, in and out of FHIR (author, Encounter.participant, serviceProvider, the site extension).</summary>
public sealed class CareKeysFhirTests
{
    private static readonly AllianceFhirMapper Mapper = new();

    private static QuestionnaireResponse Response(Perspective perspective = Perspective.Client) => AllianceFhirMapper.ToQuestionnaireResponse(
        AllianceInstruments.Srs.CreateAssessment(perspective, Occasion.Session(3), 9m, 9m, 9m, 9m).GetValueOrThrow());

    [Fact]
    public void SetCareKeys_ThenToCareKeys_RoundTrips_ThroughJson_AndTheFormStaysTheClients()
    {
        var keys = new CareKeys("T-01", "north clinic", "red");
        QuestionnaireResponse response = Mapper.SetCareKeys(Response(), keys);
        Assert.Equal("Practitioner", response.Author!.Type);
        Assert.Equal(FhirConventions.TherapistIdentifierSystem, response.Author.Identifier!.System);

        QuestionnaireResponse back = AllianceFhirMapper.FromJson<QuestionnaireResponse>(AllianceFhirMapper.ToJson(response)).GetValueOrThrow();
        Assert.Equal(keys, AllianceFhirMapper.ToCareKeys(back).GetValueOrThrow());
        Assert.Equal(Perspective.Client, Mapper.ToAssessment(back).GetValueOrThrow().Perspective);   // the perspective extension decides

        var npi = new AllianceFhirMapper(options: new FhirMappingOptions { TherapistIdentifierSystem = "http://hl7.org/fhir/sid/us-npi" });
        Assert.Equal("http://hl7.org/fhir/sid/us-npi", npi.SetCareKeys(Response(), keys).Author!.Identifier!.System);
        Assert.Same(CareKeys.None, AllianceFhirMapper.ToCareKeys(Response()).GetValueOrThrow());
    }

    [Fact]
    public void ALiteralReference_GivesItsRelativeForm_AndAContainedPractitionerItsIdentifier()
    {
        QuestionnaireResponse response = Response();
        response.Author = new ResourceReference("https://ehr.example/fhir/Practitioner/123/_history/2");
        Assert.Equal("Practitioner/123", AllianceFhirMapper.ToCareKeys(response).GetValueOrThrow().Therapist);

        response.Contained.Add(new PractitionerRole { Id = "r1", Identifier = { new Identifier("urn:ehr", "role-7") } });
        response.Author = new ResourceReference("#r1");
        Assert.Equal("role-7", AllianceFhirMapper.ToCareKeys(response).GetValueOrThrow().Therapist);

        response.Author = new ResourceReference("Patient/9");   // a client as author names no therapist
        Assert.Null(AllianceFhirMapper.ToCareKeys(response).GetValueOrThrow().Therapist);
    }

    [Fact]
    public void AClientsForm_TakesItsTherapistFromTheEncountersPrimaryPerformer_AndItsSiteFromTheServiceProvider()
    {
        QuestionnaireResponse response = Response();
        response.Author = new ResourceReference("Patient/9");
        var encounter = new Encounter
        {
            ServiceProvider = new ResourceReference("Organization/north"),
            Participant =
            {
                new Encounter.ParticipantComponent { Individual = new ResourceReference("RelatedPerson/4") },
                new Encounter.ParticipantComponent { Individual = new ResourceReference("Practitioner/interpreter") },
                new Encounter.ParticipantComponent
                {
                    Type = { new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "PPRF") },
                    Individual = new ResourceReference { Type = "PractitionerRole", Identifier = new Identifier("urn:ehr", "dr-ng") },
                },
            },
        };
        CareKeys keys = AllianceFhirMapper.ToCareKeys(response, encounter).GetValueOrThrow();
        Assert.Equal(("dr-ng", "Organization/north", (string?)null), (keys.Therapist, keys.Site, keys.Team));
    }

    [Fact]
    public void SetCareKeys_OnAnEhrResponseWithoutThePerspectiveExtension_KeepsAClientsFormAClients()
    {
        QuestionnaireResponse response = Response();
        response.RemoveExtension(FhirConventions.PerspectiveExtension);
        response.Author = new ResourceReference("Patient/9");
        Mapper.SetCareKeys(response, new CareKeys("T1"));
        Assert.Equal(Perspective.Client, Mapper.ToAssessment(response).GetValueOrThrow().Perspective);
        Assert.Equal("Patient/9", response.Source!.Reference);
        Assert.Equal("T1", AllianceFhirMapper.ToCareKeys(response).GetValueOrThrow().Therapist);
    }

    [Fact]
    public void ARepeatedSiteExtension_OrATeamOfAnotherType_IsABadCareKey()
    {
        QuestionnaireResponse twice = Mapper.SetCareKeys(Response(), new CareKeys(site: "north"));
        twice.AddExtension(FhirConventions.SiteExtension, new Identifier("urn:x", "south"));
        Assert.Equal(FhirErrorKind.BadCareKey, AllianceFhirMapper.ToCareKeys(twice).AsT1.Errors.Single().Kind);

        QuestionnaireResponse text = Response();
        text.AddExtension(FhirConventions.SiteExtension, new FhirString("north"));
        Assert.Equal(FhirErrorKind.BadCareKey, AllianceFhirMapper.ToCareKeys(text).AsT1.Errors.Single().Kind);

        QuestionnaireResponse team = Response();
        team.AddExtension(FhirConventions.TeamExtension, new Integer(7));
        Assert.Equal(FhirErrorKind.BadCareKey, AllianceFhirMapper.ToCareKeys(team).AsT1.Errors.Single().Kind);
    }

    [Fact]
    public void TwoDifferentSites_OrAMalformedKey_AreBadCareKeyErrors_ThatNeverQuoteTheKey()
    {
        QuestionnaireResponse response = Mapper.SetCareKeys(Response(), new CareKeys(site: "SECRET-north"));
        var encounter = new Encounter { ServiceProvider = new ResourceReference { Identifier = new Identifier("urn:x", "SECRET-south") } };
        FhirMappingErrors conflict = AllianceFhirMapper.ToCareKeys(response, encounter).AsT1;
        Assert.Equal(FhirErrorKind.BadCareKey, Assert.Single(conflict.Errors).Kind);
        Assert.DoesNotContain("SECRET", conflict.ToString(), StringComparison.Ordinal);

        QuestionnaireResponse bad = Response();
        bad.Author = new ResourceReference { Type = "Practitioner", Identifier = new Identifier("urn:x", "SECRET\nline") };
        FhirMappingErrors malformed = AllianceFhirMapper.ToCareKeys(bad).AsT1;
        Assert.Equal(FhirErrorKind.BadCareKey, Assert.Single(malformed.Errors).Kind);
        Assert.DoesNotContain("SECRET", malformed.Errors[0].Message, StringComparison.Ordinal);
    }
}

/// <summary>Issue 28: the keys round-trip through the real FHIR server the suite runs.</summary>
public sealed class CareKeysFhirServerTests : IClassFixture<FhirServer>
{
    private static readonly AllianceFhirMapper Mapper = new();
    private readonly FhirServer _server;

    public CareKeysFhirServerTests(FhirServer server) => _server = server;

    private Task<T> Send<T>(HttpMethod method, string path, Resource? body = null)
        where T : Resource => _server.Send<T>(method, path, body);

    [Fact]
    public async Task KeysWrittenOnAResponse_AndOnItsEncounter_ReadBackFromTheServer()
    {
        Patient patient = await Send<Patient>(HttpMethod.Post, "Patient", new Patient());
        Organization site = await Send<Organization>(HttpMethod.Post, "Organization", new Organization { Name = "North clinic" });
        Practitioner therapist = await Send<Practitioner>(HttpMethod.Post, "Practitioner", new Practitioner());
        Encounter encounter = await Send<Encounter>(HttpMethod.Post, "Encounter", new Encounter
        {
            Status = Encounter.EncounterStatus.Finished,
            Class = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB"),
            Subject = new ResourceReference("Patient/" + patient.Id),
            ServiceProvider = new ResourceReference("Organization/" + site.Id),
            Participant = { new Encounter.ParticipantComponent { Individual = new ResourceReference("Practitioner/" + therapist.Id) } },
        });

        // A response carrying its own keys (by identifier), and one that leaves them to its Encounter.
        var keys = new CareKeys("T-01", "north", "red");
        QuestionnaireResponse own = Mapper.SetCareKeys(AllianceFhirMapper.ToQuestionnaireResponse(
            AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(1), 9m, 9m, 9m, 9m).GetValueOrThrow()), keys);
        own.Subject = new ResourceReference("Patient/" + patient.Id);
        QuestionnaireResponse storedOwn = await Send<QuestionnaireResponse>(HttpMethod.Post, "QuestionnaireResponse", own);
        QuestionnaireResponse readOwn = await Send<QuestionnaireResponse>(HttpMethod.Get, "QuestionnaireResponse/" + storedOwn.Id);
        Assert.Equal(keys, AllianceFhirMapper.ToCareKeys(readOwn).GetValueOrThrow());

        QuestionnaireResponse viaEncounter = AllianceFhirMapper.ToQuestionnaireResponse(
            AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(2), 9m, 9m, 9m, 9m).GetValueOrThrow());
        viaEncounter.Subject = new ResourceReference("Patient/" + patient.Id);
        viaEncounter.Encounter = new ResourceReference("Encounter/" + encounter.Id);
        QuestionnaireResponse storedVia = await Send<QuestionnaireResponse>(HttpMethod.Post, "QuestionnaireResponse", viaEncounter);
        QuestionnaireResponse readVia = await Send<QuestionnaireResponse>(HttpMethod.Get, "QuestionnaireResponse/" + storedVia.Id);
        Encounter readEncounter = await Send<Encounter>(HttpMethod.Get, readVia.Encounter!.Reference!);
        CareKeys fromEncounter = AllianceFhirMapper.ToCareKeys(readVia, readEncounter).GetValueOrThrow();
        Assert.Equal(("Practitioner/" + therapist.Id, "Organization/" + site.Id), (fromEncounter.Therapist, fromEncounter.Site));
    }
}
