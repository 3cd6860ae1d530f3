// Paired timing of the sum strategy's ScoreBatchInto against the plain SIMD sum (the BatchBenchmarks baseline) on 1,000,000 × 12
// WAI-SR responses: each repetition times the baseline and then the scorer, back to back, and the script prints the
// median of the per-pair ratios. On a noisy shared machine this is steadier than BenchmarkDotNet's per-method runs,
// which time all iterations of one method before the next, so a neighbour's burst can land on one method only.
// Run: dotnet run -c Release benchmarks/compare/batch-paired.cs
#:project ../../src/TherapeuticAlliance/TherapeuticAlliance.csproj
#:property TargetFramework=net10.0
#:property ImplicitUsings=enable
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using TherapeuticAlliance;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Statistics;

const int Rows = 1_000_000;
const int Columns = 12;
var random = new Random(11);
var columnMajor = new double[Rows * Columns];
for (int i = 0; i < columnMajor.Length; i++)
{
    columnMajor[i] = random.Next(1, 6);
}

ResponseMatrix matrix = ResponseMatrix.FromColumnMajor(columnMajor, Rows, Columns);
var totals = new double[Rows];
var scores = new double[ScoringStrategies.BatchDestinationLength(AllianceInstruments.WaiSr, Rows)];

double SimdSum()
{
    Array.Clear(totals);
    int width = Vector<double>.Count;
    for (int c = 0; c < Columns; c++)
    {
        ReadOnlySpan<double> column = columnMajor.AsSpan(c * Rows, Rows);
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

double ScoreInto() => ScoringStrategies.Sum.ScoreBatchInto(AllianceInstruments.WaiSr, matrix, scores).AsT0.UnscoredRows + scores[Rows - 1];

for (int i = 0; i < 30; i++)
{
    SimdSum();
    ScoreInto();
}

var ratios = new List<double>();
var watch = new Stopwatch();
for (int i = 0; i < 61; i++)
{
    watch.Restart();
    SimdSum();
    double baseline = watch.Elapsed.TotalMilliseconds;
    watch.Restart();
    ScoreInto();
    ratios.Add(watch.Elapsed.TotalMilliseconds / baseline);
}

ratios.Sort();
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"ScoreInto / SIMD sum, median of 61 pairs: {ratios[30]:F2} (quartiles {ratios[15]:F2} and {ratios[45]:F2}); the target is at most 2.00"));
