using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hl7.Fhir.Model;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;

namespace TherapeuticAlliance.Fhir.Tests;

public class QuestionnaireTests
{
    [Fact]
    public void EveryBuiltInInstrument_BecomesAQuestionnaireWithItsStructure()
    {
        foreach (Instrument instrument in AllianceInstruments.All)
        {
            Questionnaire q = AllianceFhirMapper.ToQuestionnaire(instrument);
            Assert.Equal(FhirConventions.QuestionnairePrefix + instrument.Id, q.Url);
            Assert.Equal(instrument.Version, q.Version);
            Assert.Equal(PublicationStatus.Active, q.Status);
            Assert.Equal(instrument.Items.Select(i => i.Id), q.Item.Select(i => i.LinkId));
            Assert.Equal(instrument.Items.Select(i => i.Label), q.Item.Select(i => i.Text));
        }
    }

    [Fact]
    public void AnswerConstraints_MatchTheScale()
    {
        Questionnaire srs = AllianceFhirMapper.ToQuestionnaire(AllianceInstruments.Srs);
        Assert.All(srs.Item, i => Assert.Equal(Questionnaire.QuestionnaireItemType.Decimal, i.Type));
        Assert.Equal(1, srs.Item[0].GetExtensionValue<Integer>("http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces").Value);
        Assert.Equal(10m, srs.Item[0].GetExtensionValue<FhirDecimal>("http://hl7.org/fhir/StructureDefinition/maxValue").Value);

        Questionnaire wai = AllianceFhirMapper.ToQuestionnaire(AllianceInstruments.WaiSr);
        Assert.All(wai.Item, i => Assert.Equal(Questionnaire.QuestionnaireItemType.Integer, i.Type));
        Assert.Equal(1, wai.Item[0].GetExtensionValue<Integer>("http://hl7.org/fhir/StructureDefinition/minValue").Value);
        Assert.Equal(5, wai.Item[0].GetExtensionValue<Integer>("http://hl7.org/fhir/StructureDefinition/maxValue").Value);
        Assert.Equal("task", wai.Item[0].GetExtensionValue<FhirString>(FhirConventions.SubscaleExtension).Value);
    }

    [Fact]
    public void ReverseKeying_IsCarriedInAnExtension()
    {
        Instrument keyed = new InstrumentBuilder("keyed", "1.0").WithScale(RatingScale.OneToSeven).AddItems(2).ReverseItems("2").Build();
        Questionnaire q = AllianceFhirMapper.ToQuestionnaire(keyed);
        Assert.Null(q.Item[0].GetExtension(FhirConventions.ReverseKeyedExtension));
        Assert.True(q.Item[1].GetExtensionValue<FhirBoolean>(FhirConventions.ReverseKeyedExtension).Value);
    }
}

public class RoundTripTests
{
    private static readonly AllianceFhirMapper Mapper = new();

    public static IEnumerable<object[]> Instruments() => AllianceInstruments.All.Select(i => new object[] { i.Id });

    [Theory]
    [MemberData(nameof(Instruments))]
    public void Instrument_Questionnaire_Response_Assessment_Score_Observation(string instrumentId)
    {
        Assert.True(InstrumentCatalog.BuiltIn.TryGetInstrument(instrumentId, out Instrument? instrument));
        decimal?[] values = instrument!.Items.Select((_, i) => (decimal?)(instrument.Scale.Minimum + (instrument.Scale.Step * (i % (instrument.Scale.StepCount + 1))))).ToArray();
        Perspective perspective = instrument.Perspectives[^1];
        Assessment original = instrument.CreateAssessment(perspective, Occasion.Session(4, new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero)), values).GetValueOrThrow();

        QuestionnaireResponse response = AllianceFhirMapper.ToQuestionnaireResponse(original);
        response.Id = "qr-1";
        response.Subject = new ResourceReference("Patient/p-42");
        response.Encounter = new ResourceReference("Encounter/enc-7");
        string json = AllianceFhirMapper.ToJson(response);
        QuestionnaireResponse parsed = AllianceFhirMapper.FromJson<QuestionnaireResponse>(json).GetValueOrThrow();

        Assessment back = Mapper.ToAssessment(parsed).GetValueOrThrow();
        Assert.Equal(original, back);

        AllianceScore score = ScoringStrategies.Sum.Score(back).GetValueOrThrow();
        Observation observation = Mapper.ToObservation(score, parsed);
        Assert.Equal(ObservationStatus.Final, observation.Status);
        Assert.Equal("survey", observation.Category.Single().Coding.Single().Code);
        Assert.Equal(FhirConventions.TotalCode(instrumentId), observation.Code.Coding.Single().Code);
        Assert.Equal(score.Value, ((Quantity)observation.Value!).Value);
        Assert.Equal(score.Subscales.Length, observation.Component.Count);
        Assert.Equal("QuestionnaireResponse/qr-1", observation.DerivedFrom.Single().Reference);
        Assert.Equal("Patient/p-42", observation.Subject!.Reference);
        Assert.Equal("Encounter/enc-7", observation.Encounter!.Reference);
        Assert.Equal("sum", observation.GetExtensionValue<FhirString>(FhirConventions.ScoringStrategyExtension).Value);
        Assert.Equal("1.0", observation.GetExtensionValue<FhirString>(FhirConventions.ScoringStrategyVersionExtension).Value);
        Assert.Equal(instrument.Cutoff is null ? 0 : 1, observation.Interpretation.Count);
        Assert.True(AllianceFhirMapper.FromJson<Observation>(AllianceFhirMapper.ToJson(observation)).IsSuccess);
    }

    [Property(MaxTest = 200)]
    public bool AnyValidAssessment_SurvivesTheTripThroughAQuestionnaireResponse(NonNegativeInt seed)
    {
        var random = new Random(seed.Get);
        Instrument instrument = AllianceInstruments.All[random.Next(AllianceInstruments.All.Length)];
        decimal?[] values = instrument.Items
            .Select(_ => random.Next(6) == 0 ? (decimal?)null : instrument.Scale.Minimum + (instrument.Scale.Step * random.Next(instrument.Scale.StepCount + 1)))
            .ToArray();
        Perspective perspective = instrument.Perspectives[random.Next(instrument.Perspectives.Length)];
        DateTimeOffset? at = random.Next(2) == 0 ? null : new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(500_000));
        Assessment original = instrument.CreateAssessment(perspective, Occasion.Session(random.Next(40), at), values).GetValueOrThrow();
        QuestionnaireResponse parsed = AllianceFhirMapper.FromJson<QuestionnaireResponse>(AllianceFhirMapper.ToJson(AllianceFhirMapper.ToQuestionnaireResponse(original))).GetValueOrThrow();
        return Mapper.ToAssessment(parsed).Match(back => back.Equals(original), _ => false);
    }

    [Fact]
    public void Srs_CutoffStateIsTheInterpretation()
    {
        Assessment low = AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(2), 9.1m, 8.8m, 9.0m, 8.6m).GetValueOrThrow();
        QuestionnaireResponse response = AllianceFhirMapper.ToQuestionnaireResponse(low);
        Observation observation = Mapper.ToObservation(ScoringStrategies.Sum.Score(low).GetValueOrThrow(), response);
        Assert.Equal("L", observation.Interpretation.Single().Coding.Single().Code);
        Assessment ok = AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(2), 8.8m, 9.1m, 9.0m, 9.1m).GetValueOrThrow();
        Assert.Equal("N", Mapper.ToObservation(ScoringStrategies.Sum.Score(ok).GetValueOrThrow(), response).Interpretation.Single().Coding.Single().Code);
    }

    [Fact]
    public void SiteCodes_AreAddedThroughTheHook()
    {
        var mapper = new AllianceFhirMapper(options: new FhirMappingOptions
        {
            AdditionalCodings = new Dictionary<string, IReadOnlyList<Coding>> { ["srs-total"] = new[] { new Coding("http://loinc.org", "99999-9", "Site code") } },
        });
        Assessment srs = AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(2), 9m, 9m, 9m, 9m).GetValueOrThrow();
        Observation observation = mapper.ToObservation(ScoringStrategies.Sum.Score(srs).GetValueOrThrow(), AllianceFhirMapper.ToQuestionnaireResponse(srs));
        Assert.Equal(new[] { FhirConventions.ScoreCodeSystem, "http://loinc.org" }, observation.Code.Coding.Select(c => c.System));
    }

    [Fact]
    public void SiteCodes_AreCopiedWhenTheMapperIsMade_SoLaterChangesToTheCallersCollectionsDoNotReachIt()
    {
        // Issue 27: the mapper is documented immutable, yet it kept the caller's list, so a later Add (or a changed
        // Coding) altered Observations it had yet to write.
        var codes = new List<Coding> { new("http://loinc.org", "99999-9", "Site code") };
        var byCode = new Dictionary<string, IReadOnlyList<Coding>> { ["srs-total"] = codes };
        var mapper = new AllianceFhirMapper(options: new FhirMappingOptions { AdditionalCodings = byCode });
        codes.Add(new Coding("http://snomed.info/sct", "1", "Added later"));
        codes[0].Code = "changed";
        byCode["srs-subscale"] = codes;
        Assessment srs = AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(2), 9m, 9m, 9m, 9m).GetValueOrThrow();
        Observation observation = mapper.ToObservation(ScoringStrategies.Sum.Score(srs).GetValueOrThrow(), AllianceFhirMapper.ToQuestionnaireResponse(srs));
        Assert.Equal(new[] { "srs-total", "99999-9" }, observation.Code.Coding.Select(c => c.Code));
    }

    [Fact]
    public void Bundle_IsATransactionOfObservations_OrEveryError()
    {
        QuestionnaireResponse Srs(int session, params decimal?[] v) =>
            AllianceFhirMapper.ToQuestionnaireResponse(AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(session), v).GetValueOrThrow());
        QuestionnaireResponse stored = Srs(1, 9m, 9m, 9m, 9m);
        stored.Id = "qr-1";
        Bundle bundle = Mapper.ToTransactionBundle(new[] { stored, Srs(2, 8m, 9m, 9m, 9m) }, ScoringStrategies.Sum).GetValueOrThrow();
        Assert.Equal(Bundle.BundleType.Transaction, bundle.Type);
        Assert.Equal(3, bundle.Entry.Count);
        Assert.All(bundle.Entry, e => Assert.Equal((Bundle.HTTPVerb.POST, e.Resource!.TypeName), (e.Request!.Method!.Value, e.Request.Url)));
        Assert.Equal(new[] { "Observation", "QuestionnaireResponse", "Observation" }, bundle.Entry.Select(e => e.Resource!.TypeName));

        // A stored response is referred to by id; one without an id is created by the Bundle and referred to by its fullUrl.
        Assert.Equal("QuestionnaireResponse/qr-1", ((Observation)bundle.Entry[0].Resource!).DerivedFrom.Single().Reference);
        Assert.StartsWith("urn:uuid:", bundle.Entry[1].FullUrl, StringComparison.Ordinal);
        Assert.Equal(bundle.Entry[1].FullUrl, ((Observation)bundle.Entry[2].Resource!).DerivedFrom.Single().Reference);

        var failed = Mapper.ToTransactionBundle(new[] { Srs(1, 9m, 9m, 9m, 9m), Srs(2, 8m, null, 9m, 9m) }, ScoringStrategies.Sum);
        Assert.Equal(FhirErrorKind.Unscorable, failed.AsT1.Errors.Single().Kind);
    }
}

public class FhirErrorTests
{
    private static readonly AllianceFhirMapper Mapper = new();

    private static QuestionnaireResponse Response(string questionnaire = FhirConventions.QuestionnairePrefix + "srs|1.0")
    {
        var response = new QuestionnaireResponse
        {
            Questionnaire = questionnaire,
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = new ResourceReference("Patient/secret-patient-id"),
            Source = new ResourceReference("Patient/secret-patient-id"),
        };
        response.AddExtension(FhirConventions.SessionNumberExtension, new Integer(3));
        return response;
    }

    private static void Answer(QuestionnaireResponse r, string linkId, DataType value) =>
        r.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = linkId, Answer = new List<QuestionnaireResponse.AnswerComponent> { new() { Value = value } } });

    private static FhirMappingErrors Errors(QuestionnaireResponse r)
    {
        FhirMappingErrors errors = Mapper.ToAssessment(r).AsT1;
        Assert.All(errors.Errors, e => Assert.DoesNotContain("secret-patient-id", e.Message));
        return errors;
    }

    [Fact]
    public void PerspectiveComesFromSourceOrAuthor_AndCodingsWithOrdinalsAreAccepted()
    {
        QuestionnaireResponse r = Response();
        Answer(r, "1", new FhirDecimal(9.5m));
        Answer(r, "2", new Integer(9));
        var coding = new Coding("http://example.org/answers", "a8");
        coding.AddExtension("http://hl7.org/fhir/StructureDefinition/ordinalValue", new FhirDecimal(8m));
        Answer(r, "3", coding);
        var weighted = new Coding("http://example.org/answers", "a7");
        weighted.AddExtension("http://hl7.org/fhir/StructureDefinition/itemWeight", new FhirDecimal(7.5m));
        Answer(r, "4", weighted);
        Assessment assessment = Mapper.ToAssessment(r).GetValueOrThrow();
        Assert.Equal(Perspective.Client, assessment.Perspective);
        Assert.Equal(new decimal?[] { 9.5m, 9m, 8m, 7.5m }, assessment.Responses.Select(x => x.Value));
        Assert.Equal(3, assessment.Occasion.SessionNumber);

        r.Source = null;
        r.Author = new ResourceReference("Practitioner/t-1");
        Assert.Equal(FhirErrorKind.UnknownPerspective, Errors(r).Errors.Single().Kind); // the SRS has no therapist form
    }

    [Fact]
    public void EachErrorCase_IsTypedAndNamesTheLinkId()
    {
        Assert.Equal(FhirErrorKind.UnknownQuestionnaire, Errors(Response(FhirConventions.QuestionnairePrefix + "srs|9.9")).Errors.Single().Kind);
        Assert.Equal(FhirErrorKind.UnknownQuestionnaire, Errors(Response("http://example.org/Questionnaire/phq9")).Errors.Single().Kind);

        QuestionnaireResponse draft = Response();
        draft.Status = QuestionnaireResponse.QuestionnaireResponseStatus.InProgress;
        Assert.Equal(FhirErrorKind.StatusNotCompleted, Errors(draft).Errors.Single().Kind);

        QuestionnaireResponse unknown = Response();
        Answer(unknown, "MRN-4711", new Integer(1));
        Assert.Equal(("MRN-4711", FhirErrorKind.UnknownLinkId), (Errors(unknown).Errors.Single().LinkId, Errors(unknown).Errors.Single().Kind));
        Assert.Equal("The item at position 1 is not an item of the questionnaire but has an answer. Use the questionnaire's linkIds; a group may only hold items.", Errors(unknown).Message);

        QuestionnaireResponse offScale = Response();
        Answer(offScale, "1", new FhirDecimal(10.5m));
        Answer(offScale, "2", new FhirDecimal(9.25m));
        Assert.Equal(new[] { "1", "2" }, Errors(offScale).Errors.Select(e => e.LinkId));
        Assert.All(Errors(offScale).Errors, e => Assert.Equal(FhirErrorKind.AnswerOffScale, e.Kind));
        Assert.DoesNotContain("10.5", Errors(offScale).Message);

        QuestionnaireResponse wrongType = Response();
        Answer(wrongType, "1", new FhirString("nine"));
        Assert.Equal(FhirErrorKind.WrongAnswerType, Errors(wrongType).Errors.Single().Kind);
        Assert.DoesNotContain("nine", Errors(wrongType).Message);

        QuestionnaireResponse duplicated = Response();
        Answer(duplicated, "1", new Integer(9));
        Answer(duplicated, "1", new Integer(8));
        Assert.Equal(FhirErrorKind.DuplicatedItem, Errors(duplicated).Errors.Single().Kind);

        QuestionnaireResponse noSession = Response();
        noSession.RemoveExtension(FhirConventions.SessionNumberExtension);
        Assert.Equal(FhirErrorKind.MissingSessionNumber, Errors(noSession).Errors.Single().Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"resourceType\": \"Patient\"}")]
    [InlineData("{\"resourceType\": \"QuestionnaireResponse\", \"status\": 42}")]
    [InlineData("{\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\", \"item\": {\"linkId\": 1}}")]
    public void MalformedJson_IsAnErrorValue(string json)
    {
        FhirResult<QuestionnaireResponse> result = AllianceFhirMapper.FromJson<QuestionnaireResponse>(json);
        Assert.Equal(FhirErrorKind.MalformedJson, result.AsT1.Errors.Single().Kind);

        // The same shape as every result of the core package.
        IAllianceResult<QuestionnaireResponse> common = result;
        Assert.False(common.IsSuccess);
        Assert.Equal("fhir-mapping-failed", common.Error!.Code);
        Assert.Same(result.AsT1, Assert.Throws<AllianceErrorException>(() => common.GetValueOrThrow()).Error);
    }

    [Fact]
    public void HostileJson_NeverThrows()
    {
        string deep = "{\"resourceType\": \"QuestionnaireResponse\", \"item\": " + string.Concat(Enumerable.Repeat("[", 5000)) + string.Concat(Enumerable.Repeat("]", 5000)) + "}";
        Assert.False(AllianceFhirMapper.FromJson<QuestionnaireResponse>(deep).IsSuccess);
    }
}
