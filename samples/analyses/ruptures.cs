#:project ../../src/TherapeuticAlliance/TherapeuticAlliance.csproj
#:project ../../src/TherapeuticAlliance.Tables/TherapeuticAlliance.Tables.csproj
#:property ImplicitUsings=enable

// Ruptures and repairs over a caseload: 80 synthetic SRS episodes of 12 sessions, some with dips (data/srs-series.csv,
// one row per session total; no real client), read in one call and analysed as the CLI's report does: trajectories,
// ruptures and repairs (Gumz, Brähler, Geyer & Erices 2012, judged against the caseload's norms), reliable change,
// the practice rules, alerts and triage. Checked against R (data/srs-series-r.csv, R 4.2.2: lm and sd): every
// episode's OLS slope and intercept, and, under the series-SD rule (a drop of at least one SD of the client's own
// series, Gumz et al.'s m = 1), the number of ruptures counted directly from R's SDs.
// Run from the repository's root:   dotnet run samples/analyses/ruptures.cs [OUTPUT]
// Writes OUTPUT/findings.csv, OUTPUT/alerts.csv, OUTPUT/triage.csv and OUTPUT/ruptures.svg (default
// samples/analyses/out/ruptures) and exits with 1 when a number differs from R's.

using TherapeuticAlliance.Charts;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Tables;
using TherapeuticAlliance.Trends;

string here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Path.Combine("samples", "analyses");
string output = args.Length > 0 ? args[0] : Path.Combine(here, "out", "ruptures");
Directory.CreateDirectory(output);
int failures = 0;

void Check(string what, double library, double expected, double tolerance)
{
    bool ok = Math.Abs(library - expected) <= tolerance;
    failures += ok ? 0 : 1;
    if (!ok || what.StartsWith("all", StringComparison.Ordinal) || what.StartsWith("ruptures", StringComparison.Ordinal))
    {
        Console.WriteLine(FormattableString.Invariant($"  {(ok ? "ok  " : "FAIL")} {what,-44} {library,10:0.######} {expected,10:0.######}"));
    }
}

var episodes = LongFormat.ReadEpisodes(Path.Combine(here, "data", "srs-series.csv")).GetValueOrThrow().Select(e => e.GetValueOrThrow()).ToList();
TidyTable r = TidyCsv.Read(Path.Combine(here, "data", "srs-series-r.csv")).GetValueOrThrow();
var fromR = Enumerable.Range(0, r.RowCount).ToDictionary(i => (string)r[i, "name"]!, i => r.GetDouble(i, "value"), StringComparer.Ordinal);

// The caseload as the report analyses it (80 episodes: the caseload's change SD, never below a client's own), every detector, alerts and triage.
var reports = EpisodeAnalyzer.Default.AnalyzeCaseload(episodes);
var triage = CaseloadTriage.Clients(reports);

Console.WriteLine($"Ruptures and repairs: {episodes.Count} SRS episodes, {episodes.Sum(e => e.Count)} sessions");
Console.WriteLine("         statistic                                       library      R");
int slopes = 0;
foreach (AllianceReport report in reports)
{
    int n = int.Parse(report.EpisodeId["client-".Length..], System.Globalization.CultureInfo.InvariantCulture);
    TrajectoryFinding trajectory = report.Findings.OfType<TrajectoryFinding>().Single();
    Check($"slope e{n}", trajectory.Slope, fromR[$"slope_e{n}"], 1e-9);
    Check($"intercept e{n}", trajectory.Intercept, fromR[$"intercept_e{n}"], 1e-9);
    slopes++;
}

Check("all slopes and intercepts checked", slopes, 80, 0);

// Under the series-SD rule, a rupture is a drop from one session to the next of at least the series' SD (R's sd).
// Since issue 26 a drop inside a rupture not yet repaired belongs to it: with this rule's window of one rating, a
// rupture is repaired when the next score is back at the level before the drop, and until then no new one starts.
var seriesSd = new RuptureRepairDetector(RuptureRepairOptions.IntraIndividualOnly);
int library = episodes.Sum(e => seriesSd.Detect(e).Findings.Length);
int direct = 0;
foreach (Episode episode in episodes)
{
    double sd = fromR[$"sd_e{int.Parse(episode.Id["client-".Length..], System.Globalization.CultureInfo.InvariantCulture)}"];
    int until = 0;
    for (int t = 1; t < episode.Count; t++)
    {
        double drop = (double)(episode.Scores[t - 1].Value - episode.Scores[t].Value);
        if (t <= until || !(drop > 0 && drop >= sd * (1 - 1e-12)))
        {
            continue;
        }

        direct++;
        until = t + 1 < episode.Count && episode.Scores[t + 1].Value >= episode.Scores[t - 1].Value ? t + 1 : episode.Count;
    }
}

Check("ruptures, series-SD rule (R's SDs)", library, direct, 0);

var ruptures = reports.SelectMany(x => x.Findings.OfType<RuptureFinding>()).ToList();
TidyCsv.Write(reports.FindingsToTidy(), Path.Combine(output, "findings.csv"));
TidyCsv.Write(reports.AlertsToTidy(), Path.Combine(output, "alerts.csv"));
TidyCsv.Write(triage.ToTidy(), Path.Combine(output, "triage.csv"));

// The chart of the client with the most ruptures, as the CLI's report draws it.
if (reports.OrderByDescending(x => x.Findings.OfType<RuptureFinding>().Count()).First() is { } most && most.Findings.OfType<RuptureFinding>().Any())
{
    File.WriteAllText(Path.Combine(output, "ruptures.svg"), ChartWriter.ToSvg(AllianceCharts.ForClient(new[] { most }, "Session Rating Scale"), "ruptures"));
}

Console.WriteLine();
Console.WriteLine($"Default rule (a drop from the mean of the last 3 scores of 2 SD of session-to-session change, the stricter of the client's and the caseload's, raised to hold 5 % false ruptures per episode, reliable-change floor): {ruptures.Count} rupture(s) in {reports.Count(x => x.Findings.OfType<RuptureFinding>().Any())} episode(s), {ruptures.Count(x => x.IsRepaired)} repaired; series-SD rule: {library}.");
Console.WriteLine($"Triage: {string.Join(", ", triage.GroupBy(t => t.Level).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} {AttentionLevelCodes.ToCode(g.Key)}"))}.");
Console.WriteLine($"Tables and chart in {output}. {(failures == 0 ? "Every number matches R." : $"{failures} number(s) differ from R.")}");
return failures == 0 ? 0 : 1;
