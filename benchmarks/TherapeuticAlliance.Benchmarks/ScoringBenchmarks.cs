using BenchmarkDotNet.Attributes;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;

namespace TherapeuticAlliance.Benchmarks;

/// <summary>
/// Object path: score one WAI-SR assessment through the public API. The baseline is a naive LINQ
/// implementation of the same sums (total and three subscales), so results read as ratios.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private static readonly int[][] SubscaleItems =
    {
        new[] { 0, 1, 9, 11 },
        new[] { 2, 4, 6, 8 },
        new[] { 3, 5, 7, 10 },
    };

    private Assessment _assessment = null!;
    private decimal?[] _values = null!;
    private ItemResponse[] _responses = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _values = Enumerable.Range(0, 12).Select(_ => (decimal?)random.Next(1, 6)).ToArray();
        _responses = _values.Select((v, i) => ItemResponse.Create((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), v)).ToArray();
        _assessment = AllianceInstruments.WaiSr.CreateAssessment(Perspective.Client, Occasion.Session(1), _values).GetValueOrThrow();
    }

    [Benchmark(Baseline = true, Description = "naive LINQ sums")]
    public decimal NaiveLinq()
    {
        decimal total = _values.Where(v => v.HasValue).Sum(v => v!.Value);
        decimal subscales = SubscaleItems.Select(items => items.Sum(i => _values[i]!.Value)).Sum();
        return total + subscales;
    }

    [Benchmark(Description = "score (sum strategy)")]
    public AllianceScore Score() => ScoringStrategies.Sum.Score(_assessment).AsT0;

    [Benchmark(Description = "validate + score")]
    public AllianceScore ValidateAndScore() =>
        ScoringStrategies.Sum.Score(AllianceInstruments.WaiSr.CreateAssessment(Perspective.Client, Occasion.Session(1), _responses).AsT0).AsT0;
}
