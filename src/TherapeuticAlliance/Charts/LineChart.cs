using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Charts;

/// <summary>
/// A typed description of a line chart (title, axes with units, series, reference lines, annotations and a text
/// description), written as SVG and as its data table by <see cref="ChartWriter"/>. Building the description apart
/// from writing it keeps every chart of a page alike and the output deterministic.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class LineChart
{
    /// <summary>Initializes a new instance of the <see cref="LineChart"/> class.</summary>
    /// <param name="title">The chart's title, drawn above it and its accessible name.</param>
    /// <param name="description">A sentence or two saying what the chart shows, for screen readers (the SVG's <c>desc</c>).</param>
    /// <param name="xAxis">The horizontal axis (for the library's charts, sessions).</param>
    /// <param name="yAxis">The vertical axis, with its units.</param>
    /// <param name="series">The lines, in legend order; at least one.</param>
    /// <param name="referenceLines">Horizontal reference lines, such as a cutoff; <see langword="null"/> for none.</param>
    /// <param name="annotations">Marked points, such as ruptures; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException">Thrown when a required argument is <see langword="null"/> or a collection contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="title"/> or <paramref name="description"/> is blank or holds a control character, or <paramref name="series"/> is empty.</exception>
    public LineChart(
        string title,
        string description,
        ChartAxis xAxis,
        ChartAxis yAxis,
        IEnumerable<ChartSeries> series,
        IEnumerable<ChartReferenceLine>? referenceLines = null,
        IEnumerable<ChartAnnotation>? annotations = null)
    {
        Title = ChartGuard.Text(title, nameof(title));
        Description = ChartGuard.Text(description, nameof(description));
        XAxis = Guard.Against.Null(xAxis);
        YAxis = Guard.Against.Null(yAxis);
        Series = Guard.Against.Null(series).Select(s => Guard.Against.Null(s, nameof(series))).ToImmutableArray();
        if (Series.IsEmpty)
        {
            throw new ArgumentException("A chart needs at least one series.", nameof(series));
        }

        ReferenceLines = (referenceLines ?? Array.Empty<ChartReferenceLine>()).Select(r => Guard.Against.Null(r, nameof(referenceLines))).ToImmutableArray();
        Annotations = (annotations ?? Array.Empty<ChartAnnotation>()).Select(a => Guard.Against.Null(a, nameof(annotations))).ToImmutableArray();
    }

    /// <summary>Gets the title.</summary>
    public string Title { get; }

    /// <summary>Gets the text description for screen readers.</summary>
    public string Description { get; }

    /// <summary>Gets the horizontal axis.</summary>
    public ChartAxis XAxis { get; }

    /// <summary>Gets the vertical axis.</summary>
    public ChartAxis YAxis { get; }

    /// <summary>Gets the lines, in legend order; never empty.</summary>
    public ImmutableArray<ChartSeries> Series { get; }

    /// <summary>Gets the horizontal reference lines.</summary>
    public ImmutableArray<ChartReferenceLine> ReferenceLines { get; }

    /// <summary>Gets the marked points.</summary>
    public ImmutableArray<ChartAnnotation> Annotations { get; }

    /// <summary>Returns the title and the number of series.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Title} ({Series.Length} series)";
}
