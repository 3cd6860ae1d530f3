#:project ../../src/TherapeuticAlliance/TherapeuticAlliance.csproj
#:project ../../src/TherapeuticAlliance.Tables/TherapeuticAlliance.Tables.csproj
#:property ImplicitUsings=enable

// Sudden gains and losses (Tang & DeRubeis 1999, JCCP 67(6), 894-904; losses and the missing-data rule of Lutz et
// al. 2013). First the criteria on the four intervals the suddengains R package documents (the examples of its
// check_interval function, with their printed t_crit 2.776, 4.604, 9.925 and 3.182, means, SDs and decisions);
// then a generated caseload with planted sudden gains and losses (known truth: every planted change is found, and
// nothing else), with criterion 1 the reliable-change value for SD 6.5 and reliability .85.
// Run from the repository's root:   dotnet run samples/analyses/sudden-gains.cs [OUTPUT]
// Writes OUTPUT/generated-caseload.csv, OUTPUT/sudden-gains.csv and OUTPUT/sudden-gain.svg (default samples/analyses/out/sudden-gains) and exits
// with 1 when a number differs.

using TherapeuticAlliance.Charts;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Tables;
using TherapeuticAlliance.Trends;

string here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Path.Combine("samples", "analyses");
string output = args.Length > 0 ? args[0] : Path.Combine(here, "out", "sudden-gains");
Directory.CreateDirectory(output);
int failures = 0;

void Check(string what, double library, double expected, double tolerance)
{
    bool ok = Math.Abs(library - expected) <= tolerance;
    failures += ok ? 0 : 1;
    Console.WriteLine(FormattableString.Invariant($"  {(ok ? "ok  " : "FAIL")} {what,-32} {library,10:0.######} {expected,10:0.######}"));
}

const double NA = double.NaN;
Console.WriteLine("The suddengains package's documented intervals (lower scores are better, as on the BDI)");
Console.WriteLine("         statistic                           library   expected");
SuddenChangeEvaluation one = SuddenGainsAndLossesCriteria.Evaluate(new[] { 32.0, 31, 33 }, new[] { 5.0, 6, 7 }, 7, alpha: 0.05, higherIsBetter: false)!;
Check("1: t_crit", one.TCritical, 2.776, 5e-4);
Check("1: mean before", one.MeanBefore, 32, 1e-12);
Check("1: mean after", one.MeanAfter, 6, 1e-12);
Check("1: SD before", one.SdBefore, 1, 1e-12);
Check("1: SD after", one.SdAfter, 1, 1e-12);
Check("1: sudden gain (1 = yes)", one is { IsSuddenGainOrLoss: true, Kind: SuddenChangeKind.Gain } ? 1 : 0, 1, 0);
SuddenChangeEvaluation two = SuddenGainsAndLossesCriteria.Evaluate(new[] { 32.0, 31, 33 }, new[] { 5.0, 6, 7 }, 7, alpha: 0.01, higherIsBetter: false)!;
Check("2: t_crit (alpha .01)", two.TCritical, 4.604, 5e-4);
Check("2: sudden gain (1 = yes)", two.IsSuddenGainOrLoss ? 1 : 0, 1, 0);
SuddenChangeEvaluation three = SuddenGainsAndLossesCriteria.Evaluate(new[] { NA, 31, 33 }, new[] { 5.0, NA, 7 }, null, alpha: 0.01, higherIsBetter: false)!;
Check("3: t_crit (2 + 2 values)", three.TCritical, 9.925, 5e-4);
Check("3: SD before", three.SdBefore, 1.414, 5e-4);
Check("3: criterion 3 (1 = met)", three.MeetsStabilityCriterion ? 1 : 0, 1, 0);
SuddenChangeEvaluation four = SuddenGainsAndLossesCriteria.Evaluate(new[] { 5.0, NA, 7 }, new[] { 16.0, 12, 14 }, 7, alpha: 0.05, higherIsBetter: false)!;
Check("4: t_crit", four.TCritical, 3.182, 5e-4);
Check("4: pooled SD", four.PooledSd, 1.825742, 5e-7);
Check("4: sudden loss (1 = yes)", four is { IsSuddenGainOrLoss: true, Kind: SuddenChangeKind.Loss } ? 1 : 0, 1, 0);

// A generated caseload with known truth: 40 SRS-like series of 12 sessions (levels 24-29, noise within ±0.5
// points), a sudden gain of 10 points planted in episodes 1-10 and a sudden loss of 10 points in 11-15, each at a
// session from 4 to 8. Criterion 1 is the reliable-change value for SD 6.5 and reliability .85 (6.98 points).
var random = new Random(20261130);
var rows = new List<IReadOnlyList<object?>>();
var planted = new Dictionary<string, (SuddenChangeKind Kind, int Pre)>(StringComparer.Ordinal);
for (int e = 1; e <= 40; e++)
{
    string id = FormattableString.Invariant($"client-{e:00}");
    double level = 24 + random.Next(0, 6);
    int at = random.Next(4, 9);
    double shift = e <= 10 ? 10 : e <= 15 ? -10 : 0;
    if (shift != 0)
    {
        planted[id] = (shift > 0 ? SuddenChangeKind.Gain : SuddenChangeKind.Loss, at);
    }

    for (int session = 1; session <= 12; session++)
    {
        double noise = Math.Round((random.NextDouble() - 0.5) * 10) / 10;   // -0.5 to 0.5, in tenths as the SRS records
        rows.Add(new object?[] { id, "srs", "client", session, level + noise + (session > at ? shift : 0) });
    }
}

var caseload = new TidyTable(new[] { "episode", "instrument", "perspective", "session", "total" }, rows);
TidyCsv.Write(caseload, Path.Combine(output, "generated-caseload.csv"));
var episodes = LongFormat.ToEpisodes(caseload).GetValueOrThrow().Select(e => e.GetValueOrThrow()).ToList();
var detector = new SuddenGainsAndLossesDetector(new SuddenGainsAndLossesOptions { StandardDeviation = 6.5, Reliability = 0.85 });
var found = episodes.SelectMany(e => detector.Detect(e).Findings.OfType<SuddenGainOrLossFinding>().Select(f => (Episode: e, Finding: f))).ToList();
TidyCsv.Write(
    new TidyTable(
        new[] { "episode", "kind", "pre_session", "post_session", "change", "mean_before", "mean_after", "t_critical" },
        found.Select(x => (IReadOnlyList<object?>)new object?[] { x.Episode.Id, x.Finding.Code, x.Finding.PreSession, x.Finding.PostSession, x.Finding.Evaluation.Change, x.Finding.Evaluation.MeanBefore, x.Finding.Evaluation.MeanAfter, x.Finding.Evaluation.TCritical })),
    Path.Combine(output, "sudden-gains.csv"));

Console.WriteLine();
Console.WriteLine("A generated caseload with planted gains and losses");
double criterion = found.Count > 0 ? found[0].Finding.Parameters["absolute-change"] : double.NaN;
Check("criterion 1: RCV(6.5, .85)", criterion, 1.959963984540054 * Math.Sqrt(2) * 6.5 * Math.Sqrt(0.15), 1e-9);
Check("planted gains found", found.Count(x => planted.TryGetValue(x.Episode.Id, out var p) && p == (x.Finding.Kind, x.Finding.PreSession) && p.Kind == SuddenChangeKind.Gain), 10, 0);
Check("planted losses found", found.Count(x => planted.TryGetValue(x.Episode.Id, out var p) && p == (x.Finding.Kind, x.Finding.PreSession) && p.Kind == SuddenChangeKind.Loss), 5, 0);
Check("findings not planted", found.Count(x => !(planted.TryGetValue(x.Episode.Id, out var p) && p == (x.Finding.Kind, x.Finding.PreSession))), 0, 0);

// The chart of the first episode with a sudden gain, the gain marked.
if (found.FirstOrDefault(x => x.Finding.Kind == SuddenChangeKind.Gain) is { Episode: { } episode, Finding: { } gain })
{
    LineChart chart = new EpisodeAnalyzer(new ITrendDetector[] { detector }).Analyze(episode).ToLineChart();
    var marked = new LineChart(
        chart.Title,
        chart.Description + FormattableString.Invariant($" A sudden gain of {gain.Evaluation.Change:0.#} points from session {gain.PreSession} to {gain.PostSession} is marked."),
        chart.XAxis,
        chart.YAxis,
        chart.Series,
        chart.ReferenceLines,
        new[] { new ChartAnnotation(new ChartPoint(gain.PostSession, gain.Evaluation.Change + (double)episode.Scores.Single(s => s.Occasion.SessionNumber == gain.PreSession).Value), "sudden gain", FormattableString.Invariant($"sudden gain from session {gain.PreSession} to {gain.PostSession}"), ChartMarkerShape.TriangleUp, ChartPalette.BluishGreen) });
    File.WriteAllText(Path.Combine(output, "sudden-gain.svg"), ChartWriter.ToSvg(marked, "sudden-gain"));
}

Console.WriteLine();
Console.WriteLine(FormattableString.Invariant($"{episodes.Count} episodes, {episodes.Sum(e => e.Count)} sessions: {found.Count(x => x.Finding.Kind == SuddenChangeKind.Gain)} sudden gain(s) and {found.Count(x => x.Finding.Kind == SuddenChangeKind.Loss)} sudden loss(es) in {found.Select(x => x.Episode.Id).Distinct().Count()} episode(s); criterion 1 is {criterion:0.##} points."));
Console.WriteLine($"Table and chart in {output}. {(failures == 0 ? "Every number matches." : $"{failures} number(s) differ.")}");
return failures == 0 ? 0 : 1;
