using TherapeuticAlliance.Statistics;
using TherapeuticAlliance.Tests.TestHelpers;

namespace TherapeuticAlliance.Tests.Statistics;

public class QuantileTests
{
    private static readonly IReadOnlyDictionary<string, double> Expected = OracleFiles.ReadExpected("quantiles-expected.csv");

    [Theory]
    [InlineData("qf_975_5_20", 5, 20)]
    [InlineData("qf_975_149_149", 149, 149)]
    public void FQuantile_MatchesR(string name, double d1, double d2) =>
        StatisticsOracleTests.AssertRelative(Expected[name], Quantiles.FUpper(d1, d2, 0.025));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 0.2)]
    [InlineData(0.5, 400)]
    [InlineData(10000, 3)]
    public void FQuantile_IsFiniteAndInvertsTheUpperTail(double d1, double d2)
    {
        double f = Quantiles.FUpper(d1, d2, 0.025);
        Assert.True(double.IsFinite(f) && f > 0);
        double tail = MathNet.Numerics.SpecialFunctions.BetaRegularized(d2 / 2, d1 / 2, d2 / (d2 + (d1 * f)));
        Assert.Equal(0.025, tail, 10);
    }
}
