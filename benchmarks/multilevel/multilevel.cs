#:project ../../src/TherapeuticAlliance/TherapeuticAlliance.csproj
#:property PublishAot=false
#:property ImplicitUsings=enable
#:property Nullable=enable
// The library's side of benchmarks/multilevel/run.sh (issue 29): reads the generated data, fits the three models
// (median of REPS fits after one warm-up fit), prints one "model name value" line per estimate and "model seconds
// value", and the managed heap's peak for the largest fit. Usage: dotnet run multilevel.cs -- FOLDER [REPS]
using System.Diagnostics;
using System.Globalization;
using TherapeuticAlliance.Multilevel;

string folder = args[0];
int reps = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;

(Dictionary<string, IReadOnlyList<double>> Numeric, Dictionary<string, IReadOnlyList<string?>> Factors) Read(string file, params string[] factors)
{
    using var reader = new StreamReader(Path.Combine(folder, file));
    string[] header = reader.ReadLine()!.Split(',');
    var columns = header.Select(_ => new List<string>()).ToArray();
    string? line;
    while ((line = reader.ReadLine()) is not null)
    {
        string[] fields = line.Split(',');
        for (int c = 0; c < fields.Length; c++)
        {
            columns[c].Add(fields[c]);
        }
    }

    var numeric = new Dictionary<string, IReadOnlyList<double>>();
    var categorical = new Dictionary<string, IReadOnlyList<string?>>();
    for (int c = 0; c < header.Length; c++)
    {
        if (factors.Contains(header[c]))
        {
            categorical[header[c]] = columns[c].ToArray();
        }
        else
        {
            numeric[header[c]] = columns[c].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        }
    }

    return (numeric, categorical);
}

var (en, ef) = Read("episodes.csv", "site", "therapist");
var episodes = new ModelFrame(en, ef);
var (sn, sf) = Read("sessions.csv", "client");
var sessions = new ModelFrame(sn, sf);

void Time(string key, string formula, ModelFrame data)
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
}

Time("therapist", "post ~ pre + (1 | therapist)", episodes);
Time("site_therapist", "post ~ pre + (1 | site / therapist)", episodes);
Time("growth", "ors ~ log(session) + (1 + log(session) | client)", sessions);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all peak_working_set_mb {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0}"));
