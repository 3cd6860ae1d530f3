using System;
using System.Collections.Immutable;
using System.Linq;

namespace TherapeuticAlliance;

/// <summary>Describes a subscale of an instrument: its dimension, its items, and the model dimensions it maps onto.</summary>
/// <remarks>
/// Subscales may overlap (the Alliance Profile has a subscale per dimension and one per group). The mapping onto
/// model dimensions (<see cref="MapsTo"/>) is how an instrument's own subscales feed the library's model; each
/// built-in mapping is documented with its evidence in <c>docs/instruments.md</c>. Equality is by dimension, items
/// and mapping, in order. This type is immutable and thread-safe.
/// </remarks>
public sealed class Subscale : IEquatable<Subscale>
{
    internal Subscale(AllianceDimension dimension, ImmutableArray<string> itemIds, ImmutableArray<AllianceDimension> mapsTo)
    {
        Dimension = dimension;
        ItemIds = itemIds;
        MapsTo = mapsTo;
    }

    /// <summary>Gets the dimension the subscale measures (an instrument-defined subscale or a model dimension).</summary>
    public AllianceDimension Dimension { get; }

    /// <summary>Gets the identifiers of the subscale's items, in instrument order.</summary>
    public ImmutableArray<string> ItemIds { get; }

    /// <summary>Gets the model dimensions this subscale contributes to.</summary>
    public ImmutableArray<AllianceDimension> MapsTo { get; }

    /// <inheritdoc/>
    public bool Equals(Subscale? other) =>
        other is not null
        && Dimension.Equals(other.Dimension)
        && ItemIds.SequenceEqual(other.ItemIds, StringComparer.Ordinal)
        && MapsTo.SequenceEqual(other.MapsTo);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Subscale);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Dimension, ItemIds.Length, MapsTo.Length);

    /// <summary>Returns the subscale's dimension identifier and item count.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Dimension.Id} ({ItemIds.Length} items)";

    /// <summary>Compares two values for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both are equal or both are <see langword="null"/>.</returns>
    public static bool operator ==(Subscale? left, Subscale? right) => Equals(left, right);

    /// <summary>Compares two values for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Subscale? left, Subscale? right) => !Equals(left, right);
}
