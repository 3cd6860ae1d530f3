using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Xunit.Abstractions;

namespace TherapeuticAlliance.Cli.Tests;

/// <summary>
/// Issue 13's measurement: the defaults scored against the sample generator's own truth, on the bundled sample and on
/// a check set made with another seed and other parameters (docs/samples/generate.cs). Not a timed test: it counts.
/// The table it builds is the one published in docs/trends.md, so the published figures cannot drift from the code.
/// </summary>
public sealed class SignalAccuracyTests : CliTestBase
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples");

    /// <summary>The rule variants measured: the defaults, then the literature's other readings.</summary>
    private static readonly (string Name, string[] Options)[] Variants =
    {
        ("defaults", Array.Empty<string>()),
        ("`--rupture-rule two-sd` (2 SD per pair of sessions, the default before issue 26)", new[] { "--rupture-rule", "two-sd" }),
        ("`--rupture-rule one-sd`", new[] { "--rupture-rule", "one-sd" }),
        ("`--rupture-rule score-levels`", new[] { "--rupture-rule", "score-levels" }),
        ("`--rupture-rule intra-only` (the rupture rule before issue 13)", new[] { "--rupture-rule", "intra-only" }),
        ("`--below-cutoff-sessions 1` (the SRS cutoff rule as published)", new[] { "--below-cutoff-sessions", "1" }),
        ("`--repair-window 1` (repairs within one session only)", new[] { "--repair-window", "1" }),
        ("`--drop srs=1` (the drop-from-previous alert, on by default before issue 26)", new[] { "--drop", "srs=1" }),
    };

    private readonly ITestOutputHelper output;

    public SignalAccuracyTests(ITestOutputHelper output) => this.output = output;

    /// <summary>One client's truth, as the generator wrote it.</summary>
    private sealed record Truth(string Episode, int? Onset, int? End, string Course, double Latest, double Slope)
    {
        /// <summary>Gets whether anything happened that a rule may rightly flag: a rupture, deterioration, a true level below the SRS cutoff, or a falling alliance.</summary>
        public bool HasEvent => Onset is not null || Course == "deteriorating" || Latest < 36.0 || Slope < 0.0;

        /// <summary>Gets whether the state at the last session calls for action: a rupture not repaired by then, or a deteriorating outcome.</summary>
        public bool NeedsAction => (Onset is not null && End is null) || Course == "deteriorating";
    }

    /// <summary>The figures of one variant on one data set.</summary>
    private sealed record Figures(Accuracy SessionBySession, Accuracy Sparse, int EventFreeClients, double FalseAlarmsPerEventFreeClient, int ActClients, double ActPrecision, double ActRecall, int Alerts, double JustifiedAlerts, int AlertedClients, int Clients);

    /// <summary>Rupture findings against the truth on a set of series.</summary>
    private sealed record Accuracy(int Findings, double Precision, int Events, double Recall);

    [Fact]
    public void TheDefaults_MeetTheTargets_OnTheSampleAndOnACheckSetTheyWereNotTunedTo()
    {
        var lines = new List<string>
        {
            "| Data | Rules | SRS ruptures found | SRS precision | SRS recall (events) | WAI-SR, Alliance Profile: found | precision | recall (events) | False alarms per event-free client | Alerts justified by the truth | Clients at \"act\" | \"Act\" precision | \"Act\" recall | Clients with any alert |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        };
        var defaults = new List<(string Data, Figures Figures)>();
        foreach ((string data, string file) in new[] { ("sample (60 clients)", "alliance-sample"), ("check set (80 clients)", "check/alliance-check") })
        {
            foreach ((string name, string[] options) in Variants)
            {
                Figures f = Measure(Path.Combine(Samples, file + ".csv"), Path.Combine(Samples, file + "-truth.csv"), options);
                lines.Add(string.Format(
                    CultureInfo.InvariantCulture,
                    "| {0} | {1} | {2} | {3:0.00} | {4:0.00} ({5}) | {6} | {7:0.00} | {8:0.00} ({9}) | {10:0.00} ({11} clients) | {16:0.00} ({17} alerts) | {12} | {13:0.00} | {18:0.00} | {14} of {15} |",
                    data,
                    name,
                    f.SessionBySession.Findings,
                    f.SessionBySession.Precision,
                    f.SessionBySession.Recall,
                    f.SessionBySession.Events,
                    f.Sparse.Findings,
                    f.Sparse.Precision,
                    f.Sparse.Recall,
                    f.Sparse.Events,
                    f.FalseAlarmsPerEventFreeClient,
                    f.EventFreeClients,
                    f.ActClients,
                    f.ActPrecision,
                    f.AlertedClients,
                    f.Clients,
                    f.JustifiedAlerts,
                    f.Alerts,
                    f.ActRecall));
                if (options.Length == 0)
                {
                    defaults.Add((data, f));
                }
            }
        }

        foreach (string line in lines)
        {
            output.WriteLine(line);
        }

        foreach ((string data, Figures f) in defaults)
        {
            Assert.True(f.SessionBySession.Precision >= 0.8, $"{data}: rupture precision {f.SessionBySession.Precision:0.00} < 0.8");
            Assert.True(f.SessionBySession.Recall >= 0.9, $"{data}: rupture recall {f.SessionBySession.Recall:0.00} < 0.9");
            Assert.True(f.Sparse.Precision >= 0.8, $"{data}: rupture precision on the sparse instruments {f.Sparse.Precision:0.00} < 0.8");
            Assert.True(f.FalseAlarmsPerEventFreeClient <= 0.25, $"{data}: {f.FalseAlarmsPerEventFreeClient:0.00} false alarms per event-free client > 0.25");
        }

        // The bundled sample's report flags a minority of its clients.
        Assert.True(defaults[0].Figures.AlertedClients * 2 < defaults[0].Figures.Clients, $"{defaults[0].Figures.AlertedClients} of {defaults[0].Figures.Clients} clients alerted on the sample, not a minority");

        // The published table is this one, line for line, and nothing else: no stale row survives a change.
        string[] published = System.IO.File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "docs", "trends.md"));
        int start = Array.IndexOf(published, lines[0]);
        Assert.True(start >= 0, "docs/trends.md does not hold the table's header");
        Assert.Equal(lines, published.Skip(start).TakeWhile(l => l.StartsWith('|')).ToArray());
    }

    [Fact]
    public void NotOnTrack_FittedOnTheSample_FindsTheCheckSetsClientsWhoAreNotImproving()
    {
        // Issue 14's measurement: fit the expected response on one generated history (the sample's ORS), score
        // another (the check set), and compare the clients at "not on track" at their latest session with the truth.
        string model = Path.Combine(Dir, "ors-model.json");
        var (fitCode, _, fitErr) = Run("expected-response", "fit", Path.Combine(Samples, "alliance-sample.csv"), "--output", model);
        Assert.Equal(0, fitCode);
        Assert.Contains("60 episodes used, 0 left out", fitErr, StringComparison.Ordinal);

        var lines = new List<string>
        {
            "| Scored on | Clients not improving (truth) | Clients not on track | Precision | Recall | Also reliably deteriorated |",
            "| --- | --- | --- | --- | --- | --- |",
        };
        foreach ((string data, string file) in new[] { ("the sample (the fit's own history)", "alliance-sample"), ("the check set (80 clients, not seen by the fit)", "check/alliance-check") })
        {
            Dictionary<string, Truth> truth = ReadTruth(Path.Combine(Samples, file + "-truth.csv"));
            List<string[]> triage = ReadCsv(Run("triage", Path.Combine(Samples, file + ".csv"), "--by", "episode", "--expected-response", model).Out, TriageColumns);
            var ors = triage.Where(r => r[3] == "ors").ToList();
            var flagged = ors.Where(r => r[5].Contains("not-on-track", StringComparison.Ordinal)).Select(r => r[2]).ToHashSet(StringComparer.Ordinal);
            var deteriorated = ors.Where(r => r[5].Contains("reliable-deterioration", StringComparison.Ordinal)).Select(r => r[2]).ToHashSet(StringComparer.Ordinal);
            var positives = truth.Values.Where(t => t.Course != "improving").Select(t => t.Episode).ToHashSet(StringComparer.Ordinal);
            double precision = flagged.Count == 0 ? 1.0 : (double)flagged.Count(positives.Contains) / flagged.Count;
            double recall = (double)flagged.Count(positives.Contains) / positives.Count;
            lines.Add(string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2} | {3:0.00} | {4:0.00} | {5} |", data, positives.Count, flagged.Count, precision, recall, deteriorated.Count));
            Assert.True(precision >= 0.75, $"{data}: not-on-track precision {precision:0.00} < 0.75");
            Assert.True(recall >= 0.8, $"{data}: not-on-track recall {recall:0.00} < 0.8");
        }

        foreach (string line in lines)
        {
            output.WriteLine(line);
        }

        // The HTML report draws the expected path and the band on every ORS chart, and on no alliance chart.
        string html = Path.Combine(Dir, "report.html");
        Assert.Equal(0, Run("report", Path.Combine(Samples, "check", "alliance-check.csv"), "--expected-response", model, "--output", html).Code);
        string page = System.IO.File.ReadAllText(html);
        Assert.Equal(80, System.Text.RegularExpressions.Regex.Count(page, ">Expected</text>"));        // legend entries, one per ORS chart
        Assert.Equal(80, System.Text.RegularExpressions.Regex.Count(page, ">90 % band edge</text>"));
        Assert.Equal(80, System.Text.RegularExpressions.Regex.Count(page, "<th scope=\"col\">Expected</th>"));   // and the data tables' columns
        Assert.Contains("below the band is not on track.", page, StringComparison.Ordinal);
        Assert.Equal(0, Run("report", Path.Combine(Samples, "alliance-sample.csv"), "--output", html).Code);
        Assert.DoesNotContain(">Expected</text>", System.IO.File.ReadAllText(html), StringComparison.Ordinal);

        string[] published = System.IO.File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "docs", "expected-response.md"));
        int start = Array.IndexOf(published, lines[0]);
        Assert.True(start >= 0, "docs/expected-response.md does not hold the table's header");
        Assert.Equal(lines, published.Skip(start).TakeWhile(l => l.StartsWith('|')).ToArray());
    }

    private static Figures Measure(string sample, string truthFile, string[] options)
    {
        Dictionary<string, Truth> truth = ReadTruth(truthFile);
        List<string[]> rows = ReadCsv(Run(new[] { "analyze", sample }.Concat(options).ToArray()).Out, SignalColumns);
        List<string[]> triage = ReadCsv(Run(new[] { "triage", sample }.Concat(options).ToArray()).Out, TriageColumns);

        // Columns (as read): episode, perspective, instrument, kind, rule, code, sessions, summary.
        string[] alliance = { "srs", "wai-sr", "alliance-profile" };
        static int[] Measured(string instrument) => instrument == "srs" ? Enumerable.Range(1, 12).ToArray() : new[] { 3, 6, 9, 12 };
        var series = rows.Where(r => r[5] == "trajectory" && alliance.Contains(r[2])).Select(r => (Episode: r[0], Perspective: r[1], Instrument: r[2])).Distinct().ToList();

        // The sessions of a series that fall in its client's dip, and whether the dip can be seen (a session before it).
        int[] Dip((string Episode, string Perspective, string Instrument) s)
        {
            Truth t = truth[s.Episode];
            if (t.Onset is not { } onset)
            {
                return Array.Empty<int>();
            }

            int end = t.End ?? 13;
            int[] measured = Measured(s.Instrument);
            return measured.Any(x => x < onset) ? measured.Where(x => x >= onset && x < end).ToArray() : Array.Empty<int>();
        }

        bool IsTrue(string[] r)
        {
            int[] sessions = r[6].Split(' ').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            int[] dip = Dip((r[0], r[1], r[2]));
            return dip.Length > 0 && dip.Contains(sessions[1]) && sessions[0] < truth[r[0]].Onset;
        }

        Accuracy Score(Func<string, bool> instruments)
        {
            var ruptures = rows.Where(r => r[3] == "finding" && r[5] == "rupture" && instruments(r[2])).ToList();
            var observable = series.Where(s => instruments(s.Instrument) && Dip(s).Length > 0).ToList();
            int detected = observable.Count(s => ruptures.Any(r => (r[0], r[1], r[2]) == s && IsTrue(r)));
            return new Accuracy(
                ruptures.Count,
                ruptures.Count == 0 ? 1.0 : (double)ruptures.Count(IsTrue) / ruptures.Count,
                observable.Count,
                observable.Count == 0 ? 1.0 : (double)detected / observable.Count);
        }

        var alerts = rows.Where(r => r[3] == "alert").ToList();
        var eventFree = truth.Values.Where(t => !t.HasEvent).Select(t => t.Episode).ToHashSet(StringComparer.Ordinal);
        int falseAlarms = alerts.Count(a => eventFree.Contains(a[0]));

        // Triage columns: rank, level, episode, instrument, perspective, reasons, latest_session.
        var act = triage.Where(t => t[1] == "act").Select(t => t[2]).ToList();
        int needing = truth.Values.Count(t => t.NeedsAction);

        // Each alert against the truth its rule claims (a design of this test, stated in docs/trends.md).
        bool Justified(string[] a)
        {
            Truth t = truth[a[0]];
            bool unrepaired = t.Onset is not null && t.End is null;
            return a[5] switch
            {
                "below-cutoff" => t.Latest < 36.0,
                "drop-from-previous" => t.Onset == 12,
                "unrepaired-rupture" => unrepaired,
                "declining-slope" => t.Slope < 0.0 || unrepaired,
                "reliable-deterioration" => t.Course == "deteriorating",
                "not-on-track" => t.Course != "improving",
                _ => false,
            };
        }

        return new Figures(
            Score(i => i == "srs"),
            Score(i => i is "wai-sr" or "alliance-profile"),
            eventFree.Count,
            (double)falseAlarms / eventFree.Count,
            act.Count,
            act.Count == 0 ? 1.0 : (double)act.Count(c => truth[c].NeedsAction) / act.Count,
            needing == 0 ? 1.0 : (double)act.Count(c => truth[c].NeedsAction) / needing,
            alerts.Count,
            alerts.Count == 0 ? 1.0 : (double)alerts.Count(Justified) / alerts.Count,
            alerts.Select(a => a[0]).Distinct(StringComparer.Ordinal).Count(),
            truth.Count);
    }

    private static Dictionary<string, Truth> ReadTruth(string path) =>
        ReadCsv(System.IO.File.ReadAllText(path), "episode", "rupture_onset", "rupture_end", "outcome_course", "srs_true_latest", "srs_true_slope").ToDictionary(
            r => r[0],
            r => new Truth(
                r[0],
                r[1].Length == 0 ? null : int.Parse(r[1], CultureInfo.InvariantCulture),
                r[2].Length == 0 ? null : int.Parse(r[2], CultureInfo.InvariantCulture),
                r[3],
                double.Parse(r[4], CultureInfo.InvariantCulture),
                double.Parse(r[5], CultureInfo.InvariantCulture)),
            StringComparer.Ordinal);

    /// <summary>The rows of a CSV with the named columns in the order given (found by the header, so a schema's order may change).</summary>
    private static List<string[]> ReadCsv(string text, params string[] columns)
    {
        using var reader = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture));
        var rows = new List<string[]>();
        reader.Read();
        reader.ReadHeader();
        int[] index = columns.Select(c => Array.IndexOf(reader.HeaderRecord!, c)).ToArray();
        Assert.DoesNotContain(-1, index);
        while (reader.Read())
        {
            rows.Add(index.Select(i => reader.GetField(i) ?? string.Empty).ToArray());
        }

        return rows;
    }

    private static readonly string[] SignalColumns = { "episode", "perspective", "instrument", "kind", "rule", "code", "sessions", "summary" };
    private static readonly string[] TriageColumns = { "rank", "level", "episode", "instrument", "perspective", "reasons", "latest_session" };
}
