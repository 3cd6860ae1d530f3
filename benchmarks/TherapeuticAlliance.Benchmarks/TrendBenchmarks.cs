using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Benchmarks;

/// <summary>
/// All detectors (trajectory, reliable change, rupture-repair, feedback rules, sudden gains and losses), the alert rules and
/// guidance over many episodes of 30 sessions, at two sizes to show the scaling. The baseline is a bare OLS slope
/// over the same episodes, so results read as ratios.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TrendBenchmarks
{
    private Episode[] _episodes = null!;
    private EpisodeAnalyzer _analyzer = null!;

    [Params(10_000, 100_000)]
    public int Episodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var provenance = new ScoreProvenance("sum", "1.0", "srs", "1.0", MissingDataPolicy.CompleteOnly, 0);
        ScoreCutoff? cutoff = AllianceInstruments.Srs.Cutoff;
        _episodes = new Episode[Episodes];
        for (int e = 0; e < Episodes; e++)
        {
            double level = 30 + (random.NextDouble() * 8);
            var scores = new AllianceScore[30];
            for (int s = 0; s < 30; s++)
            {
                double dip = random.NextDouble() < 0.05 ? 6 : 0;
                decimal value = Math.Clamp(Math.Round((decimal)(level + (0.15 * s) - dip + (random.NextDouble() * 2) - 1), 1), 0m, 40m);
                scores[s] = new AllianceScore(ScoreMetric.Sum, value, 0m, 40m, Perspective.Client, Occasion.Session(s + 1), default, default, provenance);
            }

            _episodes[e] = Episode.Create("e", scores, cutoff).AsT0;
        }

        _analyzer = new EpisodeAnalyzer(new ITrendDetector[]
        {
            new TrajectoryDetector(),
            new ReliableChangeDetector(new ReliableChangeOptions { StandardDeviation = 6.5, Reliability = 0.85 }),
            new RuptureRepairDetector(),
            new FeedbackRulesDetector(),
            new SuddenGainsAndLossesDetector(new SuddenGainsAndLossesOptions { StandardDeviation = 6.5, Reliability = 0.85 }),
        });
    }

    [Benchmark(Baseline = true, Description = "bare OLS slope")]
    public double BareSlope()
    {
        double total = 0;
        foreach (Episode episode in _episodes)
        {
            double mt = 15.5;
            double my = 0;
            foreach (AllianceScore s in episode.Scores)
            {
                my += (double)s.Value;
            }

            my /= 30;
            double stt = 0;
            double sty = 0;
            for (int i = 0; i < 30; i++)
            {
                double dt = i + 1 - mt;
                stt += dt * dt;
                sty += dt * ((double)episode.Scores[i].Value - my);
            }

            total += sty / stt;
        }

        return total;
    }

    [Benchmark(Description = "all detectors + alerts + guidance")]
    public int Analyze()
    {
        int findings = 0;
        foreach (Episode episode in _episodes)
        {
            findings += _analyzer.Analyze(episode).Findings.Length;
        }

        return findings;
    }
}
