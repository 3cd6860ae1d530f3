using MathNet.Numerics.Distributions;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Trends;

/// <summary>Issue 26, part 1: false alarms controlled per episode, not per pair of sessions.</summary>
public sealed class PerEpisodeRuptureTests
{
    private static double FalseAlarmShare(RuptureRepairOptions options, int sessions, int episodes = 2000)
    {
        var random = new Random(sessions);
        var detector = new RuptureRepairDetector(options);
        int alarmed = 0;
        for (int e = 0; e < episodes; e++)
        {
            // Noise only: a steady level of 30 SRS points with normal noise of SD 1 point, no clamp.
            double[] values = Enumerable.Range(0, sessions).Select(_ => 30.0 + Normal.Sample(random, 0.0, 1.0)).ToArray();
            alarmed += detector.Detect(TrendTestData.Srs(values)).Findings.IsEmpty ? 0 : 1;
        }

        return (double)alarmed / episodes;
    }

    [Fact]
    public void TheDefaultsFalseAlarmRate_DoesNotGrowWithTheEpisodesLength_ThePerPairRulesDoes()
    {
        double shortDefault = FalseAlarmShare(RuptureRepairOptions.Default, 8);
        double longDefault = FalseAlarmShare(RuptureRepairOptions.Default, 40);
        double shortPerPair = FalseAlarmShare(RuptureRepairOptions.TwoStandardDeviations, 8);
        double longPerPair = FalseAlarmShare(RuptureRepairOptions.TwoStandardDeviations, 40);

        // The per-pair rule accepts a few per cent of noise pairs, so longer episodes raise more false ruptures.
        Console.WriteLine($"noise-only episodes with a rupture: default {shortDefault:0.000} (8 sessions), {longDefault:0.000} (40); per pair {shortPerPair:0.000}, {longPerPair:0.000}");
        Assert.True(longPerPair > shortPerPair + 0.15, $"per pair: {shortPerPair:0.000} at 8 sessions, {longPerPair:0.000} at 40");
        // The default's rate does not grow with the length. It is above α = 5 %: the client's scale is estimated from
        // few changes, and in short episodes the published m = 2 is the floor (figures: docs/trends.md).
        Assert.True(longDefault <= shortDefault + 0.03, $"default: {shortDefault:0.000} at 8 sessions, {longDefault:0.000} at 40");
        Assert.InRange(longDefault, 0.0, 0.2);
        Assert.True(longDefault < longPerPair / 3, $"default {longDefault:0.000}, per pair {longPerPair:0.000} at 40 sessions");
    }

    [Fact]
    public void TheMultiplier_IsCorrectedForTheNumberOfDrops_AndTheBaselineMean_ButNeverBelowM()
    {
        // 21 scores, 20 drops, judged by the client's own scale alone (19 changes that do not touch the trough):
        // Student's t with 2 × 19 df, t(1 − .05/20) = 2.946; from a mean of 3 scores × √(2/3) = 2.405 > 2.
        double[] values = Enumerable.Range(0, 20).Select(i => 37.0 + (i % 2 == 0 ? 0.5 : -0.5)).Append(25.0).ToArray();
        RuptureFinding rupture = Assert.IsType<RuptureFinding>(Assert.Single(new RuptureRepairDetector().Detect(TrendTestData.Srs(values)).Findings));
        Assert.Equal(StudentT.InvCDF(0, 1, 38, 1 - (0.05 / 20)) * Math.Sqrt(2.0 / 3.0), rupture.Criterion.Multiplier, 12);
        Assert.Equal(RuptureSdBasis.IntraIndividual, rupture.Criterion.SdBasis);
        // All 19 changes are 1 point: the 4 largest left out, the root mean square of 15 is 1, divided by the SD of |Z|
        // below its 15/19 quantile, the consistency factor for normal changes.
        double q = Normal.InvCDF(0, 1, 0.5 + (15.0 / 19.0 / 2.0));
        Assert.Equal(1.0 / Math.Sqrt(1.0 - (2.0 * q * Normal.PDF(0, 1, q) * 19.0 / 15.0)), rupture.Criterion.IntraIndividualSd!.Value, 12);

        // With a reference SD at least as large as the client's, the normal quantile: Φ⁻¹(1 − .05/20) = 2.807, × √(2/3) = 2.292.
        RuptureFinding withReference = Assert.IsType<RuptureFinding>(Assert.Single(new RuptureRepairDetector(new RuptureRepairOptions { ReferenceStandardDeviation = 2.0 }).Detect(TrendTestData.Srs(values)).Findings));
        Assert.Equal((RuptureSdBasis.StricterOfBoth, 2.0), (withReference.Criterion.SdBasis, withReference.Criterion.StandardDeviation));
        Assert.Equal(Normal.InvCDF(0, 1, 1 - (0.05 / 20)) * Math.Sqrt(2.0 / 3.0), withReference.Criterion.Multiplier, 12);
        Assert.Equal(3, rupture.Criterion.BaselineScores);
        Assert.Equal(3.0, rupture.Parameters["baseline-scores"]);
        Assert.Equal((36.5 + 37.5 + 36.5) / 3.0, rupture.Before, 12);   // the mean of the last three scores (sessions 18–20)
        Assert.StartsWith("Drop of 11.833 points from 36.833 (the mean of the 3 ratings up to session 20) to 25 at session 21", rupture.Summary, StringComparison.Ordinal);

        // Four scores, three drops, with a reference SD: 2.128 × 0.8165 = 1.74 < 2, so the published m = 2 holds.
        RuptureFinding shortOne = Assert.IsType<RuptureFinding>(Assert.Single(new RuptureRepairDetector(new RuptureRepairOptions { ReferenceStandardDeviation = 2.0 }).Detect(TrendTestData.Srs(37.0, 37.5, 36.5, 25.0)).Findings));
        Assert.Equal(2.0, shortOne.Criterion.Multiplier);

        // Without α and with b = 1 the rule is the consecutive-session drop of Gumz et al. (2012).
        RuptureFinding perPair = Assert.IsType<RuptureFinding>(Assert.Single(new RuptureRepairDetector(RuptureRepairOptions.TwoStandardDeviations).Detect(TrendTestData.Srs(values)).Findings));
        Assert.Equal((2.0, 1, 36.5), (perPair.Criterion.Multiplier, perPair.Criterion.BaselineScores, perPair.Before));
    }

    [Fact]
    public void ADropInsideAnUnrepairedRupture_BelongsToIt_AndIsNotASecondFinding()
    {
        // 37 → 30 (rupture) → 24 (deeper, same rupture) → 37 (repaired) → 30 (a new rupture).
        Episode episode = TrendTestData.Srs(37.0, 37.2, 36.8, 37.0, 30.0, 24.0, 37.0, 37.1, 36.9, 30.0);
        var ruptures = new RuptureRepairDetector(RuptureRepairOptions.TwoStandardDeviations with { ReferenceStandardDeviation = 1.0, ReliableChangeFloor = false })
            .Detect(episode).Findings.Cast<RuptureFinding>().ToArray();
        Assert.Equal(new[] { 5, 10 }, ruptures.Select(r => r.TroughSession));
        Assert.Equal(7, ruptures[0].RepairSession);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void AnEpisodeFalseAlarmRate_OutsideZeroToOne_IsAGuardError(double alpha) =>
        Assert.Contains("EpisodeFalseAlarmRate", Assert.Throws<ArgumentException>("options", () => new RuptureRepairDetector(new RuptureRepairOptions { EpisodeFalseAlarmRate = alpha })).Message, StringComparison.Ordinal);

    [Fact]
    public void BaselineSessions_BelowOne_IsAGuardError() =>
        Assert.Contains("BaselineSessions", Assert.Throws<ArgumentException>("options", () => new RuptureRepairDetector(new RuptureRepairOptions { BaselineSessions = 0 })).Message, StringComparison.Ordinal);
}
