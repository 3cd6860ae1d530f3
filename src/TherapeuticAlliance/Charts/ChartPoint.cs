using System;
using System.Globalization;

namespace TherapeuticAlliance.Charts;

/// <summary>One point of a series: a position on the x axis (for the library's charts, a session number) and a value on the y axis (in the y axis's units).</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct ChartPoint
{
    /// <summary>Initializes a new instance of the <see cref="ChartPoint"/> struct.</summary>
    /// <param name="x">The position on the x axis; finite.</param>
    /// <param name="y">The value on the y axis; finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="x"/> or <paramref name="y"/> is not finite.</exception>
    public ChartPoint(double x, double y)
    {
        X = ChartGuard.Finite(x, nameof(x));
        Y = ChartGuard.Finite(y, nameof(y));
    }

    /// <summary>Gets the position on the x axis.</summary>
    public double X { get; }

    /// <summary>Gets the value on the y axis.</summary>
    public double Y { get; }

    /// <summary>Returns the point as <c>(x, y)</c>, culture-invariant.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "({0}, {1})", X, Y);
}
