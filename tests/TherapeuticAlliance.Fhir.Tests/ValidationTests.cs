using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;

namespace TherapeuticAlliance.Fhir.Tests;

/// <summary>Validates the mapper's output against the base FHIR R4 specification with the Firely validator.</summary>
public class ValidationTests
{
    private static readonly Lazy<Validator> SharedValidator = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(resolver, new LocalTerminologyService(resolver));
    });

    private static void AssertValid(Resource resource)
    {
        OperationOutcome outcome = SharedValidator.Value.Validate(resource);
        var errors = outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => e.Details?.Text ?? e.Diagnostics)));
    }

    public static IEnumerable<object[]> Instruments() => AllianceInstruments.All.Select(i => new object[] { i.Id });

    [Theory]
    [MemberData(nameof(Instruments))]
    public void QuestionnaireResponseAndObservation_ValidateAgainstTheBaseSpecification(string instrumentId)
    {
        Assert.True(InstrumentCatalog.BuiltIn.TryGetInstrument(instrumentId, out Instrument? instrument));
        decimal?[] values = instrument!.Items.Select(_ => (decimal?)instrument.Scale.Maximum).ToArray();
        Assessment assessment = instrument.CreateAssessment(instrument.Perspectives[0], Occasion.Session(2, new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero)), values).GetValueOrThrow();
        QuestionnaireResponse response = AllianceFhirMapper.ToQuestionnaireResponse(assessment);
        response.Id = "qr-1";
        response.Subject = new ResourceReference("Patient/p-1");
        AssertValid(AllianceFhirMapper.ToQuestionnaire(instrument));
        AssertValid(response);
        AssertValid(new AllianceFhirMapper().ToObservation(ScoringStrategies.Sum.Score(assessment).GetValueOrThrow(), response));
    }

    [Fact]
    public void Validator_RejectsAnObservationWithoutStatus()
    {
        var observation = new Observation { Code = new CodeableConcept(FhirConventions.ScoreCodeSystem, "srs-total") };
        OperationOutcome outcome = SharedValidator.Value.Validate(observation);
        Assert.Contains(outcome.Issue, i => i.Severity == OperationOutcome.IssueSeverity.Error);
    }
}
