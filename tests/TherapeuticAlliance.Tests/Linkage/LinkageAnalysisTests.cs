using System.Collections.Immutable;
using System.Globalization;
using FsCheck;
using FsCheck.Xunit;
using TherapeuticAlliance.Linkage;
using TherapeuticAlliance.Multilevel;
using TherapeuticAlliance.Service;
using TherapeuticAlliance.Trends;
using static TherapeuticAlliance.Tests.ExpectedResponse.ExpectedResponseModelTests;

namespace TherapeuticAlliance.Tests.Linkage;

/// <summary>
/// Issue 31, parts 2 to 4: the decomposition, the repeated-measures correlation (rmcorr's published example), the lagged
/// within-person model and Baldwin's disaggregation on the shared lme4 oracle (m5, m3) and on fixtures from
/// linkage-oracle.R, the RI-CLPM export and the alliance around sudden gains.
/// </summary>
public sealed class LinkageAnalysisTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Oracles", "multilevel");

    /// <summary>Bland and Altman 1995 (BMJ 310:446), as rmcorr ships it (bland1995): subject, PaCO2, pH; 8 subjects, 47 rows.</summary>
    private static readonly (int Subject, double PaCO2, double PH)[] Bland1995 =
    {
        (1, 3.97, 6.68), (1, 4.12, 6.53), (1, 4.09, 6.43), (1, 3.97, 6.33), (2, 5.27, 6.85), (2, 5.37, 7.06), (2, 5.41, 7.13), (2, 5.44, 7.17), (3, 5.67, 7.4), (3, 3.64, 7.42), (3, 4.32, 7.41), (3, 4.73, 7.37), (3, 4.96, 7.34), (3, 5.04, 7.35), (3, 5.22, 7.28), (3, 4.82, 7.3), (3, 5.07, 7.34), (4, 5.67, 7.36), (4, 5.1, 7.33), (4, 5.53, 7.29), (4, 4.75, 7.3), (4, 5.51, 7.35), (5, 4.28, 7.35), (5, 4.44, 7.3), (5, 4.32, 7.3), (5, 3.23, 7.37), (5, 4.46, 7.27), (5, 4.72, 7.28), (5, 4.75, 7.32), (5, 4.99, 7.32), (6, 4.78, 7.38), (6, 4.73, 7.3), (6, 5.12, 7.29), (6, 4.93, 7.33), (6, 5.03, 7.31), (6, 4.93, 7.33), (7, 6.85, 6.86), (7, 6.44, 6.94), (7, 6.52, 6.92), (8, 5.28, 7.19), (8, 4.56, 7.29), (8, 4.34, 7.21), (8, 4.32, 7.25), (8, 4.41, 7.2), (8, 3.69, 7.19), (8, 6.09, 6.77), (8, 5.58, 6.82),
    };

    private static readonly Lazy<Dictionary<string, double>> M5 = new(() => Expected("m5_lagged_within_person_reml"));

    private static readonly Lazy<PairedSeries> OracleSessions = new(() => AllianceLinkage.Pair(ReadSessions()));

    private static Dictionary<string, double> Expected(string model) =>
        File.ReadLines(Path.Combine(Folder, "multilevel-expected.csv")).Skip(1).Where(l => l.StartsWith(model + ",", StringComparison.Ordinal))
            .ToDictionary(l => l[(model.Length + 1)..l.LastIndexOf(',')], l => double.Parse(l[(l.LastIndexOf(',') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private static List<Episode> ReadSessions()
    {
        var rows = File.ReadLines(Path.Combine(Folder, "sessions.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var series = new List<Episode>();
        foreach (var client in rows.GroupBy(r => r[2]))
        {
            var care = client.ToDictionary(r => int.Parse(r[3], CultureInfo.InvariantCulture), r => new CareKeys(r[1], r[0]));
            series.Add(Series(client.Key, client.Select(r => (int.Parse(r[3], CultureInfo.InvariantCulture), double.Parse(r[4], CultureInfo.InvariantCulture))), "srs", MeasureKind.Alliance).WithCare(care));
            series.Add(Series(client.Key, client.Select(r => (int.Parse(r[3], CultureInfo.InvariantCulture), double.Parse(r[5], CultureInfo.InvariantCulture)))).WithCare(care));
        }

        return series;
    }

    private static void Near(double expected, double actual, string what, double relative = 1e-5) =>
        Assert.True(Math.Abs(actual - expected) <= Math.Max(relative * Math.Abs(expected), 1e-8), $"{what}: expected {expected:R}, got {actual:R}");

    [Fact]
    public void RepeatedMeasuresCorrelation_OfRmcorrsPublishedExample_MatchesRmcorrAndR()
    {
        // rmcorr(Subject, PaCO2, pH, bland1995): r = -0.507, df = 38, p = 0.000847, 95 % CI [-0.71, -0.23] (Bakdash and
        // Marusich 2017, Table 1's example); full precision from R: lm(pH ~ factor(Subject) + PaCO2), drop1(test = "F"),
        // psych::r.con(r, df + 2).
        var rm = RepeatedMeasuresCorrelation.Compute(Bland1995.Select(b => b.PaCO2).ToArray(), Bland1995.Select(b => b.PH).ToArray(), Bland1995.Select(b => (string?)b.Subject.ToString(CultureInfo.InvariantCulture)).ToArray());
        Near(-0.50676974223306259, rm.R, "r", 1e-12);
        Assert.Equal(38, rm.DegreesOfFreedom);
        Near(0.00084710810912892731, rm.PValue, "p", 1e-9);
        Near(-0.70671463638594501, rm.Lower, "lower", 1e-9);
        Near(-0.23186311975667656, rm.Upper, "upper", 1e-9);
        Near(-0.10832304706968242, rm.Slope, "slope", 1e-12);
        Assert.Equal((8, 47), (rm.Subjects, rm.Observations));
        Assert.Equal("repeated-measures correlation: r = -0.507, df = 38, p = 0.000847, 95 % CI [-0.707, -0.232], 8 subjects, 47 observations", rm.ToString());
    }

    [Fact]
    public void RepeatedMeasuresCorrelation_LeavesOutMissingRows_AndIsNaNWhereUndefined()
    {
        var rm = RepeatedMeasuresCorrelation.Compute(new[] { 1.0, 2, double.NaN, 3, 4 }, new[] { 2.0, 4, 5, 5, 9 }, new string?[] { "a", "a", "a", "b", null });
        Assert.Equal((2, 3, 0), (rm.Subjects, rm.Observations, rm.DegreesOfFreedom));
        Assert.True(double.IsNaN(rm.Lower));
        var flat = RepeatedMeasuresCorrelation.Compute(new[] { 1.0, 1, 2, 2 }, new[] { 3.0, 4, 5, 6 }, new string?[] { "a", "a", "b", "b" });
        Assert.True(double.IsNaN(flat.R));
        Assert.True(double.IsNaN(flat.PValue));
        Assert.Throws<ArgumentException>(() => RepeatedMeasuresCorrelation.Compute(new[] { 1.0 }, new[] { 1.0, 2 }, new string?[] { "a" }));
        Assert.Throws<ArgumentException>(() => RepeatedMeasuresCorrelation.Compute(new[] { 1.0 }, new[] { 1.0 }, new string?[] { "a" }, level: 1));
    }

    [Property(MaxTest = 100)]
    public void RepeatedMeasuresCorrelation_IgnoresEachSubjectsLevel_AndIsSymmetric(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        int n = 30;
        string?[] subjects = Enumerable.Range(0, n).Select(i => (string?)("s" + (i % 5).ToString(CultureInfo.InvariantCulture))).ToArray();
        double[] x = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 10).ToArray();
        double[] y = x.Select(v => v + (random.NextDouble() * 8)).ToArray();
        double[] shift = Enumerable.Range(0, 5).Select(_ => (random.NextDouble() - 0.5) * 100).ToArray();
        var rm = RepeatedMeasuresCorrelation.Compute(x, y, subjects);
        var shifted = RepeatedMeasuresCorrelation.Compute(x.Select((v, i) => v + shift[i % 5]).ToArray(), y.Select((v, i) => v - (2 * shift[i % 5])).ToArray(), subjects);
        var swapped = RepeatedMeasuresCorrelation.Compute(y, x, subjects);
        Near(rm.R, shifted.R, "shifted", 1e-9);
        Near(rm.R, swapped.R, "swapped", 1e-12);
        Assert.InRange(rm.R, rm.Lower, rm.Upper);
    }

    [Fact]
    public void LaggedModel_OnTheOraclesSessions_ReproducesLme4sM5()
    {
        // m5: lmer(ors_next ~ ors + srs_within + srs_between + (1 | client)), the person means over all sessions.
        LaggedWithinPersonModel model = AllianceLinkage.FitLaggedModel(OracleSessions.Value).GetValueOrThrow();
        Dictionary<string, double> expected = M5.Value;
        var names = new Dictionary<string, string> { ["(Intercept)"] = "(Intercept)", ["outcome"] = "ors", ["alliance_within"] = "srs_within", ["alliance_between"] = "srs_between" };
        foreach (FixedEffect effect in model.Fit.FixedEffects)
        {
            string r = names[effect.Term];
            Near(expected["beta[" + r + "]"], effect.Estimate, "beta " + r);
            Near(expected["se[" + r + "]"], effect.StandardError, "se " + r);
            Near(expected["df[" + r + "]"], effect.DegreesOfFreedom, "df " + r);
        }

        Near(expected["var[client:(Intercept)]"], model.Fit.VarianceComponents.Single(v => v.Group == "client").Variance, "client variance");
        Near(expected["sigma2"], model.Fit.ResidualVariance, "sigma2");
        Assert.Equal(13_700, model.Fit.Observations);
        Assert.Equal(1_521, model.Clients);

        // The within effect's interval is the t interval on Satterthwaite's df; standardised, it is per within-client SD.
        LinkageEffect within = model.Within;
        double half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, within.DegreesOfFreedom, 0.975) * within.StandardError;
        Near(within.Estimate - half, within.Lower, "lower", 1e-12);
        Near(within.Estimate + half, within.Upper, "upper", 1e-12);
        Assert.InRange(within.Standardised, 0.01, within.Estimate);
        Assert.Equal(within.Estimate / within.Scale, within.Standardised);
        Assert.Equal("alliance_within", within.Term);
        Assert.StartsWith("lagged within-person model: 13700 pairs of 1521 clients; alliance_within: 0.314", model.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false, 0.31466161251851882, 0.010943326692386984, 11473.584316175373, 0.034189550107297191, 3.2142020360662853)]
    [InlineData(false, true, 0.31585346888681459, 0.011529872216193582, 11009.698513597079, 0.027714789905728218, 3.2398461511743495)]
    public void LaggedModel_WithATherapistIntercept_OrDetrended_MatchesLme4(bool therapist, bool detrend, double within, double withinSe, double withinDf, double between, double sigma2)
    {
        // Values from linkage-oracle.R (lme4 1.1-31, lmerTest 3.1-3) on the oracle's sessions.
        LaggedWithinPersonModel model = AllianceLinkage.FitLaggedModel(OracleSessions.Value, new LaggedModelOptions { TherapistIntercept = therapist, Detrend = detrend }).GetValueOrThrow();
        Near(within, model.Within.Estimate, "within");
        Near(withinSe, model.Within.StandardError, "within se");
        Near(withinDf, model.Within.DegreesOfFreedom, "within df", 1e-4);
        Near(between, model.Between.Estimate, "between");
        Near(sigma2, model.Fit.ResidualVariance, "sigma2");
        Assert.Contains(therapist ? "(1 | therapist)" : "+ session", model.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void Disaggregation_OfTheOraclesEpisodes_ReproducesLme4sM3()
    {
        // m3: lmer(post ~ pre + alliance_between + alliance_within + (1 | therapist)), Baldwin, Wampold and Imel 2007.
        var rows = File.ReadLines(Path.Combine(Folder, "episodes.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        var episodes = rows.Select(r => new ServiceEpisode(r[2], r[1], r[0], D(r[4]), D(r[5]), int.Parse(r[3], CultureInfo.InvariantCulture), null, allianceSessions: int.Parse(r[3], CultureInfo.InvariantCulture), allianceMean: D(r[6]))).ToList();
        episodes.Add(new ServiceEpisode("no-final", "T0101", "S01", 20, null, 1, null, allianceSessions: 1, allianceMean: 30));
        AllianceDisaggregation model = AllianceLinkage.Disaggregate(episodes).GetValueOrThrow();
        Dictionary<string, double> expected = Expected("m3_alliance_disaggregated_reml");
        Near(expected["beta[alliance_between]"], model.Therapist.Estimate, "between");
        Near(expected["se[alliance_between]"], model.Therapist.StandardError, "between se");
        Near(expected["df[alliance_between]"], model.Therapist.DegreesOfFreedom, "between df");
        Near(expected["beta[alliance_within]"], model.Client.Estimate, "within");
        Near(expected["p[alliance_within]"], model.Client.PValue, "within p");
        Near(expected["beta[pre]"], model.Fit.FixedEffects.Single(f => f.Term == "intake").Estimate, "pre");
        Near(expected["var[therapist:(Intercept)]"], model.Fit.VarianceComponents.Single(v => v.Group == "therapist").Variance, "therapist variance");
        Assert.Equal((1_521, 1), (model.Fit.Observations, model.OmittedEpisodes));
    }

    [Fact]
    public void Decomposition_SplitsEachRatingIntoPartsThatAddUp_AndSharesThatSumToOne()
    {
        PairedSeries paired = OracleSessions.Value;
        LinkageDecomposition parts = AllianceLinkage.Decompose(paired);
        Assert.Equal(paired.Pairs.Length, parts.AllianceWithin.Length);
        foreach (VarianceParts v in new[] { parts.Alliance, parts.Outcome })
        {
            Assert.Equal(1.0, v.WithinClients + v.BetweenClients + v.BetweenTherapists, 9);
            Assert.Equal((15_221, 1_521, 48), (v.Observations, v.Clients, v.Therapists));
        }

        // Within + between is the rating less the mean of the client means; the nested parts add to the rating less the grand mean.
        double meanOfMeans = paired.AllianceRows.GroupBy(r => r.Client).Average(g => g.Average(r => r.Value));
        double grand = paired.AllianceRows.Average(r => r.Value);
        for (int i = 0; i < paired.Pairs.Length; i += 97)
        {
            Assert.Equal(paired.Pairs[i].Alliance - meanOfMeans, parts.AllianceWithin[i] + parts.AllianceBetween[i], 9);
            Assert.Equal(paired.Pairs[i].Alliance - grand, parts.AllianceWithin[i] + parts.AllianceBetweenClients[i] + parts.AllianceBetweenTherapists[i], 9);
        }

        // By hand: one therapist, two clients; alliance 30, 32 and 36, 38; SS total 40, within 4, between 36.
        var small = AllianceLinkage.Decompose(AllianceLinkage.Pair(new[]
        {
            Series("a", new[] { (1, 30.0), (2, 32.0) }, "srs", MeasureKind.Alliance), Series("a", new[] { (1, 10.0), (2, 12.0) }),
            Series("b", new[] { (1, 36.0), (2, 38.0) }, "srs", MeasureKind.Alliance), Series("b", new[] { (1, 20.0), (2, 22.0) }),
        }));
        Assert.Equal((40.0, 0.1, 0.9), (small.Alliance.TotalSumOfSquares, small.Alliance.WithinClients, small.Alliance.BetweenClients));
        Assert.True(double.IsNaN(small.Alliance.BetweenTherapists));
        Assert.Equal(new[] { -4.0, 2.0 }, small.AllianceWithin.Zip(small.AllianceBetween, (w, b) => w + b).ToArray());
    }

    [Fact]
    public void Correlate_OnThePairs_IsTheRepeatedMeasuresCorrelationOfAllianceWithTheNextOutcome()
    {
        PairedSeries paired = OracleSessions.Value;
        var expected = RepeatedMeasuresCorrelation.Compute(paired.Pairs.Select(p => p.Alliance).ToArray(), paired.Pairs.Select(p => p.Outcome).ToArray(), paired.Pairs.Select(p => (string?)p.Client).ToArray());
        var rm = AllianceLinkage.Correlate(paired);
        Assert.Equal((expected.R, 13_700 - 1_521 - 1), (rm.R, rm.DegreesOfFreedom));
    }

    [Fact]
    public void RiClpm_TheModelHasEveryPathOnce_AndTheWideDataOneRowPerClient()
    {
        string model = RiClpmExport.LavaanModel(3);
        string[] statements = model.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToArray();
        Assert.Contains("RIalliance =~ 1*alliance1 + 1*alliance2 + 1*alliance3", statements);
        Assert.Contains("woutcome3 ~ walliance2 + woutcome2", statements);
        Assert.Contains("RIoutcome ~~ 0*walliance1 + 0*woutcome1", statements);
        Assert.Equal(2 + 6 + 4 + 3 + 6 + 5 + 6, statements.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => RiClpmExport.LavaanModel(1));

        var paired = AllianceLinkage.Pair(new[]
        {
            Series("a,1", new[] { (1, 30.0), (3, 32.5) }, "srs", MeasureKind.Alliance), Series("a,1", new[] { (1, 10.0), (2, 12.0), (4, 13.0) }),
            Series("b", new[] { (1, 36.0) }, "srs", MeasureKind.Alliance),
        });
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Assert.Equal(1, RiClpmExport.WriteWideCsv(paired, 3, writer));
        Assert.Equal("client,alliance1,alliance2,alliance3,outcome1,outcome2,outcome3\n\"a,1\",30,,32.5,10,12,\n", writer.ToString());
    }

    [Fact]
    public void AroundSuddenChanges_GivesTheAllianceInTheThreeSessionsBeforeAndAfterASuddenGainOnTheOutcome()
    {
        // A sudden gain on the ORS between sessions 4 and 5 (criterion 1: 5 points).
        double[] ors = { 10, 11, 10, 11, 25, 26, 25, 26 };
        Episode outcome = Series("c1", ors.Select((v, i) => (i + 1, v)));
        Episode alliance = Series("c1", new[] { (1, 30.0), (2, 31.0), (4, 33.0), (5, 36.0), (6, 37.0), (7, 38.0) }, "srs", MeasureKind.Alliance);
        var detector = new SuddenGainsAndLossesDetector(new SuddenGainsAndLossesOptions { AbsoluteChange = 5 });
        SuddenChangeWindow window = Assert.Single(AllianceLinkage.AroundSuddenChanges(new[] { alliance, outcome }, detector));
        Assert.Equal((SuddenChangeKind.Gain, 4, 5), (window.Kind, window.PreSession, window.PostSession));
        Assert.Equal(new double?[] { 31, null, 33 }, window.Before.ToArray());
        Assert.Equal(new double?[] { 36, 37, 38 }, window.After.ToArray());
        Assert.DoesNotContain("c1", window.ToString(), StringComparison.Ordinal);
        Assert.Empty(AllianceLinkage.AroundSuddenChanges(new[] { alliance }, detector));
    }

    [Fact]
    public void LinkageAnalysis_OnTheOracle_SummarisesEveryPartWithoutAnIdentifier_AndNamesItsStatistics()
    {
        LinkageAnalysis analysis = LinkageAnalysis.Run(ReadSessions());
        string summary = analysis.Summary();
        Assert.Contains("13700 pairs from 1521 of 1521 clients; 1521 of 15221 alliance ratings unpaired", summary, StringComparison.Ordinal);
        Assert.Contains("alliance_within", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("C00001", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("T0101", summary, StringComparison.Ordinal);
        var statistics = analysis.Statistics().ToDictionary(s => s.Key, s => s.Value);
        Assert.Equal(13_700, statistics["pairs"]);
        Near(M5.Value["beta[srs_within]"], statistics["alliance_within_estimate"], "within");
        Assert.Equal(analysis.Correlation.R, statistics["rmcorr_r"]);
        Assert.Equal(statistics["alliance_within_estimate"] / analysis.Model.AsT0.Within.Scale, statistics["alliance_within_standardised"]);
        Assert.Contains(analysis.Notes(), n => n.Contains("not detrended", StringComparison.Ordinal));
        Assert.Equal("linkage analysis: 13700 pairs of 1521 clients", analysis.ToString());
        Assert.Equal(analysis.Paired.Count, analysis.Paired.Pairs.Length);
    }

    [Fact]
    public void LinkageAnalysis_WithoutAnOutcomeAtTheAlliancesSession_ReportsTheModelsErrorInsteadOfThrowing()
    {
        // By next administration, no pair has the outcome at the alliance's own session (the outcome is given every third session, the alliance between).
        var series = new List<Episode>();
        for (int c = 0; c < 5; c++)
        {
            series.Add(Series("c" + c, new[] { (2, 30.0 + c), (3, 31.0), (5, 33.0 - c), (6, 32.0) }, "srs", MeasureKind.Alliance));
            series.Add(Series("c" + c, new[] { (1, 20.0), (4, 22.0 + c), (7, 25.0) }));
        }

        LinkageAnalysis analysis = LinkageAnalysis.Run(series, new LinkageOptions { Rule = PairingRule.NextAdministration });
        Assert.Equal(20, analysis.Paired.Count);
        Assert.False(analysis.Model.IsSuccess);
        Assert.Contains(analysis.Notes(), n => n.StartsWith("The lagged within-person model could not be fitted", StringComparison.Ordinal));
        Assert.DoesNotContain("Lagged within-person model:", analysis.Summary(), StringComparison.Ordinal);
        Assert.DoesNotContain(analysis.Statistics(), s => s.Key.StartsWith("alliance_within", StringComparison.Ordinal));
    }

    [Fact]
    public void LaggedModel_AtLagZero_WithoutTherapists_OrOnTooFewPairs_SaysWhyInsteadOfBlamingTheOptimiser()
    {
        var random = new Random(31);
        var series = Enumerable.Range(0, 6).SelectMany(c => new[]
        {
            Series("c" + c, Enumerable.Range(1, 6).Select(t => (t, Math.Round(30 + (4 * random.NextDouble()), 1))).ToArray(), "srs", MeasureKind.Alliance),
            Series("c" + c, Enumerable.Range(1, 6).Select(t => (t, Math.Round(20 + t + c + (3 * random.NextDouble()), 1))).ToArray()),
        }).ToList();
        InvalidMixedModel lagZero = AllianceLinkage.FitLaggedModel(AllianceLinkage.Pair(series, new LinkageOptions { Lag = 0 })).AsT1;
        Assert.Contains("lag of at least 1", lagZero.Message, StringComparison.Ordinal);
        InvalidMixedModel noTherapist = AllianceLinkage.FitLaggedModel(AllianceLinkage.Pair(series), new LaggedModelOptions { TherapistIntercept = true }).AsT1;
        Assert.Contains("name no therapist", noTherapist.Message, StringComparison.Ordinal);
        InvalidMixedModel few = AllianceLinkage.FitLaggedModel(AllianceLinkage.Pair(series.Take(2))).AsT1;
        Assert.StartsWith("Too few pairs for the lagged model: 5 pairs", few.Message, StringComparison.Ordinal);
        Assert.True(AllianceLinkage.FitLaggedModel(AllianceLinkage.Pair(series)).IsSuccess);
        Assert.Throws<ArgumentException>(() => AllianceLinkage.Pair(series, new LinkageOptions { AllianceInstrument = "ors" }));
    }

    [Fact]
    public void LinkageAnalysis_RecordsItsOptionsInItsStatistics_AndSaysWhenTheFitIsSingular()
    {
        LinkageAnalysis analysis = LinkageAnalysis.Run(ReadSessions(), new LinkageOptions { Rule = PairingRule.NextAdministration, MaximumGap = 3 }, new LaggedModelOptions { Detrend = true, TherapistIntercept = true });
        var statistics = analysis.Statistics().ToDictionary(s => s.Key, s => s.Value);
        Assert.Equal((1.0, 3.0, 1.0, 1.0), (statistics["pairing_next_administration"], statistics["maximum_gap"], statistics["detrended"], statistics["therapist_intercept"]));
        Assert.True(double.IsNaN(LinkageAnalysis.Run(ReadSessions()).Statistics().Single(s => s.Key == "maximum_gap").Value));
        Assert.Equal(analysis.Model.AsT0.Fit.IsSingular, analysis.Notes().Any(n => n.Contains("singular", StringComparison.Ordinal)));
    }

    [Fact]
    public void Decomposition_AClientSharedEquallyByTwoTherapists_BelongsToTheFirstSeen_AsCentringNestedSays()
    {
        // Client a: therapists X, Y, Y, X (two sessions each; X seen first); b only Y; c only X.
        string[][] therapists = { new[] { "X", "Y", "Y", "X" }, new[] { "Y", "Y", "Y", "Y" }, new[] { "X", "X", "X", "X" } };
        double[][] alliance = { new[] { 30.0, 32, 31, 33 }, new[] { 36.0, 37, 35, 38 }, new[] { 25.0, 27, 26, 24 } };
        var series = new List<Episode>();
        for (int c = 0; c < 3; c++)
        {
            var care = Enumerable.Range(1, 4).ToDictionary(t => t, t => new CareKeys(therapists[c][t - 1]));
            series.Add(Series("c" + c, alliance[c].Select((v, i) => (i + 1, v)).ToArray(), "srs", MeasureKind.Alliance).WithCare(care));
            series.Add(Series("c" + c, Enumerable.Range(1, 4).Select(t => (t, 20.0 + t + c)).ToArray()).WithCare(care));
        }

        LinkageDecomposition parts = AllianceLinkage.Decompose(AllianceLinkage.Pair(series, new LinkageOptions { Lag = 0 }));
        NestedCentredParts nested = Centring.Nested(alliance.SelectMany(a => a).ToArray(), Enumerable.Range(0, 12).Select(i => (string?)("c" + (i / 4))).ToArray(), therapists.SelectMany(t => t).Select(t => (string?)t).ToArray());
        Assert.Equal(nested.BetweenClients.Select(v => Math.Round(v, 9)).ToArray(), parts.AllianceBetweenClients.Select(v => Math.Round(v, 9)).ToArray());
        Assert.Equal(nested.BetweenTherapists.Select(v => Math.Round(v, 9)).ToArray(), parts.AllianceBetweenTherapists.Select(v => Math.Round(v, 9)).ToArray());
    }
}
