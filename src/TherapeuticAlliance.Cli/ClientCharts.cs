using System.Globalization;
using TherapeuticAlliance.Charts;
using TherapeuticAlliance.ExpectedResponse;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Cli;

/// <summary>Builds a client's chart for one instrument: every perspective (the same colour, line and marker on every chart), the cutoff, the expected-response path and band, and the ruptures and repairs.</summary>
internal static class ClientCharts
{
    internal static LineChart Create(IReadOnlyList<AllianceReport> reports, string instrumentName, IReadOnlyCollection<ExpectedResponseModel> models)
    {
        var ordered = reports.OrderBy(r => r.Perspective).ToList();
        Episode main = ordered[0].Episode;
        int firstSession = ordered.Min(r => r.Episode.Scores[0].Occasion.SessionNumber);
        int lastSession = ordered.Max(r => r.Episode.Scores[^1].Occasion.SessionNumber);
        double minimum = (double)main.Minimum;
        double maximum = (double)main.Maximum;
        string metric = Metric(main.Metric);
        string title = instrumentName + " " + metric;

        var series = ordered.Select(r => new ChartSeries(
            Capitalised(Wording.Perspective(r.Perspective)),
            r.Episode.Scores.Select(s => new ChartPoint(s.Occasion.SessionNumber, (double)s.Value)),
            ChartPalette.For(r.Perspective),
            ChartPalette.LineStyleFor(r.Perspective),
            ChartPalette.MarkerFor(r.Perspective))).ToList();

        var references = new List<ChartReferenceLine>();
        if (main.Cutoff is { } cutoff && cutoff.Metric == main.Metric)
        {
            references.Add(new ChartReferenceLine((double)cutoff.Threshold, "cutoff " + cutoff.Threshold.ToString(CultureInfo.InvariantCulture) + cutoff.Operator switch
            {
                CutoffOperator.LessThan => " (flagged below)",
                CutoffOperator.LessThanOrEqual => " (flagged at or below)",
                CutoffOperator.GreaterThan => " (flagged above)",
                CutoffOperator.GreaterThanOrEqual => " (flagged at or above)",
                _ => throw new ArgumentOutOfRangeException(nameof(reports), cutoff.Operator, "The cutoff operator is not defined."),
            }));
        }

        // An outcome series from the intake with an expected-response model: the expected path and the band's edge.
        string expectedText = string.Empty;
        foreach (AllianceReport report in ordered)
        {
            Episode episode = report.Episode;
            if (episode.Measure == MeasureKind.Outcome && episode.Scores[0].Occasion.SessionNumber == 1
                && models.FirstOrDefault(m => m.InstrumentId == episode.InstrumentId && m.Metric == episode.Metric) is { } model)
            {
                double intake = (double)episode.Scores[0].Value;
                var expected = Enumerable.Range(1, Math.Max(1, lastSession)).Select(t => model.Expect(intake, t)).ToList();
                series.Add(new ChartSeries("Expected", expected.Select(e => new ChartPoint(e.Session, e.Expected)), ChartPalette.Black, ChartLineStyle.Dashed, ChartMarkerShape.None));
                string band = string.Create(CultureInfo.InvariantCulture, $"{model.Coverage * 100:0.#} % band edge");
                if (expected.Count > 1)
                {
                    series.Add(new ChartSeries(Capitalised(band), expected.Where(e => e.Session >= 2).Select(e => new ChartPoint(e.Session, e.Bound)), "#6E6E6E", ChartLineStyle.Dotted, ChartMarkerShape.None));
                }

                expectedText = string.Create(CultureInfo.InvariantCulture, $" The expected path from the intake and the {band} are drawn; {(model.HigherIsBetter ? "below" : "above")} the band is not on track.");
                break;
            }
        }

        var annotations = new List<ChartAnnotation>();
        foreach (AllianceReport report in ordered)
        {
            string who = Wording.Perspective(report.Perspective);
            foreach (RuptureFinding rupture in report.Findings.OfType<RuptureFinding>())
            {
                annotations.Add(new ChartAnnotation(
                    new ChartPoint(rupture.TroughSession, ValueAt(report.Episode, rupture.TroughSession)),
                    "rupture",
                    string.Create(CultureInfo.InvariantCulture, $"rupture ({who}): from session {rupture.StartSession} to the trough at session {rupture.TroughSession}"),
                    ChartMarkerShape.TriangleDown,
                    ChartPalette.For(report.Perspective)));
                if (rupture.RepairSession is { } repair)
                {
                    annotations.Add(new ChartAnnotation(
                        new ChartPoint(repair, ValueAt(report.Episode, repair)),
                        "repair",
                        string.Create(CultureInfo.InvariantCulture, $"repair ({who}) at session {repair}"),
                        ChartMarkerShape.TriangleUp,
                        ChartPalette.For(report.Perspective)));
                }
            }
        }

        var xTicks = lastSession - firstSession <= 15
            ? Enumerable.Range(firstSession, lastSession - firstSession + 1).Select(s => (double)s)
            : ChartAxis.NiceTicks(firstSession, lastSession, 8, integersOnly: true);
        var xAxis = lastSession > firstSession
            ? new ChartAxis("Session", firstSession, lastSession, xTicks)
            : new ChartAxis("Session", firstSession - 1, lastSession + 1, new double[] { firstSession });
        var yAxis = new ChartAxis(
            string.Create(CultureInfo.InvariantCulture, $"{Capitalised(metric)} ({Unit(main.Metric)}, {minimum:0.##}–{maximum:0.##})"),
            minimum,
            maximum);

        string description = string.Create(
            CultureInfo.InvariantCulture,
            $"{title} by session, sessions {firstSession} to {lastSession}. ")
            + string.Join(" ", ordered.Select(r => Describe(r.Episode)))
            + (references.Count > 0 ? " The " + references[0].Label + " is drawn." : string.Empty)
            + expectedText
            + (annotations.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $" {annotations.Count(a => a.Label == "rupture")} rupture(s) and {annotations.Count(a => a.Label == "repair")} repair(s) are marked.") : string.Empty);
        return new LineChart(title, description, xAxis, yAxis, series, references, annotations);
    }

    private static string Describe(Episode episode)
    {
        var first = episode.Scores[0];
        var last = episode.Scores[^1];
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Capitalised(Wording.Perspective(episode.Perspective))}: {episode.Count} ratings, {first.Value} at session {first.Occasion.SessionNumber}, {last.Value} at session {last.Occasion.SessionNumber} (lowest {episode.Scores.Min(s => s.Value)}, highest {episode.Scores.Max(s => s.Value)}).");
    }

    private static double ValueAt(Episode episode, int session) => (double)episode.Scores.First(s => s.Occasion.SessionNumber == session).Value;

    private static string Metric(ScoreMetric metric) => metric switch
    {
        ScoreMetric.Sum => "total",
        ScoreMetric.Mean => "mean",
        ScoreMetric.Pomp => "POMP",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "The metric is not defined."),
    };

    private static string Unit(ScoreMetric metric) => metric == ScoreMetric.Pomp ? "percent of maximum" : "points";

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
