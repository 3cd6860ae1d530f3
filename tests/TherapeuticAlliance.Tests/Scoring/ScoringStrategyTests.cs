using System.Collections.Immutable;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;

namespace TherapeuticAlliance.Tests.Scoring;

public class ScoringStrategyTests
{
    private static Assessment Wai(params decimal?[] values) =>
        AllianceInstruments.WaiSr.CreateAssessment(Perspective.Client, Occasion.Session(4), values).GetValueOrThrow();

    private static Assessment Srs(params decimal?[] values) =>
        AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(2), values).GetValueOrThrow();

    [Fact]
    public void Sum_WaiSrAllFours_Is48WithSubscales16()
    {
        // Reference O-9.
        AllianceScore score = ScoringStrategies.Sum.Score(Wai(4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4)).GetValueOrThrow();
        Assert.Equal(48m, score.Value);
        Assert.Equal((12m, 60m), (score.Minimum, score.Maximum));
        Assert.All(score.Subscales, s => Assert.Equal(16m, s.Value));
        Assert.Equal(ScoreMetric.Sum, score.Metric);
    }

    [Fact]
    public void Sum_WaiSrTaskItemsFive_IsTask20Bond12Goal12Total44()
    {
        // Reference O-9: items 1, 2, 10, 12 = 5 and the rest = 3.
        AllianceScore score = ScoringStrategies.Sum.Score(Wai(5, 5, 3, 3, 3, 3, 3, 3, 3, 5, 3, 5)).GetValueOrThrow();
        Assert.Equal(44m, score.Value);
        Assert.Equal(20m, score.FindDimension(AllianceDimension.Subscale("task", "Task"))!.Value);
        Assert.Equal(12m, score.FindDimension(AllianceDimension.Subscale("bond", "Bond"))!.Value);
        Assert.Equal(12m, score.FindDimension(AllianceDimension.Subscale("goal", "Goal"))!.Value);
        Assert.Equal(20m, score.FindDimension(AllianceDimension.SharedObligation)!.Value);
        Assert.Equal(12m, score.FindDimension(AllianceDimension.MutualGoalsCollaboration)!.Value);
        Assert.Null(score.FindDimension(AllianceDimension.Sincerity));
    }

    [Fact]
    public void Mean_WaiSr_IsOnTheItemScale()
    {
        AllianceScore score = ScoringStrategies.Mean.Score(Wai(5, 5, 3, 3, 3, 3, 3, 3, 3, 5, 3, 5)).GetValueOrThrow();
        Assert.Equal(44m / 12m, score.Value);
        Assert.Equal((1m, 5m), (score.Minimum, score.Maximum));
        Assert.Equal(5m, score.Subscales.Single(s => s.Dimension.Id == "task").Value);
    }

    [Fact]
    public void Pomp_IsTheMeanRescaledToHundred()
    {
        AllianceScore score = ScoringStrategies.Pomp.Score(Wai(4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4)).GetValueOrThrow();
        Assert.Equal(75m, score.Value);
        Assert.Equal(75m, score.Pomp);
        Assert.Equal((0m, 100m), (score.Minimum, score.Maximum));
        Assert.Equal(75m, ScoringStrategies.Sum.Score(Wai(4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4)).GetValueOrThrow().Pomp);
    }

    [Fact]
    public void Srs_TotalIsExactAndComparedExactlyWithTheCutoff()
    {
        AllianceScore exact = ScoringStrategies.Sum.Score(Srs(8.8m, 9.1m, 9.0m, 9.1m)).GetValueOrThrow();
        Assert.Equal(36.0m, exact.Value);
        Assert.False(AllianceInstruments.Srs.Cutoff!.IsFlagged(exact));

        // Reference O-9: 9.1, 8.8, 9.0, 8.6 -> 35.5, flagged.
        AllianceScore low = ScoringStrategies.Sum.Score(Srs(9.1m, 8.8m, 9.0m, 8.6m)).GetValueOrThrow();
        Assert.Equal(35.5m, low.Value);
        Assert.True(AllianceInstruments.Srs.Cutoff!.IsFlagged(low));
        Assert.Null(AllianceInstruments.Srs.Cutoff!.IsFlagged(ScoringStrategies.Mean.Score(Srs(9.1m, 8.8m, 9.0m, 8.6m)).GetValueOrThrow()));
    }

    [Fact]
    public void Srs_MapsDomainsOntoTheModel()
    {
        AllianceScore score = ScoringStrategies.Sum.Score(Srs(8m, 7m, 6m, 5m)).GetValueOrThrow();
        Assert.Equal(8m, score.FindDimension(AllianceDimension.OptimisticRapport)!.Value);
        Assert.Equal(7m, score.FindDimension(AllianceDimension.MutualGoalsCollaboration)!.Value);
        Assert.Equal(6m, score.FindDimension(AllianceDimension.SharedObligation)!.Value);
        Assert.Equal(3, score.ModelDimensions.Length);
    }

    [Fact]
    public void CompleteOnly_RejectsAnyMissingItemAndNamesTheUnit()
    {
        var result = ScoringStrategies.Sum.Score(Wai(4, 4, 4, null, 4, 4, 4, 4, 4, 4, 4, 4));
        Assert.True(result.IsT1);
        TooManyMissingResponses error = result.AsT1;
        Assert.Null(error.Dimension);
        Assert.Equal((12, 1, 0), (error.ItemCount, error.Missing, error.AllowedMissing));
        Assert.Contains("complete-only", error.Message);
        Assert.False(result.IsSuccess);
        Assert.Same(error, result.Error);
        Assert.Equal("too-many-missing-responses", result.Error!.Code);
        AllianceErrorException thrown = Assert.Throws<AllianceErrorException>(() => result.GetValueOrThrow());
        Assert.Same(error, thrown.Error);
        Assert.Equal(error.Message, thrown.Message);
    }

    [Fact]
    public void Prorating_ImputesTheMeanOfAnsweredItemsPerUnit()
    {
        var strategy = new SumScoringStrategy(new ScoringOptions { MissingDataPolicy = MissingDataPolicy.ProrateUpTo(1) });
        // Goal item 4 missing: goal = (2 + 4 + 3) * 4 / 3 = 12; the total is prorated over the 11 answered items.
        AllianceScore score = strategy.Score(Wai(5, 5, 3, null, 3, 2, 3, 4, 3, 5, 3, 5)).GetValueOrThrow();
        Assert.Equal(12m, score.Subscales.Single(s => s.Dimension.Id == "goal").Value);
        Assert.Equal(1, score.Subscales.Single(s => s.Dimension.Id == "goal").ItemsImputed);
        Assert.Equal(41m * 12m / 11m, score.Value);
        Assert.Equal(1, score.Provenance.ItemsImputed);
        Assert.Equal(MissingDataPolicy.ProrateUpTo(1), score.Provenance.MissingDataPolicy);
        Assert.Empty(score.UnscoredDimensions);

        var twoMissing = strategy.Score(Wai(5, 5, 3, null, 3, null, 3, 3, 3, 5, 4, 5));
        Assert.Null(twoMissing.AsT1.Dimension);
        Assert.Equal(2, twoMissing.AsT1.Missing);
    }

    [Fact]
    public void SubscaleWithTooManyMissingItems_IsLeftUnscoredWhileTheTotalIsProrated()
    {
        var strategy = new SumScoringStrategy(new ScoringOptions { MissingDataPolicy = MissingDataPolicy.ProrateUpToFraction(0.25m) });
        AllianceScore score = strategy.Score(Wai(5, 5, 3, null, 3, null, 3, 3, 3, 5, 4, 5)).GetValueOrThrow();
        Assert.Equal(new[] { "goal", "mutual-goals-collaboration" }, score.UnscoredDimensions.Select(d => d.Id));
        Assert.Equal(new[] { "task", "bond" }, score.Subscales.Select(s => s.Dimension.Id));
        Assert.Null(score.FindDimension(AllianceDimension.MutualGoalsCollaboration));
        Assert.Equal(2, score.Provenance.ItemsImputed);

        var weakest = new WeakestLinkScoringStrategy(new ScoringOptions { MissingDataPolicy = MissingDataPolicy.ProrateUpToFraction(0.25m) });
        Assert.Equal("goal", weakest.Score(Wai(5, 5, 3, null, 3, null, 3, 3, 3, 5, 4, 5)).AsT1.Dimension!.Id);
    }

    [Fact]
    public void Provenance_RecordsStrategyInstrumentAndPolicy()
    {
        AllianceScore score = ScoringStrategies.Mean.Score(Wai(4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4)).GetValueOrThrow();
        Assert.Equal(new ScoreProvenance("mean", "1.0", "wai-sr", "1.0", MissingDataPolicy.CompleteOnly, 0), score.Provenance);
        Assert.Equal(Perspective.Client, score.Perspective);
        Assert.Equal(Occasion.Session(4), score.Occasion);
    }

    [Fact]
    public void WeakestLink_IsTheLowestSubscaleMean()
    {
        AllianceScore score = ScoringStrategies.WeakestLink.Score(Wai(5, 5, 3, 2, 3, 2, 3, 2, 3, 5, 2, 5)).GetValueOrThrow();
        Assert.Equal(2m, score.Value);
        Assert.Equal(ScoreMetric.WeakestLink, score.Metric);

        AllianceScore srs = ScoringStrategies.WeakestLink.Score(AllianceInstruments.Ors.CreateAssessment(Perspective.Client, Occasion.Session(1), 8m, 3.5m, 9m, 7m).GetValueOrThrow()).GetValueOrThrow();
        Assert.Equal(3.5m, srs.Value);
    }

    [Fact]
    public void Weighted_ItemWeights()
    {
        var strategy = new WeightedScoringStrategy(new WeightedScoringOptions
        {
            ItemWeights = ImmutableDictionary.CreateRange(new[] { KeyValuePair.Create("1", 3m) }),
        });
        AllianceScore score = strategy.Score(Srs(10m, 6m, 6m, 6m)).GetValueOrThrow();
        Assert.Equal((3m * 10m + 18m) / 6m, score.Value);
        Assert.Equal(ScoreMetric.WeightedMean, score.Metric);
    }

    [Fact]
    public void Weighted_SubscaleWeights()
    {
        var strategy = new WeightedScoringStrategy(new WeightedScoringOptions
        {
            SubscaleWeights = ImmutableDictionary.CreateRange(new[] { KeyValuePair.Create("bond", 2m) }),
        });
        // Task mean 5, Bond mean 3, Goal mean 2 -> (5 + 2*3 + 2) / 4.
        AllianceScore score = strategy.Score(Wai(5, 5, 3, 2, 3, 2, 3, 2, 3, 5, 2, 5)).GetValueOrThrow();
        Assert.Equal(13m / 4m, score.Value);
    }

    [Fact]
    public void Weighted_OtherInstrument_IsAMismatchNotAnException()
    {
        var forWai = new WeightedScoringStrategy(new WeightedScoringOptions { InstrumentId = "wai-sr" });
        Assert.True(forWai.Score(Srs(1m, 1m, 1m, 1m)).IsT2);

        var items = new WeightedScoringStrategy(new WeightedScoringOptions { ItemWeights = ImmutableDictionary.CreateRange(new[] { KeyValuePair.Create("12", 2m) }) });
        InstrumentMismatch mismatch = items.Score(Srs(1m, 1m, 1m, 1m)).AsT2;
        Assert.Equal("srs", mismatch.InstrumentId);
        Assert.Contains("it weights an item the instrument does not have.", mismatch.Message);
        Assert.DoesNotContain("srs", mismatch.Message);

        var subscales = new WeightedScoringStrategy(new WeightedScoringOptions { SubscaleWeights = ImmutableDictionary.CreateRange(new[] { KeyValuePair.Create("bond", 2m) }) });
        Assert.True(subscales.Score(Srs(1m, 1m, 1m, 1m)).IsT2);
    }

    [Fact]
    public void Options_AreValidatedAtConstruction()
    {
        Assert.Throws<ArgumentNullException>("options", () => new SumScoringStrategy(null!));
        Assert.Throws<ArgumentException>("options", () => new MeanScoringStrategy(new ScoringOptions { Name = "Bad Name" }));
        Assert.Throws<ArgumentException>("options", () => new WeightedScoringStrategy(new WeightedScoringOptions
        {
            ItemWeights = ImmutableDictionary.CreateRange(new[] { KeyValuePair.Create("1", 0m) }),
        }));
        Assert.Throws<ArgumentException>("options", () => new WeightedScoringStrategy(new WeightedScoringOptions
        {
            ItemWeights = ImmutableDictionary.CreateRange(new[] { KeyValuePair.Create("1", 1m) }),
            SubscaleWeights = ImmutableDictionary.CreateRange(new[] { KeyValuePair.Create("bond", 1m) }),
        }));
    }

    [Fact]
    public void Options_AreCopiedAtConstruction()
    {
        var options = new ScoringOptions { Name = "sum-prorated", MissingDataPolicy = MissingDataPolicy.HalfRule };
        var strategy = new SumScoringStrategy(options);
        _ = options with { MissingDataPolicy = MissingDataPolicy.CompleteOnly };
        Assert.Equal("sum-prorated", strategy.Name);
        Assert.True(strategy.Score(Srs(5m, null, 5m, 5m)).IsT0);
    }

    [Fact]
    public void WellKnownInstances_HaveStableNames()
    {
        Assert.Equal(
            new[] { "sum", "mean", "pomp", "weighted", "weakest-link" },
            new IScoringStrategy[] { ScoringStrategies.Sum, ScoringStrategies.Mean, ScoringStrategies.Pomp, ScoringStrategies.Weighted, ScoringStrategies.WeakestLink }.Select(s => s.Name));
        Assert.Throws<ArgumentNullException>("assessment", () => ScoringStrategies.Sum.Score(null!));
        Assert.Throws<ArgumentNullException>("assessment", () => ScoringStrategies.Weighted.Score(null!));
    }

    [Fact]
    public void AllianceProfile_ScoresDimensionsGroupsAndOverall()
    {
        Assessment assessment = AllianceInstruments.AllianceProfile
            .CreateAssessment(Perspective.Therapist, Occasion.Session(1), 7, 6, 5, 4, 3, 2, 1, 2, 3)
            .GetValueOrThrow();
        AllianceScore score = ScoringStrategies.Mean.Score(assessment).GetValueOrThrow();
        Assert.Equal(33m / 9m, score.Value);
        Assert.Equal(5.5m, score.Subscales.Single(s => s.Dimension.Id == "components").Value);
        Assert.Equal(11m / 5m, score.Subscales.Single(s => s.Dimension.Id == "elements").Value);
        Assert.Equal(9, score.ModelDimensions.Length);
        Assert.Equal(1m, score.FindDimension(AllianceDimension.Sincerity)!.Value);
        Assert.Equal(1m, ScoringStrategies.WeakestLink.Score(assessment).GetValueOrThrow().Value);
    }
}
