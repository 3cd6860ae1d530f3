using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using TherapeuticAlliance.Statistics;

namespace TherapeuticAlliance.Benchmarks;

/// <summary>
/// Cronbach's alpha and all six ICC forms on n × 12 matrices at two sizes (to show linear scaling). The baseline is
/// naive two-pass code over jagged rows computing alpha, so results read as ratios.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class StatisticsBenchmarks
{
    private ResponseMatrix _matrix = null!;
    private double[][] _rows = null!;

    [Params(10_000, 100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        _rows = new double[Rows][];
        for (int r = 0; r < Rows; r++)
        {
            double trait = random.NextDouble() * 2;
            _rows[r] = Enumerable.Range(0, 12).Select(_ => Math.Clamp(Math.Round(2 + trait + (random.NextDouble() * 2) - 1), 1, 5)).ToArray();
        }

        _matrix = ResponseMatrix.FromRows(_rows);
    }

    [Benchmark(Baseline = true, Description = "naive two-pass alpha")]
    public double NaiveAlpha()
    {
        int k = 12;
        var means = new double[k];
        foreach (double[] row in _rows)
        {
            for (int j = 0; j < k; j++)
            {
                means[j] += row[j] / Rows;
            }
        }

        double totalMean = means.Sum();
        var variances = new double[k];
        double totalVariance = 0;
        foreach (double[] row in _rows)
        {
            double total = 0;
            for (int j = 0; j < k; j++)
            {
                double d = row[j] - means[j];
                variances[j] += d * d;
                total += row[j];
            }

            totalVariance += (total - totalMean) * (total - totalMean);
        }

        return k / (k - 1.0) * (1 - (variances.Sum() / totalVariance));
    }

    [Benchmark(Description = "Reliability.CronbachAlpha (with item statistics)")]
    public double Alpha() => Reliability.CronbachAlpha(_matrix).AsT0.Alpha;

    [Benchmark(Description = "Agreement.IntraclassCorrelations (six forms, F, p, bounds)")]
    public double Icc() => Agreement.IntraclassCorrelations(_matrix).AsT0.Forms[5].Value;
}
