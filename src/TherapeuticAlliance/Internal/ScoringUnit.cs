using System.Collections.Immutable;

namespace TherapeuticAlliance.Internal;

/// <summary>A set of item positions scored together: the whole instrument (no dimension), a subscale or a seed dimension.</summary>
internal sealed class ScoringUnit
{
    internal ScoringUnit(AllianceDimension? dimension, ImmutableArray<int> itemIndices)
    {
        Dimension = dimension;
        ItemIndices = itemIndices;
    }

    internal AllianceDimension? Dimension { get; }

    internal ImmutableArray<int> ItemIndices { get; }
}
