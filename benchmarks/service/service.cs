#:project ../../src/TherapeuticAlliance/TherapeuticAlliance.csproj
#:property PublishAot=false
#:property ImplicitUsings=enable
#:property Nullable=enable
// The library's side of benchmarks/service/run.sh (issue 30): reads the generated episodes into ServiceEpisodes, then
// times (median of REPS after a warm-up) each part of ServiceAnalysis: therapist and site effects on the outcome
// (fit and the two share intervals), on the alliance, the benchmarks per caseload, site, therapist and month, and the
// dependability fit; prints "name value" lines, the managed heap after reading and the process's peak working set.
// Usage: dotnet run -c Release service.cs -- FOLDER [REPS]
using System.Diagnostics;
using System.Globalization;
using TherapeuticAlliance.Service;

string folder = args[0];
int reps = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var episodes = new List<ServiceEpisode>();
var intern = new Dictionary<string, string>(StringComparer.Ordinal);
string Intern(string s) => intern.TryGetValue(s, out string? v) ? v : intern[s] = s;
using (var reader = new StreamReader(Path.Combine(folder, "episodes.csv")))
{
    reader.ReadLine();
    string? line;
    while ((line = reader.ReadLine()) is not null)
    {
        string[] f = line.Split(',');
        double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
        var closed = DateTimeOffset.ParseExact(f[8] + "-15", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        int k = int.Parse(f[7], CultureInfo.InvariantCulture);
        episodes.Add(new ServiceEpisode(f[0], Intern(f[1]), Intern(f[2]), D(3), D(4), k, closed, k, D(5), D(6)));
    }
}

GC.Collect();
Console.WriteLine($"episodes {episodes.Count}");
Console.WriteLine($"heap_mb_after_reading {GC.GetTotalMemory(true) / 1e6:0.0}");
var options = ServiceOptions.Default;
double Time(string name, Action action)
{
    action();   // warm-up
    var times = new List<double>();
    for (int r = 0; r < reps; r++)
    {
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed.TotalSeconds);
    }

    double median = times.Order().ElementAt(times.Count / 2);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}_seconds {median:0.000}"));
    return median;
}

TherapistEffectsAnalysis? outcome = null;
double effects = Time("outcome_effects", () => outcome = TherapistEffects.Estimate(episodes, ServiceMeasure.Outcome, options).GetValueOrThrow());
double alliance = Time("alliance_effects", () => TherapistEffects.Estimate(episodes, ServiceMeasure.Alliance, options).GetValueOrThrow());
System.Collections.Immutable.ImmutableArray<ServiceBenchmark> rows = default;
double benchmarks = Time("benchmarks", () => rows = ServiceBenchmarks.Compute(episodes, options));
double dependability = Time("dependability", () => AllianceDependability.Estimate(episodes, options).GetValueOrThrow());
foreach (VarianceShare s in outcome!.Shares)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"icc_{s.Group} {s.Share:R}\nicc_low_{s.Group} {s.Lower:R}\nicc_high_{s.Group} {s.Upper:R}"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"effect_size_all {rows[0].EffectSize:R}\nreliable_recovery_all {rows[0].ReliableRecovery:R}\nbenchmark_rows {rows.Length}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"target_parts_seconds {effects + benchmarks:0.000}\nall_parts_seconds {effects + alliance + benchmarks + dependability:0.000}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak_working_set_mb {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0}"));
