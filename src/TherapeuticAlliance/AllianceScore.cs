using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance;

/// <summary>Represents the score of one assessment: the total, subscale and model-dimension scores, POMP, and how it was produced.</summary>
/// <remarks>
/// <para><see cref="Value"/> is in the metric <see cref="Metric"/> and always lies within
/// [<see cref="Minimum"/>, <see cref="Maximum"/>]. Values are <see cref="decimal"/>, so totals compared with a cutoff
/// are exact. <see cref="Provenance"/> names the strategy, instrument, versions and missing-data policy.</para>
/// <para>Equality is by value. This type is immutable and thread-safe.</para>
/// </remarks>
public sealed partial class AllianceScore : IEquatable<AllianceScore>
{
    /// <summary>Initializes a new instance of the <see cref="AllianceScore"/> class; for custom strategies.</summary>
    /// <param name="metric">The metric of the values.</param>
    /// <param name="value">The total.</param>
    /// <param name="minimum">The lowest possible total.</param>
    /// <param name="maximum">The highest possible total; above <paramref name="minimum"/>.</param>
    /// <param name="perspective">Who rated.</param>
    /// <param name="occasion">When.</param>
    /// <param name="subscales">Subscale scores.</param>
    /// <param name="modelDimensions">Model-dimension scores.</param>
    /// <param name="provenance">How the score was produced.</param>
    /// <param name="unscoredDimensions">Dimensions the missing-data policy could not score; empty or <see langword="default"/> when every dimension was scored.</param>
    /// <param name="cutoff">The cutoff the score is judged against (the instrument's, when the score is in the cutoff's metric); <see langword="null"/> for none.</param>
    /// <param name="measure">What the instrument measures (the instrument's <see cref="Instrument.Measure"/>): alliance findings, wording and guidance apply to alliance measures only.</param>
    /// <param name="reliability">The reliability coefficient of the total in this metric (the instrument's <see cref="Instrument.Reliability"/> for a linear metric: sum, mean, POMP), in (0, 1); <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException">Thrown when a reference argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="maximum"/> does not exceed <paramref name="minimum"/>, <paramref name="value"/> lies outside them, a dimension score is <see langword="null"/>, <paramref name="measure"/> is not defined, or <paramref name="reliability"/> is not in (0, 1).</exception>
    public AllianceScore(
        ScoreMetric metric,
        decimal value,
        decimal minimum,
        decimal maximum,
        Perspective perspective,
        Occasion occasion,
        ImmutableArray<DimensionScore> subscales,
        ImmutableArray<DimensionScore> modelDimensions,
        ScoreProvenance provenance,
        ImmutableArray<AllianceDimension> unscoredDimensions = default,
        ScoreCutoff? cutoff = null,
        MeasureKind measure = MeasureKind.Alliance,
        double? reliability = null)
    {
        Guard.Against.InvalidInput((minimum, maximum), nameof(maximum), static range => range.maximum > range.minimum, "The maximum must exceed the minimum.");
        Guard.Against.OutOfRange(value, nameof(value), minimum, maximum);
        Guard.Against.InvalidInput(subscales, nameof(subscales), s => s.IsDefault || s.All(d => d is not null), "Dimension scores must not be null.");
        Guard.Against.InvalidInput(modelDimensions, nameof(modelDimensions), s => s.IsDefault || s.All(d => d is not null), "Dimension scores must not be null.");
        Metric = metric;
        Value = value;
        Minimum = minimum;
        Maximum = maximum;
        Perspective = perspective;
        Occasion = Guard.Against.Null(occasion);
        Subscales = subscales.IsDefault ? ImmutableArray<DimensionScore>.Empty : subscales;
        ModelDimensions = modelDimensions.IsDefault ? ImmutableArray<DimensionScore>.Empty : modelDimensions;
        Provenance = Guard.Against.Null(provenance);
        Guard.Against.InvalidInput(unscoredDimensions, nameof(unscoredDimensions), s => s.IsDefault || s.All(d => d is not null), "Dimensions must not be null.");
        UnscoredDimensions = unscoredDimensions.IsDefault ? ImmutableArray<AllianceDimension>.Empty : unscoredDimensions;
        Guard.Against.InvalidInput((cutoff, metric), nameof(cutoff), static c => c.cutoff is null || c.cutoff.Metric == c.metric, "The cutoff must be in the score's metric.");
        Cutoff = cutoff;
        Guard.Against.InvalidInput(measure, nameof(measure), static m => m is MeasureKind.Alliance or MeasureKind.Outcome, "The measure kind is not defined.");
        Guard.Against.InvalidInput(reliability, nameof(reliability), static r => r is null or (> 0.0 and < 1.0), "A reliability coefficient lies between 0 and 1 (exclusive).");
        Measure = measure;
        Reliability = reliability;
    }

    /// <summary>Gets what the instrument measures: <see cref="MeasureKind.Alliance"/> or <see cref="MeasureKind.Outcome"/>. Alliance findings, wording and guidance apply to alliance measures only.</summary>
    public MeasureKind Measure { get; }

    /// <summary>Gets the reliability coefficient of the total in this metric, in (0, 1), or <see langword="null"/> when none is known (see <see cref="Instrument.Reliability"/>).</summary>
    public double? Reliability { get; }

    /// <summary>
    /// Gets the cutoff the score is judged against: the instrument's, when the score is in the cutoff's metric (the SRS's
    /// "sum below 36" for a sum score); <see langword="null"/> when none applies. It travels with the score, so episodes,
    /// reports and FHIR read it here and never look an instrument up by identifier again.
    /// </summary>
    public ScoreCutoff? Cutoff { get; }

    /// <summary>Gets whether the score meets its <see cref="Cutoff"/> (for the SRS: the total is below 36), or <see langword="null"/> when no cutoff applies.</summary>
    public bool? IsFlagged => Cutoff?.IsFlagged(Value);

    /// <summary>Gets the metric of <see cref="Value"/> and of the dimension scores.</summary>
    public ScoreMetric Metric { get; }

    /// <summary>Gets the total score.</summary>
    public decimal Value { get; }

    /// <summary>Gets the lowest possible total.</summary>
    public decimal Minimum { get; }

    /// <summary>Gets the highest possible total.</summary>
    public decimal Maximum { get; }

    /// <summary>Gets the total as percent of maximum possible: <c>100 · (Value − Minimum) / (Maximum − Minimum)</c>, from 0 to 100.</summary>
    public decimal Pomp => 100m * (Value - Minimum) / (Maximum - Minimum);

    /// <summary>Gets who rated.</summary>
    public Perspective Perspective { get; }

    /// <summary>Gets when the assessment was made.</summary>
    public Occasion Occasion { get; }

    /// <summary>Gets the scores of the instrument's subscales, in instrument order.</summary>
    public ImmutableArray<DimensionScore> Subscales { get; }

    /// <summary>Gets the scores of the model dimensions the instrument covers, in the model's order.</summary>
    public ImmutableArray<DimensionScore> ModelDimensions { get; }

    /// <summary>Gets the subscales and model dimensions with more missing items than the missing-data policy allows; they have no score in <see cref="Subscales"/> or <see cref="ModelDimensions"/>.</summary>
    public ImmutableArray<AllianceDimension> UnscoredDimensions { get; }

    /// <summary>Gets how the score was produced.</summary>
    public ScoreProvenance Provenance { get; }

    /// <summary>Finds the score of a subscale or model dimension.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <returns>The dimension score, or <see langword="null"/> when the instrument does not cover it.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="dimension"/> is <see langword="null"/>.</exception>
    public DimensionScore? FindDimension(AllianceDimension dimension)
    {
        Guard.Against.Null(dimension);
        foreach (DimensionScore score in dimension.IsModelDimension ? ModelDimensions : Subscales)
        {
            if (score.Dimension.Equals(dimension))
            {
                return score;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public bool Equals(AllianceScore? other) =>
        other is not null
        && Metric == other.Metric
        && Value == other.Value
        && Minimum == other.Minimum
        && Maximum == other.Maximum
        && Perspective == other.Perspective
        && Occasion.Equals(other.Occasion)
        && Subscales.SequenceEqual(other.Subscales)
        && ModelDimensions.SequenceEqual(other.ModelDimensions)
        && UnscoredDimensions.SequenceEqual(other.UnscoredDimensions)
        && Provenance.Equals(other.Provenance)
        && Equals(Cutoff, other.Cutoff)
        && Measure == other.Measure
        && Nullable.Equals(Reliability, other.Reliability);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AllianceScore);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Metric, Value, Perspective, Occasion, Provenance);

    /// <summary>Returns a culture-invariant description such as <c>sum 44 (12–60) by sum on wai-sr</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0} {1} ({2}–{3}) by {4} on {5}",
        AllianceCodes.ToCode(Metric),
        Value,
        Minimum,
        Maximum,
        Provenance.StrategyName,
        Provenance.InstrumentId);

    /// <summary>Compares two scores for equality.</summary>
    /// <param name="left">The first score.</param>
    /// <param name="right">The second score.</param>
    /// <returns><see langword="true"/> when both are equal or both are <see langword="null"/>.</returns>
    public static bool operator ==(AllianceScore? left, AllianceScore? right) => Equals(left, right);

    /// <summary>Compares two scores for inequality.</summary>
    /// <param name="left">The first score.</param>
    /// <param name="right">The second score.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(AllianceScore? left, AllianceScore? right) => !Equals(left, right);
}
