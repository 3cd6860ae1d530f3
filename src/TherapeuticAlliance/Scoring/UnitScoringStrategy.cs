using System;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Scoring;

/// <summary>
/// The base of strategies that score an instrument unit by unit: the whole instrument, each subscale and each of the
/// model's components and elements its subscales map to. Every built-in strategy derives from it, and so can yours:
/// say what one unit's value is, in which metric and range, and the base applies the missing-data policy to each unit,
/// builds the subscale and model-dimension scores, lists the dimensions it could not score, and stamps the provenance.
/// </summary>
/// <remarks>
/// <para>The missing-data policy is checked per unit (ADR 0003): when the instrument as a whole has more missing items
/// than the policy allows, the result is <see cref="TooManyMissingResponses"/>; a subscale or model dimension that
/// fails is left out and named in <see cref="AllianceScore.UnscoredDimensions"/>, unless the total is built from the
/// subscales (<see cref="ComputesTotalFromSubscales"/>), in which case its error is returned. Zero is never imputed.</para>
/// <para>A derived strategy must be immutable and thread-safe, as the base is; its value functions are called only
/// with at least one answered item in the unit.</para>
/// </remarks>
public abstract class UnitScoringStrategy : IScoringStrategy
{
    /// <summary>Initializes a new instance of the <see cref="UnitScoringStrategy"/> class.</summary>
    /// <param name="name">The strategy's stable name (its DI key): 1 to 64 letters, digits, '-', '_' or '.'.</param>
    /// <param name="version">The version of the strategy's rules; bump it when a score could change.</param>
    /// <param name="missingDataPolicy">The missing-data policy; <see langword="null"/> to use each instrument's default.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="name"/> or <paramref name="version"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> is not a valid name or <paramref name="version"/> is blank.</exception>
    protected UnitScoringStrategy(string name, string version, MissingDataPolicy? missingDataPolicy)
    {
        Name = StrategyNames.Validate(Guard.Against.Null(name), name, nameof(name));
        Version = Guard.Against.NullOrWhiteSpace(version);
        MissingDataPolicy = missingDataPolicy;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string Version { get; }

    /// <summary>Gets the missing-data policy, or <see langword="null"/> when each instrument's default applies.</summary>
    public MissingDataPolicy? MissingDataPolicy { get; }

    /// <summary>Gets the metric of the scores.</summary>
    protected abstract ScoreMetric Metric { get; }

    /// <summary>Gets whether the total is built from the subscale scores (<see cref="TotalFromSubscales"/>) rather than from the whole instrument as a unit.</summary>
    protected virtual bool ComputesTotalFromSubscales => false;

    /// <summary>Scores an assessment: the total, each subscale and each model dimension, with provenance.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The score, <see cref="TooManyMissingResponses"/> when the policy does not allow the missing items, or <see cref="InstrumentMismatch"/> when <see cref="CheckInstrument"/> refuses the instrument.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="assessment"/> is <see langword="null"/>.</exception>
    public ScoringResult Score(Assessment assessment)
    {
        Guard.Against.Null(assessment);
        Instrument instrument = assessment.Instrument;
        if (CheckInstrument(instrument) is { } reason)
        {
            return new InstrumentMismatch(Name, instrument.Id, reason);
        }

        MissingDataPolicy policy = MissingDataPolicy ?? instrument.DefaultMissingDataPolicy;
        UnitTally totalTally = Tally(assessment, instrument.TotalUnit);
        if (Check(instrument.TotalUnit, totalTally, policy) is { } totalError)
        {
            return totalError;
        }

        ImmutableArray<AllianceDimension>.Builder? unscored = null;
        ImmutableArray<DimensionScore> subscales = ScoreUnits(assessment, instrument.SubscaleUnits, policy, ref unscored, out TooManyMissingResponses? firstSubscaleError);
        if (ComputesTotalFromSubscales && firstSubscaleError is not null)
        {
            // The total is built from every subscale, so a subscale the policy cannot score leaves no total.
            return firstSubscaleError;
        }

        ImmutableArray<DimensionScore> modelDimensions = ScoreUnits(assessment, instrument.ModelDimensionUnits, policy, ref unscored, out _);
        (decimal minimum, decimal maximum) = Range(instrument.Scale, instrument.Items.Length);
        decimal value = ComputesTotalFromSubscales ? TotalFromSubscales(assessment, subscales) : UnitValue(assessment, instrument.TotalUnit, totalTally);
        return new AllianceScore(
            Metric,
            value,
            minimum,
            maximum,
            assessment.Perspective,
            assessment.Occasion,
            subscales,
            modelDimensions,
            new ScoreProvenance(Name, Version, instrument.Id, instrument.Version, policy, totalTally.Missing),
            unscored?.ToImmutable() ?? ImmutableArray<AllianceDimension>.Empty,
            instrument.Cutoff is { } cutoff && cutoff.Metric == Metric ? cutoff : null,
            instrument.Measure,
            Metric is ScoreMetric.Sum or ScoreMetric.Mean or ScoreMetric.Pomp ? instrument.Reliability : null);
    }

    /// <summary>Returns the range of a unit's value: for example <c>n · min</c> to <c>n · max</c> for a sum of <paramref name="itemCount"/> items.</summary>
    /// <param name="scale">The instrument's rating scale.</param>
    /// <param name="itemCount">The number of items in the unit.</param>
    /// <returns>The lowest and highest possible value; the highest above the lowest.</returns>
    protected abstract (decimal Minimum, decimal Maximum) Range(RatingScale scale, int itemCount);

    /// <summary>Returns one unit's value from its tally (and, where needed, the assessment's values).</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="unit">The unit: the whole instrument, a subscale or a model dimension.</param>
    /// <param name="tally">The unit's answered count and keyed sum; at least one item is answered.</param>
    /// <returns>The value, within <see cref="Range"/> for the unit's item count.</returns>
    protected abstract decimal UnitValue(Assessment assessment, ScoringUnit unit, in UnitTally tally);

    /// <summary>Returns the total from the subscale scores, when <see cref="ComputesTotalFromSubscales"/> is <see langword="true"/>.</summary>
    /// <param name="assessment">The assessment (an instrument without subscales gives an empty <paramref name="subscales"/>).</param>
    /// <param name="subscales">Every subscale's score, in the instrument's order.</param>
    /// <returns>The total, within <see cref="Range"/> for the instrument's item count.</returns>
    /// <exception cref="NotSupportedException">Thrown by the base, which builds no total from subscales.</exception>
    protected virtual decimal TotalFromSubscales(Assessment assessment, ImmutableArray<DimensionScore> subscales) =>
        throw new NotSupportedException("Override TotalFromSubscales together with ComputesTotalFromSubscales.");

    /// <summary>Checks that the strategy can score an instrument (for example that its weights name the instrument's items).</summary>
    /// <param name="instrument">The assessment's instrument.</param>
    /// <returns><see langword="null"/> when it can; otherwise the reason, a sentence without identifiers that becomes an <see cref="InstrumentMismatch"/>.</returns>
    protected virtual string? CheckInstrument(Instrument instrument) => null;

    /// <summary>Returns an item's value after reverse keying: <c>min + max − value</c> for a reversed item, else the value.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <param name="itemIndex">The item's zero-based position.</param>
    /// <param name="value">The value given.</param>
    /// <returns>The keyed value.</returns>
    protected static decimal Keyed(Instrument instrument, int itemIndex, decimal value) =>
        Guard.Against.Null(instrument).Reversed[itemIndex] ? instrument.Scale.Minimum + instrument.Scale.Maximum - value : value;

    private static UnitTally Tally(Assessment assessment, ScoringUnit unit)
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
                sum += instrument.Reversed[index] ? instrument.Scale.Minimum + instrument.Scale.Maximum - value : value;
            }
        }

        return new UnitTally(unit.ItemIndices.Length, answered, sum);
    }

    private static TooManyMissingResponses? Check(ScoringUnit unit, in UnitTally tally, MissingDataPolicy policy)
    {
        int allowed = policy.MaximumMissing(tally.ItemCount);
        return tally.Missing > allowed
            ? new TooManyMissingResponses(unit.Dimension, tally.ItemCount, tally.Missing, allowed, policy)
            : null;
    }

    private ImmutableArray<DimensionScore> ScoreUnits(
        Assessment assessment,
        ImmutableArray<ScoringUnit> units,
        MissingDataPolicy policy,
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

            (decimal minimum, decimal maximum) = Range(assessment.Instrument.Scale, tally.ItemCount);
            scores[count++] = new DimensionScore(unit.Dimension!, UnitValue(assessment, unit, tally), minimum, maximum, tally.ItemCount, tally.Answered, trusted: true);
        }

        return count == scores.Length ? ImmutableCollectionsMarshal.AsImmutableArray(scores) : ImmutableArray.Create(scores, 0, count);
    }
}
