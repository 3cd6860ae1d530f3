using System;
using TherapeuticAlliance.Statistics;

namespace TherapeuticAlliance.Scoring;

/// <summary>Scores the mean of the answered (keyed) item values, per instrument, subscale and model dimension, on the item scale.</summary>
/// <remarks>
/// <para>Reverse-keyed items are scored <c>min + max − x</c>. The mean is over the answered items of a unit, once the
/// missing-data policy has accepted the unit. The range is the item scale's (WAI-SR: 1–5). Published WAI-SR papers
/// report both sum and mean metrics; the Alliance Profile is scored as means.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class MeanScoringStrategy : UnitScoringStrategy, IBatchScoringStrategy
{
    /// <summary>The default name, <c>mean</c>.</summary>
    public const string DefaultName = "mean";

    /// <summary>Initializes a new instance of the <see cref="MeanScoringStrategy"/> class with default options.</summary>
    public MeanScoringStrategy()
        : this(new ScoringOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="MeanScoringStrategy"/> class.</summary>
    /// <param name="options">The options: a name (default <c>mean</c>) and a missing-data policy (default: each instrument's own).</param>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.ArgumentException">Thrown when <see cref="ScoringOptions.Name"/> is not a valid name.</exception>
    public MeanScoringStrategy(ScoringOptions options)
        : base(StrategyOptions.Name(options, DefaultName), "1.0", options.MissingDataPolicy)
    {
    }

    /// <inheritdoc/>
    protected override ScoreMetric Metric => ScoreMetric.Mean;

    /// <inheritdoc/>
    protected override (decimal Minimum, decimal Maximum) Range(RatingScale scale, int itemCount) => (scale.Minimum, scale.Maximum);

    /// <inheritdoc/>
    protected override decimal UnitValue(Assessment assessment, ScoringUnit unit, in UnitTally tally) => tally.Mean;

    /// <inheritdoc/>
    public BatchScoreResult ScoreBatch(Instrument instrument, ResponseMatrix responses) =>
        BatchScorer.Score(instrument, responses, ScoreMetric.Mean, MissingDataPolicy, Name, Version);

    /// <inheritdoc/>
    public BatchSummaryResult ScoreBatchInto(Instrument instrument, ResponseMatrix responses, Span<double> destination) =>
        BatchScorer.ScoreInto(instrument, responses, destination, ScoreMetric.Mean, MissingDataPolicy, Name, Version);
}
