using System;

namespace TherapeuticAlliance.Charts;

/// <summary>
/// A marked point of a <see cref="LineChart"/>, such as a rupture's trough or its repair: a shape and a short text
/// label drawn at the point (so it reads without colour), and a longer description for the data table and tooltips.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ChartAnnotation
{
    /// <summary>Initializes a new instance of the <see cref="ChartAnnotation"/> class.</summary>
    /// <param name="point">Where the annotation is drawn.</param>
    /// <param name="label">The short text drawn beside the shape, such as <c>rupture</c>; also the legend entry.</param>
    /// <param name="description">The longer text for the tooltip and the data table, such as <c>rupture (client), trough at session 6</c>.</param>
    /// <param name="shape">The shape drawn at the point.</param>
    /// <param name="colour">The stroke colour, <c>#RRGGBB</c>. Default: <see cref="ChartPalette.Black"/>.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="label"/>, <paramref name="description"/> or <paramref name="colour"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="label"/> or <paramref name="description"/> is blank or holds a control character, or <paramref name="colour"/> is not <c>#RRGGBB</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="shape"/> is not defined or is <see cref="ChartMarkerShape.None"/>.</exception>
    public ChartAnnotation(ChartPoint point, string label, string description, ChartMarkerShape shape, string colour = ChartPalette.Black)
    {
        Point = point;
        Label = ChartGuard.Text(label, nameof(label));
        Description = ChartGuard.Text(description, nameof(description));
        Shape = ChartGuard.Defined(shape, nameof(shape)) == ChartMarkerShape.None
            ? throw new ArgumentOutOfRangeException(nameof(shape), shape, "An annotation needs a visible shape.")
            : shape;
        Colour = ChartGuard.Colour(colour, nameof(colour));
    }

    /// <summary>Gets where the annotation is drawn.</summary>
    public ChartPoint Point { get; }

    /// <summary>Gets the short text drawn beside the shape.</summary>
    public string Label { get; }

    /// <summary>Gets the longer text for the tooltip and the data table.</summary>
    public string Description { get; }

    /// <summary>Gets the shape drawn at the point.</summary>
    public ChartMarkerShape Shape { get; }

    /// <summary>Gets the stroke colour, <c>#RRGGBB</c>.</summary>
    public string Colour { get; }

    /// <summary>Returns the description.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Description;
}
