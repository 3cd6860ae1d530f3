using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Tests.TestHelpers;

namespace TherapeuticAlliance.Tests;

public class EqualityTests
{
    private static AllianceScore Score(IScoringStrategy strategy, decimal first, int session = 1) =>
        strategy.Score(AllianceInstruments.WaiSr.CreateAssessment(Perspective.Client, Occasion.Session(session), first, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4).GetValueOrThrow()).GetValueOrThrow();

    [Fact]
    public void AllianceScore_IsEqualByValue() =>
        EqualityContract.Holds(
            Score(ScoringStrategies.Sum, 4m),
            Score(new SumScoringStrategy(), 4.0m),
            Score(ScoringStrategies.Sum, 5m),
            Score(ScoringStrategies.Sum, 4m, session: 2),
            Score(new SumScoringStrategy(new ScoringOptions { Name = "other" }), 4m),
            Score(ScoringStrategies.Mean, 4m));

    [Fact]
    public void DimensionScore_IsEqualByValue() =>
        EqualityContract.Holds(
            Score(ScoringStrategies.Sum, 4m).Subscales[0],
            Score(ScoringStrategies.Sum, 4m).Subscales[0],
            Score(ScoringStrategies.Sum, 5m).Subscales[0],
            Score(ScoringStrategies.Sum, 4m).Subscales[1]);

    [Fact]
    public void ScoreProvenance_IsEqualByValue() =>
        EqualityContract.Holds(
            new ScoreProvenance("sum", "1.0", "srs", "1.0", MissingDataPolicy.CompleteOnly, 0),
            new ScoreProvenance("sum", "1.0", "srs", "1.0", MissingDataPolicy.CompleteOnly, 0),
            new ScoreProvenance("mean", "1.0", "srs", "1.0", MissingDataPolicy.CompleteOnly, 0),
            new ScoreProvenance("sum", "1.1", "srs", "1.0", MissingDataPolicy.CompleteOnly, 0),
            new ScoreProvenance("sum", "1.0", "ors", "1.0", MissingDataPolicy.CompleteOnly, 0),
            new ScoreProvenance("sum", "1.0", "srs", "2.0", MissingDataPolicy.CompleteOnly, 0),
            new ScoreProvenance("sum", "1.0", "srs", "1.0", MissingDataPolicy.HalfRule, 0),
            new ScoreProvenance("sum", "1.0", "srs", "1.0", MissingDataPolicy.CompleteOnly, 1));

    [Fact]
    public void ScoreCutoff_IsEqualByValue() =>
        EqualityContract.Holds(
            new ScoreCutoff(36m, CutoffOperator.LessThan),
            new ScoreCutoff(36.0m, CutoffOperator.LessThan, ScoreMetric.Sum),
            new ScoreCutoff(36m, CutoffOperator.LessThanOrEqual),
            new ScoreCutoff(35m, CutoffOperator.LessThan),
            new ScoreCutoff(36m, CutoffOperator.LessThan, ScoreMetric.Mean));

    [Fact]
    public void Instrument_ItemsAndSubscales_AreEqualByStructure()
    {
        Instrument copy = InstrumentDefinition.Parse(InstrumentDefinition.ToJson(AllianceInstruments.WaiSr)).GetValueOrThrow();
        EqualityContract.Holds(
            AllianceInstruments.WaiSr,
            copy,
            AllianceInstruments.Srs,
            AllianceInstruments.WaiSr.WithDefaultMissingDataPolicy(MissingDataPolicy.HalfRule),
            AllianceInstruments.WaiSr.WithCutoff(new ScoreCutoff(40m, CutoffOperator.LessThan)));
        EqualityContract.Holds(AllianceInstruments.WaiSr.Items[0], copy.Items[0], copy.Items[1]);
        EqualityContract.Holds(AllianceInstruments.WaiSr.Subscales[0], copy.Subscales[0], copy.Subscales[1]);
    }

    [Fact]
    public void AssessmentProblems_AreEqualByTypeAndDetails()
    {
        AssessmentProblem Problem(decimal value, string item = "1") =>
            AllianceInstruments.WaiSr.CreateAssessment(Perspective.Client, Occasion.Session(1), new[] { ItemResponse.Answered(item, value) }).AsT1.Problems[0];
        AssessmentProblem outOfRange = Problem(9m);
        Assert.Equal(outOfRange, Problem(8m));
        Assert.NotEqual(outOfRange, Problem(9m, "2"));
        Assert.NotEqual(outOfRange, Problem(2.5m));
        Assert.Equal(outOfRange.GetHashCode(), Problem(8m).GetHashCode());
        Assert.Equal(outOfRange.Message, outOfRange.ToString());
    }
}
