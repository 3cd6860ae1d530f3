using System;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Scoring;

/// <summary>Scores a weighted mean: of item values (item weights) or of subscale means (subscale weights), on the item scale.</summary>
/// <remarks>
/// <para>With item weights, every unit's value is <c>Σ wᵢ·xᵢ / Σ wᵢ</c> over its answered items, so a missing item's
/// weight is redistributed over the answered ones. With subscale weights, the total is <c>Σ w_d·mean_d / Σ w_d</c> over
/// the instrument's subscales, and subscale and model-dimension scores are plain means. Weights are a site's choice,
/// not a published rule of any instrument.</para>
/// <para>An assessment of an instrument that lacks a weighted item or subscale, or of another instrument than
/// <see cref="WeightedScoringOptions.InstrumentId"/>, gives <see cref="InstrumentMismatch"/>. This type is immutable and
/// thread-safe.</para>
/// </remarks>
public sealed class WeightedScoringStrategy : UnitScoringStrategy
{
    /// <summary>The default name, <c>weighted</c>.</summary>
    public const string DefaultName = "weighted";

    private readonly ImmutableDictionary<string, decimal> _itemWeights;
    private readonly ImmutableDictionary<string, decimal> _subscaleWeights;
    private readonly string? _instrumentId;

    /// <summary>Initializes a new instance of the <see cref="WeightedScoringStrategy"/> class with equal weights (the plain mean).</summary>
    public WeightedScoringStrategy()
        : this(new WeightedScoringOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="WeightedScoringStrategy"/> class.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> or one of its dictionaries is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when both item and subscale weights are given, a weight is not positive or exceeds 1,000,000, or the name is invalid.</exception>
    public WeightedScoringStrategy(WeightedScoringOptions options)
        : base(StrategyNames.Validate(Validated(options).Name, DefaultName, nameof(options)), "1.0", options.MissingDataPolicy)
    {
        _itemWeights = options.ItemWeights.WithComparers(StringComparer.Ordinal);
        _subscaleWeights = options.SubscaleWeights.WithComparers(StringComparer.Ordinal);
        _instrumentId = options.InstrumentId;
    }

    /// <inheritdoc/>
    protected override ScoreMetric Metric => ScoreMetric.WeightedMean;

    /// <inheritdoc/>
    protected override bool ComputesTotalFromSubscales => !_subscaleWeights.IsEmpty;

    /// <inheritdoc/>
    protected override (decimal Minimum, decimal Maximum) Range(RatingScale scale, int itemCount) => (scale.Minimum, scale.Maximum);

    /// <summary>Returns the unit's weighted mean <c>Σ wᵢ·xᵢ / Σ wᵢ</c> over its answered items (unlisted items weigh 1).</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="tally">The unit's tally.</param>
    /// <returns>The weighted mean, on the item scale.</returns>
    protected override decimal UnitValue(Assessment assessment, ScoringUnit unit, in UnitTally tally)
    {
        if (_itemWeights.IsEmpty)
        {
            return tally.Mean;
        }

        Instrument instrument = assessment.Instrument;
        decimal weighted = 0m;
        decimal totalWeight = 0m;
        foreach (int index in unit.ItemIndices)
        {
            if (assessment.Values[index] is { } value)
            {
                decimal weight = _itemWeights.TryGetValue(instrument.Items[index].Id, out decimal w) ? w : 1m;
                weighted += weight * Keyed(instrument, index, value);
                totalWeight += weight;
            }
        }

        return weighted / totalWeight;
    }

    /// <summary>Returns the weighted mean of the subscale means <c>Σ w_d·mean_d / Σ w_d</c> (unlisted subscales weigh 1).</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="subscales">The subscale scores.</param>
    /// <returns>The weighted mean, on the item scale.</returns>
    protected override decimal TotalFromSubscales(Assessment assessment, ImmutableArray<DimensionScore> subscales)
    {
        decimal weighted = 0m;
        decimal totalWeight = 0m;
        foreach (DimensionScore subscale in subscales)
        {
            decimal weight = _subscaleWeights.TryGetValue(subscale.Dimension.Id, out decimal w) ? w : 1m;
            weighted += weight * subscale.Value;
            totalWeight += weight;
        }

        return weighted / totalWeight;
    }

    /// <summary>Refuses an instrument other than <see cref="WeightedScoringOptions.InstrumentId"/>, or one that lacks a weighted item or subscale.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <returns>The reason, or <see langword="null"/>.</returns>
    protected override string? CheckInstrument(Instrument instrument)
    {
        Guard.Against.Null(instrument);
        if (_instrumentId is not null && !string.Equals(_instrumentId, instrument.Id, StringComparison.Ordinal))
        {
            return "its weights are for another instrument.";
        }

        if (_itemWeights.Keys.Any(id => instrument.FindItem(id) is null))
        {
            return "it weights an item the instrument does not have.";
        }

        return _subscaleWeights.Keys.Any(id => !instrument.Subscales.Any(s => s.Dimension.Id == id))
            ? "it weights a subscale the instrument does not have."
            : null;
    }

    private static WeightedScoringOptions Validated(WeightedScoringOptions options)
    {
        Guard.Against.Null(options);
        Guard.Against.Null(options.ItemWeights, nameof(options));
        Guard.Against.Null(options.SubscaleWeights, nameof(options));
        new OptionsCheck<WeightedScoringOptions>(options)
            .Require(o => o.ItemWeights.IsEmpty || o.SubscaleWeights.IsEmpty, "ItemWeights and SubscaleWeights: give one or the other, not both.")
            .Require(o => o.ItemWeights.Values.Concat(o.SubscaleWeights.Values).All(w => w > 0m && w <= RatingScale.MaximumMagnitude), "ItemWeights and SubscaleWeights: every weight must be positive and at most 1,000,000 (so every weighted sum stays within decimal's range).")
            .ThrowIfInvalid(nameof(options));
        return options;
    }
}
