namespace TherapeuticAlliance.Charts;

/// <summary>How a series or reference line is stroked; with <see cref="ChartMarkerShape"/>, it tells series apart without colour.</summary>
public enum ChartLineStyle
{
    /// <summary>A continuous line.</summary>
    Solid,

    /// <summary>Long dashes (6 px on, 3 px off at the chart's native size).</summary>
    Dashed,

    /// <summary>Short dots (2 px on, 3 px off).</summary>
    Dotted,

    /// <summary>No line: the points' markers only, as in a scatter plot such as Bland–Altman's (series only; a reference line needs a stroke).</summary>
    None,
}
