using System.Globalization;
using TherapeuticAlliance.Tests.Statistics;
using TherapeuticAlliance.Tests.TestHelpers;
using TherapeuticAlliance.Trends;
using static TherapeuticAlliance.Tests.Trends.TrendTestData;

namespace TherapeuticAlliance.Tests.Trends;

/// <summary>R oracles and the reference's worked examples for the trend layer.</summary>
public class TrendOracleTests
{
    private static readonly IReadOnlyDictionary<string, double> Series = OracleFiles.ReadExpected("series-expected.csv");
    private static readonly IReadOnlyDictionary<string, double> Quantiles = OracleFiles.ReadExpected("quantiles-expected.csv");

    private static void Relative(double expected, double actual, double tolerance = 1e-9) => StatisticsOracleTests.AssertRelative(expected, actual, tolerance);

    public static IEnumerable<object[]> Episodes() => File.ReadLines(OracleFiles.Local("series.csv")).Skip(1)
        .Select(l => l.Split(','))
        .GroupBy(f => f[0])
        .Select(g => new object[] { int.Parse(g.Key, CultureInfo.InvariantCulture), g.Select(f => (int.Parse(f[1], CultureInfo.InvariantCulture), decimal.Parse(f[2], CultureInfo.InvariantCulture))).ToArray() });

    [Theory]
    [MemberData(nameof(Episodes))]
    public void SeriesOracle_SlopeInterceptSdAndRc_MatchR(int episode, (int Session, decimal Score)[] rows)
    {
        Episode e = Episode.Create("e" + episode, rows.Select(r => Score(r.Session, r.Score, minimum: 0m, maximum: 40m))).GetValueOrThrow();
        var trajectory = (TrajectoryFinding)new TrajectoryDetector().Detect(e).Findings.Single();
        Relative(Series[$"slope_e{episode}"], trajectory.Slope);
        Relative(Series[$"intercept_e{episode}"], trajectory.Intercept);
        Relative(Series[$"sd_e{episode}"], trajectory.StandardDeviation);
        var rc = (ReliableChangeFinding)new ReliableChangeDetector(new ReliableChangeOptions { StandardDeviation = 6.5, Reliability = 0.85 }).Detect(e).Findings.Single();
        double expectedRc = Series[$"rc_e{episode}"];
        if (expectedRc == 0)
        {
            Assert.Equal(0.0, rc.Index, 12);
        }
        else
        {
            Relative(expectedRc, rc.Index);
        }
    }

    [Theory]
    [InlineData("qt_975_df2", 2, 0.05)]
    [InlineData("qt_975_df3", 3, 0.05)]
    [InlineData("qt_975_df4", 4, 0.05)]
    [InlineData("qt_995_df4", 4, 0.01)]
    public void CriticalT_MatchesR(string name, int df, double alpha) => Relative(Quantiles[name], SuddenGainsAndLossesCriteria.CriticalT(df, alpha), 1e-9);

    [Fact]
    public void Z95_MatchesQnorm() => Relative(Quantiles["qnorm_975"], ReliableChange.Z95, 1e-12);

    [Fact]
    public void O1_ReliableChangeValue()
    {
        Assert.Equal(9.296925484568419, ReliableChange.ReliableChangeValue(7.5, 0.80), 12);
        Assert.Equal(3.354102, ReliableChange.StandardErrorOfMeasurement(7.5, 0.80), 6);
        Assert.Equal(4.743416, ReliableChange.StandardErrorOfDifference(7.5, 0.80), 6);
        Assert.Equal(9.297096, ReliableChange.ReliableChangeValue(7.5, 0.80, 1.96), 6);
    }

    [Fact]
    public void O2_ReliableChangeComponents()
    {
        Assert.Equal(2.758124, ReliableChange.StandardErrorOfMeasurement(10.5, 0.931), 6);
        Assert.Equal(3.900577, ReliableChange.StandardErrorOfDifference(10.5, 0.931), 6);
        Assert.Equal(7.645131, ReliableChange.ReliableChangeValue(10.5, 0.931, 1.96), 6);
    }

    [Fact]
    public void O3_IndividualRc_LowerIsBetter()
    {
        Assert.Equal(-2.529822, ReliableChange.Index(32, 20, 7.5, 0.80), 6);
        var finding = (ReliableChangeFinding)new ReliableChangeDetector(new ReliableChangeOptions { StandardDeviation = 7.5, Reliability = 0.8, HigherIsBetter = false })
            .Detect(TrendTestData.Series(32, 20)).Findings.Single();
        Assert.True(finding.IsReliable);
        Assert.Equal(ChangeDirection.Improved, finding.Direction);
    }

    [Fact]
    public void O4_ClinicalSignificanceCutoffs_HigherIsWorse()
    {
        Assert.Equal(10.0, ReliableChange.CutoffA(20, 5, higherIsBetter: false), 12);
        Assert.Equal(16.0, ReliableChange.CutoffB(10, 3, higherIsBetter: false), 12);
        Assert.Equal(13.75, ReliableChange.CutoffC(20, 5, 10, 3), 12);
        Assert.Equal(30.0, ReliableChange.CutoffA(20, 5, higherIsBetter: true), 12);
        Assert.Equal(4.0, ReliableChange.CutoffB(10, 3, higherIsBetter: true), 12);
    }

    [Fact]
    public void O6_PublishedSuddenGainCases()
    {
        // Lower is better (BDI), as in the suddengains documentation.
        SuddenChangeEvaluation a = SuddenGainsAndLossesCriteria.Evaluate(new double[] { 32, 31, 33 }, new double[] { 5, 6, 7 }, 7, higherIsBetter: false)!;
        Assert.Equal(2.776, a.TCritical, 3);
        Assert.Equal((32.0, 6.0, 1.0, 1.0), (a.MeanBefore, a.MeanAfter, a.SdBefore, a.SdAfter));
        Assert.True(a.IsSuddenGainOrLoss);
        Assert.Equal(SuddenChangeKind.Gain, a.Kind);

        SuddenChangeEvaluation b = SuddenGainsAndLossesCriteria.Evaluate(new double[] { 32, 31, 33 }, new double[] { 5, 6, 7 }, 7, alpha: 0.01, higherIsBetter: false)!;
        Assert.Equal(4.604, b.TCritical, 3);
        Assert.True(b.IsSuddenGainOrLoss);

        SuddenChangeEvaluation c = SuddenGainsAndLossesCriteria.Evaluate(new[] { double.NaN, 31, 33 }, new[] { 5, double.NaN, 7 }, null, alpha: 0.01, higherIsBetter: false)!;
        Assert.Equal(9.925, c.TCritical, 3);
        Assert.Equal(1.414, c.SdBefore, 3);
        Assert.Equal(1.414, c.SdAfter, 3);
        Assert.Null(c.MeetsAbsoluteCriterion);
        Assert.True(c.MeetsStabilityCriterion);

        SuddenChangeEvaluation d = SuddenGainsAndLossesCriteria.Evaluate(new[] { 5, double.NaN, 7 }, new double[] { 16, 12, 14 }, 7, higherIsBetter: false)!;
        Assert.Equal(3.182, d.TCritical, 3);
        Assert.Equal(1.825742, d.PooledSd, 6);
        Assert.Equal(SuddenChangeKind.Loss, d.Kind);
        Assert.True(d.IsSuddenGainOrLoss);
    }

    [Fact]
    public void SuddenLoss_RelativeCriterionNeedsTwentyFivePercent_NotAnyIncrease()
    {
        // suddengains lets any increase pass criterion 2 for losses; here a rise of 5 from 30 (17 %) must not.
        SuddenChangeEvaluation e = SuddenGainsAndLossesCriteria.Evaluate(new double[] { 29, 31, 30 }, new double[] { 35, 35, 36 }, 1, higherIsBetter: false)!;
        Assert.Equal(SuddenChangeKind.Loss, e.Kind);
        Assert.True(e.MeetsAbsoluteCriterion);
        Assert.True(e.MeetsStabilityCriterion);
        Assert.False(e.MeetsRelativeCriterion);
        Assert.False(e.IsSuddenGainOrLoss);
    }

    [Theory]
    [InlineData(2.0, 1, false, null)]
    [InlineData(2.0, 2, true, 7)]
    [InlineData(1.0, 1, false, null)]
    public void O10_RuptureSeries(double m, int k, bool repaired, int? repairSession)
    {
        Episode episode = TrendTestData.Series(40, 42, 41, 43, 33, 42, 44);
        var findings = new RuptureRepairDetector(RuptureRepairOptions.IntraIndividualOnly with { DropInStandardDeviations = m, RepairWindow = k }).Detect(episode).Findings.Cast<RuptureFinding>().ToList();
        RuptureFinding rupture = Assert.Single(findings);
        Assert.Equal((4, 5), (rupture.StartSession, rupture.TroughSession));
        Assert.Equal(10.0, rupture.Depth, 12);
        Assert.Equal(m * 3.638419, rupture.Threshold, 5);
        Assert.Equal(repaired, rupture.IsRepaired);
        Assert.Equal(repairSession, rupture.RepairSession);
        Assert.Equal(repaired ? 2 : null, rupture.Length);
        Assert.Equal(m, rupture.Parameters["m"]);
    }

    [Fact]
    public void O11_TrajectorySlope()
    {
        var trajectory = (TrajectoryFinding)new TrajectoryDetector().Detect(TrendTestData.Series(30, 32, 35, 37, 41)).Findings.Single();
        Assert.Equal(2.7, trajectory.Slope, 12);
        Assert.Equal(26.9, trajectory.Intercept, 12);
        Assert.Equal((35 + 37 + 41) / 3.0, trajectory.EarlyAlliance, 12);
    }

    [Fact]
    public void CommittedOracleCopies_MatchShared()
    {
        foreach (string file in new[] { "series.csv", "series-expected.csv", "quantiles-expected.csv" })
        {
            string? shared = OracleFiles.Shared(file);
            if (shared is not null)
            {
                Assert.Equal(File.ReadAllText(shared), File.ReadAllText(OracleFiles.Local(file)));
            }
        }
    }
}
