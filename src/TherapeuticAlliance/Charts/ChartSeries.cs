using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Charts;

/// <summary>A named line of a <see cref="LineChart"/>: its points, colour, line style and marker shape (shown in the legend).</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ChartSeries
{
    /// <summary>Initializes a new instance of the <see cref="ChartSeries"/> class.</summary>
    /// <param name="name">The legend entry and the data table's column header, such as <c>Client</c>.</param>
    /// <param name="points">The points, in the order they are joined (for the library's charts, ascending sessions).</param>
    /// <param name="colour">The stroke colour, <c>#RRGGBB</c>; see <see cref="ChartPalette"/>.</param>
    /// <param name="lineStyle">How the line is stroked.</param>
    /// <param name="marker">The shape drawn at each point; <see cref="ChartMarkerShape.None"/> for none.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="name"/>, <paramref name="points"/> or <paramref name="colour"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> is blank or holds a control character, <paramref name="points"/> is empty or <paramref name="colour"/> is not <c>#RRGGBB</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="lineStyle"/> or <paramref name="marker"/> is not defined.</exception>
    /// <exception cref="ArgumentException">Thrown when both <paramref name="lineStyle"/> and <paramref name="marker"/> are none: such a series draws nothing.</exception>
    public ChartSeries(string name, IEnumerable<ChartPoint> points, string colour, ChartLineStyle lineStyle = ChartLineStyle.Solid, ChartMarkerShape marker = ChartMarkerShape.Circle)
    {
        Name = ChartGuard.Text(name, nameof(name));
        Points = Guard.Against.Null(points).ToImmutableArray();
        if (Points.IsEmpty)
        {
            throw new ArgumentException("A series needs at least one point.", nameof(points));
        }

        Colour = ChartGuard.Colour(colour, nameof(colour));
        LineStyle = ChartGuard.Defined(lineStyle, nameof(lineStyle));
        Marker = ChartGuard.Defined(marker, nameof(marker));
        if (LineStyle == ChartLineStyle.None && Marker == ChartMarkerShape.None)
        {
            throw new ArgumentException("A series without a line needs a marker, or it draws nothing.", nameof(marker));
        }
    }

    /// <summary>Gets the legend entry and column header.</summary>
    public string Name { get; }

    /// <summary>Gets the points, in drawing order; never empty.</summary>
    public ImmutableArray<ChartPoint> Points { get; }

    /// <summary>Gets the stroke colour, <c>#RRGGBB</c>.</summary>
    public string Colour { get; }

    /// <summary>Gets how the line is stroked.</summary>
    public ChartLineStyle LineStyle { get; }

    /// <summary>Gets the shape drawn at each point.</summary>
    public ChartMarkerShape Marker { get; }

    /// <summary>Returns the name and the number of points.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Name} ({Points.Length} points)";
}
