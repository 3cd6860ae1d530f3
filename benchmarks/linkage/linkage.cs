#:project ../../src/TherapeuticAlliance/TherapeuticAlliance.csproj
#:property PublishAot=false
#:property ImplicitUsings=enable
#:property Nullable=enable
// The library's side of benchmarks/linkage/run.sh (issue 31): reads the generated sessions into each client's SRS and
// ORS series, then times (median of REPS after a warm-up) pairing (AllianceLinkage.Pair), the decomposition, the
// repeated-measures correlation and the lagged within-person model; prints "name value" lines.
// Usage: dotnet run -c Release linkage.cs -- FOLDER [REPS]
using System.Diagnostics;
using System.Globalization;
using TherapeuticAlliance;
using TherapeuticAlliance.Linkage;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Trends;

string folder = args[0];
int reps = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
AllianceScore Score(int session, double value, string instrument, MeasureKind measure) =>
    new(ScoreMetric.Sum, (decimal)value, -1000m, 1000m, Perspective.Client, Occasion.Session(session), default, default,
        new ScoreProvenance("sum", "1.0", instrument, "1.0", MissingDataPolicy.CompleteOnly, 0), measure: measure, reliability: 0.8);
var series = new List<Episode>();
foreach (var client in File.ReadLines(Path.Combine(folder, "sessions.csv")).Skip(1).Select(l => l.Split(',')).GroupBy(f => f[0]))
{
    var rows = client.ToList();
    var care = rows.ToDictionary(r => int.Parse(r[2], CultureInfo.InvariantCulture), r => new CareKeys(r[1]));
    series.Add(Episode.Create(client.Key, rows.Select(r => Score(int.Parse(r[2], CultureInfo.InvariantCulture), double.Parse(r[3], CultureInfo.InvariantCulture), "srs", MeasureKind.Alliance))).GetValueOrThrow().WithCare(care));
    series.Add(Episode.Create(client.Key, rows.Select(r => Score(int.Parse(r[2], CultureInfo.InvariantCulture), double.Parse(r[4], CultureInfo.InvariantCulture), "ors", MeasureKind.Outcome))).GetValueOrThrow().WithCare(care));
}

Console.WriteLine($"clients {series.Count / 2}");
double Time<T>(string name, Func<T> action, out T value)
{
    value = action();   // warm-up
    var times = new List<double>();
    for (int r = 0; r < reps; r++)
    {
        var watch = Stopwatch.StartNew();
        value = action();
        times.Add(watch.Elapsed.TotalSeconds);
    }

    double median = times.Order().ElementAt(times.Count / 2);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}_seconds {median:0.000}"));
    return median;
}

double pair = Time("pairing", () => AllianceLinkage.Pair(series), out PairedSeries paired);
Time("decomposition", () => AllianceLinkage.Decompose(paired), out LinkageDecomposition _);
Time("rmcorr", () => AllianceLinkage.Correlate(paired), out RepeatedMeasuresCorrelation _);
double model = Time("lagged_model", () => AllianceLinkage.FitLaggedModel(paired).GetValueOrThrow(), out LaggedWithinPersonModel fit);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"target_parts_seconds {pair + model:0.000}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"within_estimate {fit.Within.Estimate:0.0000000000}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reml_criterion {fit.Fit.Criterion:0.000000}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pairs {paired.Pairs.Length}"));
