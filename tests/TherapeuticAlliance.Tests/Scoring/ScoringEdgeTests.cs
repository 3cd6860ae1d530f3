using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Statistics;

namespace TherapeuticAlliance.Tests.Scoring;

/// <summary>
/// Scoring's edges that the property and oracle tests do not reach (survivors of the Stryker run): reported totals at
/// and beyond the scale's ends and off its step, the batch path's shape error and guards, the evaluator's guards,
/// the weighted strategy's refusals and option checks, reversed items, and the reliability a score carries.
/// </summary>
public class ScoringEdgeTests
{
    [Fact]
    public void ReportedTotals_AcceptBothEndsOfTheRange_AndRefuseBeyondThemOrOffTheStep()
    {
        ReportedTotalResult Total(decimal value) => ReportedTotals.Create(AllianceInstruments.Srs, Perspective.Client, Occasion.Session(1), value);
        Assert.Equal(0m, Total(0m).GetValueOrThrow().Value);
        Assert.Equal(40m, Total(40m).GetValueOrThrow().Value);
        Assert.Equal(36.1m, Total(36.1m).GetValueOrThrow().Value);
        foreach (decimal bad in new[] { -0.1m, 40.1m, 36.05m })
        {
            ReportedTotalResult result = Total(bad);
            Assert.False(result.IsSuccess);
            var error = (InvalidReportedTotal)result.Error!;
            Assert.Equal("invalid-reported-total", error.Code);
            Assert.Equal(string.Join(" ", error.Problems), error.Message);
            Assert.NotEmpty(error.Problems);
            Assert.Same(error, Assert.Throws<AllianceErrorException>(() => result.GetValueOrThrow()).Error);
        }

        Assert.Equal("occasion", Assert.Throws<ArgumentNullException>(() => ReportedTotals.Create(AllianceInstruments.Srs, Perspective.Client, null!, 30m)).ParamName);
        Assert.Equal("perspective", Assert.Throws<ArgumentException>(() => ReportedTotals.Create(AllianceInstruments.Srs, (Perspective)0, Occasion.Session(1), 30m)).ParamName);
    }

    [Fact]
    public void Batch_RefusesAMatrixOfAnotherShape_AndGuardsItsArguments()
    {
        var matrix = ResponseMatrix.FromRows(new List<IReadOnlyList<double>> { new[] { 9.0, 9.0, 9.0 } });
        BatchScoreResult result = ScoringStrategies.Sum.ScoreBatch(AllianceInstruments.Srs, matrix);
        Assert.False(result.IsSuccess);
        Assert.Equal("matrix-shape-mismatch", result.Error!.Code);
        Assert.Throws<AllianceErrorException>(() => result.GetValueOrThrow());
        Assert.Equal("instrument", Assert.Throws<ArgumentNullException>(() => ScoringStrategies.Sum.ScoreBatch(null!, matrix)).ParamName);
        Assert.Equal("responses", Assert.Throws<ArgumentNullException>(() => ScoringStrategies.Sum.ScoreBatch(AllianceInstruments.Srs, null!)).ParamName);
        Assert.Equal("instrument", Assert.Throws<ArgumentNullException>(() => ScoringStrategies.Sum.ScoreBatchInto(null!, matrix, new double[4])).ParamName);

        Assert.Equal(0, ScoringStrategies.BatchDestinationLength(AllianceInstruments.WaiSr, 0));
        Assert.Equal(4 * 10, ScoringStrategies.BatchDestinationLength(AllianceInstruments.WaiSr, 10));   // the total and three subscales
        Assert.Equal("rows", Assert.Throws<ArgumentException>(() => ScoringStrategies.BatchDestinationLength(AllianceInstruments.WaiSr, -1)).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentException>(() => ScoringStrategies.BatchDestinationLength(AllianceInstruments.WaiSr, int.MaxValue)).ParamName);
        Instrument plain = new InstrumentBuilder("plain", "1.0").WithScale(RatingScale.OneToFive).AddItems(2).Build();
        Assert.Equal(int.MaxValue, ScoringStrategies.BatchDestinationLength(plain, int.MaxValue));   // no subscale: one column fits exactly
        Assert.Equal("instrument", Assert.Throws<ArgumentNullException>(() => ScoringStrategies.BatchDestinationLength(null!, 1)).ParamName);
    }

    [Fact]
    public void Evaluator_GuardsEveryArgument_AndAnUnknownStrategyName()
    {
        using ServiceProvider services = new ServiceCollection().AddTherapeuticAlliance().Services.BuildServiceProvider();
        IAllianceEvaluator evaluator = services.GetRequiredService<IAllianceEvaluator>();
        ItemResponse[] answers = Enumerable.Range(1, 4).Select(i => ItemResponse.Answered(i.ToString(System.Globalization.CultureInfo.InvariantCulture), 9m)).ToArray();
        Assert.Equal("instrumentId", Assert.Throws<ArgumentNullException>(() => evaluator.Evaluate(null!, Perspective.Client, Occasion.Session(1), answers)).ParamName);
        Assert.Equal("occasion", Assert.Throws<ArgumentNullException>(() => evaluator.Evaluate("srs", Perspective.Client, null!, answers)).ParamName);
        Assert.Equal("responses", Assert.Throws<ArgumentNullException>(() => evaluator.Evaluate("srs", Perspective.Client, Occasion.Session(1), null!)).ParamName);
        Assert.Equal("scoringStrategy", Assert.Throws<ArgumentNullException>(() => evaluator.Evaluate("srs", Perspective.Client, Occasion.Session(1), answers, null!)).ParamName);
        ArgumentException unknown = Assert.Throws<ArgumentException>(() => evaluator.Evaluate("srs", Perspective.Client, Occasion.Session(1), answers, "median"));
        Assert.Equal("scoringStrategy", unknown.ParamName);
        Assert.StartsWith("No scoring strategy is registered under that name.", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(36m, evaluator.Evaluate("srs", Perspective.Client, Occasion.Session(1), answers, "sum").GetValueOrThrow().Score.Value);
    }

    [Fact]
    public void Weighted_RefusesWeightsMeantForAnotherInstrument_AndChecksItsOptions()
    {
        Assessment srs = AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(1), 9m, 9m, 9m, 9m).GetValueOrThrow();
        string Refusal(WeightedScoringOptions options) => new WeightedScoringStrategy(options).Score(srs).Error!.Message;
        Assert.Contains("its weights are for another instrument.", Refusal(new WeightedScoringOptions { InstrumentId = "wai-sr", ItemWeights = ImmutableDictionary<string, decimal>.Empty.Add("1", 2m) }), StringComparison.Ordinal);
        Assert.Contains("it weights an item the instrument does not have.", Refusal(new WeightedScoringOptions { ItemWeights = ImmutableDictionary<string, decimal>.Empty.Add("99", 2m) }), StringComparison.Ordinal);
        Assert.Contains("it weights a subscale the instrument does not have.", Refusal(new WeightedScoringOptions { SubscaleWeights = ImmutableDictionary<string, decimal>.Empty.Add("goal", 2m) }), StringComparison.Ordinal);

        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new WeightedScoringStrategy(null!)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new WeightedScoringStrategy(new WeightedScoringOptions { ItemWeights = null! })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new WeightedScoringStrategy(new WeightedScoringOptions { SubscaleWeights = null! })).ParamName);
        ArgumentException both = Assert.Throws<ArgumentException>(() => new WeightedScoringStrategy(new WeightedScoringOptions { ItemWeights = ImmutableDictionary<string, decimal>.Empty.Add("1", 2m), SubscaleWeights = ImmutableDictionary<string, decimal>.Empty.Add("bond", 2m) }));
        Assert.Contains("give one or the other, not both", both.Message, StringComparison.Ordinal);
        foreach (decimal weight in new[] { 0m, -1m, 1_000_001m })
        {
            ArgumentException bad = Assert.Throws<ArgumentException>(() => new WeightedScoringStrategy(new WeightedScoringOptions { ItemWeights = ImmutableDictionary<string, decimal>.Empty.Add("1", 1m).Add("2", weight) }));
            Assert.Contains("every weight must be positive and at most 1,000,000", bad.Message, StringComparison.Ordinal);
        }

        // A weighted mean: (3 × 8 + 9 + 9 + 9) / (3 + 1 + 1 + 1) = 8.5.
        Assessment uneven = AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(1), 8m, 9m, 9m, 9m).GetValueOrThrow();
        Assert.Equal(((3m * 8m) + 9m + 9m + 9m) / 6m, new WeightedScoringStrategy(new WeightedScoringOptions { ItemWeights = ImmutableDictionary<string, decimal>.Empty.Add("1", 3m) }).Score(uneven).GetValueOrThrow().Value);
    }

    [Fact]
    public void ReversedItems_AreKeyedAsMinimumPlusMaximumMinusTheAnswer()
    {
        Instrument instrument = new InstrumentBuilder("reversed", "1.0").WithScale(RatingScale.OneToFive).AddItem("a").AddItem("b", reversed: true).Build();
        Assessment assessment = instrument.CreateAssessment(Perspective.Client, Occasion.Session(1), 5m, 2m).GetValueOrThrow();
        Assert.Equal(5m + (1m + 5m - 2m), ScoringStrategies.Sum.Score(assessment).GetValueOrThrow().Value);
        Assert.Equal(4.5m, ScoringStrategies.Mean.Score(assessment).GetValueOrThrow().Value);
        Assert.Equal(2m, ScoringStrategies.WeakestLink.Score(instrument.CreateAssessment(Perspective.Client, Occasion.Session(1), 5m, 4m).GetValueOrThrow()).GetValueOrThrow().Value);   // 4 reversed is 2
    }

    [Fact]
    public void EveryLinearMetric_CarriesTheInstrumentsReliability()
    {
        Assessment srs = AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(1), 9m, 9m, 9m, 9m).GetValueOrThrow();
        foreach (IScoringStrategy strategy in new IScoringStrategy[] { ScoringStrategies.Sum, ScoringStrategies.Mean, ScoringStrategies.Pomp })
        {
            Assert.Equal(0.88, strategy.Score(srs).GetValueOrThrow().Reliability);
        }

        Instrument none = new InstrumentBuilder("plain", "1.0").WithScale(RatingScale.OneToFive).AddItems(2).Build();
        Assert.Null(ScoringStrategies.Sum.Score(none.CreateAssessment(Perspective.Client, Occasion.Session(1), 3m, 4m).GetValueOrThrow()).GetValueOrThrow().Reliability);
    }
}
