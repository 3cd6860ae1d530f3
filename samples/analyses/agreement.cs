#:project ../../src/TherapeuticAlliance/TherapeuticAlliance.csproj
#:project ../../src/TherapeuticAlliance.Tables/TherapeuticAlliance.Tables.csproj
#:property ImplicitUsings=enable

// Client-therapist agreement on the alliance: the six Shrout & Fleiss (1979) intraclass correlations with their F
// tests and 95 % bounds, Pearson's r, and Bland & Altman's (1986) limits of agreement, each printed beside the value R
// gives for the same data (R 4.2.2, psych 2.2.9: psych::ICC(lmer = FALSE), cor, mean and sd of the differences).
// The data (data/dyads.csv) are 150 synthetic sessions rated by client and therapist: no real client.
// Run from the repository's root:   dotnet run samples/analyses/agreement.cs [OUTPUT]
// Writes OUTPUT/icc.csv, OUTPUT/bland-altman.csv and OUTPUT/bland-altman.svg (default samples/analyses/out/agreement)
// and exits with 1 when a number differs from R's.

using TherapeuticAlliance.Charts;
using TherapeuticAlliance.Statistics;
using TherapeuticAlliance.Tables;

string here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Path.Combine("samples", "analyses");
string output = args.Length > 0 ? args[0] : Path.Combine(here, "out", "agreement");
Directory.CreateDirectory(output);
int failures = 0;

TidyTable psych = TidyCsv.Read(Path.Combine(here, "data", "dyads-psych.csv")).GetValueOrThrow();
double R(string name) => psych.GetDouble(psych.Rows.Select((r, i) => (r, i)).Single(x => (string)x.r[0]! == name).i, "value");

void Check(string what, double library, double r, double tolerance = 1e-9)
{
    bool ok = Math.Abs(library - r) <= tolerance * Math.Abs(r);   // relative, as the oracles are
    failures += ok ? 0 : 1;
    Console.WriteLine(FormattableString.Invariant($"  {(ok ? "ok  " : "FAIL")} {what,-14} {library,14:G10} {r,14:G10}"));
}

TidyTable dyads = TidyCsv.Read(Path.Combine(here, "data", "dyads.csv")).GetValueOrThrow();
double[] client = Enumerable.Range(0, dyads.RowCount).Select(i => dyads.GetDouble(i, "client")).ToArray();
double[] therapist = Enumerable.Range(0, dyads.RowCount).Select(i => dyads.GetDouble(i, "therapist")).ToArray();
ResponseMatrix ratings = ResponseMatrix.FromRows(client.Select((c, i) => (IReadOnlyList<double>)new[] { c, therapist[i] }).ToList(), new[] { "client", "therapist" });

IccAnalysis icc = Agreement.IntraclassCorrelations(ratings).GetValueOrThrow();
Console.WriteLine($"Client-therapist agreement: {icc.Targets} sessions, {icc.Raters} raters");
Console.WriteLine("         statistic             library              R");
foreach (IccEstimate form in icc.Forms)
{
    string name = form.Form.ToString().ToUpperInvariant().Replace("K", "k", StringComparison.Ordinal);
    Check($"{name}", form.Value, R($"dyads_{name}_icc"));
    Check($"{name} F", form.F, R($"dyads_{name}_F"));
    Check($"{name} p", form.P, R($"dyads_{name}_p"), 1e-6);
    Check($"{name} lower", form.Lower, R($"dyads_{name}_lower"));
    Check($"{name} upper", form.Upper, R($"dyads_{name}_upper"));
}

double r = Agreement.Pearson(client, therapist).GetValueOrThrow();
Check("Pearson r", r, R("dyads_pearson_r"));
BlandAltmanAnalysis ba = Agreement.BlandAltman(client, therapist).GetValueOrThrow();   // client minus therapist
Check("bias", ba.Bias, R("dyads_mean_diff"));
Check("SD of diff.", ba.StandardDeviation, R("dyads_sd_diff"));
Check("lower limit", ba.LowerLimit, R("dyads_loa_lower"));
Check("upper limit", ba.UpperLimit, R("dyads_loa_upper"));

TidyCsv.Write(icc.ToTidy(), Path.Combine(output, "icc.csv"));
TidyCsv.Write(ba.ToTidy(), Path.Combine(output, "bland-altman.csv"));

// The Bland-Altman plot: each session's difference against the pair's mean, with the bias and the limits.
var points = client.Select((c, i) => new ChartPoint((c + therapist[i]) / 2, c - therapist[i])).ToList();
(double Low, double High) x = (points.Min(p => p.X) - 1, points.Max(p => p.X) + 1);
(double Low, double High) y = (Math.Min(points.Min(p => p.Y), ba.LowerLimit) - 1, Math.Max(points.Max(p => p.Y), ba.UpperLimit) + 1);
var chart = new LineChart(
    "Bland-Altman: client minus therapist",
    FormattableString.Invariant($"Each of {points.Count} sessions' difference (client minus therapist, points) against the mean of the two ratings; the bias {ba.Bias:0.##} and the 95 % limits of agreement {ba.LowerLimit:0.##} and {ba.UpperLimit:0.##} are drawn as lines."),
    new ChartAxis("Mean of client and therapist (points)", x.Low, x.High),
    new ChartAxis("Difference (points)", y.Low, y.High),
    new[] { new ChartSeries("Sessions", points, ChartPalette.Blue, ChartLineStyle.None, ChartMarkerShape.Circle) },
    new[]
    {
        new ChartReferenceLine(ba.Bias, FormattableString.Invariant($"bias {ba.Bias:0.##}"), ChartPalette.Black, ChartLineStyle.Solid),
        new ChartReferenceLine(ba.LowerLimit, FormattableString.Invariant($"lower limit {ba.LowerLimit:0.##}")),
        new ChartReferenceLine(ba.UpperLimit, FormattableString.Invariant($"upper limit {ba.UpperLimit:0.##}")),
    });
File.WriteAllText(Path.Combine(output, "bland-altman.svg"), ChartWriter.ToSvg(chart, "bland-altman"));

Console.WriteLine();
Console.WriteLine(FormattableString.Invariant($"ICC(2,1) {icc[IccForm.Icc2].Value:0.000} [{icc[IccForm.Icc2].Lower:0.000}, {icc[IccForm.Icc2].Upper:0.000}], r {r:0.000}; clients rate {ba.Bias:0.00} points higher than therapists on average (limits {ba.LowerLimit:0.00} to {ba.UpperLimit:0.00})."));
Console.WriteLine($"Tables and chart in {output}. {(failures == 0 ? "Every number matches R." : $"{failures} number(s) differ from R.")}");
return failures == 0 ? 0 : 1;
