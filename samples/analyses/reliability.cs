#:project ../../src/TherapeuticAlliance/TherapeuticAlliance.csproj
#:project ../../src/TherapeuticAlliance.Tables/TherapeuticAlliance.Tables.csproj
#:property ImplicitUsings=enable

// Reliability of an alliance measure: Cronbach's alpha with item statistics for the WAI-SR's 12 items and its
// Task, Bond and Goal subscales, and McDonald's omega from one-factor loadings, each printed beside the value R's
// psych package gives for the same data (R 4.2.2, psych 2.2.9: psych::alpha, psych::fa, psych::omega).
// The data (data/waisr-responses-long.csv) are 400 synthetic clients × 12 WAI-SR-shaped items (1-5), one row per
// response: no real client. Run from the repository's root:   dotnet run samples/analyses/reliability.cs [OUTPUT]
// Writes OUTPUT/alpha.csv, OUTPUT/omega.csv and OUTPUT/item-statistics.svg (default samples/analyses/out/reliability)
// and exits with 1 when a number differs from psych's.

using System.Globalization;
using TherapeuticAlliance;
using TherapeuticAlliance.Charts;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Statistics;
using TherapeuticAlliance.Tables;

string here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Path.Combine("samples", "analyses");
string output = args.Length > 0 ? args[0] : Path.Combine(here, "out", "reliability");
Directory.CreateDirectory(output);
int failures = 0;

void Check(string what, double library, double psych, double tolerance = 1e-9)
{
    bool ok = Math.Abs(library - psych) <= tolerance * Math.Max(1.0, Math.Abs(psych));
    failures += ok ? 0 : 1;
    Console.WriteLine(FormattableString.Invariant($"  {(ok ? "ok  " : "FAIL")} {what,-28} {library,12:0.0000000} {psych,12:0.0000000}"));
}

// One call reads the long-format responses into a respondents × items matrix.
ResponseMatrix responses = LongFormat.ReadResponseMatrix(Path.Combine(here, "data", "waisr-responses-long.csv")).GetValueOrThrow();
InstrumentReliability reliability = Reliability.ForInstrument(AllianceInstruments.WaiSr, responses).GetValueOrThrow();
ReliabilityAnalysis total = reliability.Total.GetValueOrThrow();

Console.WriteLine(FormattableString.Invariant($"WAI-SR reliability: {responses.RowCount} clients, {responses.ColumnCount} items"));
Console.WriteLine("         statistic                       library        psych");
Check("raw_alpha", total.Alpha, 0.88247397721640997);
Check("std.alpha", total.StandardizedAlpha, 0.88259942481299747);
Check("average_r", total.AverageInterItemCorrelation, 0.38517805174543879);
double[] rDrop = { 0.58454701669907994, 0.61238792822177679, 0.62080175397946269, 0.55093712327396016, 0.61560690825905307, 0.55867305083182706, 0.61473848240033857, 0.56972282397449858, 0.57666984933748455, 0.54301897371572017, 0.59180488887037952, 0.52180812534389043 };
double[] alphaIfDeleted = { 0.87286812995061291, 0.87122729647280761, 0.87074793705339337, 0.87477684508409248, 0.87115412761727973, 0.87435211758686915, 0.87124313025754596, 0.87371877275381082, 0.87333271559664027, 0.87528609192723017, 0.8724454652505963, 0.8764329179310324 };
for (int i = 0; i < total.Items.Length; i++)
{
    Check($"r.drop {total.Items[i].Item}", total.Items[i].ItemRestCorrelation, rDrop[i]);
    Check($"alpha if deleted {total.Items[i].Item}", total.Items[i].AlphaIfDeleted, alphaIfDeleted[i]);
}

var subscalePsych = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase) { ["task"] = 0.81954688910942419, ["bond"] = 0.83459822334033773, ["goal"] = 0.83353393475550175 };
foreach (SubscaleReliability subscale in reliability.Subscales)
{
    Check($"raw_alpha {subscale.Dimension.Name}", subscale.Result.GetValueOrThrow().Alpha, subscalePsych[subscale.Dimension.Id]);
}

// Omega from one-factor loadings. The library fits no factor model, so the loadings are psych::fa(m, 1)'s (minres).
// McDonald's omega_total, (Σλ)² / ((Σλ)² + Σ(1 − λ²)), is the model-implied form; psych::omega divides by the
// observed total variance instead (the sum of the correlation matrix), so its omega.tot differs in the 4th decimal.
double[] loadings = { 0.62109325235612134, 0.65176557892703646, 0.67271657722301681, 0.58484947914441388, 0.66559780679865221, 0.59494392402867347, 0.66523697366124579, 0.60544878313566142, 0.62515303476758011, 0.5776072202842083, 0.62901849919746489, 0.55445030071894474 };
double omega = Reliability.OmegaTotal(loadings).GetValueOrThrow();
Check("omega_total (model-implied)", omega, 0.88284289825599982);
Console.WriteLine(FormattableString.Invariant($"       psych::omega omega.tot (observed variance): {0.88286401991371799:0.0000000}"));

TidyCsv.Write(reliability.ToTidy(), Path.Combine(output, "alpha.csv"));
TidyCsv.Write(
    new TidyTable(new[] { "statistic", "item", "value" }, loadings.Select((l, i) => (IReadOnlyList<object?>)new object?[] { "loading", total.Items[i].Item, l }).Append(new object?[] { "omega_total", null, omega })),
    Path.Combine(output, "omega.csv"));

var chart = new LineChart(
    "WAI-SR item statistics",
    FormattableString.Invariant($"The item-rest correlation (r.drop) and alpha if the item is deleted, for each of the 12 items; the scale's alpha, {total.Alpha:0.###}, is drawn as a line."),
    new ChartAxis("Item", 1, 12, Enumerable.Range(1, 12).Select(i => (double)i)),
    new ChartAxis("Correlation or alpha", 0, 1),
    new[]
    {
        new ChartSeries("r.drop", total.Items.Select((item, i) => new ChartPoint(i + 1, item.ItemRestCorrelation)), ChartPalette.Blue),
        new ChartSeries("Alpha if deleted", total.Items.Select((item, i) => new ChartPoint(i + 1, item.AlphaIfDeleted)), ChartPalette.Vermillion, ChartLineStyle.Dashed, ChartMarkerShape.Square),
    },
    new[] { new ChartReferenceLine(total.Alpha, FormattableString.Invariant($"alpha {total.Alpha:0.###}")) });
File.WriteAllText(Path.Combine(output, "item-statistics.svg"), ChartWriter.ToSvg(chart, "item-statistics"));

Console.WriteLine();
Console.WriteLine(FormattableString.Invariant($"Alpha {total.Alpha:0.000} over {total.RowsUsed} clients; subscales {string.Join(", ", reliability.Subscales.Select(s => FormattableString.Invariant($"{s.Dimension.Name} {s.Result.GetValueOrThrow().Alpha:0.000}")))}; omega {omega:0.000}."));
Console.WriteLine($"Tables and chart in {output}. {(failures == 0 ? "Every number matches psych." : $"{failures} number(s) differ from psych.")}");
return failures == 0 ? 0 : 1;
