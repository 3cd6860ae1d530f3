using System.Collections.Immutable;

namespace TherapeuticAlliance;

/// <summary>
/// A set of an instrument's items scored together: the whole instrument (<see cref="Dimension"/> is
/// <see langword="null"/>), one subscale, or one of the model's components and elements that the instrument's
/// subscales map to. The units of an instrument are <see cref="Instrument.TotalUnit"/>,
/// <see cref="Instrument.SubscaleUnits"/> and <see cref="Instrument.ModelDimensionUnits"/>.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ScoringUnit
{
    internal ScoringUnit(AllianceDimension? dimension, ImmutableArray<int> itemIndices)
    {
        Dimension = dimension;
        ItemIndices = itemIndices;
    }

    /// <summary>Gets the dimension scored, or <see langword="null"/> for the instrument as a whole.</summary>
    public AllianceDimension? Dimension { get; }

    /// <summary>Gets the zero-based positions of the unit's items in the instrument, in ascending order.</summary>
    public ImmutableArray<int> ItemIndices { get; }

    /// <summary>Gets the number of items in the unit.</summary>
    public int ItemCount => ItemIndices.Length;

    /// <summary>Returns the dimension's identifier (or <c>total</c>) and the number of items.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => (Dimension?.Id ?? "total") + " (" + ItemIndices.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " items)";
}
