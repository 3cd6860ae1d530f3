using System.Globalization;
using System.Net;
using System.Text;
using TherapeuticAlliance.ExpectedResponse;
using TherapeuticAlliance.Guidance;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Cli;

/// <summary>Writes one self-contained HTML file (inline CSS and SVG, no network fetches): caseload summary, a chart per episode, findings and guidance.</summary>
internal static class HtmlReport
{
    private const int Width = 640;
    private const int Height = 220;
    private const int Left = 48;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 32;

    internal static void Write(TextWriter output, IReadOnlyList<AllianceReport> episodes, string source, IReadOnlyCollection<ExpectedResponseModel>? models = null)
    {
        models ??= Array.Empty<ExpectedResponseModel>();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>Therapeutic alliance report</title>\n<style>\n")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:60rem}@media (max-width:40rem){body{margin:.75rem}}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-top:1px solid #ddd;padding-top:1rem}")
            .Append("table{border-collapse:collapse;display:block;max-width:100%;overflow-x:auto}.triage td:nth-child(3){overflow-wrap:anywhere}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}.note{color:#555;font-size:.9rem}")
            .Append(".alert{color:#a40000}svg{background:#fafafa;border:1px solid #ddd;max-width:100%;height:auto}\n</style>\n</head>\n<body>\n");
        html.Append("<h1>Therapeutic alliance report</h1>\n<p class=\"note\">Source: ").Append(Encode(source)).Append(". Computed by TherapeuticAlliance: published methods, not clinical judgement. Alerts and focus areas are prompts for reflection.</p>\n");

        // Who needs attention first: the library's triage of the caseload, clients with an alert only.
        var clients = CaseloadTriage.Clients(episodes);
        html.Append("<h2>Attention</h2>\n<p>")
            .Append(clients.Length.ToString(CultureInfo.InvariantCulture)).Append(" clients: ")
            .Append(clients.Count(c => c.Level == AttentionLevel.Act).ToString(CultureInfo.InvariantCulture)).Append(" act, ")
            .Append(clients.Count(c => c.Level == AttentionLevel.Watch).ToString(CultureInfo.InvariantCulture)).Append(" watch, ")
            .Append(clients.Count(c => c.Level == AttentionLevel.None).ToString(CultureInfo.InvariantCulture)).Append(" with no alert.</p>\n");
        if (clients.Any(c => c.Level != AttentionLevel.None))
        {
            html.Append("<table class=\"triage\">\n<tr><th>Level</th><th>Client</th><th>Reasons</th><th>Latest session</th></tr>\n");
            foreach (TriageEntry client in clients.Where(c => c.Level != AttentionLevel.None))
            {
                html.Append("<tr><td").Append(client.Level == AttentionLevel.Act ? " class=\"alert\"" : string.Empty).Append('>').Append(AttentionLevelCodes.ToCode(client.Level))
                    .Append("</td><td>").Append(Encode(client.EpisodeId)).Append("</td><td>").Append(Encode(string.Join(", ", client.Reasons)))
                    .Append("</td><td>").Append(client.LatestSession.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        int alerts = episodes.Sum(e => e.Alerts.Length);
        html.Append("<h2>Caseload</h2>\n<table>\n<tr><th>Episode</th><th>Instrument</th><th>Perspective</th><th>Sessions</th><th>Latest</th><th>Findings</th><th>Alerts</th></tr>\n");
        foreach (AllianceReport report in episodes)
        {
            html.Append("<tr><td>").Append(Encode(report.EpisodeId)).Append("</td><td>").Append(Encode(report.InstrumentId)).Append("</td><td>")
                .Append(report.Perspective).Append("</td><td>").Append(report.Episode.Count.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(report.Episode.Scores[^1].Value.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(report.Findings.Length.ToString(CultureInfo.InvariantCulture)).Append("</td><td").Append(report.Alerts.Length > 0 ? " class=\"alert\"" : string.Empty).Append('>')
                .Append(report.Alerts.Length.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }

        html.Append("</table>\n<p>").Append(episodes.Count.ToString(CultureInfo.InvariantCulture)).Append(" episodes, ").Append(alerts.ToString(CultureInfo.InvariantCulture)).Append(" alerts.</p>\n");

        foreach (AllianceReport report in episodes)
        {
            html.Append("<section class=\"episode\">\n<h2>").Append(Encode(report.EpisodeId)).Append(" · ").Append(Encode(report.InstrumentId)).Append(" · ").Append(report.Perspective).Append("</h2>\n");
            Chart(html, report, report.Episode, report.OtherPerspective, models);
            if (report.Findings.Length > 0)
            {
                html.Append("<h3>Findings</h3>\n<ul>\n");
                foreach (TrendFinding finding in report.Findings)
                {
                    html.Append("<li><b>").Append(Encode(finding.Rule)).Append("</b>: ").Append(Encode(finding.Summary)).Append("</li>\n");
                }

                html.Append("</ul>\n");
            }

            if (report.Alerts.Length > 0)
            {
                html.Append("<h3>Alerts</h3>\n<ul class=\"alert\">\n");
                foreach (Alert alert in report.Alerts)
                {
                    html.Append("<li><b>").Append(AlertSeverityCodes.ToCode(alert.Severity)).Append(": ").Append(Encode(alert.Code)).Append("</b>: ").Append(Encode(alert.Message)).Append("</li>\n");
                }

                html.Append("</ul>\n");
            }

            if (report.Guidance.Length > 0)
            {
                html.Append("<h3>Focus areas</h3>\n<ul>\n");
                foreach (FocusArea area in report.Guidance)
                {
                    html.Append("<li>").Append(Encode(area.Prompt)).Append(" <span class=\"note\">(").Append(Encode(area.Reason)).Append(")</span></li>\n");
                }

                html.Append("</ul>\n");
            }

            html.Append("</section>\n");
        }

        html.Append("</body>\n</html>\n");
        output.Write(html.ToString());
    }

    private static void Chart(StringBuilder html, AllianceReport report, Episode episode, Episode? other, IReadOnlyCollection<ExpectedResponseModel> models)
    {
        double min = (double)episode.Minimum;
        double max = (double)episode.Maximum;
        int firstSession = episode.Scores[0].Occasion.SessionNumber;
        int lastSession = episode.Scores[^1].Occasion.SessionNumber;
        if (other is not null)
        {
            firstSession = Math.Min(firstSession, other.Scores[0].Occasion.SessionNumber);
            lastSession = Math.Max(lastSession, other.Scores[^1].Occasion.SessionNumber);
        }

        double span = Math.Max(1, lastSession - firstSession);
        string X(double session) => F(Left + ((session - firstSession) / span * (Width - Left - Right)));
        string Y(double value) => F(Top + ((max - value) / (max - min) * (Height - Top - Bottom)));

        html.Append("<svg class=\"chart\" role=\"img\" aria-label=\"Scores over sessions\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(Width).Append("\" height=\"").Append(Height)
            .Append("\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(Height).Append("\">\n");
        html.Append("<line x1=\"").Append(Left).Append("\" y1=\"").Append(Height - Bottom).Append("\" x2=\"").Append(Width - Right).Append("\" y2=\"").Append(Height - Bottom).Append("\" stroke=\"#999\"/>\n");
        html.Append("<text x=\"4\" y=\"").Append(Y(max)).Append("\" font-size=\"10\">").Append(F(max)).Append("</text><text x=\"4\" y=\"").Append(Y(min)).Append("\" font-size=\"10\">").Append(F(min)).Append("</text>\n");
        html.Append("<text x=\"").Append(Left).Append("\" y=\"").Append(Height - 8).Append("\" font-size=\"10\">session ").Append(firstSession).Append("</text><text x=\"").Append(Width - Right - 60).Append("\" y=\"").Append(Height - 8).Append("\" font-size=\"10\">session ").Append(lastSession).Append("</text>\n");
        if (episode.Cutoff is { Metric: ScoreMetric.Sum } cutoff && episode.Metric == ScoreMetric.Sum)
        {
            html.Append("<line class=\"cutoff\" x1=\"").Append(Left).Append("\" y1=\"").Append(Y((double)cutoff.Threshold)).Append("\" x2=\"").Append(Width - Right).Append("\" y2=\"").Append(Y((double)cutoff.Threshold))
                .Append("\" stroke=\"#c77\" stroke-dasharray=\"4 3\"><title>cutoff ").Append(Encode(cutoff.ToString())).Append("</title></line>\n");
        }

        // An outcome episode with an expected-response model: the expected path and the band's edge, from the intake.
        if (episode.Measure == MeasureKind.Outcome && episode.Scores[0].Occasion.SessionNumber == 1
            && models.FirstOrDefault(m => m.InstrumentId == episode.InstrumentId && m.Metric == episode.Metric) is { } model)
        {
            double intake = (double)episode.Scores[0].Value;
            double Clamp(double value) => Math.Min(max, Math.Max(min, value));
            var sessions = Enumerable.Range(1, Math.Max(1, lastSession)).Select(t => model.Expect(intake, t)).ToList();
            html.Append("<polyline class=\"expected\" fill=\"none\" stroke=\"#2a7\" stroke-dasharray=\"6 3\" points=\"")
                .Append(string.Join(" ", sessions.Select(e => X(e.Session) + "," + Y(Clamp(e.Expected)))))
                .Append("\"><title>expected response</title></polyline>\n");
            html.Append("<polyline class=\"band\" fill=\"none\" stroke=\"#2a7\" stroke-dasharray=\"2 3\" points=\"")
                .Append(string.Join(" ", sessions.Where(e => e.Session >= 2).Select(e => X(e.Session) + "," + Y(Clamp(e.Bound)))))
                .Append("\"><title>").Append(F(model.Coverage * 100)).Append(model.HigherIsBetter ? " % band: below it, not on track" : " % band: above it, not on track").Append("</title></polyline>\n");
        }

        Series(html, episode, X, Y, "#1f5fa8", episode.Perspective.ToString());
        if (other is not null)
        {
            Series(html, other, X, Y, "#888", other.Perspective.ToString());
        }

        foreach (RuptureFinding rupture in report.Findings.OfType<RuptureFinding>())
        {
            int trough = rupture.TroughSession;
            double value = (double)episode.Scores.First(s => s.Occasion.SessionNumber == trough).Value;
            html.Append("<circle class=\"rupture\" cx=\"").Append(X(trough)).Append("\" cy=\"").Append(Y(value)).Append("\" r=\"6\" fill=\"none\" stroke=\"#c00\" stroke-width=\"2\"><title>rupture</title></circle>\n");
            if (rupture.RepairSession is { } repair)
            {
                double repaired = (double)episode.Scores.First(s => s.Occasion.SessionNumber == repair).Value;
                html.Append("<circle class=\"repair\" cx=\"").Append(X(repair)).Append("\" cy=\"").Append(Y(repaired)).Append("\" r=\"6\" fill=\"none\" stroke=\"#080\" stroke-width=\"2\"><title>repair</title></circle>\n");
            }
        }

        foreach (int session in report.Alerts.SelectMany(a => a.Sessions).Distinct())
        {
            html.Append("<text class=\"alert-mark\" x=\"").Append(X(session)).Append("\" y=\"").Append(Top + 8).Append("\" font-size=\"12\" fill=\"#a40000\" text-anchor=\"middle\">!</text>\n");
        }

        html.Append("</svg>\n");
    }

    private static void Series(StringBuilder html, Episode episode, Func<double, string> x, Func<double, string> y, string colour, string label)
    {
        html.Append("<polyline class=\"series\" fill=\"none\" stroke=\"").Append(colour).Append("\" stroke-width=\"2\" points=\"");
        foreach (AllianceScore score in episode.Scores)
        {
            html.Append(x(score.Occasion.SessionNumber)).Append(',').Append(y((double)score.Value)).Append(' ');
        }

        html.Append("\"><title>").Append(Encode(label)).Append("</title></polyline>\n");
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
