using System;
using System.ComponentModel;
using System.Globalization;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance;

/// <summary>Represents a threshold on an instrument's total that flags a score, such as the SRS "below 36".</summary>
/// <remarks>
/// <para>The threshold applies to the total in the metric <see cref="Metric"/> (the built-in cutoffs are on the sum
/// of the items). Comparisons are exact because scores are <see cref="decimal"/>.</para>
/// <para>Equality is by threshold, operator and metric. This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class ScoreCutoff : IEquatable<ScoreCutoff>
{
    /// <summary>Initializes a new instance of the <see cref="ScoreCutoff"/> class.</summary>
    /// <param name="threshold">The threshold value.</param>
    /// <param name="operator">How a score is compared with the threshold.</param>
    /// <param name="metric">The metric of the total the threshold applies to; <see cref="ScoreMetric.Sum"/> by default.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="operator"/> or <paramref name="metric"/> is not a defined value.</exception>
    public ScoreCutoff(decimal threshold, CutoffOperator @operator, ScoreMetric metric = ScoreMetric.Sum)
    {
        Guard.Against.InvalidInput(@operator, nameof(@operator), o => o is >= CutoffOperator.LessThan and <= CutoffOperator.GreaterThanOrEqual, "Unknown cutoff operator.");
        Guard.Against.InvalidInput(metric, nameof(metric), m => m is >= ScoreMetric.Sum and <= ScoreMetric.WeakestLink, "Unknown score metric.");
        Threshold = threshold;
        Operator = @operator;
        Metric = metric;
    }

    /// <summary>Gets the threshold value.</summary>
    public decimal Threshold { get; }

    /// <summary>Gets how a score is compared with the threshold.</summary>
    public CutoffOperator Operator { get; }

    /// <summary>Gets the metric of the total the threshold applies to.</summary>
    public ScoreMetric Metric { get; }

    /// <summary>Determines whether a value is flagged by the cutoff: for the SRS's "sum &lt; 36", whether it is below 36.</summary>
    /// <param name="value">A total in the cutoff's <see cref="Metric"/>.</param>
    /// <returns><see langword="true"/> when the comparison <c>value Operator Threshold</c> holds, so the value is on the flagged side.</returns>
    public bool IsFlagged(decimal value) => Operator switch
    {
        CutoffOperator.LessThan => value < Threshold,
        CutoffOperator.LessThanOrEqual => value <= Threshold,
        CutoffOperator.GreaterThan => value > Threshold,
        CutoffOperator.GreaterThanOrEqual => value >= Threshold,
        _ => throw new InvalidOperationException("The value is not defined by its enumeration."),
    };

    /// <summary>Determines whether a score is flagged by the cutoff.</summary>
    /// <param name="score">The score.</param>
    /// <returns><see langword="true"/> or <see langword="false"/>; <see langword="null"/> when the score's metric is not the cutoff's <see cref="Metric"/>, so the cutoff does not apply.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="score"/> is <see langword="null"/>.</exception>
    public bool? IsFlagged(AllianceScore score)
    {
        Guard.Against.Null(score);
        return score.Metric == Metric ? IsFlagged(score.Value) : null;
    }

    /// <summary>The name 0.1 shipped for <see cref="IsFlagged(decimal)"/>; <see langword="true"/> means flagged, which the name did not say (issue 26). Use <see cref="IsFlagged(decimal)"/>.</summary>
    /// <param name="value">A total in the cutoff's <see cref="Metric"/>.</param>
    /// <returns>The same as <see cref="IsFlagged(decimal)"/>.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool IsMet(decimal value) => IsFlagged(value);

    /// <summary>The name 0.1 shipped for <see cref="IsFlagged(AllianceScore)"/>; <see langword="true"/> means flagged (issue 26). Use <see cref="IsFlagged(AllianceScore)"/>.</summary>
    /// <param name="score">The score.</param>
    /// <returns>The same as <see cref="IsFlagged(AllianceScore)"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="score"/> is <see langword="null"/>.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool? IsMet(AllianceScore score) => IsFlagged(score);

    /// <summary>Returns a copy with another comparison operator.</summary>
    /// <param name="operator">The operator.</param>
    /// <returns>The new cutoff.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="operator"/> is not a defined value.</exception>
    public ScoreCutoff WithOperator(CutoffOperator @operator) => new(Threshold, @operator, Metric);

    /// <inheritdoc/>
    public bool Equals(ScoreCutoff? other) =>
        other is not null && Threshold == other.Threshold && Operator == other.Operator && Metric == other.Metric;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ScoreCutoff);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Threshold, Operator, Metric);

    /// <summary>Returns a culture-invariant description such as <c>sum &lt; 36</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0} {1} {2}",
        AllianceCodes.ToCode(Metric),
        Operator switch
        {
            CutoffOperator.LessThan => "<",
            CutoffOperator.LessThanOrEqual => "<=",
            CutoffOperator.GreaterThan => ">",
            CutoffOperator.GreaterThanOrEqual => ">=",
            _ => throw new InvalidOperationException("The value is not defined by its enumeration."),
        },
        Threshold);

    /// <summary>Compares two cutoffs for equality.</summary>
    /// <param name="left">The first cutoff.</param>
    /// <param name="right">The second cutoff.</param>
    /// <returns><see langword="true"/> when both are equal or both are <see langword="null"/>.</returns>
    public static bool operator ==(ScoreCutoff? left, ScoreCutoff? right) => Equals(left, right);

    /// <summary>Compares two cutoffs for inequality.</summary>
    /// <param name="left">The first cutoff.</param>
    /// <param name="right">The second cutoff.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ScoreCutoff? left, ScoreCutoff? right) => !Equals(left, right);
}
