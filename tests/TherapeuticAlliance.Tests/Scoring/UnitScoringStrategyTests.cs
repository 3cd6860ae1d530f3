using Microsoft.Extensions.DependencyInjection;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Statistics;

namespace TherapeuticAlliance.Tests.Scoring;

/// <summary>A strategy written outside the library gets what the built-ins get (issue 12, the scoring seam).</summary>
public class UnitScoringStrategyTests
{
    /// <summary>A clinic's own rule: the percentage of a unit's answered items at the top of the scale.</summary>
    internal sealed class TopBoxStrategy : UnitScoringStrategy
    {
        public TopBoxStrategy(MissingDataPolicy? policy = null)
            : base("clinic-top-box", "2.1", policy)
        {
        }

        protected override ScoreMetric Metric => ScoreMetric.Pomp;

        protected override (decimal Minimum, decimal Maximum) Range(RatingScale scale, int itemCount) => (0m, 100m);

        protected override decimal UnitValue(Assessment assessment, ScoringUnit unit, in UnitTally tally)
        {
            int top = unit.ItemIndices.Count(i => assessment.Values[i] is { } v && Keyed(assessment.Instrument, i, v) == assessment.Instrument.Scale.Maximum);
            return 100m * top / tally.Answered;
        }
    }

    private static Assessment WaiSr(params decimal?[] values) =>
        AllianceInstruments.WaiSr.CreateAssessment(Perspective.Client, Occasion.Session(2), values).GetValueOrThrow();

    [Fact]
    public void AStrategyOfYourOwn_GetsSubscalesModelDimensionsPoliciesAndProvenance()
    {
        // Task items 1, 2, 10, 12; bond 3, 5, 7, 9; goal 4, 6, 8, 11.
        Assessment assessment = WaiSr(5, 5, 5, 4, 3, 4, 3, 4, 3, 5, 4, 1);
        AllianceScore score = new TopBoxStrategy().Score(assessment).GetValueOrThrow();
        Assert.Equal(100m * 4 / 12, score.Value);
        Assert.Equal(new[] { ("task", 75m), ("bond", 25m), ("goal", 0m) }, score.Subscales.Select(s => (s.Dimension.Id, s.Value)));
        Assert.Equal(score.Subscales.Length, score.ModelDimensions.Length);
        Assert.Equal(("clinic-top-box", "2.1", "wai-sr", "complete-only"), (score.Provenance.StrategyName, score.Provenance.StrategyVersion, score.Provenance.InstrumentId, score.Provenance.MissingDataPolicy.Name));

        // The missing-data policy applies per unit, as for the built-ins: one missing bond item prorates nothing here
        // (the value is a share of answered items) but is counted, and an instrument-level failure is an error value.
        AllianceScore prorated = new TopBoxStrategy(MissingDataPolicy.ProrateUpTo(1)).Score(WaiSr(5, 5, null, 4, 3, 4, 3, 4, 3, 5, 4, 1)).GetValueOrThrow();
        Assert.Equal(1, prorated.Provenance.ItemsImputed);
        Assert.Equal(100m * 3 / 11, prorated.Value); // item 3 (at the top) is the one missing
        Assert.IsType<TooManyMissingResponses>(new TopBoxStrategy().Score(WaiSr(5, 5, null, 4, 3, 4, 3, 4, 3, 5, 4, 1)).AsT1);
        Assert.Throws<ArgumentNullException>("assessment", () => new TopBoxStrategy().Score(null!));
    }

    [Fact]
    public void TheBuiltInsAreUnitScoringStrategies_LikeYours()
    {
        foreach (IScoringStrategy strategy in new IScoringStrategy[] { ScoringStrategies.Sum, ScoringStrategies.Mean, ScoringStrategies.Pomp, ScoringStrategies.Weighted, ScoringStrategies.WeakestLink })
        {
            Assert.IsAssignableFrom<UnitScoringStrategy>(strategy);
        }

        Assert.Null(((UnitScoringStrategy)ScoringStrategies.Sum).MissingDataPolicy);
        Assert.Equal(MissingDataPolicy.HalfRule, new SumScoringStrategy(new ScoringOptions { MissingDataPolicy = MissingDataPolicy.HalfRule }).MissingDataPolicy);
    }

    [Fact]
    public void RegisteredThroughDI_ItScoresLikeABuiltIn()
    {
        using ServiceProvider services = new ServiceCollection()
            .AddTherapeuticAlliance(o => o.DefaultScoringStrategy = "clinic-top-box")
            .AddScoringStrategy(new TopBoxStrategy())
            .Services.BuildServiceProvider();
        EvaluatedAssessment evaluated = services.GetRequiredService<IAllianceEvaluator>()
            .Evaluate("srs", Perspective.Client, Occasion.Session(1), new[] { ItemResponse.Answered("1", 10m), ItemResponse.Answered("2", 9.5m), ItemResponse.Answered("3", 10m), ItemResponse.Answered("4", 8m) })
            .AsT0;
        Assert.Equal(50m, evaluated.Score.Value);
        Assert.Equal(4, evaluated.Score.Subscales.Length);
    }

    [Fact]
    public void InvalidNamesAndVersions_AreGuardExceptions()
    {
        Assert.Throws<ArgumentException>("name", () => new Named("has space", "1"));
        Assert.Throws<ArgumentException>("version", () => new Named("ok", " "));
        Assert.Throws<ArgumentNullException>("name", () => new Named(null!, "1"));
    }

    [Fact]
    public void DimensionScore_PublicConstructor_EnforcesItsInvariants()
    {
        var score = new DimensionScore(AllianceDimension.OptimisticRapport, 3m, 1m, 5m, 4, 3);
        Assert.Equal((3m, 1, 50m), (score.Value, score.ItemsImputed, score.Pomp));
        Assert.Throws<ArgumentException>("maximum", () => new DimensionScore(AllianceDimension.OptimisticRapport, 3m, 5m, 5m, 4, 3));
        Assert.Throws<ArgumentException>("value", () => new DimensionScore(AllianceDimension.OptimisticRapport, 6m, 1m, 5m, 4, 3));
        Assert.Throws<ArgumentException>("itemCount", () => new DimensionScore(AllianceDimension.OptimisticRapport, 3m, 1m, 5m, 0, 0));
        Assert.Throws<ArgumentException>("itemsAnswered", () => new DimensionScore(AllianceDimension.OptimisticRapport, 3m, 1m, 5m, 4, 5));
        Assert.Throws<ArgumentNullException>("dimension", () => new DimensionScore(null!, 3m, 1m, 5m, 4, 3));
    }

    private sealed class Named(string name, string version) : UnitScoringStrategy(name, version, null)
    {
        protected override ScoreMetric Metric => ScoreMetric.Sum;

        protected override (decimal Minimum, decimal Maximum) Range(RatingScale scale, int itemCount) => (0m, 1m);

        protected override decimal UnitValue(Assessment assessment, ScoringUnit unit, in UnitTally tally) => 0m;
    }
}

/// <summary>The batch path is reached from a strategy and stamps the strategy's provenance (issue 12, the scoring seam).</summary>
public class BatchFromStrategyTests
{
    [Fact]
    public void AConfiguredStrategy_ScoresABatch_WithItsOwnProvenance_AndTheObjectPathsValues()
    {
        var strategy = new SumScoringStrategy(new ScoringOptions { Name = "sum-prorated", MissingDataPolicy = MissingDataPolicy.ProrateUpTo(1) });
        double[][] rows =
        {
            new double[] { 5, 4, 3, 4, 5, 4, 3, 4, 5, 4, 3, 4 },
            new double[] { 5, double.NaN, 3, 4, 5, 4, 3, 4, 5, 4, 3, 4 },
            new double[] { 5, double.NaN, double.NaN, 4, 5, 4, 3, 4, 5, 4, 3, 4 },
        };
        ResponseMatrix matrix = ResponseMatrix.FromRows(rows);
        BatchScores batch = strategy.ScoreBatch(AllianceInstruments.WaiSr, matrix).AsT0;
        Assert.Equal(("sum-prorated", "1.0", MissingDataPolicy.ProrateUpTo(1)), (batch.StrategyName, batch.StrategyVersion, batch.MissingDataPolicy));
        for (int r = 0; r < rows.Length; r++)
        {
            ScoringResult single = strategy.Score(AllianceInstruments.WaiSr.CreateAssessment(Perspective.Client, Occasion.Session(1), rows[r].Select(v => double.IsNaN(v) ? (decimal?)null : (decimal)v).ToArray()).GetValueOrThrow());
            Assert.Equal(single.IsSuccess ? (double)single.AsT0.Value : double.NaN, batch.Totals.Span[r]);
            if (single.IsSuccess)
            {
                Assert.Equal(single.AsT0.Provenance.StrategyName, batch.StrategyName);
            }
        }

        var buffer = new double[ScoringStrategies.BatchDestinationLength(AllianceInstruments.WaiSr, rows.Length)];
        BatchSummary summary = strategy.ScoreBatchInto(AllianceInstruments.WaiSr, matrix, buffer).AsT0;
        Assert.Equal("sum-prorated", summary.StrategyName);
        Assert.Equal(batch.Totals.ToArray(), buffer.Take(rows.Length));

        // A default-configured built-in names itself.
        BatchScores mean = ScoringStrategies.Mean.ScoreBatch(AllianceInstruments.WaiSr, matrix).AsT0;
        Assert.Equal(("mean", "1.0", ScoreMetric.Mean), (mean.StrategyName, mean.StrategyVersion, mean.Metric));
        Assert.IsAssignableFrom<IBatchScoringStrategy>(ScoringStrategies.Pomp);
    }
}
