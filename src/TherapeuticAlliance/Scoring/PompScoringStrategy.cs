using System;
using TherapeuticAlliance.Statistics;

namespace TherapeuticAlliance.Scoring;

/// <summary>Scores percent of maximum possible (POMP): the mean rescaled to 0–100, per instrument, subscale and model dimension.</summary>
/// <remarks>
/// <para><c>POMP = 100 · (mean − min) / (max − min)</c>, a common metric across instruments with different scales.
/// POMP is commonly attributed to Cohen, Cohen, Aiken &amp; West (1999); that attribution is unverified here, and
/// using POMP as the common metric is a library design choice (see <c>docs/scoring.md</c>).</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class PompScoringStrategy : UnitScoringStrategy, IBatchScoringStrategy
{
    /// <summary>The default name, <c>pomp</c>.</summary>
    public const string DefaultName = "pomp";

    /// <summary>Initializes a new instance of the <see cref="PompScoringStrategy"/> class with default options.</summary>
    public PompScoringStrategy()
        : this(new ScoringOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PompScoringStrategy"/> class.</summary>
    /// <param name="options">The options: a name (default <c>pomp</c>) and a missing-data policy (default: each instrument's own).</param>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.ArgumentException">Thrown when <see cref="ScoringOptions.Name"/> is not a valid name.</exception>
    public PompScoringStrategy(ScoringOptions options)
        : base(StrategyOptions.Name(options, DefaultName), "1.0", options.MissingDataPolicy)
    {
    }

    /// <inheritdoc/>
    protected override ScoreMetric Metric => ScoreMetric.Pomp;

    /// <inheritdoc/>
    protected override (decimal Minimum, decimal Maximum) Range(RatingScale scale, int itemCount) => (0m, 100m);

    /// <inheritdoc/>
    protected override decimal UnitValue(Assessment assessment, ScoringUnit unit, in UnitTally tally)
    {
        RatingScale scale = assessment.Instrument.Scale;
        return 100m * (tally.Mean - scale.Minimum) / (scale.Maximum - scale.Minimum);
    }

    /// <inheritdoc/>
    public BatchScoreResult ScoreBatch(Instrument instrument, ResponseMatrix responses) =>
        BatchScorer.Score(instrument, responses, ScoreMetric.Pomp, MissingDataPolicy, Name, Version);

    /// <inheritdoc/>
    public BatchSummaryResult ScoreBatchInto(Instrument instrument, ResponseMatrix responses, Span<double> destination) =>
        BatchScorer.ScoreInto(instrument, responses, destination, ScoreMetric.Pomp, MissingDataPolicy, Name, Version);
}
