using System.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Statistics;

namespace TherapeuticAlliance.Benchmarks;

/// <summary>
/// Batch scoring: 1,000,000 × 12 WAI-SR responses into totals and subscales. The baseline is a plain SIMD sum over
/// the same column-major memory into a reused array (the memory-bandwidth limit for this job), so results read as
/// ratios. <c>ScoreInto</c> writes into a reused buffer as the baseline does; <c>Score</c> allocates its four result
/// columns (32 MB) on every call, and the SIMD sum into a new array shows what fresh memory alone costs.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class BatchBenchmarks
{
    private const int Rows = 1_000_000;
    private ResponseMatrix _matrix = null!;
    private double[] _columnMajor = null!;
    private double[] _totals = null!;
    private double[] _scores = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        _columnMajor = new double[Rows * 12];
        for (int i = 0; i < _columnMajor.Length; i++)
        {
            _columnMajor[i] = random.Next(1, 6);
        }

        _matrix = ResponseMatrix.FromColumnMajor(_columnMajor, Rows, 12);
        _totals = new double[Rows];
        _scores = new double[ScoringStrategies.BatchDestinationLength(AllianceInstruments.WaiSr, Rows)];
    }

    [Benchmark(Baseline = true, Description = "SIMD sum of the 12 columns")]
    public double SimdSum() => SumColumns(_totals);

    [Benchmark(Description = "SIMD sum of the 12 columns into a new array (what fresh result memory costs)")]
    public double SimdSumIntoNewArray() => SumColumns(GC.AllocateUninitializedArray<double>(Rows));

    private double SumColumns(double[] totals)
    {
        Array.Clear(totals);
        int width = Vector<double>.Count;
        for (int c = 0; c < 12; c++)
        {
            ReadOnlySpan<double> column = _columnMajor.AsSpan(c * Rows, Rows);
            int r = 0;
            for (; r <= Rows - width; r += width)
            {
                (new Vector<double>(totals.AsSpan(r)) + new Vector<double>(column.Slice(r))).CopyTo(totals.AsSpan(r));
            }

            for (; r < Rows; r++)
            {
                totals[r] += column[r];
            }
        }

        return totals[Rows - 1];
    }

    [Benchmark(Description = "ScoreBatch (sum strategy): totals and 3 subscales (sum), new result arrays")]
    public double BatchScore() => ScoringStrategies.Sum.ScoreBatch(AllianceInstruments.WaiSr, _matrix).AsT0.Totals.Span[Rows - 1];

    [Benchmark(Description = "ScoreBatchInto (sum strategy): the same into a reused buffer")]
    public double BatchScoreInto() => ScoringStrategies.Sum.ScoreBatchInto(AllianceInstruments.WaiSr, _matrix, _scores).AsT0.UnscoredRows + _scores[Rows - 1];
}
