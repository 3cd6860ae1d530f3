using System;
using System.Globalization;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance;

/// <summary>Represents the score of one dimension: an instrument subscale, or one of the model's components and elements.</summary>
/// <remarks>Equality is by value. This type is immutable and thread-safe.</remarks>
public sealed class DimensionScore : IEquatable<DimensionScore>
{
    /// <summary>Initializes a new instance of the <see cref="DimensionScore"/> class, for a strategy of your own.</summary>
    /// <param name="dimension">The dimension scored.</param>
    /// <param name="value">The score, in the metric of the <see cref="AllianceScore"/> it belongs to; within <paramref name="minimum"/> to <paramref name="maximum"/>.</param>
    /// <param name="minimum">The lowest possible score.</param>
    /// <param name="maximum">The highest possible score; above <paramref name="minimum"/>.</param>
    /// <param name="itemCount">The number of items in the dimension; at least 1.</param>
    /// <param name="itemsAnswered">How many of them were answered; 1 to <paramref name="itemCount"/>.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="dimension"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the range is empty, the value lies outside it, or the item counts are inconsistent.</exception>
    public DimensionScore(AllianceDimension dimension, decimal value, decimal minimum, decimal maximum, int itemCount, int itemsAnswered)
        : this(Guard.Against.Null(dimension), value, minimum, maximum, itemCount, itemsAnswered, trusted: true)
    {
        Guard.Against.InvalidInput((minimum, maximum), nameof(maximum), static r => r.maximum > r.minimum, "The maximum must exceed the minimum.");
        Guard.Against.InvalidInput((value, minimum, maximum), nameof(value), static v => v.value >= v.minimum && v.value <= v.maximum, "The value must lie within the range.");
        Guard.Against.InvalidInput(itemCount, nameof(itemCount), static n => n >= 1, "A dimension has at least one item.");
        Guard.Against.InvalidInput((itemsAnswered, itemCount), nameof(itemsAnswered), static c => c.itemsAnswered >= 1 && c.itemsAnswered <= c.itemCount, "Between 1 and all of the dimension's items are answered.");
    }

    /// <summary>Initializes a new instance without checks, for the library's own strategies whose values are valid by construction.</summary>
#pragma warning disable IDE0060 // The flag only selects this overload.
    internal DimensionScore(AllianceDimension dimension, decimal value, decimal minimum, decimal maximum, int itemCount, int itemsAnswered, bool trusted)
#pragma warning restore IDE0060
    {
        Dimension = dimension;
        Value = value;
        Minimum = minimum;
        Maximum = maximum;
        ItemCount = itemCount;
        ItemsAnswered = itemsAnswered;
    }

    /// <summary>Gets the dimension scored.</summary>
    public AllianceDimension Dimension { get; }

    /// <summary>Gets the score, in the metric of the <see cref="AllianceScore"/> it belongs to.</summary>
    public decimal Value { get; }

    /// <summary>Gets the lowest possible score.</summary>
    public decimal Minimum { get; }

    /// <summary>Gets the highest possible score.</summary>
    public decimal Maximum { get; }

    /// <summary>Gets the score as percent of maximum possible (0–100).</summary>
    public decimal Pomp => Maximum == Minimum ? 0m : 100m * (Value - Minimum) / (Maximum - Minimum);

    /// <summary>Gets the number of items the dimension has.</summary>
    public int ItemCount { get; }

    /// <summary>Gets the number of those items that were answered.</summary>
    public int ItemsAnswered { get; }

    /// <summary>Gets the number of items imputed by the missing-data policy.</summary>
    public int ItemsImputed => ItemCount - ItemsAnswered;

    /// <inheritdoc/>
    public bool Equals(DimensionScore? other) =>
        other is not null
        && Dimension.Equals(other.Dimension)
        && Value == other.Value
        && Minimum == other.Minimum
        && Maximum == other.Maximum
        && ItemCount == other.ItemCount
        && ItemsAnswered == other.ItemsAnswered;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DimensionScore);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Dimension, Value, ItemCount, ItemsAnswered);

    /// <summary>Returns a culture-invariant description such as <c>goal 16 (4–20)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} {1} ({2}–{3})", Dimension.Id, Value, Minimum, Maximum);

    /// <summary>Compares two values for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both are equal or both are <see langword="null"/>.</returns>
    public static bool operator ==(DimensionScore? left, DimensionScore? right) => Equals(left, right);

    /// <summary>Compares two values for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(DimensionScore? left, DimensionScore? right) => !Equals(left, right);
}
