using System;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using TherapeuticAlliance.Instruments;

namespace TherapeuticAlliance.Internal;

internal readonly struct UnitTally
{
    internal UnitTally(int itemCount, int answered, decimal keyedSum)
    {
        ItemCount = itemCount;
        Answered = answered;
        KeyedSum = keyedSum;
    }

    internal int ItemCount { get; }

    internal int Answered { get; }

    internal decimal KeyedSum { get; }

    internal int Missing => ItemCount - Answered;

    /// <summary>The sum prorated to all items: each missing item imputed with the mean of the answered ones.</summary>
    internal decimal ProratedSum => Answered == ItemCount ? KeyedSum : KeyedSum * ItemCount / Answered;

    internal decimal Mean => KeyedSum / Answered;
}

/// <summary>How one built-in strategy turns a unit into a value and what range that value has.</summary>
internal interface IUnitRule
{
    ScoreMetric Metric { get; }

    (decimal Minimum, decimal Maximum) Range(RatingScale scale, int itemCount);

    decimal Value(Assessment assessment, ScoringUnit unit, in UnitTally tally);
}

/// <summary>The shared skeleton of the built-in strategies: missing-data checks per unit, dimension scores, provenance.</summary>
internal static class ScoreComposer
{
    internal static decimal Keyed(Instrument instrument, int index, decimal value) =>
        instrument.Reversed[index] ? instrument.Scale.Minimum + instrument.Scale.Maximum - value : value;

    internal static UnitTally Tally(Assessment assessment, ScoringUnit unit)
    {
        Instrument instrument = assessment.Instrument;
        ImmutableArray<decimal?> values = assessment.Values;
        int answered = 0;
        decimal sum = 0m;
        foreach (int index in unit.ItemIndices)
        {
            if (values[index] is { } value)
            {
                answered++;
                sum += Keyed(instrument, index, value);
            }
        }

        return new UnitTally(unit.ItemIndices.Length, answered, sum);
    }

    internal static ScoringResult Compose(
        string strategyName,
        string strategyVersion,
        Assessment assessment,
        MissingDataPolicy? policyOverride,
        IUnitRule rule,
        Func<Assessment, ImmutableArray<DimensionScore>, decimal>? totalFromSubscales = null)
    {
        Instrument instrument = assessment.Instrument;
        MissingDataPolicy policy = policyOverride ?? instrument.DefaultMissingDataPolicy;

        UnitTally totalTally = Tally(assessment, instrument.TotalUnit);
        if (Check(instrument.TotalUnit, totalTally, policy) is { } totalError)
        {
            return totalError;
        }

        ImmutableArray<AllianceDimension>.Builder? unscored = null;
        ImmutableArray<DimensionScore> subscales = ScoreUnits(assessment, instrument.SubscaleUnits, policy, rule, ref unscored, out TooManyMissingResponses? firstSubscaleError);
        if (totalFromSubscales is not null && firstSubscaleError is not null)
        {
            // The total is built from every subscale, so a subscale the policy cannot score leaves no total.
            return firstSubscaleError;
        }

        ImmutableArray<DimensionScore> seeds = ScoreUnits(assessment, instrument.SeedUnits, policy, rule, ref unscored, out _);
        (decimal minimum, decimal maximum) = rule.Range(instrument.Scale, instrument.Items.Length);
        decimal value = totalFromSubscales is null ? rule.Value(assessment, instrument.TotalUnit, totalTally) : totalFromSubscales(assessment, subscales);
        return new AllianceScore(
            rule.Metric,
            value,
            minimum,
            maximum,
            assessment.Perspective,
            assessment.Occasion,
            subscales,
            seeds,
            new ScoreProvenance(strategyName, strategyVersion, instrument.Id, instrument.Version, policy, totalTally.Missing),
            unscored?.ToImmutable() ?? ImmutableArray<AllianceDimension>.Empty);
    }

    private static ImmutableArray<DimensionScore> ScoreUnits(
        Assessment assessment,
        ImmutableArray<ScoringUnit> units,
        MissingDataPolicy policy,
        IUnitRule rule,
        ref ImmutableArray<AllianceDimension>.Builder? unscored,
        out TooManyMissingResponses? firstError)
    {
        firstError = null;
        if (units.IsEmpty)
        {
            return ImmutableArray<DimensionScore>.Empty;
        }

        // A plain array handed over as the immutable array (no builder), so scoring allocates only its result.
        var scores = new DimensionScore[units.Length];
        int count = 0;
        foreach (ScoringUnit unit in units)
        {
            UnitTally tally = Tally(assessment, unit);
            if (Check(unit, tally, policy) is { } error)
            {
                firstError ??= error;
                (unscored ??= ImmutableArray.CreateBuilder<AllianceDimension>()).Add(unit.Dimension!);
                continue;
            }

            (decimal minimum, decimal maximum) = rule.Range(assessment.Instrument.Scale, tally.ItemCount);
            scores[count++] = new DimensionScore(unit.Dimension!, rule.Value(assessment, unit, tally), minimum, maximum, tally.ItemCount, tally.Answered);
        }

        return count == scores.Length ? ImmutableCollectionsMarshal.AsImmutableArray(scores) : ImmutableArray.Create(scores, 0, count);
    }

    private static TooManyMissingResponses? Check(ScoringUnit unit, in UnitTally tally, MissingDataPolicy policy)
    {
        int allowed = policy.MaximumMissing(tally.ItemCount);
        return tally.Missing > allowed
            ? new TooManyMissingResponses(unit.Dimension, tally.ItemCount, tally.Missing, allowed, policy)
            : null;
    }
}

internal sealed class SumRule : IUnitRule
{
    internal static readonly SumRule Instance = new();

    public ScoreMetric Metric => ScoreMetric.Sum;

    public (decimal Minimum, decimal Maximum) Range(RatingScale scale, int itemCount) => (scale.Minimum * itemCount, scale.Maximum * itemCount);

    public decimal Value(Assessment assessment, ScoringUnit unit, in UnitTally tally) => tally.ProratedSum;
}

internal sealed class MeanRule : IUnitRule
{
    internal static readonly MeanRule Instance = new(ScoreMetric.Mean);
    internal static readonly MeanRule WeakestLink = new(ScoreMetric.WeakestLink);
    internal static readonly MeanRule Weighted = new(ScoreMetric.WeightedMean);

    private MeanRule(ScoreMetric metric) => Metric = metric;

    public ScoreMetric Metric { get; }

    public (decimal Minimum, decimal Maximum) Range(RatingScale scale, int itemCount) => (scale.Minimum, scale.Maximum);

    public decimal Value(Assessment assessment, ScoringUnit unit, in UnitTally tally) => tally.Mean;
}

internal sealed class PompRule : IUnitRule
{
    internal static readonly PompRule Instance = new();

    public ScoreMetric Metric => ScoreMetric.Pomp;

    public (decimal Minimum, decimal Maximum) Range(RatingScale scale, int itemCount) => (0m, 100m);

    public decimal Value(Assessment assessment, ScoringUnit unit, in UnitTally tally)
    {
        RatingScale scale = assessment.Instrument.Scale;
        return 100m * (tally.Mean - scale.Minimum) / (scale.Maximum - scale.Minimum);
    }
}
