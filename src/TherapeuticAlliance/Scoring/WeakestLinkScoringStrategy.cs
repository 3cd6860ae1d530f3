using System.Collections.Immutable;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Scoring;

/// <summary>Scores the weakest dimension: the lowest subscale mean, because every component of the alliance is essential.</summary>
/// <remarks>
/// <para>The total is the minimum of the subscale means; for an instrument without subscales it is the lowest answered
/// (keyed) item value. Subscale and seed-dimension scores are means. The range is the item scale's. The rule follows
/// the library's model, in which the four components are each essential; it is a design choice, not a published
/// scoring rule of any instrument.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class WeakestLinkScoringStrategy : IScoringStrategy
{
    /// <summary>The default name, <c>weakest-link</c>.</summary>
    public const string DefaultName = "weakest-link";

    private readonly MissingDataPolicy? _policy;

    /// <summary>Initializes a new instance of the <see cref="WeakestLinkScoringStrategy"/> class with default options.</summary>
    public WeakestLinkScoringStrategy()
        : this(new ScoringOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="WeakestLinkScoringStrategy"/> class.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.ArgumentException">Thrown when <see cref="ScoringOptions.Name"/> is not a valid name.</exception>
    public WeakestLinkScoringStrategy(ScoringOptions options)
    {
        Guard.Against.Null(options);
        Name = StrategyNames.Validate(options.Name, DefaultName, nameof(options));
        _policy = options.MissingDataPolicy;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string Version => "1.0";

    /// <inheritdoc/>
    public ScoringResult Score(Assessment assessment)
    {
        Guard.Against.Null(assessment);
        return ScoreComposer.Compose(Name, Version, assessment, _policy, MeanRule.WeakestLink, Weakest);
    }

    private static decimal Weakest(Assessment assessment, ImmutableArray<DimensionScore> subscales)
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
                decimal keyed = ScoreComposer.Keyed(assessment.Instrument, i, value);
                lowest = keyed < lowest ? keyed : lowest;
            }
        }

        return lowest;
    }
}
