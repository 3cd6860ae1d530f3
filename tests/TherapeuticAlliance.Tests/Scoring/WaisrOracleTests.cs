using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Tests.TestHelpers;

namespace TherapeuticAlliance.Tests.Scoring;

/// <summary>Golden test: the 400 WAI-SR-shaped administrations scored by the library reproduce R's values.</summary>
public class WaisrOracleTests
{
    private static readonly IReadOnlyDictionary<string, double> Expected = OracleFiles.ReadExpected("waisr-expected.csv");

    private static List<AllianceScore> ScoreAll(IScoringStrategy strategy) =>
        OracleFiles.ReadMatrix("waisr-responses.csv")
            .Select((row, i) => AllianceInstruments.WaiSr
                .CreateAssessment(Perspective.Client, Occasion.Session(i + 1), row.Select(v => (decimal?)v).ToArray())
                .GetValueOrThrow())
            .Select(a => strategy.Score(a).GetValueOrThrow())
            .ToList();

    private static void AssertRelative(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void TotalSums_MatchMeanAndSd()
    {
        double[] totals = ScoreAll(ScoringStrategies.Sum).Select(s => (double)s.Value).ToArray();
        Assert.Equal(400, totals.Length);
        double mean = totals.Average();
        double sd = Math.Sqrt(totals.Sum(t => (t - mean) * (t - mean)) / (totals.Length - 1));
        AssertRelative(Expected["total_sum_mean"], mean);
        AssertRelative(Expected["total_sum_sd"], sd);
    }

    [Fact]
    public void TotalMeans_MatchTheMeanItemScore() =>
        AssertRelative(Expected["total_mean_mean"], ScoreAll(ScoringStrategies.Mean).Select(s => (double)s.Value).Average());

    [Theory]
    [InlineData("Task", "task")]
    [InlineData("Bond", "bond")]
    [InlineData("Goal", "goal")]
    public void SubscaleSums_MatchTheirMeans(string oracleName, string subscale)
    {
        double mean = ScoreAll(ScoringStrategies.Sum)
            .Select(s => (double)s.Subscales.Single(d => d.Dimension.Id == subscale).Value)
            .Average();
        AssertRelative(Expected["sum_mean_" + oracleName], mean);
    }

    [Theory]
    [InlineData("waisr-responses.csv")]
    [InlineData("waisr-expected.csv")]
    public void CommittedOracleCopy_MatchesShared(string fileName)
    {
        string? shared = OracleFiles.Shared(fileName);
        if (shared is null)
        {
            return; // a bare clone without ../shared: the committed copy is all there is
        }

        Assert.Equal(File.ReadAllText(shared), File.ReadAllText(OracleFiles.Local(fileName)));
    }
}
