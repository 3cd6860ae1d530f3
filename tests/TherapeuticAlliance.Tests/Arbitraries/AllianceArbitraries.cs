using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;

namespace TherapeuticAlliance.Tests.Arbitraries;

/// <summary>Responses for one administration of an instrument, in item order (null = not answered).</summary>
public sealed record AssessmentCase(Instrument Instrument, Perspective Perspective, decimal?[] Values, int Seed)
{
    public Assessment Create() =>
        Instrument.CreateAssessment(Perspective, Occasion.Session(1), Values).GetValueOrThrow();

    public ItemResponse[] Responses() =>
        Instrument.Items.Select((item, i) => ItemResponse.Create(item.Id, Values[i])).ToArray();

    public override string ToString() =>
        $"{Instrument.Id}: [{string.Join(", ", Values.Select(v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"))}] seed {Seed}";
}

/// <summary>A strategy paired with the policy it was configured with.</summary>
public sealed record StrategyCase(IScoringStrategy Strategy)
{
    public override string ToString() => Strategy.Name;
}

public sealed record SrsTenths(int A, int B, int C, int D)
{
    public override string ToString() => $"{A} {B} {C} {D} (tenths)";
}

public static class AllianceArbitraries
{
    /// <summary>A custom instrument with reverse-keyed items, to exercise keying in every property.</summary>
    public static readonly Instrument Keyed = new InstrumentBuilder("test-keyed", "1.0")
        .WithScale(RatingScale.OneToSeven)
        .AddItems(6)
        .ReverseItems("2", "5")
        .AddSubscale(AllianceDimension.Subscale("first", "First"), new[] { "1", "2", "3" }, AllianceDimension.OptimisticRapport, AllianceDimension.Empathy)
        .AddSubscale(AllianceDimension.Subscale("second", "Second"), new[] { "4", "5", "6" }, AllianceDimension.SharedObligation)
        .ForPerspectives(Perspective.Client, Perspective.Therapist, Perspective.Observer)
        .Build();

    public static readonly ImmutableArray<Instrument> Instruments = AllianceInstruments.All.Add(Keyed);

    public static readonly ImmutableArray<MissingDataPolicy> Policies = ImmutableArray.Create(
        MissingDataPolicy.CompleteOnly,
        MissingDataPolicy.HalfRule,
        MissingDataPolicy.ProrateUpTo(1),
        MissingDataPolicy.ProrateUpToFraction(0.25m));

    public static Gen<decimal> ValueOn(RatingScale scale) =>
        Gen.Choose(0, scale.StepCount).Select(k => scale.Minimum + (k * scale.Step));

    public static Gen<AssessmentCase> CaseFor(Instrument instrument, int missingPercent) =>
        from perspective in Gen.Elements(instrument.Perspectives.ToArray())
        from values in Gen.CollectToArray(instrument.Items.Select(_ =>
            from missing in Gen.Choose(1, 100)
            from value in ValueOn(instrument.Scale)
            select missing <= missingPercent ? (decimal?)null : value).ToArray())
        from seed in Gen.Choose(0, int.MaxValue - 1)
        select new AssessmentCase(instrument, perspective, values.ToArray(), seed);

    public static Arbitrary<AssessmentCase> Cases() =>
        Gen.Elements(Instruments.ToArray())
            .SelectMany(instrument => Gen.Frequency(
                (3, CaseFor(instrument, 0)),
                (2, CaseFor(instrument, 15))))
            .ToArbitrary();

    public static Arbitrary<MissingDataPolicy> MissingDataPolicies() => Gen.Elements(Policies.ToArray()).ToArbitrary();

    public static Arbitrary<StrategyCase> Strategies() =>
        (from policy in Gen.Elements(Policies.ToArray())
         from kind in Gen.Choose(0, 5)
         from weights in Gen.CollectToArray(Enumerable.Range(1, 12).Select(_ => Gen.Choose(1, 20))).Select(w => w.ToArray())
         select new StrategyCase(Make(kind, policy, weights))).ToArbitrary();

    public static Arbitrary<SrsTenths> SrsValues() =>
        (from a in Gen.Choose(0, 100)
         from b in Gen.Choose(0, 100)
         from c in Gen.Choose(0, 100)
         from d in Gen.Choose(0, 100)
         select new SrsTenths(a, b, c, d)).ToArbitrary();

    public static Arbitrary<Instrument> RandomInstruments() =>
        (from itemCount in Gen.Choose(1, 15)
         from scale in Gen.Elements(RatingScale.OneToFive, RatingScale.OneToSix, RatingScale.OneToSeven, RatingScale.VisualAnalog10, new RatingScale(-3m, 3m, 0.5m))
         from reversed in Gen.CollectToArray(Enumerable.Range(0, itemCount).Select(_ => Gen.Elements(true, false, false)))
         from subscaleMasks in Gen.CollectToArray(Enumerable.Range(0, 3).Select(_ => Gen.Choose(0, (1 << itemCount) - 1)))
         from seedPicks in Gen.CollectToArray(Enumerable.Range(0, 3).Select(_ => Gen.Choose(-1, 8)))
         from perspectiveMask in Gen.Choose(1, 15)
         from cutoffKind in Gen.Choose(0, 4)
         from policy in Gen.Elements(Policies.ToArray())
         from measure in Gen.Elements(MeasureKind.Alliance, MeasureKind.Outcome)
         select BuildRandom(itemCount, scale, reversed.ToArray(), subscaleMasks.ToArray(), seedPicks.ToArray(), perspectiveMask, cutoffKind, policy, measure))
        .ToArbitrary();

    internal static IScoringStrategy Make(int kind, MissingDataPolicy policy, int[] weights) => kind switch
    {
        0 => new SumScoringStrategy(new ScoringOptions { MissingDataPolicy = policy }),
        1 => new MeanScoringStrategy(new ScoringOptions { MissingDataPolicy = policy }),
        2 => new PompScoringStrategy(new ScoringOptions { MissingDataPolicy = policy }),
        3 => new WeakestLinkScoringStrategy(new ScoringOptions { MissingDataPolicy = policy }),
        4 => new WeightedScoringStrategy(new WeightedScoringOptions
        {
            MissingDataPolicy = policy,
            ItemWeights = Enumerable.Range(1, 4).ToImmutableDictionary(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture), i => (decimal)weights[i - 1]),
        }),
        _ => new WeightedScoringStrategy(new WeightedScoringOptions { MissingDataPolicy = policy }),
    };

    private static Instrument BuildRandom(
        int itemCount, RatingScale scale, bool[] reversed, int[] subscaleMasks, int[] seedPicks, int perspectiveMask, int cutoffKind, MissingDataPolicy policy, MeasureKind measure)
    {
        var builder = new InstrumentBuilder("random", "2.1").WithName("Random instrument").WithScale(scale).WithMeasure(measure)
            .WithDefaultMissingDataPolicy(policy);
        for (int i = 0; i < itemCount; i++)
        {
            builder.AddItem("i" + i, i % 2 == 0 ? null : "Label " + i, reversed[i]);
        }

        for (int s = 0; s < subscaleMasks.Length; s++)
        {
            string[] items = Enumerable.Range(0, itemCount).Where(i => (subscaleMasks[s] & (1 << i)) != 0).Select(i => "i" + i).ToArray();
            if (items.Length > 0)
            {
                AllianceDimension[] mapsTo = seedPicks[s] < 0 ? Array.Empty<AllianceDimension>() : new[] { AllianceDimension.ModelDimensions[seedPicks[s]] };
                builder.AddSubscale(AllianceDimension.Subscale("sub" + s, "Sub " + s, s == 0 ? "A description." : null), items, mapsTo);
            }
        }

        builder.ForPerspectives(Enum.GetValues<Perspective>().Where(p => (perspectiveMask & (1 << ((int)p - 1))) != 0).ToArray());
        if (cutoffKind > 0)
        {
            builder.WithCutoff(new ScoreCutoff(scale.Minimum * itemCount + 1.5m, (CutoffOperator)cutoffKind, cutoffKind == 4 ? ScoreMetric.Mean : ScoreMetric.Sum));
        }

        return builder.Build();
    }
}
