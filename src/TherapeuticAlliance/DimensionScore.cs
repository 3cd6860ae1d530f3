using System;
using System.Globalization;

namespace TherapeuticAlliance;

/// <summary>Represents the score of one dimension: an instrument subscale or a seed dimension of the model.</summary>
/// <remarks>Equality is by value. This type is immutable and thread-safe.</remarks>
public sealed class DimensionScore : IEquatable<DimensionScore>
{
    internal DimensionScore(AllianceDimension dimension, decimal value, decimal minimum, decimal maximum, int itemCount, int itemsAnswered)
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
