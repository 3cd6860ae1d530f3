using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Charts;
using TherapeuticAlliance.ExpectedResponse;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Reports;

/// <summary>
/// Builds the typed description of a client's chart (<see cref="LineChart"/>) for one instrument, the chart of the
/// CLI's HTML report and of a report displayed in a notebook: every perspective (each with its colour, line and marker
/// from <see cref="ChartPalette"/>), the cutoff as a labelled line, the expected-response path and band edge when a
/// model fits, and the ruptures and repairs as marked points. Write it with <see cref="ChartWriter"/>.
/// </summary>
/// <remarks>This type is stateless and thread-safe.</remarks>
public static class AllianceCharts
{
    /// <summary>Builds a client's chart for one instrument.</summary>
    /// <param name="reports">The client's reports on one instrument and metric, one per perspective; at least one.</param>
    /// <param name="instrumentName">The instrument's name for the title, such as <c>Session Rating Scale</c>.</param>
    /// <param name="models">Expected-response models; the one for the instrument and metric draws the expected path of an outcome series that starts at session 1. <see langword="null"/> for none.</param>
    /// <returns>The chart: sessions across (every session up to 15 sessions, nice ticks beyond), the metric's range up, in points (POMP: percent of maximum).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="reports"/> or <paramref name="instrumentName"/> is <see langword="null"/>, or a report is.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="reports"/> is empty.</exception>
    public static LineChart ForClient(IReadOnlyList<AllianceReport> reports, string instrumentName, IReadOnlyCollection<IExpectedResponseModel>? models = null)
    {
        Guard.Against.Null(reports);
        Guard.Against.Null(instrumentName);
        if (reports.Count == 0)
        {
            throw new ArgumentException("Give at least one report.", nameof(reports));
        }

        models ??= Array.Empty<IExpectedResponseModel>();
        var ordered = reports.Select(r => Guard.Against.Null(r, nameof(reports))).OrderBy(r => r.Perspective).ToList();
        Episode main = ordered[0].Episode;
        int firstSession = ordered.Min(r => r.Episode.Scores[0].Occasion.SessionNumber);
        int lastSession = ordered.Max(r => r.Episode.Scores[r.Episode.Count - 1].Occasion.SessionNumber);
        double minimum = (double)main.Minimum;
        double maximum = (double)main.Maximum;
        string metric = Metric(main.Metric);
        string title = instrumentName + " " + metric;

        var series = ordered.Select(r => new ChartSeries(
            Capitalised(AllianceCodes.ToCode(r.Perspective)),
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
                // Each session's expectation is the one the not-on-track rule used there (from the intake and, for a model
                // that learns from a client's course, the sessions before it).
                var expected = Enumerable.Range(1, Math.Max(1, lastSession)).Select(t => t == 1 ? model.Expect(intake, t) : model.Expect(episode, t)).ToList();
                // The path starts at the client's own intake (issue 26: the model's fitted value at session 1 may sit
                // below it, which read as if the client started off track), then follows the model from session 2,
                // where the not-on-track rule judges and the band is drawn.
                series.Add(new ChartSeries("Expected", expected.Select(e => new ChartPoint(e.Session, e.Session == 1 ? intake : e.Expected)), ChartPalette.Black, ChartLineStyle.Dashed, ChartMarkerShape.None));
                string band = FormattableString.Invariant($"{model.Coverage * 100:0.#} % band edge");
                if (expected.Count > 1)
                {
                    series.Add(new ChartSeries(Capitalised(band), expected.Where(e => e.Session >= 2).Select(e => new ChartPoint(e.Session, e.Bound)), "#6E6E6E", ChartLineStyle.Dotted, ChartMarkerShape.None));
                }

                expectedText = FormattableString.Invariant($" The expected path from the intake and the {band} are drawn; {(model.HigherIsBetter ? "below" : "above")} the band is not on track.");
                break;
            }
        }

        var annotations = new List<ChartAnnotation>();
        foreach (AllianceReport report in ordered)
        {
            string who = AllianceCodes.ToCode(report.Perspective);
            foreach (IRuptureEvidence rupture in report.Findings.OfType<IRuptureEvidence>())
            {
                annotations.Add(new ChartAnnotation(
                    new ChartPoint(rupture.TroughSession, ValueAt(report.Episode, rupture.TroughSession)),
                    "rupture",
                    FormattableString.Invariant($"rupture ({who}): from session {rupture.StartSession} to the trough at session {rupture.TroughSession}"),
                    ChartMarkerShape.TriangleDown,
                    ChartPalette.For(report.Perspective)));
                if (rupture.RepairSession is { } repair)
                {
                    annotations.Add(new ChartAnnotation(
                        new ChartPoint(repair, ValueAt(report.Episode, repair)),
                        "repair",
                        FormattableString.Invariant($"repair ({who}) at session {repair}"),
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
            FormattableString.Invariant($"{Capitalised(metric)} ({Unit(main.Metric)}, {minimum:0.##}–{maximum:0.##})"),
            minimum,
            maximum);

        string description = FormattableString.Invariant($"{title} by session, sessions {firstSession} to {lastSession}. ")
            + string.Join(" ", ordered.Select(r => Describe(r.Episode)))
            + (references.Count > 0 ? " The " + references[0].Label + " is drawn." : string.Empty)
            + expectedText
            + (annotations.Count > 0 ? FormattableString.Invariant($" {annotations.Count(a => a.Label == "rupture")} rupture(s) and {annotations.Count(a => a.Label == "repair")} repair(s) are marked.") : string.Empty);
        return new LineChart(title, description, xAxis, yAxis, series, references, annotations);
    }

    private static string Describe(Episode episode)
    {
        var first = episode.Scores[0];
        var last = episode.Scores[episode.Count - 1];
        return FormattableString.Invariant($"{Capitalised(AllianceCodes.ToCode(episode.Perspective))}: {episode.Count} ratings, {first.Value} at session {first.Occasion.SessionNumber}, {last.Value} at session {last.Occasion.SessionNumber} (lowest {episode.Scores.Min(s => s.Value)}, highest {episode.Scores.Max(s => s.Value)}).");
    }

    private static double ValueAt(Episode episode, int session) => (double)episode.Scores.First(s => s.Occasion.SessionNumber == session).Value;

    private static string Metric(ScoreMetric metric) => metric switch
    {
        ScoreMetric.Sum => "total",
        ScoreMetric.Mean => "mean",
        ScoreMetric.Pomp => "POMP",
        ScoreMetric.WeightedMean => "weighted mean",
        ScoreMetric.WeakestLink => "weakest link",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "The metric is not defined."),
    };

    private static string Unit(ScoreMetric metric) => metric == ScoreMetric.Pomp ? "percent of maximum" : "points";

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
