using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Tests.TestHelpers;

namespace TherapeuticAlliance.Tests.Instruments;

public class AssessmentTests
{
    private static readonly Occasion Session3 = Occasion.Session(3);

    [Fact]
    public void CreateAssessment_NormalisesToItemOrderAndMarksMissingItems()
    {
        Assessment assessment = AllianceInstruments.Srs
            .CreateAssessment(Perspective.Client, Session3, new[] { ItemResponse.Answered("3", 9m), ItemResponse.Answered("1", 8.8m) })
            .GetValueOrThrow();
        Assert.Equal(new[] { "1", "2", "3", "4" }, assessment.Responses.Select(r => r.ItemId));
        Assert.Equal(new decimal?[] { 8.8m, null, 9m, null }, assessment.Responses.Select(r => r.Value));
        Assert.Equal(2, assessment.AnsweredCount);
        Assert.Equal(2, assessment.MissingCount);
        Assert.Equal(9m, assessment.GetValue("3"));
        Assert.Null(assessment.GetValue("2"));
        Assert.Throws<ArgumentException>("itemId", () => assessment.GetValue("9"));
    }

    [Fact]
    public void CreateAssessment_ReportsEveryProblemWithoutEchoingValues()
    {
        var result = AllianceInstruments.WaiSr.CreateAssessment(
            Perspective.Therapist,
            Session3,
            new[]
            {
                ItemResponse.Answered("1", 7.25m),
                ItemResponse.Answered("2", 2.5m),
                ItemResponse.Answered("3", 3m),
                ItemResponse.Answered("3", 3m),
                ItemResponse.Answered("99", 3m),
            });

        Assert.True(result.IsT1);
        InvalidAssessment error = result.AsT1;
        Assert.Collection(
            error.Problems,
            p => Assert.IsType<UnsupportedPerspective>(p),
            p => Assert.Equal("1", Assert.IsType<ValueOutOfRange>(p).ItemId),
            p => Assert.Equal("2", Assert.IsType<ValueOffStep>(p).ItemId),
            p => Assert.Equal("3", Assert.IsType<DuplicateResponse>(p).ItemId),
            p => Assert.Equal("99", Assert.IsType<UnknownItem>(p).ItemId));
        Assert.DoesNotContain("7.25", error.ToString());
        Assert.DoesNotContain("7,25", error.ToString());
        Assert.DoesNotContain("2.5", error.ToString());
        Assert.All(error.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
        var thrown = Assert.Throws<AllianceErrorException>(() => result.GetValueOrThrow());
        Assert.DoesNotContain("7.25", thrown.Message);
    }

    [Fact]
    public void CreateAssessment_ValuesInItemOrder()
    {
        var assessment = AllianceInstruments.WaiSr.CreateAssessment(Perspective.Client, Session3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, null).GetValueOrThrow();
        Assert.Equal(11, assessment.AnsweredCount);
        Assert.Throws<ArgumentException>("valuesInItemOrder", () => AllianceInstruments.WaiSr.CreateAssessment(Perspective.Client, Session3, 4, 4));
    }

    [Fact]
    public void CreateAssessment_GuardsProgrammerErrors()
    {
        Assert.Throws<ArgumentException>("perspective", () => AllianceInstruments.Srs.CreateAssessment(default, Session3, Array.Empty<ItemResponse>()));
        Assert.Throws<ArgumentNullException>("occasion", () => AllianceInstruments.Srs.CreateAssessment(Perspective.Client, null!, Array.Empty<ItemResponse>()));
        Assert.Throws<ArgumentNullException>("responses", () => AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Session3, (IEnumerable<ItemResponse>)null!));
        Assert.Throws<ArgumentNullException>("responses", () => AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Session3, new ItemResponse[] { null! }));
    }

    [Fact]
    public void WithResponses_ReplacesAndRevalidatesWithoutChangingTheOriginal()
    {
        Assessment original = AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Session3, 9m, 9m, 9m, 9m).GetValueOrThrow();
        Assessment changed = original.WithResponses(ItemResponse.Answered("2", 5m)).GetValueOrThrow();
        Assert.Equal(5m, changed.GetValue("2"));
        Assert.Equal(9m, original.GetValue("2"));
        Assert.True(original.WithResponses(ItemResponse.Answered("2", 50m)).IsT1);
    }

    [Fact]
    public void ToString_NamesNoValues()
    {
        Assessment assessment = AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Session3, 8.8m, 9.1m, 9.0m, null).GetValueOrThrow();
        Assert.Equal("srs 1.0, Client, session 3, 3 of 4 items answered", assessment.ToString());
    }

    [Fact]
    public void Equality_IsByInstrumentPerspectiveOccasionAndResponses()
    {
        Assessment Make(Perspective p, int session, decimal first) =>
            AllianceInstruments.AllianceProfile.CreateAssessment(p, Occasion.Session(session), first, 5, 5, 5, 5, 5, 5, 5, 5).GetValueOrThrow();
        EqualityContract.Holds(
            Make(Perspective.Client, 1, 4m),
            Make(Perspective.Client, 1, 4.0m),
            Make(Perspective.Therapist, 1, 4m),
            Make(Perspective.Client, 2, 4m),
            Make(Perspective.Client, 1, 5m));
    }

    [Fact]
    public void Cutoff_OperatorIsConfigurable()
    {
        // Reference O-9: 9.0 x 4 = 36.0 is not flagged under "< 36" and is flagged under "<= 36".
        ScoreCutoff below = AllianceInstruments.Srs.Cutoff!;
        Assert.False(below.IsFlagged(36.0m));
        Assert.True(below.WithOperator(CutoffOperator.LessThanOrEqual).IsFlagged(36.0m));
        Assert.True(below.IsFlagged(35.5m));
        Assert.True(new ScoreCutoff(10m, CutoffOperator.GreaterThan).IsFlagged(10.1m));
        Assert.True(new ScoreCutoff(10m, CutoffOperator.GreaterThanOrEqual).IsFlagged(10m));
        Assert.Equal("sum < 36", below.ToString());
        Assert.Throws<ArgumentException>("operator", () => new ScoreCutoff(1m, default));

        // 0.1's name, IsMet, stays and means the same: true is flagged (issue 26 named it the right way round).
        Assert.Equal(below.IsFlagged(35.5m), below.IsMet(35.5m));
        Assert.Equal(below.IsFlagged(36.0m), below.IsMet(36.0m));
    }
}
