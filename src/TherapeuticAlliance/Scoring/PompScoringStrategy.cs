using Ardalis.GuardClauses;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Scoring;

/// <summary>Scores percent of maximum possible (POMP): the mean rescaled to 0–100, per instrument, subscale and seed dimension.</summary>
/// <remarks>
/// <para><c>POMP = 100 · (mean − min) / (max − min)</c>, a common metric across instruments with different scales.
/// POMP is commonly attributed to Cohen, Cohen, Aiken &amp; West (1999); that attribution is unverified here, and
/// using POMP as the common metric is a library design choice (see <c>docs/scoring.md</c>).</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class PompScoringStrategy : IScoringStrategy
{
    /// <summary>The default name, <c>pomp</c>.</summary>
    public const string DefaultName = "pomp";

    private readonly MissingDataPolicy? _policy;

    /// <summary>Initializes a new instance of the <see cref="PompScoringStrategy"/> class with default options.</summary>
    public PompScoringStrategy()
        : this(new ScoringOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PompScoringStrategy"/> class.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.ArgumentException">Thrown when <see cref="ScoringOptions.Name"/> is not a valid name.</exception>
    public PompScoringStrategy(ScoringOptions options)
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
        return ScoreComposer.Compose(Name, Version, assessment, _policy, PompRule.Instance);
    }
}
