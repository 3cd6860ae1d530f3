using System.Collections.Immutable;

namespace TherapeuticAlliance.Scoring;

/// <summary>Scores the weakest dimension: the lowest subscale mean, because every component of the alliance is essential.</summary>
/// <remarks>
/// <para>The total is the minimum of the subscale means; for an instrument without subscales it is the lowest answered
/// (keyed) item value. Subscale and model-dimension scores are means. The range is the item scale's. The rule follows
/// the library's model, in which the four components are each essential; it is a design choice, not a published
/// scoring rule of any instrument.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class WeakestLinkScoringStrategy : UnitScoringStrategy
{
    /// <summary>The default name, <c>weakest-link</c>.</summary>
    public const string DefaultName = "weakest-link";

    /// <summary>Initializes a new instance of the <see cref="WeakestLinkScoringStrategy"/> class with default options.</summary>
    public WeakestLinkScoringStrategy()
        : this(new ScoringOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="WeakestLinkScoringStrategy"/> class.</summary>
    /// <param name="options">The options: a name (default <c>weakest-link</c>) and a missing-data policy (default: each instrument's own).</param>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.ArgumentException">Thrown when <see cref="ScoringOptions.Name"/> is not a valid name.</exception>
    public WeakestLinkScoringStrategy(ScoringOptions options)
        : base(StrategyOptions.Name(options, DefaultName), "1.0", options.MissingDataPolicy)
    {
    }

    /// <inheritdoc/>
    protected override ScoreMetric Metric => ScoreMetric.WeakestLink;

    /// <inheritdoc/>
    protected override bool ComputesTotalFromSubscales => true;

    /// <inheritdoc/>
    protected override (decimal Minimum, decimal Maximum) Range(RatingScale scale, int itemCount) => (scale.Minimum, scale.Maximum);

    /// <inheritdoc/>
    protected override decimal UnitValue(Assessment assessment, ScoringUnit unit, in UnitTally tally) => tally.Mean;

    /// <summary>Returns the lowest subscale mean, or, for an instrument without subscales, the lowest keyed item value.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="subscales">The subscale scores.</param>
    /// <returns>The weakest link.</returns>
    protected override decimal TotalFromSubscales(Assessment assessment, ImmutableArray<DimensionScore> subscales)
    {
        decimal lowest = decimal.MaxValue;
        if (!subscales.IsEmpty)
        {
            foreach (DimensionScore subscale in subscales)
            {
                lowest = subscale.Value < lowest ? subscale.Value : lowest;
            }

            return lowest;
        }

        ImmutableArray<decimal?> values = assessment.Values;
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] is { } value)
            {
                decimal keyed = Keyed(assessment.Instrument, i, value);
                lowest = keyed < lowest ? keyed : lowest;
            }
        }

        return lowest;
    }
}
