namespace TherapeuticAlliance.Charts;

/// <summary>The shape drawn at a point or an annotation; shapes, not colours alone, tell markers apart.</summary>
public enum ChartMarkerShape
{
    /// <summary>No marker: the line only.</summary>
    None,

    /// <summary>A circle.</summary>
    Circle,

    /// <summary>A square.</summary>
    Square,

    /// <summary>A diamond (a square on its point).</summary>
    Diamond,

    /// <summary>A triangle pointing up.</summary>
    TriangleUp,

    /// <summary>A triangle pointing down.</summary>
    TriangleDown,

    /// <summary>A diagonal cross.</summary>
    Cross,
}
