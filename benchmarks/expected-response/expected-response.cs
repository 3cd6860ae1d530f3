#:project ../../src/TherapeuticAlliance/TherapeuticAlliance.csproj
#:property PublishAot=false
#:property ImplicitUsings=enable
#:property Nullable=enable
// The library's side of benchmarks/expected-response/run.sh (issue 32): reads the generated sessions into each
// client's ORS series, then times (median of REPS after a warm-up) the mixed model's fit
// (MixedExpectedResponseModel.Fit) and its predictions for the whole caseload (Expect(episode, last session) for each
// client, current-level and next-score updates, and Expect(intake, session) for a new client), and the regression's
// fit; prints "name value" lines.
// Usage: dotnet run -c Release expected-response.cs -- FOLDER [REPS]
using System.Diagnostics;
using System.Globalization;
using TherapeuticAlliance;
using TherapeuticAlliance.ExpectedResponse;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Trends;

string folder = args[0];
int reps = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
AllianceScore Score(int session, double value) =>
    new(ScoreMetric.Sum, (decimal)value, -1000m, 1000m, Perspective.Client, Occasion.Session(session), default, default,
        new ScoreProvenance("sum", "1.0", "ors", "1.0", MissingDataPolicy.CompleteOnly, 0), measure: MeasureKind.Outcome, reliability: 0.8);
var episodes = new List<Episode>();
foreach (var client in File.ReadLines(Path.Combine(folder, "sessions.csv")).Skip(1).Select(l => l.Split(',')).GroupBy(f => f[0]))
{
    episodes.Add(Episode.Create(client.Key, client.Select(r => Score(int.Parse(r[2], CultureInfo.InvariantCulture), double.Parse(r[3], CultureInfo.InvariantCulture)))).GetValueOrThrow());
}

Episode[] history = episodes.ToArray();
Console.WriteLine($"clients {history.Length}");

double Median(Func<double> run)
{
    run();
    var times = new List<double>();
    for (int i = 0; i < reps; i++)
    {
        times.Add(run());
    }

    times.Sort();
    return times[times.Count / 2];
}

MixedExpectedResponseModel? model = null;
double fit = Median(() =>
{
    var watch = Stopwatch.StartNew();
    model = (MixedExpectedResponseModel)MixedExpectedResponseModel.Fit(history).GetValueOrThrow().Model;
    return watch.Elapsed.TotalSeconds;
});
Console.WriteLine($"mixed_fit_seconds {fit.ToString("R", CultureInfo.InvariantCulture)}");
Console.WriteLine($"beta_intake {model!.FixedEffects[1].ToString("R", CultureInfo.InvariantCulture)}");
Console.WriteLine($"beta_log_session {model.FixedEffects[2].ToString("R", CultureInfo.InvariantCulture)}");
Console.WriteLine($"var_slope {model.ClientCovariance[2].ToString("R", CultureInfo.InvariantCulture)}");
Console.WriteLine($"sigma2 {model.ResidualVariance.ToString("R", CultureInfo.InvariantCulture)}");

double Predict(IExpectedResponseModel m) => Median(() =>
{
    var watch = Stopwatch.StartNew();
    double sum = 0;
    foreach (Episode episode in history)
    {
        sum += m.Expect(episode, episode.Scores[^1].Occasion.SessionNumber).Bound;
    }

    return sum == 0 ? -1 : watch.Elapsed.TotalSeconds;
});
Console.WriteLine($"predict_current_level_seconds {Predict(model).ToString("R", CultureInfo.InvariantCulture)}");
var next = (MixedExpectedResponseModel)ExpectedResponseModels.Default.Read(model.ToJson().Replace("\"current-level\"", "\"next-score\"", StringComparison.Ordinal)).GetValueOrThrow();
Console.WriteLine($"predict_next_score_seconds {Predict(next).ToString("R", CultureInfo.InvariantCulture)}");
double population = Median(() =>
{
    var watch = Stopwatch.StartNew();
    double sum = 0;
    foreach (Episode episode in history)
    {
        sum += model.Expect((double)episode.Scores[0].Value, 12).Bound;
    }

    return sum == 0 ? -1 : watch.Elapsed.TotalSeconds;
});
Console.WriteLine($"predict_new_client_seconds {population.ToString("R", CultureInfo.InvariantCulture)}");
double regression = Median(() =>
{
    var watch = Stopwatch.StartNew();
    ExpectedResponseModel.Fit(history).GetValueOrThrow();
    return watch.Elapsed.TotalSeconds;
});
Console.WriteLine($"regression_fit_seconds {regression.ToString("R", CultureInfo.InvariantCulture)}");
