using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Schema;
using static TherapeuticAlliance.Utilities.HtmlFragments;

namespace TherapeuticAlliance.Service;

[TypeFormatterSource(typeof(NotebookFormatterSource))]
public sealed partial class ServiceAnalysis : IHtmlRenderable
{
    /// <summary>The most therapists the caterpillar chart draws: 500 (the table lists them all).</summary>
    public const int ChartTherapistLimit = 500;

    /// <summary>
    /// Writes the service view as HTML: what it must not be used for, the caseload's benchmarks beside the published
    /// ones, the rows per site, month and therapist (in key order, not ranked), therapist and site shares of the outcome
    /// and alliance variance with intervals, a caterpillar chart of the therapists' adjusted outcome effects, and the
    /// dependability of alliance scores, with every refusal and note; see <see cref="IHtmlRenderable"/>.
    /// </summary>
    /// <param name="writer">Where to write; left open.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteHtml(TextWriter writer)
    {
        Guard.Against.Null(writer);
        Open(writer, "service", "Service: how the service is doing");
        Paragraph(writer, "These figures describe a service and are for supervision and service planning. They must not be used to rank therapists, to pay or appraise them, or to decide anything about one therapist alone: a therapist's effect rests on few clients and its interval is wide. A therapist is called above or below average only when the whole interval lies on one side.");
        WriteNotes(writer, Notes);
        ServiceBenchmark? caseload = Benchmarks.FirstOrDefault(b => b.Grouping == ServiceGrouping.Caseload);
        if (caseload is not null)
        {
            Table(writer, "The caseload beside published benchmarks (indicative: other instruments and populations)", "Figure|This service|Published|Benchmark|Population and source", Comparisons.Select(c => (IReadOnlyList<string>)new[]
            {
                c.Statistic,
                Show(caseload.Figure(c.Statistic), c.Statistic),
                c.Value is { } v ? Show(v, c.Statistic) : Show(c.Low, c.Statistic) + " to " + Show(c.High, c.Statistic),
                c.Id,
                c.Population + "; " + c.Source,
            }));
        }

        const string Headers = "Group|Episodes|Pre-post pairs|Effect size (interval)|Severity-adjusted|Reliable improvement|Reliable deterioration|Recovery|Reliable recovery|Reached target|Mean alliance|Completeness";
        foreach (ServiceGrouping grouping in new[] { ServiceGrouping.Caseload, ServiceGrouping.Site, ServiceGrouping.Month, ServiceGrouping.Therapist })
        {
            ServiceBenchmark[] rows = Benchmarks.Where(b => b.Grouping == grouping).ToArray();
            if (rows.Length > 0)
            {
                Table(writer, "Benchmarks per " + ServiceCodes.ToCode(grouping) + (grouping == ServiceGrouping.Therapist ? " (in key order, not ranked)" : string.Empty), Headers, rows.Select(BenchmarkCells));
            }
        }

        Paragraph(writer, string.Format(CultureInfo.InvariantCulture, "Reliable change: a change of {0} points or more; clinical cutoff {1} ({2} is better). Statistics over fewer than {3} people are withheld (\"withheld\").", Number(Options.ReliableChange), Number(Options.ClinicalCutoff), Options.HigherIsBetter ? "higher" : "lower", Options.Policy.MinimumPeople));
        WriteEffects(writer, "Therapist effects on the outcome (case-mix adjusted)", Outcome, chart: true);
        WriteEffects(writer, "Therapist effects on the alliance", Alliance, chart: false);
        Dependability.Switch(
            d =>
            {
                Pairs(
                    writer,
                    "Dependability of alliance scores (generalizability, Crits-Christoph et al. 2011)",
                    ("client's mean over " + Number(d.SessionsPerClient) + " sessions", Number(d.ClientCoefficient)),
                    ("therapist's mean over " + Number(d.ClientsPerTherapist) + " clients", Number(d.TherapistCoefficient)),
                    ("sessions for 0.80 / 0.90 (client)", Number(d.SessionsNeeded(0.80)) + " / " + Number(d.SessionsNeeded(0.90))),
                    ("clients per therapist for 0.80 / 0.90", Number(d.ClientsNeeded(0.80, d.SessionsPerClient)) + " / " + Number(d.ClientsNeeded(0.90, d.SessionsPerClient))),
                    ("published (Crits-Christoph et al. 2011)", AllianceDependability.PublishedSessionsForVeryGood.ToString(CultureInfo.InvariantCulture) + "+ sessions for above 0.90; about " + AllianceDependability.PublishedClientsPerTherapist.ToString(CultureInfo.InvariantCulture) + " clients per therapist"));
                WriteNotes(writer, d.Notes);
            },
            e => Paragraph(writer, "Dependability of alliance scores: not computed. " + e.Message));
        Close(writer);
    }

    /// <summary>A benchmark figure as the tables show it: effect sizes to two decimals, rates as percentages.</summary>
    private static string Show(double? value, string statistic) => statistic is RowSchemas.EffectSize or RowSchemas.Saes ? Ratio(value) : Percent(value);

    private static string Ratio(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string Percent(double? value) => value is { } v ? (100 * v).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "n/a";

    private static IReadOnlyList<string> BenchmarkCells(ServiceBenchmark b)
    {
        string Count(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "withheld";
        if (b.Withheld)
        {
            return new[] { b.Group, Count(b.Episodes), Count(b.Paired), "withheld", "withheld", "withheld", "withheld", "withheld", "withheld", "withheld", "withheld", "withheld" };
        }

        return new[]
        {
            b.Group,
            Count(b.Episodes),
            Count(b.Paired),
            b.EffectSize is { } d ? string.Format(CultureInfo.InvariantCulture, "{0:0.00} ({1:0.00} to {2:0.00})", d, b.EffectSizeLow, b.EffectSizeHigh) : "n/a",
            Ratio(b.SeverityAdjustedEffectSize),
            Percent(b.ReliableImprovement),
            Percent(b.ReliableDeterioration),
            Percent(b.Recovery),
            Percent(b.ReliableRecovery),
            Percent(b.ReachedTarget),
            b.AllianceMean is { } a ? a.ToString("0.0", CultureInfo.InvariantCulture) : "n/a",
            Percent(b.Completeness),
        };
    }

    private static void WriteEffects(TextWriter writer, string heading, TherapistEffectsResult result, bool chart)
    {
        if (!result.IsSuccess)
        {
            Paragraph(writer, heading + ": not estimated. " + result.AsT1.Message);
            return;
        }

        TherapistEffectsAnalysis analysis = result.AsT0;
        Pairs(writer, heading + ": " + analysis.Formula, analysis.Shares.Select(s => (s.Group + "s' share of the variance", string.Format(CultureInfo.InvariantCulture, "{0:0.0} % ({1:0.0} to {2:0.0} %, {3:0} % profile-likelihood interval; {4} {5}s)", 100 * s.Share, 100 * s.Lower, 100 * s.Upper, 100 * s.Level, s.Levels, s.Group))).Concat(new[]
        {
            ("above / average / below / withheld", string.Format(CultureInfo.InvariantCulture, "{0} / {1} / {2} / {3}", analysis.Therapists.Count(t => t.Classification == EffectClassification.AboveAverage), analysis.Therapists.Count(t => t.Classification == EffectClassification.Average), analysis.Therapists.Count(t => t.Classification == EffectClassification.BelowAverage), analysis.Therapists.Count(t => t.Classification == EffectClassification.Withheld))),
            ("episodes in the model", analysis.Episodes.ToString(CultureInfo.InvariantCulture)),
        }).ToArray());
        if (chart)
        {
            Caterpillar(writer, analysis);
        }

        Table(writer, heading + ", per therapist (in key order, not ranked; positive = better than average)", "Therapist|Site|Clients|Effect|Interval|Classification|Reliability", analysis.Therapists.OrderBy(t => t.Therapist, StringComparer.Ordinal).Select(t => (IReadOnlyList<string>)new[]
        {
            t.Therapist,
            t.Site ?? string.Empty,
            t.Clients.ToString(CultureInfo.InvariantCulture),
            t.Effect is { } e ? e.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "withheld",
            t.Effect is null ? "withheld" : string.Format(CultureInfo.InvariantCulture, "{0:0.00} to {1:0.00}", t.Lower, t.Upper),
            ServiceCodes.ToCode(t.Classification),
            t.Reliability is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "withheld",
        }));
        WriteNotes(writer, analysis.Notes);
    }

    private static void Caterpillar(TextWriter writer, TherapistEffectsAnalysis analysis)
    {
        TherapistEffect[] shown = analysis.Therapists.Where(t => t.Effect is not null).OrderBy(t => t.Effect).ToArray();
        if (shown.Length == 0 || shown.Length > ChartTherapistLimit)
        {
            Paragraph(writer, shown.Length == 0 ? "No therapist's effect may be shown, so no chart is drawn." : string.Format(CultureInfo.InvariantCulture, "{0} therapists are more than the chart draws ({1}); the table lists them.", shown.Length, ChartTherapistLimit));
            return;
        }

        string title = "Therapists' adjusted outcome effects with " + (100 * analysis.TherapistShare.Level).ToString("0", CultureInfo.InvariantCulture) + " % intervals, sorted (not a league table: overlapping intervals cannot be told apart)";
        Charts.CaterpillarChart.Write(
            writer,
            ChartId("service|" + analysis.Formula + "|" + shown.Length.ToString(CultureInfo.InvariantCulture)),
            title,
            shown.Select(t =>
            {
                var (colour, name) = t.Classification switch
                {
                    EffectClassification.AboveAverage => ("#1a7f37", "above average"),
                    EffectClassification.BelowAverage => ("#b42318", "below average"),
                    _ => ("#6b8fb3", "average"),
                };
                return new Charts.CaterpillarPoint(t.Effect!.Value, t.Lower!.Value, t.Upper!.Value, colour, 2, colour, 3, name);
            }).ToArray(),
            string.Format(CultureInfo.InvariantCulture, "{0} therapists, sorted by effect (outcome points; green above, red below average)", shown.Length),
            string.Format(CultureInfo.InvariantCulture, "{0}. {1} above average, {2} below average, {3} whose intervals include the mean.", title, shown.Count(t => t.Classification == EffectClassification.AboveAverage), shown.Count(t => t.Classification == EffectClassification.BelowAverage), shown.Count(t => t.Classification == EffectClassification.Average)),
            "caterpillar",
            height: 240,
            bottom: 36);
    }

    private static void Paragraph(TextWriter writer, string text)
    {
        writer.Write("<p>");
        writer.Write(Encode(text));
        writer.Write("</p>");
    }

    private static void WriteNotes(TextWriter writer, IEnumerable<string> notes)
    {
        foreach (string note in notes)
        {
            Paragraph(writer, "Note: " + note);
        }
    }
}
