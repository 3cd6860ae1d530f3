#:project ../../src/TherapeuticAlliance/TherapeuticAlliance.csproj
#:project ../../src/TherapeuticAlliance.Tables/TherapeuticAlliance.Tables.csproj
#:property ImplicitUsings=enable

// Reliable and clinically significant change, the Jacobson & Truax (1991) worked example: the pre- and post-treatment
// Dyadic Adjustment Scale (DAS, higher is better) scores of 30 couples from their Table 2 (Jacobson, N. S., & Truax,
// P. (1991), JCCP 59(1), 12-19), run through the library's reliable-change detector one couple at a time.
// The table is as transcribed in the JT-RCI R package (its data folder); the checked values were computed from it with
// R (sd, and the formulas of Jacobson & Truax): SD of the pretest 11.825661, S_diff 6.689604 and RC 0.9717, 7.4743,
// 0.0747, 2.1675, 5.3067 for couples 1-5 with reliability .84 (the value JT-RCI's README uses), 18 couples reliably
// improved and 1 deteriorated; with reliability .88 (the rciplot package's example), 19 and 1. The clinical cutoff,
// 104, is rciplot's example for these data (its category counts are printed, not checked: no published count).
// Also checks cutoffs a, b and c on a worked example (higher is worse; M_dys 20, SD 5; M_func 10, SD 3: 10, 16, 13.75).
// Run from the repository's root:   dotnet run samples/analyses/reliable-change.cs [OUTPUT]
// Writes OUTPUT/couples.csv, OUTPUT/summary.csv and OUTPUT/reliable-change.svg (default samples/analyses/out/reliable-change)
// and exits with 1 when a number differs.

using TherapeuticAlliance;
using TherapeuticAlliance.Charts;
using TherapeuticAlliance.Tables;
using TherapeuticAlliance.Trends;

string here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Path.Combine("samples", "analyses");
string output = args.Length > 0 ? args[0] : Path.Combine(here, "out", "reliable-change");
Directory.CreateDirectory(output);
int failures = 0;

void Check(string what, double library, double expected, double tolerance)
{
    bool ok = Math.Abs(library - expected) <= tolerance;
    failures += ok ? 0 : 1;
    Console.WriteLine(FormattableString.Invariant($"  {(ok ? "ok  " : "FAIL")} {what,-34} {library,12:0.######} {expected,12:0.######}"));
}

TidyTable das = TidyCsv.Read(Path.Combine(here, "data", "jacobson-truax-1991-das.csv")).GetValueOrThrow();
var couples = Enumerable.Range(0, das.RowCount).Select(i => (Couple: (int)das.GetDouble(i, "couple"), Pre: das.GetDouble(i, "pre"), Post: das.GetDouble(i, "post"))).ToList();
double meanPre = couples.Average(c => c.Pre);
double sdPre = Math.Sqrt(couples.Sum(c => (c.Pre - meanPre) * (c.Pre - meanPre)) / (couples.Count - 1));   // J&T: the pretest SD

// One two-session episode per couple: the DAS is no built-in instrument, so its scores are built directly (0-151).
static Episode Couple(int couple, double pre, double post) => Episode.Create(
    FormattableString.Invariant($"couple-{couple}"),
    new[] { pre, post }.Select((value, i) => new AllianceScore(
        ScoreMetric.Sum, (decimal)value, 0m, 151m, Perspective.Client, Occasion.Session(i + 1), default, default,
        new ScoreProvenance("reported-total", "1.0", "das", "1.0", MissingDataPolicy.CompleteOnly, 0, ScoreSource.ReportedTotal), measure: MeasureKind.Outcome))).GetValueOrThrow();

List<ReliableChangeFinding> Detect(double reliability, double? cutoff) =>
    couples.Select(c => (ReliableChangeFinding)new ReliableChangeDetector(new ReliableChangeOptions { StandardDeviation = sdPre, Reliability = reliability, ClinicalCutoff = cutoff })
        .Detect(Couple(c.Couple, c.Pre, c.Post)).GetValueOrThrow().Findings.Single()).ToList();

Console.WriteLine($"Jacobson & Truax (1991), Table 2: {couples.Count} couples' DAS before and after treatment");
Console.WriteLine("         statistic                              library     expected");
Check("mean pretest", meanPre, 81.5833, 5e-5);
Check("SD pretest", sdPre, 11.825661, 5e-7);
List<ReliableChangeFinding> at84 = Detect(0.84, 104);
Check("S_diff (r = .84)", at84[0].DifferenceStandardError, 6.689604, 5e-7);
var z196 = (ReliableChangeFinding)new ReliableChangeDetector(new ReliableChangeOptions { StandardDeviation = sdPre, Reliability = 0.84, Z = 1.96 }).Detect(Couple(1, 90.5, 97)).GetValueOrThrow().Findings.Single();
Check("reliable-change value (z 1.96, r = .84)", z196.ReliableChangeValue, 13.111624, 5e-6);
double[] published = { 0.9717, 7.4743, 0.0747, 2.1675, 5.3067 };
for (int i = 0; i < published.Length; i++)
{
    Check($"RC couple {i + 1} (r = .84)", at84[i].Index, published[i], 5e-5);
}

Check("reliably improved (r = .84)", at84.Count(f => f.Direction == ChangeDirection.Improved), 18, 0);
Check("reliably deteriorated (r = .84)", at84.Count(f => f.Direction == ChangeDirection.Deteriorated), 1, 0);
List<ReliableChangeFinding> at88 = Detect(0.88, 104);
Check("S_diff (r = .88)", at88[0].DifferenceStandardError, 5.793367, 5e-7);
Check("reliably improved (r = .88)", at88.Count(f => f.Direction == ChangeDirection.Improved), 19, 0);
Check("reliably deteriorated (r = .88)", at88.Count(f => f.Direction == ChangeDirection.Deteriorated), 1, 0);

// Cutoffs for a measure where higher is worse, M_dys 20 (SD 5), M_func 10 (SD 3): a = 20 - 2·5, b = 10 + 2·3,
// c = (3·20 + 5·10) / (3 + 5), the equal-misclassification point (not the midpoint, 15).
Check("cutoff a", ReliableChange.CutoffA(20, 5, higherIsBetter: false), 10, 1e-12);
Check("cutoff b", ReliableChange.CutoffB(10, 3, higherIsBetter: false), 16, 1e-12);
Check("cutoff c", ReliableChange.CutoffC(20, 5, 10, 3), 13.75, 1e-12);

TidyCsv.Write(
    new TidyTable(
        new[] { "couple", "pre", "post", "change", "rc_index", "direction", "category" },
        couples.Select((c, i) => (IReadOnlyList<object?>)new object?[] { c.Couple, c.Pre, c.Post, at84[i].Change, at84[i].Index, Code(at84[i].Direction.ToString()), at84[i].Category is { } k ? Code(k.ToString()) : null })),
    Path.Combine(output, "couples.csv"));
var categories = at84.GroupBy(f => f.Category!.Value).OrderBy(g => g.Key).ToList();
TidyCsv.Write(
    new TidyTable(new[] { "reliability", "cutoff", "category", "couples" }, categories.Select(g => (IReadOnlyList<object?>)new object?[] { 0.84, 104, Code(g.Key.ToString()), g.Count() })),
    Path.Combine(output, "summary.csv"));

(double Low, double High) y = (Math.Min(-2.5, at84.Min(f => f.Index)) - 0.5, Math.Max(2.5, at84.Max(f => f.Index)) + 0.5);
var chart = new LineChart(
    "Reliable change index by couple (r = .84)",
    FormattableString.Invariant($"Each of {couples.Count} couples' reliable change index, (post - pre) / S_diff with S_diff {at84[0].DifferenceStandardError:0.###}; beyond the lines at -1.96 and 1.96 the change is reliable. {at84.Count(f => f.Direction == ChangeDirection.Improved)} improved reliably and {at84.Count(f => f.Direction == ChangeDirection.Deteriorated)} deteriorated."),
    new ChartAxis("Couple", 1, couples.Count, ChartAxis.NiceTicks(1, couples.Count, 8, integersOnly: true)),
    new ChartAxis("Reliable change index", y.Low, y.High),
    new[] { new ChartSeries("Couples", at84.Select((f, i) => new ChartPoint(i + 1, f.Index)), ChartPalette.Blue, ChartLineStyle.None, ChartMarkerShape.Diamond) },
    new[] { new ChartReferenceLine(1.96, "+1.96 reliable improvement"), new ChartReferenceLine(-1.96, "-1.96 reliable deterioration") });
File.WriteAllText(Path.Combine(output, "reliable-change.svg"), ChartWriter.ToSvg(chart, "reliable-change"));

Console.WriteLine();
Console.WriteLine($"With reliability .84 and the cutoff 104: {string.Join(", ", categories.Select(g => $"{g.Count()} {Code(g.Key.ToString()).Replace('-', ' ')}"))}.");
Console.WriteLine($"Tables and chart in {output}. {(failures == 0 ? "Every number matches the worked example." : $"{failures} number(s) differ.")}");
return failures == 0 ? 0 : 1;

// JT-RCI's category names, lower-case and hyphenated: NonReliablyRecovered -> non-reliably-recovered.
static string Code(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
