using Hl7.Fhir.Model;

namespace TherapeuticAlliance.Fhir.Tests;

/// <summary>
/// Issue 27, part 4: <c>source</c>, <c>author</c> and <c>authored</c> in every shape R4 allows. A source referring to a
/// contained Patient (<c>#p1</c>) or given as an identifier alone made the mapper take the author's type, so a
/// client's form was filed as the therapist's; a date-only or partial <c>authored</c> gave no date and no error.
/// </summary>
public sealed class SourceAndAuthoredTests
{
    private static readonly AllianceFhirMapper Mapper = new();

    private static QuestionnaireResponse Srs(ResourceReference? source, ResourceReference? author = null, string? authored = null)
    {
        var response = new QuestionnaireResponse
        {
            Questionnaire = FhirConventions.QuestionnairePrefix + "srs|1.0",
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Source = source,
            Author = author ?? new ResourceReference("Practitioner/t-1"),
        };
        if (authored is not null)
        {
            response.AuthoredElement = new FhirDateTime(authored);
        }

        response.AddExtension(FhirConventions.SessionNumberExtension, new Integer(2));
        foreach (string item in new[] { "1", "2", "3", "4" })
        {
            response.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = item, Answer = new List<QuestionnaireResponse.AnswerComponent> { new() { Value = new FhirDecimal(9m) } } });
        }

        return response;
    }

    [Fact]
    public void ASourceReferringToAContainedPatient_IsTheClient_NotTheAuthorsType()
    {
        QuestionnaireResponse response = Srs(new ResourceReference("#p1"));
        response.Contained.Add(new Patient { Id = "p1" });
        Assert.Equal(Perspective.Client, Mapper.ToAssessment(response).GetValueOrThrow().Perspective);
    }

    public static TheoryData<string, ResourceReference> ClientSources() => new()
    {
        { "relative", new ResourceReference("Patient/1") },
        { "absolute with history", new ResourceReference("https://ehr.example/fhir/Patient/1/_history/2") },
        { "identifier with its type", new ResourceReference { Identifier = new Identifier("urn:mrn", "4711"), Type = "Patient" } },
        { "reference and agreeing type", new ResourceReference("Patient/1") { Type = "Patient" } },
    };

    [Theory]
    [MemberData(nameof(ClientSources))]
    public void EveryShapeOfAPatientSource_IsTheClient(string shape, ResourceReference source)
    {
        _ = shape;
        Assert.Equal(Perspective.Client, Mapper.ToAssessment(Srs(source)).GetValueOrThrow().Perspective);
    }

    public static TheoryData<string, ResourceReference> AmbiguousSources() => new()
    {
        { "an identifier alone", new ResourceReference { Identifier = new Identifier("urn:mrn", "4711") } },
        { "a contained resource that is missing", new ResourceReference("#nobody") },
        { "a type that contradicts the reference", new ResourceReference("Patient/1") { Type = "Practitioner" } },
        { "a display alone", new ResourceReference { Display = "the client" } },
    };

    [Theory]
    [MemberData(nameof(AmbiguousSources))]
    public void ASourceWhoseTypeCannotBeTold_IsAnUnknownPerspective_NeverTheAuthors(string shape, ResourceReference source)
    {
        _ = shape;
        FhirMappingError error = Mapper.ToAssessment(Srs(source, new ResourceReference("Patient/1"))).AsT1.Errors.Single();
        Assert.Equal(FhirErrorKind.UnknownPerspective, error.Kind);
        Assert.Contains("Who rated is unknown", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("4711", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutASource_TheAuthorsTypeDecides()
    {
        Assert.Equal(Perspective.Client, Mapper.ToAssessment(Srs(null, new ResourceReference("Patient/1"))).GetValueOrThrow().Perspective);
    }

    public static TheoryData<string, int, int, int, double> DatesWithADay() => new()
    {
        { "2026-01-06", 2026, 1, 6, 0 },
        { "2026-01-06T00:30:00+01:00", 2026, 1, 6, 1 },
        { "2026-01-06T23:30:00-05:00", 2026, 1, 6, -5 },
        { "2026-01-06T10:15:00.123Z", 2026, 1, 6, 0 },
    };

    [Theory]
    [MemberData(nameof(DatesWithADay))]
    public void AnAuthoredDateWithADay_IsTheSessionsCalendarDate(string authored, int year, int month, int day, double offsetHours)
    {
        DateTimeOffset date = Mapper.ToAssessment(Srs(new ResourceReference("Patient/1"), authored: authored)).GetValueOrThrow().Occasion.RecordedAt!.Value;
        Assert.Equal((new DateTime(year, month, day), TimeSpan.FromHours(offsetHours)), (date.Date, date.Offset));
    }

    [Theory]
    [InlineData("2026-01")]
    [InlineData("2026")]
    public void APartialAuthoredDate_IsATypedError_NeverAGuess(string authored)
    {
        FhirMappingError error = Mapper.ToAssessment(Srs(new ResourceReference("Patient/1"), authored: authored)).AsT1.Errors.Single();
        Assert.Equal(FhirErrorKind.PartialDate, error.Kind);
        Assert.DoesNotContain(authored, error.Message, StringComparison.Ordinal);
    }
}
