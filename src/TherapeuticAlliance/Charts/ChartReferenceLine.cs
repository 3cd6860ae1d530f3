using System;

namespace TherapeuticAlliance.Charts;

/// <summary>A horizontal line across a <see cref="LineChart"/> at a value of the y axis, labelled on the chart, such as a cutoff.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ChartReferenceLine
{
    /// <summary>Initializes a new instance of the <see cref="ChartReferenceLine"/> class.</summary>
    /// <param name="value">Where the line crosses the y axis, in its units; finite.</param>
    /// <param name="label">The label written on the chart beside the line, such as <c>cutoff 36</c>.</param>
    /// <param name="colour">The stroke colour, <c>#RRGGBB</c>. Default: <see cref="ChartPalette.ReddishPurple"/>.</param>
    /// <param name="lineStyle">How the line is stroked. Default: <see cref="ChartLineStyle.Dashed"/>.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="label"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="label"/> is blank or holds a control character, or <paramref name="colour"/> is not <c>#RRGGBB</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="value"/> is not finite or <paramref name="lineStyle"/> is not defined or is <see cref="ChartLineStyle.None"/>.</exception>
    public ChartReferenceLine(double value, string label, string colour = ChartPalette.ReddishPurple, ChartLineStyle lineStyle = ChartLineStyle.Dashed)
    {
        Value = ChartGuard.Finite(value, nameof(value));
        Label = ChartGuard.Text(label, nameof(label));
        Colour = ChartGuard.Colour(colour, nameof(colour));
        LineStyle = ChartGuard.Defined(lineStyle, nameof(lineStyle)) is ChartLineStyle.None
            ? throw new ArgumentOutOfRangeException(nameof(lineStyle), lineStyle, "A reference line needs a stroke: solid, dashed or dotted.")
            : lineStyle;
    }

    /// <summary>Gets where the line crosses the y axis.</summary>
    public double Value { get; }

    /// <summary>Gets the label written beside the line.</summary>
    public string Label { get; }

    /// <summary>Gets the stroke colour, <c>#RRGGBB</c>.</summary>
    public string Colour { get; }

    /// <summary>Gets how the line is stroked.</summary>
    public ChartLineStyle LineStyle { get; }

    /// <summary>Returns the label.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Label;
}
