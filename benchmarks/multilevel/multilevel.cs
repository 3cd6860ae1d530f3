#:project ../../src/TherapeuticAlliance/TherapeuticAlliance.csproj
#:property PublishAot=false
#:property ImplicitUsings=enable
#:property Nullable=enable
// The library's side of benchmarks/multilevel/run.sh (issue 29): reads the generated data, fits the three models
// (median of REPS fits after one warm-up fit), prints one "model name value" line per estimate and "model seconds
// value", the frame's size, the managed heap's sampled peak during a fit above it, and the process's peak working set. Usage: dotnet run multilevel.cs -- FOLDER [REPS]
using System.Diagnostics;
using System.Globalization;
using TherapeuticAlliance.Multilevel;

string folder = args[0];
int reps = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;

// Columns parsed straight into typed arrays, labels interned: the frame is the data, with no copy of it as text.
ModelFrame Read(string file, params string[] factors)
{
    string[] header;
    List<double>[] numeric;
    List<string?>[] labels;
    var intern = new Dictionary<string, string>(StringComparer.Ordinal);
    using (var reader = new StreamReader(Path.Combine(folder, file)))
    {
        header = reader.ReadLine()!.Split(',');
        numeric = header.Select(h => factors.Contains(h) ? null! : new List<double>()).ToArray();
        labels = header.Select(h => factors.Contains(h) ? new List<string?>() : null!).ToArray();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            string[] fields = line.Split(',');
            for (int c = 0; c < fields.Length; c++)
            {
                if (numeric[c] is { } column)
                {
                    column.Add(double.Parse(fields[c], CultureInfo.InvariantCulture));
                }
                else
                {
                    if (!intern.TryGetValue(fields[c], out string? label))
                    {
                        intern[fields[c]] = label = fields[c];
                    }

                    labels[c].Add(label);
                }
            }
        }
    }

    return new ModelFrame(
        Enumerable.Range(0, header.Length).Where(c => numeric[c] is not null).ToDictionary(c => header[c], c => (IReadOnlyList<double>)numeric[c].ToArray()),
        Enumerable.Range(0, header.Length).Where(c => labels[c] is not null).ToDictionary(c => header[c], c => (IReadOnlyList<string?>)labels[c].ToArray()));
}

long Live()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    return GC.GetTotalMemory(forceFullCollection: true);
}

long empty = Live();
var episodes = Read("episodes.csv", "site", "therapist");
long episodesBytes = Live() - empty;
var sessions = Read("sessions.csv", "client");
long sessionsBytes = Live() - empty - episodesBytes;

void Time(string key, string formula, ModelFrame data, long dataBytes)
{
    MixedModelFit fit = LinearMixedModel.Fit(formula, data).GetValueOrThrow();   // warm-up (JIT)
    _ = fit.FixedEffects;
    var seconds = new List<double>();
    var dfSeconds = new List<double>();
    long before = GC.GetTotalAllocatedBytes(precise: true);
    for (int r = 0; r < reps; r++)
    {
        var watch = Stopwatch.StartNew();
        fit = LinearMixedModel.Fit(formula, data).GetValueOrThrow();
        seconds.Add(watch.Elapsed.TotalSeconds);
        watch.Restart();
        _ = fit.FixedEffects;   // Satterthwaite's df, computed on first read (lmerTest's summary)
        dfSeconds.Add(watch.Elapsed.TotalSeconds);
    }

    long allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / reps;

    // The managed heap during one more fit, sampled every millisecond above what was live before it (the frames):
    // what the fit holds and the garbage not yet collected, so an upper bound of what it needs.
    fit = null!;
    long baseline = Live(), peak = baseline;
    bool done = false;
    var sampler = new Thread(() =>
    {
        while (!Volatile.Read(ref done))
        {
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            Thread.Sleep(1);
        }
    });
    sampler.Start();
    fit = LinearMixedModel.Fit(formula, data).GetValueOrThrow();
    Volatile.Write(ref done, true);
    sampler.Join();
    long retained = Live() - baseline;
    foreach (FixedEffect f in fit.FixedEffects)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key} beta[{f.Term}] {f.Estimate:R}"));
    }

    foreach (VarianceComponent c in fit.VarianceComponents)
    {
        string name = c.Group == "Residual" ? "sigma2" : c.Term2 is null ? $"var[{c.Group}:{c.Term1}]" : $"cov[{c.Group}:{c.Term1},{c.Term2}]";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key} {name} {c.Variance:R}"));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key} reml_criterion {fit.Criterion:R}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key} seconds {seconds.Order().ElementAt(seconds.Count / 2):0.###}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key} df_seconds {dfSeconds.Order().ElementAt(dfSeconds.Count / 2):0.###}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key} allocated_mb {allocated / 1e6:0}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key} evaluations {fit.Evaluations}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key} data_mb {dataBytes / 1e6:0.0}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key} heap_peak_mb {(peak - baseline) / 1e6:0.0}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key} retained_mb {retained / 1e6:0.0}"));
}

Time("therapist", "post ~ pre + (1 | therapist)", episodes, episodesBytes);
Time("site_therapist", "post ~ pre + (1 | site / therapist)", episodes, episodesBytes);
Time("growth", "ors ~ log(session) + (1 + log(session) | client)", sessions, sessionsBytes);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all peak_working_set_mb {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0}"));
