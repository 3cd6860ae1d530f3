using Hl7.Fhir.Model;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;

namespace TherapeuticAlliance.Fhir.Tests;

/// <summary>QuestionnaireResponses in every shape an EHR sends (issue 11, part 4).</summary>
public class AnswerShapeTests
{
    private const string ItemWeight = "http://hl7.org/fhir/StructureDefinition/itemWeight";
    private const string OrdinalValue = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    private static readonly AllianceFhirMapper Mapper = new();

    // A WAI-SR whose twelve answers total 41 (no reversed items on the WAI-SR).
    private static readonly int[] WaiSr41 = { 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 3, 3 };

    private static QuestionnaireResponse Response(string instrument = "wai-sr")
    {
        var response = new QuestionnaireResponse
        {
            Questionnaire = FhirConventions.QuestionnairePrefix + instrument,
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Source = new ResourceReference("Patient/p-1"),
        };
        response.AddExtension(FhirConventions.SessionNumberExtension, new Integer(2));
        return response;
    }

    private static QuestionnaireResponse.ItemComponent Item(string linkId, DataType? value = null)
    {
        var item = new QuestionnaireResponse.ItemComponent { LinkId = linkId };
        if (value is not null)
        {
            item.Answer.Add(new QuestionnaireResponse.AnswerComponent { Value = value });
        }

        return item;
    }

    private static readonly IScoringStrategy Prorating = new SumScoringStrategy(new ScoringOptions { MissingDataPolicy = MissingDataPolicy.ProrateUpTo(3) });

    [Fact]
    public void NestedAndGroupedAnswers_AreAllRead_SoAProratedTotalOf41StaysExact()
    {
        QuestionnaireResponse r = Response();
        for (int i = 1; i <= 5; i++)
        {
            r.Item.Add(Item(i.ToString(System.Globalization.CultureInfo.InvariantCulture), new Integer(WaiSr41[i - 1])));
        }

        // Items 7-9 nested under item 6's answer (answer.item), items 10-12 inside a group (item.item).
        QuestionnaireResponse.ItemComponent six = Item("6", new Integer(WaiSr41[5]));
        for (int i = 7; i <= 9; i++)
        {
            six.Answer[0].Item.Add(Item(i.ToString(System.Globalization.CultureInfo.InvariantCulture), new Integer(WaiSr41[i - 1])));
        }

        r.Item.Add(six);
        QuestionnaireResponse.ItemComponent group = Item("page-2");
        for (int i = 10; i <= 12; i++)
        {
            group.Item.Add(Item(i.ToString(System.Globalization.CultureInfo.InvariantCulture), new Integer(WaiSr41[i - 1])));
        }

        r.Item.Add(group);
        Assessment assessment = Mapper.ToAssessment(r).GetValueOrThrow();
        Assert.Equal(12, assessment.Responses.Count(x => x.IsAnswered));
        Assert.Equal(41m, Prorating.Score(assessment).GetValueOrThrow().Value);
    }

    [Fact]
    public void OneAnswerNestedUnderAnother_IsRead_SoTheTotalIs41Not39_27()
    {
        // The case: item 12 (answered 5) nested under item 11's answer. Reading the top level alone gave 11
        // answers summing to 36, prorated to 36 × 12 / 11 = 39.27.
        int[] values = { 4, 3, 4, 3, 4, 3, 4, 3, 1, 3, 4, 5 };
        Assert.Equal(41, values.Sum());
        QuestionnaireResponse r = Response();
        for (int i = 1; i <= 11; i++)
        {
            r.Item.Add(Item(i.ToString(System.Globalization.CultureInfo.InvariantCulture), new Integer(values[i - 1])));
        }

        r.Item[10].Answer[0].Item.Add(Item("12", new Integer(values[11])));
        Assert.Equal(41m, Prorating.Score(Mapper.ToAssessment(r).GetValueOrThrow()).GetValueOrThrow().Value);
        Assert.Equal(39.27m, Math.Round(36m * 12m / 11m, 2)); // what the top level alone gave
    }

    [Fact]
    public void WhatTheQuestionnaireDoesNotDefine_IsRejectedWithAPrecisePosition()
    {
        QuestionnaireResponse r = Response();
        QuestionnaireResponse.ItemComponent group = Item("section-A");
        group.Item.Add(Item("1", new Integer(4)));
        group.Item.Add(Item("MRN-4711-note", new Integer(2)));
        r.Item.Add(group);
        r.Item.Add(Item("empty-group"));
        FhirMappingErrors errors = Mapper.ToAssessment(r).AsT1;
        Assert.Equal(new[] { "1.2", "2" }, errors.Errors.Select(e => e.Message.Split(' ')[4]));
        Assert.Equal("MRN-4711-note", errors.Errors[0].LinkId);
        Assert.DoesNotContain("MRN", errors.Message);
        Assert.Contains("has no child items", errors.Errors[1].Message);
    }

    [Fact]
    public void CodedAnswers_ScoreByTheirWeight_NeverByTheirCode()
    {
        // A WAI-SR coded "0".."4" with weights 1..5: the right total is 47; reading codes gave 35.
        int[] weights = { 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3 };
        QuestionnaireResponse r = Response();
        for (int i = 0; i < 12; i++)
        {
            var coding = new Coding("http://example.org/wai-sr-answers", (weights[i] - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            coding.AddExtension(i % 2 == 0 ? ItemWeight : OrdinalValue, i % 3 == 0 ? new Integer(weights[i]) : new FhirDecimal(weights[i]));
            r.Item.Add(Item((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), coding));
        }

        Assert.Equal(47m, ScoringStrategies.Sum.Score(Mapper.ToAssessment(r).GetValueOrThrow()).GetValueOrThrow().Value);

        QuestionnaireResponse codeOnly = Response();
        codeOnly.Item.Add(Item("1", new Coding("http://example.org/wai-sr-answers", "3")));
        FhirMappingError error = Mapper.ToAssessment(codeOnly).AsT1.Errors.Single();
        Assert.Equal(FhirErrorKind.WrongAnswerType, error.Kind);
        Assert.Contains("never read as its score", error.Message);
    }

    [Theory]
    [InlineData("Questionnaire/srs")]
    [InlineData("https://ehr.example/fhir/Questionnaire/srs")]
    [InlineData("Questionnaire/srs/_history/3")]
    public void LiteralQuestionnaireReferences_FindTheInstrument(string reference)
    {
        QuestionnaireResponse r = Response("srs");
        r.Questionnaire = reference;
        for (int i = 1; i <= 4; i++)
        {
            r.Item.Add(Item(i.ToString(System.Globalization.CultureInfo.InvariantCulture), new FhirDecimal(9m)));
        }

        Assert.Equal("srs", Mapper.ToAssessment(r).GetValueOrThrow().Instrument.Id);
        Assert.Equal("srs", AllianceFhirMapper.ToQuestionnaire(AllianceInstruments.Srs).Id);
    }

    [Theory]
    [InlineData("Questionnaire/phq9")]
    [InlineData("Questionnaire/srs|1.0")]
    [InlineData("Patient/srs")]
    public void OtherReferences_AreUnknownQuestionnaires(string reference)
    {
        QuestionnaireResponse r = Response("srs");
        r.Questionnaire = reference;
        Assert.Equal(FhirErrorKind.UnknownQuestionnaire, Mapper.ToAssessment(r).AsT1.Errors.Single().Kind);
    }

    [Fact]
    public void SessionNumber_ComesFromTheExtension_OrAResolver_OrIsAClearError()
    {
        QuestionnaireResponse r = Response("srs");
        r.RemoveExtension(FhirConventions.SessionNumberExtension);
        r.Encounter = new ResourceReference("Encounter/visit-7");
        for (int i = 1; i <= 4; i++)
        {
            r.Item.Add(Item(i.ToString(System.Globalization.CultureInfo.InvariantCulture), new FhirDecimal(9m)));
        }

        FhirMappingError missing = Mapper.ToAssessment(r).AsT1.Errors.Single();
        Assert.Equal(FhirErrorKind.MissingSessionNumber, missing.Kind);
        Assert.Contains("SessionNumberResolver", missing.Message);

        var fromEncounter = new AllianceFhirMapper(options: new FhirMappingOptions { SessionNumberResolver = q => q.Encounter?.Reference == "Encounter/visit-7" ? 7 : null });
        Assert.Equal(7, fromEncounter.ToAssessment(r).GetValueOrThrow().Occasion.SessionNumber);
    }

    [Fact]
    public void ObservationOfAResponseWithoutId_HasNoDerivedFrom_UnlessAReferenceIsGiven()
    {
        Assessment srs = AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(2), 9m, 9m, 9m, 9m).GetValueOrThrow();
        AllianceScore score = ScoringStrategies.Sum.Score(srs).GetValueOrThrow();
        QuestionnaireResponse response = AllianceFhirMapper.ToQuestionnaireResponse(srs);
        Assert.Empty(Mapper.ToObservation(score, response).DerivedFrom);
        Assert.Equal("urn:uuid:6f1c", Mapper.ToObservation(score, response, "urn:uuid:6f1c").DerivedFrom.Single().Reference);
    }
}

public class FhirReaderLimitTests
{
    [Fact]
    public void DuplicateKeys_AreMalformed_NotLastWins()
    {
        string json = "{\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\", \"status\": \"in-progress\"}";
        Assert.Equal(FhirErrorKind.MalformedJson, AllianceFhirMapper.FromJson<QuestionnaireResponse>(json).AsT1.Errors.Single().Kind);
        Assert.True(AllianceFhirMapper.FromJson<QuestionnaireResponse>("{\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\"}").IsSuccess);
    }

    [Fact]
    public void OversizedJson_IsRefusedBeforeParsing_InBoundedMemory()
    {
        // A 10 MB QuestionnaireResponse cost 2.9 GB to read.
        string json = "{\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\", \"item\": ["
            + string.Join(",", Enumerable.Repeat("{\"linkId\": \"1\", \"answer\": [{\"valueInteger\": 4}]}", 220_000)) + "]}";
        Assert.True(json.Length > 10_000_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        FhirMappingError error = AllianceFhirMapper.FromJson<QuestionnaireResponse>(json).AsT1.Errors.Single();
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000);
        Assert.Equal(FhirErrorKind.MalformedJson, error.Kind);
        Assert.Contains("longer than 1,000,000 characters", error.Message);
    }
}
