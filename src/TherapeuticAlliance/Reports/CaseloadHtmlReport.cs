using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Charts;
using TherapeuticAlliance.ExpectedResponse;
using TherapeuticAlliance.Guidance;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Reports;

/// <summary>
/// Writes the caseload report: self-contained HTML pages (inline CSS and SVG, one small inline script that opens
/// collapsed sections for printing, no network fetches). The first page opens with the caseload's attention list
/// (<see cref="CaseloadTriage.Clients(System.Collections.Generic.IEnumerable{AllianceReport})"/>); each client has one section with a chart per instrument (all perspectives,
/// the cutoff, ruptures and any expected-response band), the current alerts, the findings and the focus areas, in
/// plain words; the page ends with how it was made. What <c>alliance report</c> writes; an application writes the same
/// page with no tool.
/// </summary>
/// <remarks>
/// <para>
/// A caseload larger than <see cref="CaseloadReportOptions.ClientsPerPage"/> is split: the first file holds the
/// attention list, the page directory and the provenance, and each further file (<c>report-001.html</c>,
/// <c>report-002.html</c>, …, named after the index) holds one page of clients, most urgent first. Each page is written
/// straight to the writer <c>open</c> returns and disposed when done, so the writer holds one client's section at a
/// time, whatever the caseload's size; the caller decides where pages go (files, a response stream, memory).
/// </para>
/// <para>
/// Client identifiers are the caller's own data and appear in the page (it is for the caller's clinicians), encoded
/// as HTML text; nothing is logged. Thread-safe: each call writes its own pages.
/// </para>
/// </remarks>
public static class CaseloadHtmlReport
{
    /// <summary>Clients per page when nothing else is asked: 100.</summary>
    public const int DefaultClientsPerPage = 100;

    private const string Style =
        "*{box-sizing:border-box}body{font-family:system-ui,sans-serif;margin:0 auto;padding:1.5rem;color:#1a1a1a;max-width:78rem;line-height:1.45}" +
        "@media (max-width:40rem){body{padding:.75rem}}h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-top:1px solid #ccc;padding-top:1rem}h3{font-size:1rem;margin:1rem 0 .4rem}" +
        "a{color:#0b5394}h2,a,td,li,dd,summary{overflow-wrap:anywhere}table{border-collapse:collapse;max-width:100%}td,th{border:1px solid #c8c8c8;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}" +
        ".scroll{max-width:100%;overflow-x:auto}.service-view table{display:block;max-width:100%;overflow-x:auto}.service-view figure{margin:1rem 0}.service-view svg{max-width:100%;height:auto}.partial-data{background:#fff4cc;border:1px solid #8a6d00;color:#3d3000;padding:.5rem .75rem}.note{color:#4a4a4a;font-size:.9rem}.counts{font-size:1.05rem}" +
        ".badge{display:inline-block;border-radius:.25rem;padding:0 .4rem;font-size:.85rem;font-weight:600;border:1px solid;white-space:nowrap;overflow-wrap:normal}" +
        ".badge.act{background:#fbe3d6;border-color:#a63d00;color:#7a2d00}.badge.watch{background:#fff4cc;border-color:#8a6d00;color:#5c4800}.badge.none{background:#eef3f8;border-color:#6b7c8f;color:#33414f}.badge.partial{background:#ffffff;border-style:dashed;border-color:#5c5c5c;color:#333333}.status{font-style:italic}" +
        ".attention td:nth-child(3){min-width:14rem}.attention ul,.alerts{margin:0;padding-left:1.1rem}.reasons li{overflow-wrap:anywhere}" +
        ".charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,30rem),1fr));gap:1rem}figure{margin:0;min-width:0}" +
        "svg.chart{display:block;width:100%;height:auto;border:1px solid #ddd}details{margin:.4rem 0}summary{cursor:pointer}" +
        ".inline{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.2rem .8rem}.client-nav{display:flex;flex-wrap:wrap;gap:1rem;font-size:.95rem}" +
        "dl.provenance{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.3rem 1rem}dl.provenance dt{font-weight:600}dl.provenance dd{margin:0;overflow-wrap:anywhere}" +
        "@media (max-width:40rem){dl.provenance{grid-template-columns:1fr}table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}table.stack thead{display:none}" +
        "table.stack tr{border:1px solid #c8c8c8;margin-bottom:.5rem}table.stack td{border:none;padding:.2rem .5rem}table.stack td[data-label]::before{content:attr(data-label) \": \";font-weight:600}}" +
        "@media print{body{max-width:none;padding:0;font-size:10pt}a{color:inherit;text-decoration:none}.client-nav,.back{display:none}section.client{break-before:page}figure,tr{break-inside:avoid}.charts{display:block}svg.chart{max-width:16cm;border:none}}";

    // Opens the collapsed findings and lists for printing, and closes them again after; inline, nothing is fetched.
    private const string PrintScript =
        "addEventListener('beforeprint',function(){document.querySelectorAll('details:not([open])').forEach(function(d){d.dataset.p='1';d.open=true;});});" +
        "addEventListener('afterprint',function(){document.querySelectorAll('details[data-p]').forEach(function(d){d.open=false;delete d.dataset.p;});});";

    /// <summary>Writes the report: one page, or an index and client pages when the caseload has more than <see cref="CaseloadReportOptions.ClientsPerPage"/> clients.</summary>
    /// <param name="indexFile">The index page's name, such as <c>report.html</c> (no directory); client pages are named after it.</param>
    /// <param name="open">Opens the page of the given name for writing; each writer is disposed when its page is written.</param>
    /// <param name="episodes">The caseload's reports (one per episode, perspective and instrument), from <see cref="EpisodeAnalyzer.AnalyzeCaseload(IEnumerable{Trends.Episode}, Trends.ReferenceNorms?, CaseloadNormUse)"/>.</param>
    /// <param name="options">What the page states besides the reports: provenance, instruments' names, expected-response models, page size.</param>
    /// <returns>The names of the pages written, the index first.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="indexFile"/> is empty or <see cref="CaseloadReportOptions.ClientsPerPage"/> is less than 1.</exception>
    public static IReadOnlyList<string> Write(string indexFile, Func<string, TextWriter> open, IReadOnlyList<AllianceReport> episodes, CaseloadReportOptions options)
    {
        Guard.Against.NullOrEmpty(indexFile);
        Guard.Against.Null(open);
        Guard.Against.Null(episodes);
        Guard.Against.Null(options);
        Guard.Against.NegativeOrZero(options.ClientsPerPage, nameof(options));
        if (episodes.Any(e => e is null))
        {
            throw new ArgumentNullException(nameof(episodes));
        }

        // Each client's section is set aside in memory and copied out in attention order: the same pages the
        // streaming writer writes for a caseload too large to hold.
        using var stream = new MemoryStream();
        using var writer = new CaseloadHtmlReportWriter(indexFile, open, options, stream);
        foreach (var client in episodes.GroupBy(r => r.EpisodeId, StringComparer.Ordinal))
        {
            writer.Add(client.ToList());
        }

        return writer.Complete();
    }

    internal sealed class Context
    {
        private readonly Dictionary<string, Instrument> _instruments = new(StringComparer.Ordinal);
        private int _charts;

        internal Context(CaseloadReportOptions options)
        {
            foreach (Instrument instrument in options.Instruments)
            {
                _instruments[Guard.Against.Null(instrument, nameof(options))!.Id] = instrument;
            }

            Models = options.ExpectedResponseModels;
            CallerNorm = options.CallerNormSource;
            LostData = new HashSet<string>(Guard.Against.Null(options.ClientsWithLostData, nameof(options)), StringComparer.Ordinal);
            _asOf = options.AlertsAsOf ?? options.Generated;
            foreach (AlertLifecycleEvent e in Guard.Against.Null(options.AlertEvents, nameof(options)))
            {
                Guard.Against.Null(e, nameof(options));
                if (!_events.TryGetValue(e.Alert.EpisodeId, out List<AlertLifecycleEvent>? list))
                {
                    _events[e.Alert.EpisodeId] = list = new List<AlertLifecycleEvent>();
                }

                list.Add(e);
            }
        }

        private readonly Dictionary<string, List<AlertLifecycleEvent>> _events = new(StringComparer.Ordinal);

        private readonly DateTimeOffset _asOf;

        /// <summary>One client's alerts with their statuses, from the options' events (every alert open without any).</summary>
        internal AlertBook Book(IReadOnlyList<AllianceReport> client) =>
            client.Count > 0 && _events.TryGetValue(client[0].Episode.Id, out List<AlertLifecycleEvent>? events)
                ? AlertBook.Track(client, events, _asOf)
                : AlertBook.Empty;

        /// <summary>The clients some of whose data was left out.</summary>
        internal HashSet<string> LostData { get; }

        internal string CallerNorm { get; }

        internal IReadOnlyCollection<IExpectedResponseModel> Models { get; }

        internal string NextChartId() => "chart-" + (++_charts).ToString(CultureInfo.InvariantCulture);

        /// <summary>The instrument's name, or its identifier in capitals when the name is long (WAI-SR).</summary>
        internal string ShortName(string instrumentId) =>
            Find(instrumentId) is { Name.Length: <= 24 } instrument ? instrument.Name : instrumentId.ToUpperInvariant();

        internal Instrument? Find(string instrumentId) => _instruments.TryGetValue(instrumentId, out Instrument? instrument) ? instrument : null;
    }

    internal static void Head(TextWriter writer, string title)
    {
        writer.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>");
        writer.Write(Encode(title));
        writer.Write("</title>\n<style>\n");
        writer.Write(Style);
        writer.Write("\n</style>\n</head>\n<body>\n");
    }

    internal static void Foot(TextWriter writer)
    {
        writer.Write("<script>");
        writer.Write(PrintScript);
        writer.Write("</script>\n</body>\n</html>\n");
        writer.Flush();
    }

    /// <summary>A client on the attention list: level, identifier, latest session and, for a client with an alert, its reasons as list items (HTML).</summary>
    internal readonly record struct Ranked(AttentionLevel Level, string Id, int Latest, string? Why);

    /// <summary>Writes the attention list: counts, the clients with an alert (most urgent first) and those with none, each list cut at <see cref="CaseloadHtmlReportWriter.IndexListLimit"/> with where the rest are.</summary>
    internal static void Attention(TextWriter writer, IReadOnlyList<Ranked> triage, Context context, Func<int, string> link, int clientsPerPage)
    {
        int act = triage.Count(c => c.Level == AttentionLevel.Act);
        int watch = triage.Count(c => c.Level == AttentionLevel.Watch);
        int none = triage.Count - act - watch;
        const int Limit = CaseloadHtmlReportWriter.IndexListLimit;
        writer.Write("<section id=\"attention\" aria-labelledby=\"attention-h\">\n<h2 id=\"attention-h\">Who needs attention</h2>\n<p class=\"counts\"><span class=\"badge act\">Act</span> ");
        writer.Write(Count(act, "client"));
        writer.Write(" · <span class=\"badge watch\">Watch</span> ");
        writer.Write(Count(watch, "client"));
        writer.Write(" · <span class=\"badge none\">No alert</span> ");
        writer.Write(Count(none, "client"));
        writer.Write("</p>\n<details class=\"note\"><summary>What the levels mean</summary>Act: at least one alert calls for action now (such as an unrepaired rupture or reliable deterioration). Watch: an advisory alert (such as a score below the cutoff). Most urgent first; each client's section has the charts and the full reasons.</details>\n");
        if (act + watch > 0)
        {
            writer.Write("<div class=\"scroll\"><table class=\"attention stack\">\n<thead><tr><th scope=\"col\">Level</th><th scope=\"col\">Client</th><th scope=\"col\">Why</th><th scope=\"col\">Latest session</th></tr></thead>\n<tbody>\n");
            for (int rank = 0; rank < Math.Min(act + watch, Limit); rank++)
            {
                Ranked entry = triage[rank];
                writer.Write("<tr><td>");
                Badge(writer, entry.Level);
                writer.Write("</td><td data-label=\"Client\"><a href=\"");
                writer.Write(Encode(link(rank)));
                writer.Write("\">");
                writer.Write(Encode(entry.Id));
                writer.Write("</a>");
                PartialMark(writer, entry.Id, context);
                writer.Write("</td><td data-label=\"Why\"><ul class=\"reasons\">");
                writer.Write(entry.Why);
                writer.Write("</ul></td><td data-label=\"Latest session\">");
                writer.Write(entry.Latest.ToString(CultureInfo.InvariantCulture));
                writer.Write("</td></tr>\n");
            }

            writer.Write("</tbody>\n</table></div>\n");
            if (act + watch > Limit)
            {
                Rest(writer, act + watch - Limit, "with an alert", Limit, clientsPerPage);
            }
        }

        if (none > 0)
        {
            writer.Write("<details class=\"no-alert\"><summary>");
            writer.Write(Count(none, "client"));
            writer.Write(" with no alert</summary>\n<ul class=\"inline\">\n");
            for (int rank = act + watch; rank < Math.Min(triage.Count, act + watch + Limit); rank++)
            {
                writer.Write("<li><a href=\"");
                writer.Write(Encode(link(rank)));
                writer.Write("\">");
                writer.Write(Encode(triage[rank].Id));
                writer.Write("</a>");
                PartialMark(writer, triage[rank].Id, context);
                writer.Write("</li>\n");
            }

            writer.Write("</ul>\n");
            if (none > Limit)
            {
                Rest(writer, none - Limit, "with no alert", act + watch + Limit, clientsPerPage);
            }

            writer.Write("</details>\n");
        }

        writer.Write("</section>\n");
    }

    /// <summary>Says how many clients of a list the index does not name and on which client page they start.</summary>
    private static void Rest(TextWriter writer, int rest, string list, int firstRank, int clientsPerPage)
    {
        writer.Write("<p class=\"note\">");
        writer.Write(Encode(string.Format(
            CultureInfo.InvariantCulture,
            "{0} more {1} {2} are not named here, to keep this page quick to open; they follow in the same order on the client pages{3}.",
            rest,
            rest == 1 ? "client" : "clients",
            list,
            clientsPerPage > 0 ? string.Format(CultureInfo.InvariantCulture, ", from page {0}", (firstRank / clientsPerPage) + 1) : string.Empty)));
        writer.Write("</p>\n");
    }

    /// <summary>
    /// A client's reasons in plain words, most severe first, one line per kind of alert with the series it is on:
    /// "Act: a rupture not yet repaired (Alliance Profile, client and therapist; WAI-SR, client)".
    /// </summary>
    internal static IEnumerable<string> Reasons(IReadOnlyList<AllianceReport> reports, Context context, AlertBook book)
    {
        var alerts = reports.SelectMany(r => r.Alerts.Select(a => (Report: r, Alert: a, Status: book.StatusOf(AlertIdentity.Of(r.Episode, a))))).ToList();
        string Where(IEnumerable<(AllianceReport Report, Alert Alert, AlertStatus Status)> g) => " (" + string.Join("; ", g
            .GroupBy(x => x.Report.InstrumentId, StringComparer.Ordinal)
            .Select(i => context.ShortName(i.Key) + ", " + string.Join(" and ", i.Select(x => ReportWording.Perspective(x.Report.Perspective)).Distinct()))) + ")";
        IEnumerable<string> counted = alerts
            .Where(x => x.Status is not (AlertStatus.Snoozed or AlertStatus.Dismissed))
            .GroupBy(x => (Severity: x.Status == AlertStatus.Acknowledged ? AlertSeverity.Watch : x.Alert.Severity, x.Alert.Code, Acknowledged: x.Status == AlertStatus.Acknowledged))
            .OrderByDescending(g => g.Key.Severity)
            .Select(g => Severity(g.Key.Severity) + ": " + ReportWording.Alert(g.Key.Code) + (g.Key.Acknowledged ? ", acknowledged" : string.Empty) + Where(g));
        IEnumerable<string> setAside = alerts
            .Where(x => x.Status is AlertStatus.Snoozed or AlertStatus.Dismissed)
            .GroupBy(x => (x.Alert.Code, x.Status))
            .Select(g => "Set aside: " + ReportWording.Alert(g.Key.Code) + ", " + AlertLifecycle.ToCode(g.Key.Status) + Where(g));
        return counted.Concat(setAside);
    }

    private static string Series(AllianceReport report, Context context) => context.ShortName(report.InstrumentId) + " (" + ReportWording.Perspective(report.Perspective) + ")";

    private static string Severity(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Act => "Act",
        AlertSeverity.Watch => "Watch",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "The severity is not defined."),
    };

    private static void Badge(TextWriter writer, AttentionLevel level)
    {
        writer.Write(level switch
        {
            AttentionLevel.Act => "<span class=\"badge act\">Act</span>",
            AttentionLevel.Watch => "<span class=\"badge watch\">Watch</span>",
            AttentionLevel.None => "<span class=\"badge none\">No alert</span>",
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "The level is not defined."),
        });
    }

    /// <summary>Writes a client's section; its anchor is <c>client-</c> and its number (its rank, most urgent first, from 1; a placeholder while the rank is not known).</summary>
    internal static void Client(TextWriter writer, string number, TriageEntry entry, IReadOnlyList<AllianceReport> reports, AlertBook book, Context context, string back)
    {
        string id = "client-" + number;
        writer.Write("<section class=\"client\" id=\"");
        writer.Write(id);
        writer.Write("\" aria-labelledby=\"");
        writer.Write(id);
        writer.Write("-h\">\n<h2 id=\"");
        writer.Write(id);
        writer.Write("-h\"><span id=\"");
        writer.Write(id);
        writer.Write("-name\">");
        writer.Write(Encode(entry.EpisodeId));
        writer.Write("</span> ");
        Badge(writer, entry.Level);
        PartialMark(writer, entry.EpisodeId, context);
        writer.Write("</h2>\n<p class=\"note\">Latest session ");
        writer.Write(entry.LatestSession.ToString(CultureInfo.InvariantCulture));
        if (entry.Therapist is not null || entry.Site is not null)
        {
            // Who sees the client now and where (issue 28): the keys of the latest session, the user's own data.
            writer.Write(", seen by ");
            writer.Write(Encode(entry.Therapist ?? "a therapist not recorded"));
            if (entry.Site is { } site)
            {
                writer.Write(" at ");
                writer.Write(Encode(site));
            }
        }

        writer.Write(". Rated: ");
        writer.Write(Encode(string.Join("; ", reports.GroupBy(r => r.InstrumentId, StringComparer.Ordinal).Select(g => context.ShortName(g.Key) + " by " + string.Join(" and ", g.Select(r => ReportWording.Perspective(r.Perspective)))))));
        writer.Write(".</p>\n");
        if (context.LostData.Contains(entry.EpisodeId))
        {
            // The badge's meaning in words, for touch and keyboard users who cannot reach its tooltip.
            writer.Write("<p class=\"note partial-client\">Partial data: some of this client's ratings were left out, so the charts and alerts below cover only what was used. The report's last part says what was left out and why.</p>\n");
        }

        var alerts = reports.SelectMany(r => r.Alerts.Select(a => (Report: r, Alert: a))).OrderByDescending(x => x.Alert.Severity).ToList();
        writer.Write("<h3>Current alerts</h3>\n");
        if (alerts.Count == 0)
        {
            writer.Write("<p>None at the latest session.</p>\n");
        }
        else
        {
            writer.Write("<ul class=\"alerts\">\n");
            foreach (var (report, alert) in alerts)
            {
                writer.Write("<li><span class=\"badge ");
                writer.Write(alert.Severity == AlertSeverity.Act ? "act" : "watch");
                writer.Write("\">");
                writer.Write(Severity(alert.Severity));
                writer.Write("</span> <b>");
                writer.Write(Encode(Series(report, context) + ": " + ReportWording.Alert(alert.Code)));
                writer.Write(".</b> ");
                if (book.StatusOf(AlertIdentity.Of(report.Episode, alert)) is var status and not (AlertStatus.Open or AlertStatus.Resolved))
                {
                    // What the clinician did with it (issue 33): a word, never the actor or the reason.
                    writer.Write("<span class=\"status\">");
                    writer.Write(AlertLifecycle.ToCode(status));
                    writer.Write(".</span> ");
                }

                writer.Write(Encode(alert.Message));
                writer.Write("</li>\n");
            }

            writer.Write("</ul>\n");
        }

        // One chart per instrument, alliance measures first, every perspective on it.
        writer.Write("<div class=\"charts\">\n");
        foreach (var instrument in reports.GroupBy(r => r.InstrumentId, StringComparer.Ordinal).OrderBy(g => g.First().Episode.Measure == MeasureKind.Outcome).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            LineChart chart = AllianceCharts.ForClient(instrument.ToList(), context.ShortName(instrument.Key), context.Models);
            writer.Write("<figure>\n");
            ChartWriter.WriteSvg(chart, writer, context.NextChartId(), id + "-name");
            writer.Write("<details class=\"data\"><summary>Data table: ");
            writer.Write(Encode(chart.Title));
            writer.Write("</summary>\n<div class=\"scroll\">");
            ChartWriter.WriteDataTable(chart, writer);
            writer.Write("</div></details>\n");
            if (context.Find(instrument.Key) is { HasPublishedValidation: false } unvalidated)
            {
                writer.Write("<figcaption class=\"note unvalidated\">");
                writer.Write(Encode(unvalidated.Name + " has no published validation: its alerts are at most \"watch\"."));
                writer.Write("</figcaption>\n");
            }

            writer.Write("</figure>\n");
        }

        writer.Write("</div>\n");

        var findings = reports.SelectMany(r => r.Findings.Select(f => (Report: r, Finding: f))).ToList();
        if (findings.Count > 0)
        {
            writer.Write("<details class=\"findings\"><summary>Findings (");
            writer.Write(findings.Count.ToString(CultureInfo.InvariantCulture));
            writer.Write(")</summary>\n<ul>\n");
            foreach (var (report, finding) in findings)
            {
                writer.Write("<li><b>");
                writer.Write(Encode(Series(report, context) + ", " + ReportWording.Finding(finding.Code)));
                writer.Write(":</b> ");
                writer.Write(Encode(finding.Summary));
                writer.Write("</li>\n");
            }

            writer.Write("</ul>\n</details>\n");
        }

        var focus = reports.SelectMany(r => r.Guidance).GroupBy(a => a.Prompt, StringComparer.Ordinal).Select(g => g.First()).ToList();
        if (focus.Count > 0)
        {
            writer.Write("<h3>Focus areas</h3>\n<ul>\n");
            foreach (FocusArea area in focus)
            {
                writer.Write("<li>");
                writer.Write(Encode(area.Prompt));
                writer.Write(" <span class=\"note\">(");
                writer.Write(Encode(area.Reason));
                writer.Write(")</span></li>\n");
            }

            writer.Write("</ul>\n");
        }

        writer.Write("<p class=\"back\"><a href=\"");
        writer.Write(back);
        writer.Write("\">Back to the attention list</a></p>\n</section>\n");
    }

    /// <summary>What the provenance's instruments table needs of one instrument's series, gathered as clients are added.</summary>
    internal sealed class InstrumentTally
    {
        private readonly SortedDictionary<Perspective, (ReliableChangeFinding? Change, ReferenceNorm? Norm)> _perspectives = new();

        internal InstrumentTally(Episode first) => First = first;

        /// <summary>Gets the first series' episode (measure, cutoff, reliability).</summary>
        internal Episode First { get; }

        /// <summary>Gets how many series.</summary>
        internal long Series { get; private set; }

        internal void Add(AllianceReport report)
        {
            Series++;
            _perspectives.TryGetValue(report.Perspective, out var seen);
            _perspectives[report.Perspective] = (seen.Change ?? report.Findings.OfType<ReliableChangeFinding>().FirstOrDefault(), seen.Norm ?? report.Episode.Reference);
        }

        /// <summary>Gets each perspective's first reliable-change finding and first reference norm, in perspective order.</summary>
        internal IEnumerable<KeyValuePair<Perspective, (ReliableChangeFinding? Change, ReferenceNorm? Norm)>> Perspectives => _perspectives;
    }

    internal static void Provenance(TextWriter writer, CaseloadReportOptions options, IEnumerable<InstrumentTally> instruments, Context context)
    {
        writer.Write("<footer>\n<section id=\"provenance\" aria-labelledby=\"provenance-h\">\n<h2 id=\"provenance-h\">How this report was made</h2>\n<dl class=\"provenance\">\n");
        foreach (KeyValuePair<string, string> line in options.ProvenanceLines)
        {
            Term(writer, line.Key, line.Value);
        }

        writer.Write("</dl>\n<h3>Instruments and norms</h3>\n<div class=\"scroll\"><table class=\"instruments stack\">\n<thead><tr><th scope=\"col\">Instrument</th><th scope=\"col\">Measures</th><th scope=\"col\">Series</th><th scope=\"col\">Cutoff</th><th scope=\"col\">Reliability</th><th scope=\"col\">Thresholds from</th></tr></thead>\n<tbody>\n");
        foreach (InstrumentTally tally in instruments)
        {
            Episode first = tally.First;
            Instrument? instrument = context.Find(first.InstrumentId);
            var norms = tally.Perspectives
                .Select(p => ReportWording.Perspective(p.Key) + ": " + Basis(p.Value.Change, p.Value.Norm, first.Measure, context))
                .ToList();
            writer.Write("<tr><td>");
            writer.Write(Encode(instrument is null ? first.InstrumentId : instrument.Name + " (" + instrument.Id + " " + instrument.Version + ")" + (instrument.HasPublishedValidation ? string.Empty : "; no published validation, alerts at most \"watch\"")));
            writer.Write("</td><td data-label=\"Measures\">");
            writer.Write(first.Measure == MeasureKind.Outcome ? "outcome" : "alliance");
            writer.Write("</td><td data-label=\"Series\">");
            writer.Write(tally.Series.ToString(CultureInfo.InvariantCulture));
            writer.Write("</td><td data-label=\"Cutoff\">");
            writer.Write(Encode(first.Cutoff?.ToString() ?? "none"));
            writer.Write("</td><td data-label=\"Reliability\">");
            writer.Write(first.Reliability is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "not established");
            writer.Write("</td><td data-label=\"Thresholds from\">");
            writer.Write(Encode(string.Join("; ", norms)));
            writer.Write("</td></tr>\n");
        }

        writer.Write("</tbody>\n</table></div>\n");
        if (context.Models.Count > 0)
        {
            writer.Write("<h3>Expected response</h3>\n<ul>\n");
            foreach (IExpectedResponseModel model in context.Models)
            {
                writer.Write("<li>");
                writer.Write(Encode(context.ShortName(model.InstrumentId) + ": " + model.Describe()));
                writer.Write("</li>\n");
            }

            writer.Write("</ul>\n");
        }

        if (options.DataSummary is { } summary)
        {
            writer.Write("<h3 id=\"data-used\">Data used and left out</h3>\n<p>");
            writer.Write(Encode(summary));
            writer.Write("</p>\n");
            if (options.LeftOut.Count > 0)
            {
                writer.Write("<div class=\"scroll\"><table class=\"left-out stack\">\n<thead><tr><th scope=\"col\">Reason</th><th scope=\"col\">Problems</th></tr></thead>\n<tbody>\n");
                foreach (KeyValuePair<string, int> reason in options.LeftOut)
                {
                    writer.Write("<tr><td>");
                    writer.Write(Encode(reason.Key));
                    writer.Write("</td><td data-label=\"Problems\">");
                    writer.Write(reason.Value.ToString(CultureInfo.InvariantCulture));
                    writer.Write("</td></tr>\n");
                }

                writer.Write("</tbody>\n</table></div>\n");
                if (options.LeftOutNote is { } note)
                {
                    writer.Write("<p class=\"note\">");
                    writer.Write(Encode(note));
                    writer.Write("</p>\n");
                }
            }
        }

        writer.Write("</section>\n</footer>\n");
    }

    /// <summary>
    /// What one instrument and perspective's thresholds rested on, in words, with the numbers actually used: the
    /// reliable-change basis the findings name (published value, or an SD and where it came from), and for alliance
    /// measures whether the rupture rule read a reference norm beside each client's own series.
    /// </summary>
    private static string Basis(ReliableChangeFinding? change, ReferenceNorm? norm, MeasureKind measure, Context context)
    {
        var parts = new List<string>();
        if (change is not null)
        {
            parts.Add(change.Basis == ReliableChangeBasis.PublishedValue
                ? string.Format(CultureInfo.InvariantCulture, "reliable change {0:0.###} points, the instrument's published value (the same for every client)", change.ReliableChangeValue)
                : string.Format(
                    CultureInfo.InvariantCulture,
                    "reliable change {0:0.###} points, from an SD of {1:0.###}{2} and the reliability {3:0.00}",
                    change.ReliableChangeValue,
                    change.Parameters.TryGetValue("sd", out double sd) ? sd : double.NaN,
                    norm is null ? string.Empty : " (" + Source(norm, context) + (norm.BaselineStandardDeviation is not null ? ", intake scores" : string.Empty) + ")",
                    change.Parameters.TryGetValue("reliability", out double r) ? r : double.NaN));
        }

        if (measure == MeasureKind.Alliance)
        {
            parts.Add(norm?.ChangeStandardDeviation is { } c
                ? string.Format(CultureInfo.InvariantCulture, "ruptures: the larger of each client's own threshold and one from a robust SD of session-to-session change of {0:0.###} points ({1})", c, Source(norm, context))
                : norm is not null
                    ? string.Format(CultureInfo.InvariantCulture, "ruptures: each client's own series, with a reliable-change floor from an SD of {0:0.###} points ({1})", norm.ReliableChangeStandardDeviation, Source(norm, context))
                    : "ruptures: each client's own series and the instrument's reliability (the same alone as in any caseload)");
        }

        if (parts.Count == 0)
        {
            parts.Add(norm is null ? "no reference norm" : string.Format(CultureInfo.InvariantCulture, "mean {0:0.##}, SD {1:0.##} points ({2})", norm.Mean, norm.StandardDeviation, Source(norm, context)));
        }

        return string.Join(", ", parts);
    }

    private static string Source(ReferenceNorm norm, Context context) =>
        norm.Source == NormSource.Caller ? context.CallerNorm : string.Format(CultureInfo.InvariantCulture, "from this caseload, {0} scores", norm.SampleSize);

    /// <summary>Marks a client some of whose data was left out (issue 26, part 4): a badge with its meaning in words, linked to the left-out table.</summary>
    private static void PartialMark(TextWriter writer, string client, Context context)
    {
        if (context.LostData.Contains(client))
        {
            writer.Write(" <span class=\"badge partial\" title=\"Some of this client's ratings were left out; the report's last part says what and why.\">Partial data</span>");
        }
    }

    private static void Term(TextWriter writer, string term, string value)
    {
        writer.Write("<dt>");
        writer.Write(Encode(term));
        writer.Write("</dt><dd>");
        writer.Write(Encode(value));
        writer.Write("</dd>\n");
    }

    /// <summary>Returns the name of a client page: the index's name with a three-digit page number, <c>report-001.html</c>.</summary>
    /// <param name="stem">The index's name without its extension.</param>
    /// <param name="extension">The index's extension, with its dot.</param>
    /// <param name="page">The page, from 1.</param>
    /// <returns>The name.</returns>
    public static string PageName(string stem, string extension, int page) => string.Format(CultureInfo.InvariantCulture, "{0}-{1:000}{2}", stem, page, extension);

    /// <summary>A file name as a relative link: escaped, so '#', '%' or a space in the name does not break it.</summary>
    internal static string Href(string fileName) => fileName.Length == 0 ? fileName : Uri.EscapeDataString(fileName);

    internal static string Count(long count, string noun, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : plural ?? noun + "s");

    internal static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Writes the overview by therapist, site or team: one row per group, withheld figures marked and counted, never shown.</summary>
    internal static void Overview(TextWriter index, CaseloadGroups overview)
    {
        string by = CareKeys.ToCode(overview.By);
        string title = "Overview by " + by;
        index.Write("<section id=\"overview\" aria-labelledby=\"overview-h\">\n<h2 id=\"overview-h\">");
        index.Write(Encode(title));
        index.Write("</h2>\n<p class=\"note\">Clients belong to the ");
        index.Write(by);
        index.Write(" of their latest session. Alliance is the mean latest client-rated alliance score and outcome change the mean change from first to last outcome score, both as a percentage of the scale's range (POMP); paired outcome scores is the share of clients with a first and a last outcome score. ");
        index.Write(Encode(string.Format(
            CultureInfo.InvariantCulture,
            "Disclosure control: figures over fewer than {0} clients are withheld{1}{2}; {3} and {4} were withheld.",
            overview.Policy.MinimumPeople,
            overview.Policy.SuppressSmallCounts ? string.Format(CultureInfo.InvariantCulture, ", so are counts of 1 to {0}", overview.Policy.MinimumPeople - 1) : string.Empty,
            overview.Policy.RoundCountsTo > 1 ? string.Format(CultureInfo.InvariantCulture, ", and counts are rounded to the nearest {0}", overview.Policy.RoundCountsTo) : string.Empty,
            Count(overview.WithheldGroups, "group"),
            Count(overview.WithheldStatistics, "figure"))));
        index.Write("</p>\n<div class=\"scroll\"><table class=\"stack overview\">\n<thead><tr><th scope=\"col\">");
        index.Write(Encode(char.ToUpperInvariant(by[0]) + by.Substring(1)));
        index.Write("</th><th scope=\"col\">Clients</th><th scope=\"col\">Series</th><th scope=\"col\">Act</th><th scope=\"col\">Watch</th><th scope=\"col\">No alert</th><th scope=\"col\">Alliance (POMP)</th><th scope=\"col\">Outcome change (POMP)</th><th scope=\"col\">Paired outcome scores</th></tr></thead>\n<tbody>\n");
        foreach (CaseloadGroup group in overview.Groups)
        {
            static string Number(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "withheld";
            static string Decimal(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "withheld";
            string Cell(string label, string text) => "<td data-label=\"" + label + "\">" + Encode(text) + "</td>";
            index.Write("<tr><th scope=\"row\">");
            index.Write(group.Key is { } key ? Encode(key) : "<em>not recorded</em>");
            index.Write("</th>");
            if (group.Withheld)
            {
                index.Write("<td colspan=\"8\">withheld: fewer than ");
                index.Write(overview.Policy.MinimumPeople.ToString(CultureInfo.InvariantCulture));
                index.Write(" clients</td></tr>\n");
                continue;
            }

            index.Write(Cell("Clients", Number(group.Clients)));
            index.Write(Cell("Series", Number(group.Episodes)));
            index.Write(Cell("Act", Number(group.Act)));
            index.Write(Cell("Watch", Number(group.Watch)));
            index.Write(Cell("No alert", Number(group.NoAlert)));
            index.Write(Cell("Alliance (POMP)", group.MeanAlliance is null && group.AllianceClients == 0 ? "no data" : Decimal(group.MeanAlliance, "0.0")));
            index.Write(Cell("Outcome change (POMP)", group.MeanOutcomeChange is null && group.OutcomeClients == 0 ? "no data" : Decimal(group.MeanOutcomeChange, "+0.0;-0.0;0.0")));
            index.Write(Cell("Paired outcome scores", Decimal(group.PairedOutcomeShare * 100, "0") + (group.PairedOutcomeShare is null ? string.Empty : " %")));
            index.Write("</tr>\n");
        }

        index.Write("</tbody>\n</table></div>\n</section>\n");
    }
}
