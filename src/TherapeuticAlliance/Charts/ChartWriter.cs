using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Charts;

/// <summary>
/// Writes a <see cref="LineChart"/> as inline SVG (title, legend, axes with ticks and labels, grid, reference lines,
/// series with markers, annotations with text) and as an HTML data table, its text alternative. The output depends
/// only on the chart and the identifier: the same description always gives the same bytes, in any culture.
/// </summary>
/// <remarks>
/// <para>The SVG has a fixed drawing size of <see cref="Width"/> by a height that grows with the legend's rows, and a
/// <c>viewBox</c>, so a stylesheet can scale it to its container (<c>max-width:100%;height:auto</c>). It carries
/// <c>role="img"</c>, an accessible name (<c>aria-labelledby</c> its <c>title</c>) and an accessible description
/// (<c>aria-describedby</c> its <c>desc</c>).
/// Values outside an axis's range are drawn at its edge. All text is HTML- and XML-escaped.</para>
/// <para>This type is thread-safe.</para>
/// </remarks>
public static class ChartWriter
{
    /// <summary>The SVG's drawing width, in CSS pixels.</summary>
    /// <remarks>
    /// 480 units with 12-unit text: scaled to a phone's column (about 360 px) the text is 9 px; in one of two columns on
    /// a laptop (about 600 px), 15 px.
    /// </remarks>
    public const int Width = 480;

    private const int PlotHeight = 170;
    private const int Left = 56;
    private const int Right = 16;
    private const int LegendRow = 18;
    private const double CharWidth = 6.8;

    // A white outline under a label drawn over the data, so it stays readable where it crosses a line.
    private const string Halo = " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"";

    /// <summary>Writes the chart as an inline SVG element.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="id">A page-unique identifier for the SVG's title and description (letters, digits, '-' and '_', starting with a letter), such as <c>chart-12</c>.</param>
    /// <param name="contextId">
    /// The identifier of an element on the page whose text says what the chart belongs to, such as a span holding
    /// the client's name in a section heading; its text comes before the title in the accessible name, so charts of
    /// the same title on one page are told apart. <see langword="null"/> (the default) for the title alone.
    /// </param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="chart"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="id"/> or <paramref name="contextId"/> is not a valid identifier.</exception>
    public static void WriteSvg(LineChart chart, TextWriter writer, string id, string? contextId = null)
    {
        Guard.Against.Null(chart);
        Guard.Against.Null(writer);
        CheckId(id, nameof(id));
        if (contextId is not null)
        {
            CheckId(contextId, nameof(contextId));
        }

        var legend = LegendItems(chart);
        var rows = LegendLayout(legend);
        int legendRows = rows.Count == 0 ? 0 : rows.Max(r => r.Row) + 1;
        double plotTop = 30 + (legendRows * LegendRow) + 10;
        double plotBottom = plotTop + PlotHeight;
        int height = (int)plotBottom + 40;
        double plotRight = Width - Right;

        double X(double x) => Left + ((Clamp(x, chart.XAxis) - chart.XAxis.Minimum) / (chart.XAxis.Maximum - chart.XAxis.Minimum) * (plotRight - Left));
        double Y(double y) => plotBottom - ((Clamp(y, chart.YAxis) - chart.YAxis.Minimum) / (chart.YAxis.Maximum - chart.YAxis.Minimum) * PlotHeight);

        writer.Write("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-labelledby=\"");
        if (contextId is not null)
        {
            writer.Write(contextId);
            writer.Write(' ');
        }

        writer.Write(id);
        writer.Write("-title\" aria-describedby=\"");
        writer.Write(id);
        writer.Write("-desc\" width=\"");
        writer.Write(N(Width));
        writer.Write("\" height=\"");
        writer.Write(N(height));
        writer.Write("\" viewBox=\"0 0 ");
        writer.Write(N(Width));
        writer.Write(' ');
        writer.Write(N(height));
        writer.Write("\" font-family=\"system-ui,sans-serif\" font-size=\"12\">\n<title id=\"");
        writer.Write(id);
        writer.Write("-title\">");
        writer.Write(Encode(chart.Title));
        writer.Write("</title>\n<desc id=\"");
        writer.Write(id);
        writer.Write("-desc\">");
        writer.Write(Encode(chart.Description));
        writer.Write("</desc>\n<rect x=\"0\" y=\"0\" width=\"");
        writer.Write(N(Width));
        writer.Write("\" height=\"");
        writer.Write(N(height));
        writer.Write("\" fill=\"#ffffff\"/>\n<text class=\"chart-title\" x=\"");
        writer.Write(N(Left));
        writer.Write("\" y=\"18\" font-size=\"15\" font-weight=\"bold\">");
        writer.Write(Encode(chart.Title));
        writer.Write("</text>\n");

        // Legend: a line sample with its marker, then the name; rows wrap at the drawing width.
        writer.Write("<g class=\"legend\">\n");
        foreach (var (item, row, x) in rows)
        {
            double y = 30 + (row * LegendRow) + (LegendRow / 2.0);
            if (item.LineStyle is { } style && style != ChartLineStyle.None)
            {
                Line(writer, x, y, x + 24, y, item.Colour, style, "2");
            }

            Marker(writer, item.Shape, x + 12, y, item.Annotation ? 5 : 3.5, item.Colour, item.Annotation);
            writer.Write("<text x=\"");
            writer.Write(N(x + 30));
            writer.Write("\" y=\"");
            writer.Write(N(y + 4));
            writer.Write("\">");
            writer.Write(Encode(item.Name));
            writer.Write("</text>\n");
        }

        writer.Write("</g>\n");

        // Axes: grid and tick labels, the axis lines, and the axis labels (the y label turned).
        writer.Write("<g class=\"axes\" stroke-width=\"1\">\n");
        foreach (double tick in chart.YAxis.Ticks)
        {
            Line(writer, Left, Y(tick), plotRight, Y(tick), "#e4e4e4");
            Text(writer, Left - 6, Y(tick) + 4, "end", N(tick));
        }

        foreach (double tick in chart.XAxis.Ticks)
        {
            Line(writer, X(tick), plotBottom, X(tick), plotBottom + 4, "#666666");
            Text(writer, X(tick), plotBottom + 16, "middle", N(tick));
        }

        Line(writer, Left, plotTop, Left, plotBottom, "#666666");
        Line(writer, Left, plotBottom, plotRight, plotBottom, "#666666");
        Text(writer, (Left + plotRight) / 2, plotBottom + 32, "middle", chart.XAxis.Label);
        writer.Write("<text x=\"0\" y=\"0\" text-anchor=\"middle\" transform=\"translate(14 ");
        writer.Write(N((plotTop + plotBottom) / 2));
        writer.Write(") rotate(-90)\">");
        writer.Write(Encode(chart.YAxis.Label));
        writer.Write("</text>\n</g>\n");

        // Where the data are drawn (markers and the annotations' marks), so labels can be placed off them (issue 26:
        // the cutoff's label sat on points just above the cutoff line).
        var marks = chart.Series.SelectMany(series => series.Points).Concat(chart.Annotations.Select(a => a.Point))
            .Select(p => (X: X(p.X), Y: Y(p.Y))).ToList();
        var segments = chart.Series.Where(series => series.Points.Length > 1 && series.LineStyle != ChartLineStyle.None)
            .SelectMany(series => series.Points.Zip(series.Points.Skip(1), (a, b) => (X0: X(a.X), Y0: Y(a.Y), X1: X(b.X), Y1: Y(b.Y))))
            .ToList();
        // The annotations' labels are placed first (above a mark in the lower half and below one in the upper half,
        // unless the other side covers fewer data marks and lines), kept inside the plot horizontally, and become
        // obstacles for the reference lines' labels.
        var annotationLabels = new List<(double X, double Y, double Half)>();
        foreach (ChartAnnotation annotation in chart.Annotations)
        {
            double x = X(annotation.Point.X);
            double y = Y(annotation.Point.Y);
            double half = annotation.Label.Length * CharWidth * 11.0 / 12.0 / 2.0;
            double preferred = y > plotTop + (PlotHeight / 2.0) ? y - 12 : y + 20;
            double other = y > plotTop + (PlotHeight / 2.0) ? y + 20 : y - 12;
            var others = marks.Where(m => !(Math.Abs(m.X - x) < 0.01 && Math.Abs(m.Y - y) < 0.01)).ToList();
            double labelX = Math.Min(Math.Max(x, Left + half + 1), plotRight - half - 1);
            double labelY = other - 10 >= plotTop && other + 2 <= plotBottom
                && Covered(labelX - half, labelX + half, other - 10, other + 2, others, segments) < Covered(labelX - half, labelX + half, preferred - 10, preferred + 2, others, segments)
                ? other : preferred;
            annotationLabels.Add((labelX, labelY, half));
        }

        var labelMarks = annotationLabels.SelectMany(l => new[] { (X: l.X - l.Half, l.Y - 5), (X: l.X, l.Y - 5), (X: l.X + l.Half, l.Y - 5) }).ToList();
        foreach (ChartReferenceLine reference in chart.ReferenceLines)
        {
            writer.Write("<g class=\"reference\">");
            Line(writer, Left, Y(reference.Value), plotRight, Y(reference.Value), reference.Colour, reference.LineStyle, "1.5");
            // The label sits just above or just below the line, at its right or left end, wherever it covers the
            // fewest data marks and lines (right and above when that is free, as before).
            double width = reference.Label.Length * CharWidth;
            double lineY = Y(reference.Value);
            var candidates = new[]
            {
                (X: plotRight - 2, Baseline: lineY - 4, Anchor: "end"),
                (X: plotRight - 2, Baseline: lineY + 14, Anchor: "end"),
                (X: Left + 4, Baseline: lineY - 4, Anchor: "start"),
                (X: Left + 4, Baseline: lineY + 14, Anchor: "start"),
            };
            var best = candidates
                .Select((c, order) => (c, order, Cost: Covered(c.Anchor == "end" ? c.X - width : c.X, c.Anchor == "end" ? c.X : c.X + width, c.Baseline - 11, c.Baseline + 3, marks.Concat(labelMarks).ToList(), segments)))
                .OrderBy(t => t.Cost).ThenBy(t => t.order).First().c;
            writer.Write("<text x=\"");
            writer.Write(N(best.X));
            writer.Write("\" y=\"");
            writer.Write(N(best.Baseline));
            writer.Write("\" text-anchor=\"");
            writer.Write(best.Anchor);
            writer.Write("\" fill=\"#333333\"");
            writer.Write(Halo);
            writer.Write('>');
            writer.Write(Encode(reference.Label));
            writer.Write("</text></g>\n");
        }

        foreach (ChartSeries series in chart.Series)
        {
            writer.Write("<g class=\"series\">");
            if (series.Points.Length > 1 && series.LineStyle != ChartLineStyle.None)
            {
                writer.Write("<polyline fill=\"none\" stroke=\"");
                writer.Write(series.Colour);
                writer.Write("\" stroke-width=\"2\"");
                writer.Write(Dash(series.LineStyle));
                writer.Write(" points=\"");
                for (int i = 0; i < series.Points.Length; i++)
                {
                    if (i > 0)
                    {
                        writer.Write(' ');
                    }

                    writer.Write(N(X(series.Points[i].X)));
                    writer.Write(',');
                    writer.Write(N(Y(series.Points[i].Y)));
                }

                writer.Write("\"/>");
            }

            foreach (ChartPoint point in series.Points)
            {
                Marker(writer, series.Marker, X(point.X), Y(point.Y), 3.5, series.Colour, false);
            }

            writer.Write("</g>\n");
        }

        int index = 0;
        foreach (ChartAnnotation annotation in chart.Annotations)
        {
            double x = X(annotation.Point.X);
            double y = Y(annotation.Point.Y);
            writer.Write("<g class=\"annotation\"><title>");
            writer.Write(Encode(annotation.Description));
            writer.Write("</title>");
            Marker(writer, annotation.Shape, x, y, 7, annotation.Colour, true);

            (double labelX, double labelY, _) = annotationLabels[index++];
            writer.Write("<text x=\"");
            writer.Write(N(labelX));
            writer.Write("\" y=\"");
            writer.Write(N(labelY));
            writer.Write("\" text-anchor=\"middle\" font-size=\"11\"");
            writer.Write(Halo);
            writer.Write('>');
            writer.Write(Encode(annotation.Label));
            writer.Write("</text></g>\n");
        }

        writer.Write("</svg>\n");
    }

    /// <summary>Writes the chart's data as an HTML table, its text alternative: one row per x value, one column per series (a line's value at that x; every value of a scatter series there, comma-separated), and a notes column for annotations.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="writer">Where to write.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <remarks>The caption names the chart and its reference lines; a missing value is written as an en dash.</remarks>
    public static void WriteDataTable(LineChart chart, TextWriter writer)
    {
        Guard.Against.Null(chart);
        Guard.Against.Null(writer);
        bool notes = !chart.Annotations.IsEmpty;
        var xs = chart.Series.SelectMany(s => s.Points.Select(p => p.X)).Concat(chart.Annotations.Select(a => a.Point.X)).Distinct().OrderBy(x => x).ToList();

        // Each series' values at each x, looked up once per series, not searched per cell. A line has one value at an
        // x; a scatter plot (ChartLineStyle.None) may have several, and every one is listed.
        var columns = chart.Series.Select(series =>
        {
            var values = new Dictionary<double, List<double>>();
            foreach (ChartPoint point in series.Points)
            {
                if (!values.TryGetValue(point.X, out List<double>? ys))
                {
                    values[point.X] = ys = new List<double>(1);
                }

                if (series.LineStyle == ChartLineStyle.None || ys.Count == 0)
                {
                    ys.Add(point.Y);
                }
            }

            return values;
        }).ToList();
        writer.Write("<table class=\"chart-data\">\n<caption>");
        writer.Write(Encode(chart.Title));
        if (!chart.ReferenceLines.IsEmpty)
        {
            writer.Write(" (");
            writer.Write(Encode(string.Join("; ", chart.ReferenceLines.Select(r => r.Label))));
            writer.Write(')');
        }

        writer.Write("</caption>\n<thead><tr><th scope=\"col\">");
        writer.Write(Encode(chart.XAxis.Label));
        writer.Write("</th>");
        foreach (ChartSeries series in chart.Series)
        {
            writer.Write("<th scope=\"col\">");
            writer.Write(Encode(series.Name));
            writer.Write("</th>");
        }

        if (notes)
        {
            writer.Write("<th scope=\"col\">Notes</th>");
        }

        writer.Write("</tr></thead>\n<tbody>\n");
        foreach (double x in xs)
        {
            writer.Write("<tr><th scope=\"row\">");
            writer.Write(N(x));
            writer.Write("</th>");
            foreach (Dictionary<double, List<double>> values in columns)
            {
                writer.Write("<td>");
                writer.Write(values.TryGetValue(x, out List<double>? ys) ? string.Join(", ", ys.Select(N)) : "–");
                writer.Write("</td>");
            }

            if (notes)
            {
                writer.Write("<td>");
                writer.Write(Encode(string.Join("; ", chart.Annotations.Where(a => a.Point.X == x).Select(a => a.Description))));
                writer.Write("</td>");
            }

            writer.Write("</tr>\n");
        }

        writer.Write("</tbody>\n</table>\n");
    }

    /// <summary>Returns the chart as an inline SVG element.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="id">A page-unique identifier; see <see cref="WriteSvg"/>. Default: <c>chart</c>.</param>
    /// <returns>The SVG markup.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="id"/> is not a valid identifier.</exception>
    public static string ToSvg(LineChart chart, string id = "chart")
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteSvg(chart, writer, id);
        return writer.ToString();
    }

    private static void CheckId(string id, string parameterName)
    {
        Guard.Against.NullOrEmpty(id, parameterName);
        if (!(id[0] is >= 'a' and <= 'z' or >= 'A' and <= 'Z') || id.Any(c => !(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_')))
        {
            throw new ArgumentException("The identifier must start with a letter and hold only letters, digits, '-' and '_'.", parameterName);
        }
    }

    private readonly record struct LegendItem(string Name, string Colour, ChartLineStyle? LineStyle, ChartMarkerShape Shape, bool Annotation);

    private static List<LegendItem> LegendItems(LineChart chart)
    {
        var items = chart.Series.Select(s => new LegendItem(s.Name, s.Colour, s.LineStyle, s.Marker, false)).ToList();
        items.AddRange(chart.ReferenceLines.Select(r => new LegendItem(r.Label, r.Colour, r.LineStyle, ChartMarkerShape.None, false)));

        // One legend entry per kind of annotation (label and shape), in order of first appearance, in the kind's
        // colour when all its marks share one, otherwise in black (the shape and word carry the meaning).
        foreach (var kind in chart.Annotations.GroupBy(a => (a.Label, a.Shape)))
        {
            string colour = kind.Select(a => a.Colour).Distinct(StringComparer.OrdinalIgnoreCase).Count() == 1 ? kind.First().Colour : ChartPalette.Black;
            items.Add(new LegendItem(kind.Key.Label, colour, null, kind.Key.Shape, true));
        }

        return items;
    }

    private static List<(LegendItem Item, int Row, double X)> LegendLayout(List<LegendItem> items)
    {
        var layout = new List<(LegendItem, int, double)>();
        int row = 0;
        double x = Left;
        foreach (LegendItem item in items)
        {
            double width = 30 + (item.Name.Length * CharWidth) + 16;
            if (x > Left && x + width > Width - Right)
            {
                row++;
                x = Left;
            }

            layout.Add((item, row, x));
            x += width;
        }

        return layout;
    }

    /// <summary>How much of the data a label's box covers: the marks inside it (with a margin of 4 px) count 10 each, the line segments that cross it 1 each.</summary>
    private static int Covered(double x0, double x1, double y0, double y1, List<(double X, double Y)> marks, List<(double X0, double Y0, double X1, double Y1)> segments)
    {
        const double Margin = 4.0;
        int cost = 0;
        foreach (var (x, y) in marks)
        {
            if (x >= x0 - Margin && x <= x1 + Margin && y >= y0 - Margin && y <= y1 + Margin)
            {
                cost += 10;
            }
        }

        foreach (var (sx0, sy0, sx1, sy1) in segments)
        {
            // Sampled along the segment: enough for the short segments of a session chart.
            for (int i = 0; i <= 8; i++)
            {
                double px = sx0 + ((sx1 - sx0) * i / 8.0);
                double py = sy0 + ((sy1 - sy0) * i / 8.0);
                if (px >= x0 && px <= x1 && py >= y0 && py <= y1)
                {
                    cost++;
                    break;
                }
            }
        }

        return cost;
    }

    private static double Clamp(double value, ChartAxis axis) => Math.Min(axis.Maximum, Math.Max(axis.Minimum, value));

    private static string Dash(ChartLineStyle style) => style switch
    {
        ChartLineStyle.Solid => string.Empty,
        ChartLineStyle.Dashed => " stroke-dasharray=\"6 3\"",
        ChartLineStyle.Dotted => " stroke-dasharray=\"2 3\"",
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, "The line style is not defined."),
    };

    /// <summary>A line; a stroke width and a dash pattern only when given (axes and grid use neither).</summary>
    private static void Line(TextWriter writer, double x1, double y1, double x2, double y2, string colour, ChartLineStyle? style = null, string? width = null)
    {
        writer.Write("<line x1=\"");
        writer.Write(N(x1));
        writer.Write("\" y1=\"");
        writer.Write(N(y1));
        writer.Write("\" x2=\"");
        writer.Write(N(x2));
        writer.Write("\" y2=\"");
        writer.Write(N(y2));
        writer.Write("\" stroke=\"");
        writer.Write(colour);
        writer.Write('"');
        if (width is not null)
        {
            writer.Write(" stroke-width=\"");
            writer.Write(width);
            writer.Write('"');
        }

        if (style is { } s)
        {
            writer.Write(Dash(s));
        }

        writer.Write("/>\n");
    }

    private static void Text(TextWriter writer, double x, double y, string anchor, string text)
    {
        writer.Write("<text x=\"");
        writer.Write(N(x));
        writer.Write("\" y=\"");
        writer.Write(N(y));
        writer.Write("\" text-anchor=\"");
        writer.Write(anchor);
        writer.Write("\">");
        writer.Write(Encode(text));
        writer.Write("</text>\n");
    }

    /// <summary>Draws a marker: filled for a series' points, open and thicker for an annotation.</summary>
    private static void Marker(TextWriter writer, ChartMarkerShape shape, double x, double y, double r, string colour, bool open)
    {
        string paint = open
            ? "fill=\"#ffffff\" stroke=\"" + colour + "\" stroke-width=\"2\""
            : "fill=\"" + colour + "\" stroke=\"" + colour + "\" stroke-width=\"1\"";
        switch (shape)
        {
            case ChartMarkerShape.None:
                return;
            case ChartMarkerShape.Circle:
                writer.Write("<circle cx=\"" + N(x) + "\" cy=\"" + N(y) + "\" r=\"" + N(r) + "\" " + paint + "/>");
                return;
            case ChartMarkerShape.Square:
                writer.Write("<rect x=\"" + N(x - r) + "\" y=\"" + N(y - r) + "\" width=\"" + N(2 * r) + "\" height=\"" + N(2 * r) + "\" " + paint + "/>");
                return;
            case ChartMarkerShape.Diamond:
                Polygon(writer, paint, (x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y));
                return;
            case ChartMarkerShape.TriangleUp:
                Polygon(writer, paint, (x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r));
                return;
            case ChartMarkerShape.TriangleDown:
                Polygon(writer, paint, (x, y + r + 1), (x + r + 1, y - r), (x - r - 1, y - r));
                return;
            case ChartMarkerShape.Cross:
                writer.Write("<path d=\"M" + N(x - r) + "," + N(y - r) + "L" + N(x + r) + "," + N(y + r) + "M" + N(x - r) + "," + N(y + r) + "L" + N(x + r) + "," + N(y - r) + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"/>");
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, "The marker shape is not defined.");
        }
    }

    private static void Polygon(TextWriter writer, string paint, params (double X, double Y)[] points)
    {
        writer.Write("<polygon points=\"");
        writer.Write(string.Join(" ", points.Select(p => N(p.X) + "," + N(p.Y))));
        writer.Write("\" ");
        writer.Write(paint);
        writer.Write("/>");
    }

    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
