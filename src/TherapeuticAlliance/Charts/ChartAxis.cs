using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Charts;

/// <summary>An axis of a <see cref="LineChart"/>: its label (with units), its range and its tick positions.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ChartAxis
{
    /// <summary>The most ticks <see cref="NiceTicks"/> aims for.</summary>
    public const int DefaultTickCount = 6;

    /// <summary>Initializes a new instance of the <see cref="ChartAxis"/> class.</summary>
    /// <param name="label">The axis label, with its units, such as <c>SRS total (points, 0–40)</c> or <c>Session</c>.</param>
    /// <param name="minimum">The lowest value shown; finite.</param>
    /// <param name="maximum">The highest value shown; finite and greater than <paramref name="minimum"/>.</param>
    /// <param name="ticks">Where ticks and grid lines go, within the range; <see langword="null"/> for <see cref="NiceTicks"/>.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="label"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="label"/> is blank or holds a control character.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when a bound or tick is not finite, the range is empty, or a tick lies outside it.</exception>
    public ChartAxis(string label, double minimum, double maximum, IEnumerable<double>? ticks = null)
    {
        Label = ChartGuard.Text(label, nameof(label));
        Minimum = ChartGuard.Finite(minimum, nameof(minimum));
        Maximum = ChartGuard.Finite(maximum, nameof(maximum));
        if (maximum <= minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), maximum, "The maximum must be greater than the minimum.");
        }

        Ticks = ticks is null
            ? NiceTicks(minimum, maximum)
            : ticks.Select(t => ChartGuard.Finite(t, nameof(ticks)))
                .Select(t => t < minimum || t > maximum ? throw new ArgumentOutOfRangeException(nameof(ticks), t, "A tick lies outside the axis range.") : t)
                .Distinct()
                .OrderBy(t => t)
                .ToImmutableArray();
    }

    /// <summary>Gets the axis label, with its units.</summary>
    public string Label { get; }

    /// <summary>Gets the lowest value shown.</summary>
    public double Minimum { get; }

    /// <summary>Gets the highest value shown.</summary>
    public double Maximum { get; }

    /// <summary>Gets the tick positions, ascending, within the range.</summary>
    public ImmutableArray<double> Ticks { get; }

    /// <summary>
    /// Computes "nice" tick positions (steps of 1, 2, 2.5 or 5 times a power of ten) within a range, about
    /// <paramref name="count"/> of them, after Heckbert (1990, "Nice numbers for graph labels", Graphics Gems).
    /// </summary>
    /// <param name="minimum">The lowest value shown; finite.</param>
    /// <param name="maximum">The highest value shown; finite and greater than <paramref name="minimum"/>.</param>
    /// <param name="count">About how many ticks; at least 2. Default: <see cref="DefaultTickCount"/>.</param>
    /// <param name="integersOnly">Whether ticks must be whole numbers (session numbers): the step is at least 1.</param>
    /// <returns>The ticks, ascending and distinct, all within the range; empty when <paramref name="integersOnly"/> is set and the range holds no whole number.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when a bound is not finite, the range is empty, or <paramref name="count"/> is outside 2 to 100.</exception>
    public static ImmutableArray<double> NiceTicks(double minimum, double maximum, int count = DefaultTickCount, bool integersOnly = false)
    {
        ChartGuard.Finite(minimum, nameof(minimum));
        ChartGuard.Finite(maximum, nameof(maximum));
        if (maximum <= minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), maximum, "The maximum must be greater than the minimum.");
        }

        Guard.Against.OutOfRange(count, nameof(count), 2, 100);
        double raw = (maximum - minimum) / (count - 1);
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double fraction = raw / magnitude;
        double step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10) * magnitude;
        if (integersOnly)
        {
            step = Math.Max(1, Math.Ceiling(step));
        }

        // Ticks are whole multiples of the step, rounded to the step's precision (two digits below it), so that
        // 0.1 + 0.2 is written 0.3; a step too fine for decimal rounding is left as computed.
        int digits = (int)Math.Max(0, 2 - Math.Floor(Math.Log10(step)));
        double Clean(double value) => digits <= 15 ? Math.Round(value, digits) : value;
        var ticks = ImmutableArray.CreateBuilder<double>();
        double first = Math.Ceiling(minimum / step);
        for (int i = 0; i < 1000; i++)
        {
            double tick = Clean((first + i) * step);
            if (tick > maximum)
            {
                break;
            }

            if (tick >= minimum && (ticks.Count == 0 || tick > ticks[ticks.Count - 1]))
            {
                ticks.Add(tick);
            }
        }

        return ticks.ToImmutable();
    }
}
