namespace TherapeuticAlliance;

/// <summary>Says what sort of <see cref="AllianceDimension"/> a dimension is.</summary>
/// <remarks>The numeric value <c>0</c> is not a kind and never occurs on a dimension.</remarks>
public enum DimensionKind
{
    /// <summary>One of the four essential components of the alliance in the library's model.</summary>
    Component = 1,

    /// <summary>One of the five elements that make up a working alliance in the library's model.</summary>
    Element = 2,

    /// <summary>A subscale an instrument defines for itself, such as the WAI's Goal, Task and Bond.</summary>
    Subscale = 3,
}
