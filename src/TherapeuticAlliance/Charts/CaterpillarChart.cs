using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using static TherapeuticAlliance.Utilities.HtmlFragments;

namespace TherapeuticAlliance.Charts;

/// <summary>One point of a caterpillar chart: an estimate, its interval, and how it is drawn.</summary>
/// <param name="Value">The estimate.</param>
/// <param name="Low">The interval's lower end.</param>
/// <param name="High">The interval's upper end.</param>
/// <param name="Stroke">The interval's colour.</param>
/// <param name="StrokeWidth">The interval's width, or 0 for the SVG default.</param>
/// <param name="Fill">The point's colour.</param>
/// <param name="Radius">The point's radius.</param>
/// <param name="Tooltip">A title shown on hover (point and interval grouped), or <see langword="null"/> for none.</param>
internal readonly record struct CaterpillarPoint(double Value, double Low, double High, string Stroke, double StrokeWidth, string Fill, double Radius, string? Tooltip);

/// <summary>
/// The one writer of caterpillar charts (a mixed model's conditional modes, the service view's therapist effects): an
/// inline SVG figure with the points in the order given, each with its interval, a dashed line at 0, the value axis'
/// ticks, a label under the axis and a caption; no level is named. Deterministic and culture-invariant.
/// </summary>
internal static class CaterpillarChart
{
    private const double Width = 560, Left = 56, Right = 12, Top = 12;

    internal static void Write(TextWriter writer, string id, string title, IReadOnlyList<CaterpillarPoint> points, string axisLabel, string caption, string? figureClass = null, double height = 220, double bottom = 32)
    {
        double low = Math.Min(points.Min(p => p.Low), 0), high = Math.Max(points.Max(p => p.High), 0);
        if (!(high > low))
        {
            high = low + 1;
        }

        double X(int i) => Left + ((Width - Left - Right) * (points.Count == 1 ? 0.5 : i / (double)(points.Count - 1)));
        double Y(double v) => Top + ((height - Top - bottom) * (high - v) / (high - low));
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        writer.Write(figureClass is null ? "<figure>" : "<figure class=\"" + Encode(figureClass) + "\">");
        writer.Write(string.Format(CultureInfo.InvariantCulture, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" id=\"{0}\" aria-labelledby=\"{0}-title\" viewBox=\"0 0 {1} {2}\" width=\"{1}\" height=\"{2}\" style=\"max-width:100%;height:auto\"><title id=\"{0}-title\">{3}</title>", id, Width, height, Encode(title)));
        writer.Write(string.Format(CultureInfo.InvariantCulture, "<line x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>", F(Left), F(Width - Right), F(Y(0))));
        foreach (double tick in ChartAxis.NiceTicks(low, high, 5))
        {
            writer.Write(string.Format(CultureInfo.InvariantCulture, "<text x=\"{0}\" y=\"{1}\" font-size=\"11\" text-anchor=\"end\">{2}</text>", F(Left - 6), F(Y(tick) + 4), Encode(Number(tick))));
        }

        for (int i = 0; i < points.Count; i++)
        {
            CaterpillarPoint p = points[i];
            string width = p.StrokeWidth > 0 ? " stroke-width=\"" + F(p.StrokeWidth) + "\"" : string.Empty;
            string mark = string.Format(CultureInfo.InvariantCulture, "<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"{4}\"{5}/><circle cx=\"{0}\" cy=\"{3}\" r=\"{6}\" fill=\"{7}\"/>", F(X(i)), F(Y(p.Low)), F(Y(p.High)), F(Y(p.Value)), Encode(p.Stroke), width, F(p.Radius), Encode(p.Fill));
            writer.Write(p.Tooltip is null ? mark : "<g><title>" + Encode(p.Tooltip) + "</title>" + mark + "</g>");
        }

        writer.Write(string.Format(CultureInfo.InvariantCulture, "<text x=\"{0}\" y=\"{1}\" font-size=\"11\" text-anchor=\"middle\">{2}</text></svg>", F((Left + Width - Right) / 2), F(height - (bottom / 4)), Encode(axisLabel)));
        writer.Write("<figcaption>");
        writer.Write(Encode(caption));
        writer.Write("</figcaption></figure>");
    }
}
