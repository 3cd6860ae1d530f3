using System;
using TherapeuticAlliance.Statistics;

namespace TherapeuticAlliance.Scoring;

/// <summary>Scores the sum of the (keyed) item values, per instrument, subscale and model dimension.</summary>
/// <remarks>
/// <para>Reverse-keyed items are scored <c>min + max − x</c>. When the missing-data policy allows missing items, a
/// unit's sum is prorated: <c>sum of answered · n / answered</c>. The range of a unit of <c>n</c> items is
/// <c>n · min</c> to <c>n · max</c> (WAI-SR: 12–60, subscales 4–20; SRS and ORS: 0–40).</para>
/// <para>Sums are the metric of the SRS and ORS cutoffs and of the WAI-SR's published totals (Hatcher &amp; Gillaspy
/// 2006; see <c>docs/instruments.md</c>). This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class SumScoringStrategy : UnitScoringStrategy, IBatchScoringStrategy
{
    /// <summary>The default name, <c>sum</c>.</summary>
    public const string DefaultName = "sum";

    /// <summary>Initializes a new instance of the <see cref="SumScoringStrategy"/> class with default options.</summary>
    public SumScoringStrategy()
        : this(new ScoringOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SumScoringStrategy"/> class.</summary>
    /// <param name="options">The options: a name (default <c>sum</c>) and a missing-data policy (default: each instrument's own).</param>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.ArgumentException">Thrown when <see cref="ScoringOptions.Name"/> is not a valid name.</exception>
    public SumScoringStrategy(ScoringOptions options)
        : base(StrategyOptions.Name(options, DefaultName), "1.0", options.MissingDataPolicy)
    {
    }

    /// <inheritdoc/>
    protected override ScoreMetric Metric => ScoreMetric.Sum;

    /// <inheritdoc/>
    protected override (decimal Minimum, decimal Maximum) Range(RatingScale scale, int itemCount) => (scale.Minimum * itemCount, scale.Maximum * itemCount);

    /// <inheritdoc/>
    protected override decimal UnitValue(Assessment assessment, ScoringUnit unit, in UnitTally tally) => tally.ProratedSum;

    /// <inheritdoc/>
    public BatchScoreResult ScoreBatch(Instrument instrument, ResponseMatrix responses) =>
        BatchScorer.Score(instrument, responses, ScoreMetric.Sum, MissingDataPolicy, Name, Version);

    /// <inheritdoc/>
    public BatchSummaryResult ScoreBatchInto(Instrument instrument, ResponseMatrix responses, Span<double> destination) =>
        BatchScorer.ScoreInto(instrument, responses, destination, ScoreMetric.Sum, MissingDataPolicy, Name, Version);
}
