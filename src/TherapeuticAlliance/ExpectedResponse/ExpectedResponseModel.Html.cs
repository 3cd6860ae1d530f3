using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Charts;
using static TherapeuticAlliance.Utilities.HtmlFragments;

namespace TherapeuticAlliance.ExpectedResponse;

[TypeFormatterSource(typeof(NotebookFormatterSource))]
public sealed partial class ExpectedResponseModel : IHtmlRenderable
{
    /// <summary>Returns the chart of the expected path and the band's edge for a client with an intake score, over sessions 1 to <paramref name="sessions"/>; write it with <see cref="ChartWriter"/>.</summary>
    /// <param name="intake">The intake score, in points of <see cref="Metric"/>.</param>
    /// <param name="sessions">The last session; 2 or more.</param>
    /// <returns>The chart's description.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="intake"/> is not finite or <paramref name="sessions"/> is less than 2.</exception>
    public LineChart ToLineChart(double intake, int sessions)
    {
        Guard.Against.InvalidInput(intake, nameof(intake), Finite, "The intake score must be finite.");
        Guard.Against.InvalidInput(sessions, nameof(sessions), static s => s >= 2, "Draw at least two sessions.");
        var path = Enumerable.Range(1, sessions).Select(t => Expect(intake, t)).ToList();
        string band = FormattableString.Invariant($"{Coverage * 100:0.#} % band edge");
        var values = path.Select(p => p.Expected).Concat(path.Skip(1).Select(p => p.Bound)).ToList();
        double low = values.Min(), high = values.Max();
        double pad = Math.Max(1.0, (high - low) * 0.05);   // the path and band inside the axis, never clamped to it
        (low, high) = (low - pad, high + pad);
        string title = FormattableString.Invariant($"{InstrumentId} expected response from an intake of {intake:0.##}");
        return new LineChart(
            title,
            FormattableString.Invariant($"The expected {AllianceCodes.ToCode(Metric)} score by session for an intake of {intake:0.##}, from {path[0].Expected:0.##} at session 1 to {path[path.Count - 1].Expected:0.##} at session {sessions}, with the {band}; {(HigherIsBetter ? "below" : "above")} the band is not on track."),
            new ChartAxis("Session", 1, sessions, sessions <= 15 ? Enumerable.Range(1, sessions).Select(s => (double)s) : ChartAxis.NiceTicks(1, sessions, 8, integersOnly: true)),
            new ChartAxis(FormattableString.Invariant($"Expected {AllianceCodes.ToCode(Metric)} (points)"), low, high),
            new[]
            {
                new ChartSeries("Expected", path.Select(p => new ChartPoint(p.Session, p.Expected)), ChartPalette.Black, ChartLineStyle.Dashed, ChartMarkerShape.None),
                new ChartSeries(char.ToUpperInvariant(band[0]) + band.Substring(1), path.Skip(1).Select(p => new ChartPoint(p.Session, p.Bound)), "#6E6E6E", ChartLineStyle.Dotted, ChartMarkerShape.None),
            });
    }

    /// <summary>Writes the model as HTML: its coefficients, band and provenance as a table, and, for a fitted model, the chart of the expected path from the middle of the intakes it was fitted on over its sessions (a model from published parameters records neither: draw one with <see cref="ToLineChart"/>); see <see cref="IHtmlRenderable"/>.</summary>
    /// <param name="writer">Where to write; left open.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteHtml(TextWriter writer)
    {
        Guard.Against.Null(writer);
        Open(writer, "expected-response", $"Expected response: {InstrumentId}, {AllianceCodes.ToCode(Metric)}");
        Pairs(
            writer,
            "ŷ = intercept + intake coefficient · intake + log-session coefficient · ln(session)",
            ("intercept", Number(Intercept)),
            ("intake coefficient", Number(IntakeCoefficient)),
            ("log-session coefficient", Number(LogSessionCoefficient)),
            ("residual SD", Number(Math.Sqrt(ResidualVariance))),
            ("band", ExpectedResponseCodes.ToCode(Band)),
            ("coverage", Number(Coverage)),
            ("higher is better", HigherIsBetter ? "yes" : "no"),
            ("episodes", EpisodeCount.ToString(CultureInfo.InvariantCulture)),
            ("scores", ScoreCount.ToString(CultureInfo.InvariantCulture)),
            ("intakes", double.IsInfinity(MinimumIntake) || double.IsInfinity(MaximumIntake) ? "not recorded (published parameters)" : $"{Number(MinimumIntake)}–{Number(MaximumIntake)}"));
        if (!double.IsInfinity(MinimumIntake) && !double.IsInfinity(MaximumIntake) && MaximumSession >= 2)
        {
            LineChart chart = ToLineChart((MinimumIntake + MaximumIntake) / 2, MaximumSession);
            writer.Write("<div style=\"max-width:480px\">");
            ChartWriter.WriteSvg(chart, writer, ChartId(chart.Title + chart.Description));
            writer.Write("</div>");
        }

        Close(writer);
    }
}
