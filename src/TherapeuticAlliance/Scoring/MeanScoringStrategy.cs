using Ardalis.GuardClauses;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Scoring;

/// <summary>Scores the mean of the answered (keyed) item values, per instrument, subscale and seed dimension, on the item scale.</summary>
/// <remarks>
/// <para>Reverse-keyed items are scored <c>min + max − x</c>. The mean is over the answered items of a unit, once the
/// missing-data policy has accepted the unit. The range is the item scale's (WAI-SR: 1–5). Published WAI-SR papers
/// report both sum and mean metrics; the Alliance Profile is scored as means.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class MeanScoringStrategy : IScoringStrategy
{
    /// <summary>The default name, <c>mean</c>.</summary>
    public const string DefaultName = "mean";

    private readonly MissingDataPolicy? _policy;

    /// <summary>Initializes a new instance of the <see cref="MeanScoringStrategy"/> class with default options.</summary>
    public MeanScoringStrategy()
        : this(new ScoringOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="MeanScoringStrategy"/> class.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.ArgumentException">Thrown when <see cref="ScoringOptions.Name"/> is not a valid name.</exception>
    public MeanScoringStrategy(ScoringOptions options)
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
        return ScoreComposer.Compose(Name, Version, assessment, _policy, MeanRule.Instance);
    }
}
