using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Tests.Arbitraries;

namespace TherapeuticAlliance.Tests.Scoring;

[Properties(Arbitrary = new[] { typeof(AllianceArbitraries) }, MaxTest = 300)]
public class ScoringProperties
{
    [Property]
    public bool EveryScore_StaysWithinItsBounds(AssessmentCase @case, StrategyCase strategy) =>
        strategy.Strategy.Score(@case.Create()).Match(
            score => score.Value >= score.Minimum && score.Value <= score.Maximum
                && score.Pomp >= 0m && score.Pomp <= 100m
                && score.Subscales.Concat(score.ModelDimensions).All(d =>
                    d.Value >= d.Minimum && d.Value <= d.Maximum && d.Pomp >= 0m && d.Pomp <= 100m),
            _ => true,
            _ => true);

    [Property]
    public bool ItemOrder_NeverChangesAScore(AssessmentCase @case, StrategyCase strategy)
    {
        ItemResponse[] responses = @case.Responses();
        ItemResponse[] shuffled = responses.OrderBy(_ => 0).ToArray();
        new Random(@case.Seed).Shuffle(shuffled);
        Assessment inOrder = @case.Instrument.CreateAssessment(@case.Perspective, Occasion.Session(1), responses).GetValueOrThrow();
        Assessment outOfOrder = @case.Instrument.CreateAssessment(@case.Perspective, Occasion.Session(1), shuffled).GetValueOrThrow();
        ScoringResult a = strategy.Strategy.Score(inOrder);
        ScoringResult b = strategy.Strategy.Score(outOfOrder);
        return inOrder.Equals(outOfOrder) && a.Value.Equals(b.Value);
    }

    [Property]
    public bool RaisingANonReversedResponse_NeverLowersAScore(AssessmentCase @case, StrategyCase strategy)
    {
        Instrument instrument = @case.Instrument;
        int index = Enumerable.Range(0, instrument.Items.Length)
            .Select(i => (i + @case.Seed) % instrument.Items.Length)
            .FirstOrDefault(i => !instrument.Items[i].IsReversed && @case.Values[i] is { } v && v < instrument.Scale.Maximum, -1);
        if (index < 0)
        {
            return true;
        }

        decimal?[] raised = (decimal?[])@case.Values.Clone();
        raised[index] += instrument.Scale.Step;
        ScoringResult before = strategy.Strategy.Score(@case.Create());
        ScoringResult after = strategy.Strategy.Score((@case with { Values = raised }).Create());
        if (!before.IsT0)
        {
            return !after.IsT0; // raising a value never changes which items are missing
        }

        AllianceScore low = before.AsT0;
        AllianceScore high = after.AsT0;
        return high.Value >= low.Value
            && low.Subscales.Zip(high.Subscales).All(p => p.Second.Value >= p.First.Value)
            && low.ModelDimensions.Zip(high.ModelDimensions).All(p => p.Second.Value >= p.First.Value);
    }

    [Property(MaxTest = 2000)]
    public bool ReversingTwice_IsIdentity(AssessmentCase @case) =>
        @case.Values.All(v => v is not { } value || @case.Instrument.Scale.Reverse(@case.Instrument.Scale.Reverse(value)) == value);

    [Property]
    public bool ReverseKeying_EqualsScoringTheMirroredResponse(AssessmentCase @case)
    {
        Instrument keyed = AllianceArbitraries.Keyed;
        Instrument plain = new InstrumentBuilder("test-plain", "1.0").WithScale(keyed.Scale).AddItems(6)
            .ForPerspectives(Perspective.Client, Perspective.Therapist, Perspective.Observer).Build();
        if (@case.Instrument != keyed || @case.Values.Any(v => v is null))
        {
            return true;
        }

        decimal?[] mirrored = @case.Values.Select((v, i) => keyed.Items[i].IsReversed ? keyed.Scale.Reverse(v!.Value) : v).ToArray();
        decimal a = ScoringStrategies.Sum.Score(@case.Create()).GetValueOrThrow().Value;
        decimal b = ScoringStrategies.Sum.Score(plain.CreateAssessment(@case.Perspective, Occasion.Session(1), mirrored).GetValueOrThrow()).GetValueOrThrow().Value;
        return a == b;
    }

    [Property(MaxTest = 5000)]
    public bool SrsTotals_AreExactAndCompareExactlyWithTheCutoff(SrsTenths tenths)
    {
        int[] t = { tenths.A, tenths.B, tenths.C, tenths.D };
        decimal?[] values = t.Select(x => (decimal?)(x / 10m)).ToArray();
        AllianceScore score = ScoringStrategies.Sum
            .Score(AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(1), values).GetValueOrThrow())
            .GetValueOrThrow();
        int totalTenths = t.Sum();
        return score.Value * 10m == totalTenths
            && AllianceInstruments.Srs.Cutoff!.IsFlagged(score) == (totalTenths < 360);
    }

    [Property]
    public bool Sum_WithoutMissingItems_EqualsItemCountTimesMean(AssessmentCase @case)
    {
        if (@case.Values.Any(v => v is null))
        {
            return true;
        }

        Assessment assessment = @case.Create();
        decimal sum = ScoringStrategies.Sum.Score(assessment).GetValueOrThrow().Value;
        decimal mean = ScoringStrategies.Mean.Score(assessment).GetValueOrThrow().Value;
        return Math.Abs(sum - (mean * @case.Instrument.Items.Length)) < 1e-20m;
    }

    [Property]
    public bool MissingDataPolicy_NeverAllowsAnEmptyUnit(MissingDataPolicy policy, PositiveInt itemCount)
    {
        int n = Math.Min(itemCount.Get, 10_000);
        int allowed = policy.MaximumMissing(n);
        return allowed >= 0 && allowed < n;
    }

    [Property]
    public bool Scoring_IsDeterministic(AssessmentCase @case, StrategyCase strategy) =>
        strategy.Strategy.Score(@case.Create()).Value.Equals(strategy.Strategy.Score(@case.Create()).Value);
}
