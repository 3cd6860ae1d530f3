using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using TherapeuticAlliance.ExpectedResponse;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Benchmarks;

/// <summary>
/// Fitting the expected-response model on histories of 10,000 and 100,000 ORS episodes × 20 sessions (issue 14: a few
/// seconds for 100,000 × 20, linear in sessions), and scoring one episode against a fitted model. The baseline is a
/// plain sum of every score of the history, the memory-bound floor of any one-pass fit.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ExpectedResponseBenchmarks
{
    private Episode[] _history = null!;
    private ExpectedResponseModel _model = null!;
    private NotOnTrackDetector _detector = null!;

    [Params(10_000, 100_000)]
    public int Episodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        var provenance = new ScoreProvenance("sum", "1.0", "ors", "1.0", MissingDataPolicy.CompleteOnly, 0);
        _history = new Episode[Episodes];
        for (int e = 0; e < Episodes; e++)
        {
            double intake = 12 + (random.NextDouble() * 14);
            var scores = new AllianceScore[20];
            for (int s = 0; s < 20; s++)
            {
                double value = s == 0 ? intake : 5 + (0.7 * intake) + (4 * Math.Log(s + 1)) + ((random.NextDouble() - 0.5) * 6);
                scores[s] = new AllianceScore(ScoreMetric.Sum, Math.Clamp(Math.Round((decimal)value, 1), 0m, 40m), 0m, 40m, Perspective.Client, Occasion.Session(s + 1), default, default, provenance, measure: MeasureKind.Outcome, reliability: 0.82);
            }

            _history[e] = Episode.Create("e" + e, scores).GetValueOrThrow();
        }

        _model = ExpectedResponseModel.Fit(_history).GetValueOrThrow().Model;
        _detector = new NotOnTrackDetector(new[] { _model });
    }

    [Benchmark(Baseline = true, Description = "baseline: sum every score of the history")]
    public decimal SumScores()
    {
        decimal sum = 0m;
        foreach (Episode episode in _history)
        {
            foreach (AllianceScore score in episode.Scores)
            {
                sum += score.Value;
            }
        }

        return sum;
    }

    [Benchmark(Description = "fit the expected response (tolerance band)")]
    public double Fit() => ExpectedResponseModel.Fit(_history).GetValueOrThrow().Model.Intercept;

    [Benchmark(Description = "score one 20-session episode against the model")]
    public int ScoreOne() => _detector.Detect(_history[0]).Findings.Length;
}
