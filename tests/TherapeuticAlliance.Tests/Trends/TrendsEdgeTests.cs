using System.Collections.Immutable;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Trends;

/// <summary>
/// The trend detectors' edges that the oracle tests (ordinary series matched to the domain reference) do not reach,
/// written from the mutants Stryker.NET left alive (docs/quality.md): every value and summary of a rupture and of a
/// sudden gain or loss, the repair window's and tolerance's boundaries, the criteria's missing-data and boundary
/// rules, the guards of the options and norms with their messages, the episode builder's problem texts and orders,
/// and the caseload norms' boundaries.
/// </summary>
public class TrendsEdgeTests
{
    // One SD of the score levels, the client's own, no reliable-change floor, per pair of sessions (no per-episode
    // correction, the score just before the drop): the threshold is the series' SD.
    private static RuptureRepairOptions Levels(int window = 1) => RuptureRepairOptions.TwoStandardDeviations with
    {
        DropInStandardDeviations = 1.0,
        SdBasis = RuptureSdBasis.IntraIndividual,
        Variability = RuptureVariability.ScoreLevels,
        ReliableChangeFloor = false,
        RepairWindow = window,
    };

    private static RuptureFinding Rupture(RuptureRepairOptions options, params double[] values) =>
        Assert.IsType<RuptureFinding>(Assert.Single(new RuptureRepairDetector(options).Detect(TrendTestData.Series(values)).GetValueOrThrow().Findings));

    private static void Rejects<TException>(string parameter, string message, Action act)
        where TException : ArgumentException
    {
        TException e = Assert.Throws<TException>(act);
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RepairedRupture_CarriesEveryValueAndParameter_AndSaysWhereItWasRepaired()
    {
        // 30, 30, 20, 30: SD 5 (squares 75 over 3); the drop of 10 at session 3 passes 1 × 5 and session 4 regains 30.
        RuptureFinding rupture = Rupture(Levels(), 30, 30, 20, 30);
        Assert.Equal("rupture", rupture.Code);
        Assert.Equal(new[] { 2, 3, 4 }, rupture.Sessions);
        Assert.Equal((2, 3, 4, 1), (rupture.StartSession, rupture.TroughSession, rupture.RepairSession, rupture.Length));
        Assert.Equal((30.0, 20.0, 10.0), (rupture.Before, rupture.TroughScore, rupture.Depth));
        Assert.Equal(5.0, rupture.Threshold, 12);
        Assert.True(rupture.IsRepaired);
        Assert.True(rupture.IsWindowClosed);   // t + k = 2 + 1 is the last index: the window has just closed
        Assert.Equal(1, rupture.ScoresSince);
        Assert.Equal(
            new Dictionary<string, double>
            {
                ["start-session"] = 2, ["trough-session"] = 3, ["depth"] = 10, ["threshold"] = rupture.Threshold, ["repaired"] = 1,
                ["repair-session"] = 4, ["length"] = 1, ["before"] = 30, ["trough"] = 20, ["window-closed"] = 1,
            },
            rupture.Values);
        Assert.Equal(
            new Dictionary<string, double>
            {
                ["m"] = 1, ["sd"] = rupture.Threshold, ["intra-sd"] = rupture.Threshold, ["reliable-change"] = 0, ["repair-tolerance"] = 0,
                ["k"] = 1, ["sd-basis"] = (int)RuptureSdBasis.IntraIndividual, ["variability"] = (int)RuptureVariability.ScoreLevels, ["higher-is-better"] = 1,
                ["baseline-scores"] = 1,
            },
            rupture.Parameters.Where(p => p.Key != "reference-sd").ToDictionary(p => p.Key, p => p.Value));
        Assert.True(double.IsNaN(rupture.Parameters["reference-sd"]));
        Assert.Equal("Drop of 10 points from session 2 (30) to session 3 (20); threshold 5 points (1 × 5, the client's own SD). Repaired at session 4.", rupture.Summary);
    }

    [Fact]
    public void UnrepairedRupture_WhoseWindowHasClosed_HasNoRepairValues()
    {
        RuptureFinding rupture = Rupture(Levels(), 30, 30, 20, 22);
        Assert.False(rupture.IsRepaired);
        Assert.Null(rupture.RepairSession);
        Assert.Null(rupture.Length);
        Assert.Equal(new[] { 2, 3 }, rupture.Sessions);
        Assert.Equal(0, rupture.Values["repaired"]);
        Assert.True(double.IsNaN(rupture.Values["repair-session"]));
        Assert.True(double.IsNaN(rupture.Values["length"]));
        Assert.True(rupture.IsWindowClosed);
        Assert.EndsWith("). Not repaired within the next 1 ratings.", rupture.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void RuptureAtTheLatestRating_IsOpen_AndSaysARepairMayFollow()
    {
        RuptureFinding rupture = Rupture(Levels(window: 3), 30, 30, 30, 20);
        Assert.False(rupture.IsWindowClosed);
        Assert.Equal(0, rupture.ScoresSince);
        Assert.Equal(0, rupture.Values["window-closed"]);
        Assert.Equal("Drop of 10 points from session 3 (30) to session 4 (20); threshold 5 points (1 × 5, the client's own SD). At the latest rating; a repair may follow within 3 ratings.", rupture.Summary);
    }

    [Fact]
    public void RuptureWithRatingsSinceButAnOpenWindow_CountsThem()
    {
        RuptureFinding rupture = Rupture(Levels(window: 3), 30, 30, 30, 20, 21);
        Assert.False(rupture.IsWindowClosed);   // t + k = 6 is past the last index, 4
        Assert.Equal(1, rupture.ScoresSince);
        Assert.EndsWith("). Not repaired in the 1 rating(s) since; the window of 3 ratings is still open.", rupture.Summary, StringComparison.Ordinal);

        // The same rupture one rating further on, with a window of 1, has closed (t + k = 4 = n - 1).
        Assert.True(Rupture(Levels(window: 2), 30, 30, 30, 20, 21).IsWindowClosed is false);
        Assert.True(Rupture(Levels(window: 1), 30, 30, 30, 20, 21).IsWindowClosed);
    }

    [Fact]
    public void RuptureOnALowerIsBetterMeasure_IsARise_AndIsRecordedSo()
    {
        RuptureFinding rupture = Rupture(Levels() with { HigherIsBetter = false }, 20, 20, 30, 20);
        Assert.Equal((20.0, 30.0, 10.0), (rupture.Before, rupture.TroughScore, rupture.Depth));
        Assert.Equal(4, rupture.RepairSession);
        Assert.Equal(0, rupture.Parameters["higher-is-better"]);
        Assert.Empty(new RuptureRepairDetector(Levels() with { HigherIsBetter = false }).Detect(TrendTestData.Series(30, 30, 20, 30)).GetValueOrThrow().Findings.Where(f => f.Sessions[1] == 3));
    }

    [Fact]
    public void ReferenceSd_NamesTheGroupInTheSummary_AndTheStricterRuleNamesBoth()
    {
        RuptureFinding inter = Rupture(Levels() with { SdBasis = RuptureSdBasis.InterIndividual, ReferenceStandardDeviation = 4.0 }, 30, 30, 20, 30);
        Assert.Equal(4.0, inter.Threshold);
        Assert.Equal(4.0, inter.Parameters["reference-sd"]);
        Assert.Equal((int)RuptureSdBasis.InterIndividual, inter.Parameters["sd-basis"]);
        Assert.Contains("threshold 4 points (1 × 4, the reference group's SD)", inter.Summary, StringComparison.Ordinal);

        RuptureFinding both = Rupture(Levels() with { SdBasis = RuptureSdBasis.StricterOfBoth, ReferenceStandardDeviation = 4.0 }, 30, 30, 20, 30);
        Assert.Equal(5.0, both.Threshold, 12);
        Assert.Contains("(1 × 5, the larger of the client's and the reference group's SD)", both.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void SessionChangeVariability_IsNamedInTheSummary()
    {
        // Changes not touching the trough are all 1: a robust scale of 1 / 0.6745 = 1.483 points.
        RuptureFinding rupture = Rupture(Levels() with { Variability = RuptureVariability.SessionChanges }, 30, 31, 30, 31, 30, 20, 31);
        Assert.Equal(1 / 0.6745, rupture.Threshold, 3);
        Assert.Equal((int)RuptureVariability.SessionChanges, rupture.Parameters["variability"]);
        Assert.Contains("the client's own SD of session-to-session change)", rupture.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ReliableChangeFloor_SetsTheRepairTolerance_AndTheSummaryNamesWhicheverThresholdWon()
    {
        // Reliability .99: RC = 1.96 × √2 × 5 × 0.1 = 1.386, below 1 × 5, so the SD rule names the threshold; the
        // tolerance a repair may stay below the earlier level is RC.
        RuptureFinding sdWins = Rupture(Levels() with { ReliableChangeFloor = true, Reliability = 0.99 }, 30, 30, 20, 30);
        double rc = 1.96 * Math.Sqrt(2) * 5 * Math.Sqrt(0.01);   // the rupture rule's z is 1.96, as the domain reference writes it
        Assert.Equal(rc, sdWins.Parameters["reliable-change"], 9);
        Assert.Equal(rc, sdWins.Parameters["repair-tolerance"], 9);
        Assert.Contains("(1 × 5, the client's own SD)", sdWins.Summary, StringComparison.Ordinal);

        // Reliability .5: RC = 9.8 points, above 5, so RC is the threshold and the summary says so.
        RuptureFinding rcWins = Rupture(Levels() with { ReliableChangeFloor = true, Reliability = 0.5 }, 30, 30, 20, 30);
        Assert.Equal(1.96 * Math.Sqrt(2) * 5 * Math.Sqrt(0.5), rcWins.Threshold, 9);
        Assert.Contains("threshold 9.8 points (the reliable-change value 9.8)", rcWins.Summary, StringComparison.Ordinal);

        // A repair within the tolerance counts: 29 after a drop from 30 is within RC = 1.386.
        Assert.Equal(4, Rupture(Levels() with { ReliableChangeFloor = true, Reliability = 0.99 }, 30, 30, 20, 29).RepairSession);
        Assert.Null(Rupture(Levels(), 30, 30, 20, 29).RepairSession);
    }

    [Fact]
    public void RuptureDetector_NotApplicable_SaysWhy()
    {
        var detector = new RuptureRepairDetector(Levels());
        Assert.Equal("Ruptures are defined for alliance measures; this episode is an outcome measure.", detector.Detect(TrendTestData.Ors(20, 30, 20)).AsT1.Reason);
        Assert.Equal("Ruptures need at least two sessions.", detector.Detect(TrendTestData.Series(30)).AsT1.Reason);
        Assert.Equal(
            "The inter-individual rule needs a reference SD: give ReferenceStandardDeviation or a reference norm.",
            new RuptureRepairDetector(Levels() with { SdBasis = RuptureSdBasis.InterIndividual }).Detect(TrendTestData.Series(30, 20)).AsT1.Reason);
    }

    [Fact]
    public void SuddenGain_CarriesEveryValue_AndASummaryInPlainWords()
    {
        var detector = new SuddenGainsAndLossesDetector(new SuddenGainsAndLossesOptions { AbsoluteChange = 5 });
        var gain = Assert.IsType<SuddenGainOrLossFinding>(Assert.Single(detector.Detect(TrendTestData.Series(10, 10, 10, 20, 20, 20)).GetValueOrThrow().Findings));
        Assert.Equal(("sudden-gain", SuddenChangeKind.Gain, 3, 4), (gain.Code, gain.Kind, gain.PreSession, gain.PostSession));
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, gain.Sessions);
        double t = SuddenGainsAndLossesCriteria.CriticalT(4, 0.05);
        Assert.Equal(2.776445, t, 6);   // qt(0.975, 4)
        Assert.Equal(new Dictionary<string, double> { ["change"] = 10, ["mean-before"] = 10, ["mean-after"] = 20, ["pooled-sd"] = 0, ["t-critical"] = t, ["df"] = 4 }, gain.Values);
        Assert.Equal(new Dictionary<string, double> { ["absolute-change"] = 5, ["relative-change"] = 0.25, ["alpha"] = 0.05, ["higher-is-better"] = 1 }, gain.Parameters);
        Assert.Equal("Sudden gain of 10 points from session 3 to 4 (mean 10 points before, 20 after; stability criterion t_crit 2.776).", gain.Summary);

        var loss = Assert.IsType<SuddenGainOrLossFinding>(Assert.Single(detector.Detect(TrendTestData.Series(20, 20, 20, 10, 10, 10)).GetValueOrThrow().Findings));
        Assert.Equal(("sudden-loss", SuddenChangeKind.Loss), (loss.Code, loss.Kind));
        Assert.Equal("Sudden loss of -10 points from session 3 to 4 (mean 20 points before, 10 after; stability criterion t_crit 2.776).", loss.Summary);

        // On a lower-is-better measure the same fall is a gain.
        var lower = new SuddenGainsAndLossesDetector(new SuddenGainsAndLossesOptions { AbsoluteChange = 5, HigherIsBetter = false });
        var fall = Assert.IsType<SuddenGainOrLossFinding>(Assert.Single(lower.Detect(TrendTestData.Series(20, 20, 20, 10, 10, 10)).GetValueOrThrow().Findings));
        Assert.Equal("sudden-gain", fall.Code);
        Assert.Equal(0, fall.Parameters["higher-is-better"]);
    }

    [Fact]
    public void SuddenGainsDetector_NeedsFourSessions_AndFourAreEnough()
    {
        var detector = new SuddenGainsAndLossesDetector(new SuddenGainsAndLossesOptions { AbsoluteChange = 5 });
        Assert.Equal("Sudden gains and losses need at least four sessions (two on each side of an interval).", detector.Detect(TrendTestData.Series(10, 10, 20)).AsT1.Reason);
        Assert.Single(detector.Detect(TrendTestData.Series(10, 10, 20, 20)).GetValueOrThrow().Findings);

        // Sessions numbered from 5: the windows are placed by session number all the same.
        var shifted = Assert.IsType<SuddenGainOrLossFinding>(Assert.Single(detector.Detect(TrendTestData.Series(5, new double[] { 10, 10, 20, 20 })).GetValueOrThrow().Findings));
        Assert.Equal((6, 7), (shifted.PreSession, shifted.PostSession));
        Assert.Equal("episode", Assert.Throws<ArgumentNullException>(() => detector.Detect(null!)).ParamName);
    }

    [Fact]
    public void Criteria_LeaveOutIntervalsTheyCannotJudge()
    {
        static SuddenChangeEvaluation? Evaluate(double[] before, double[] after) => SuddenGainsAndLossesCriteria.Evaluate(before, after, 5.0);
        Assert.NotNull(Evaluate(new[] { 10.0, 10.0 }, new[] { 20.0, 20.0 }));
        Assert.Null(Evaluate(new[] { 10.0, double.NaN }, new[] { 20.0, 20.0 }));           // no value at n
        Assert.Null(Evaluate(new[] { 10.0, 10.0 }, new[] { double.NaN, 20.0, 20.0 }));     // no value at n+1, two after
        Assert.Null(Evaluate(new[] { 10.0, 10.0 }, new[] { 10.0, 20.0, 20.0 }));           // no change, two on each side
        Assert.Null(Evaluate(new[] { 10.0 }, new[] { 20.0, 20.0 }));                       // one value before: one is allowed, and not enough
        Assert.Null(Evaluate(new[] { 10.0, 10.0 }, new[] { 20.0 }));                       // one value after
        Assert.Null(Evaluate(new[] { double.NaN, 10.0 }, new[] { 20.0, 20.0 }));           // a missing value before leaves one
    }

    [Fact]
    public void Criteria_AtTheirBoundaries()
    {
        // A change equal to the absolute size meets criterion 1.
        Assert.True(SuddenGainsAndLossesCriteria.Evaluate(new[] { 10.0, 10.0 }, new[] { 20.0, 20.0 }, 10.0)!.MeetsAbsoluteCriterion);
        Assert.False(SuddenGainsAndLossesCriteria.Evaluate(new[] { 10.0, 10.0 }, new[] { 20.0, 20.0 }, 10.5)!.MeetsAbsoluteCriterion);
        Assert.Null(SuddenGainsAndLossesCriteria.Evaluate(new[] { 10.0, 10.0 }, new[] { 20.0, 20.0 }, null)!.MeetsAbsoluteCriterion);

        // Means 10 and 15, SDs 5 and 5, pooled 5: a shift of 5 is less than t_crit(4) × 5 = 13.9, so not stable.
        SuddenChangeEvaluation unstable = SuddenGainsAndLossesCriteria.Evaluate(new[] { 5.0, 15.0, 10.0 }, new[] { 20.0, 10.0, 15.0 }, 5.0)!;
        Assert.Equal((10.0, 15.0), (unstable.MeanBefore, unstable.MeanAfter));
        Assert.Equal((5.0, 5.0, 5.0), (unstable.SdBefore, unstable.SdAfter, unstable.PooledSd));
        Assert.Equal(4, unstable.DegreesOfFreedom);
        Assert.False(unstable.MeetsStabilityCriterion);
        Assert.False(unstable.IsSuddenGainOrLoss);
        Assert.Equal(SuddenChangeKind.Gain, unstable.Kind);
        Assert.Equal(10.0, unstable.Change);
    }

    [Fact]
    public void Criteria_RejectArgumentsOutOfRange_NamingThem()
    {
        double[] two = { 10.0, 10.0 };
        Rejects<ArgumentException>("before", "Give one to three values before the shift.", () => SuddenGainsAndLossesCriteria.Evaluate(Array.Empty<double>(), two, 5.0));
        Rejects<ArgumentException>("before", "Give one to three values before the shift.", () => SuddenGainsAndLossesCriteria.Evaluate(new double[4], two, 5.0));
        Rejects<ArgumentException>("after", "Give one to three values after the shift.", () => SuddenGainsAndLossesCriteria.Evaluate(two, Array.Empty<double>(), 5.0));
        Rejects<ArgumentException>("after", "Give one to three values after the shift.", () => SuddenGainsAndLossesCriteria.Evaluate(two, new double[4], 5.0));
        Rejects<ArgumentException>("relativeChange", "The relative change is a non-negative share.", () => SuddenGainsAndLossesCriteria.Evaluate(two, two, 5.0, relativeChange: -0.01));
        Rejects<ArgumentException>("relativeChange", "The relative change is a non-negative share.", () => SuddenGainsAndLossesCriteria.Evaluate(two, two, 5.0, relativeChange: double.PositiveInfinity));
        Rejects<ArgumentException>("alpha", "Alpha lies between 0 and 1.", () => SuddenGainsAndLossesCriteria.Evaluate(two, two, 5.0, alpha: 0.0));
        Rejects<ArgumentException>("alpha", "Alpha lies between 0 and 1.", () => SuddenGainsAndLossesCriteria.Evaluate(two, two, 5.0, alpha: 1.0));
        Assert.Null(SuddenGainsAndLossesCriteria.Evaluate(two, two, 5.0, relativeChange: 0.0));   // zero change: nothing to judge, no error
    }

    [Fact]
    public void SuddenGainsOptions_AreCheckedWithMessagesThatSayWhatToGive()
    {
        static void Bad(SuddenGainsAndLossesOptions options, string message) =>
            Rejects<ArgumentException>("options", message, () => _ = new SuddenGainsAndLossesDetector(options));

        const string Size = "Give AbsoluteChange (positive) or both StandardDeviation and Reliability for criterion 1.";
        const string Range = "StandardDeviation must be positive, Reliability at least 0 and below 1, Z positive.";
        Bad(new() { AbsoluteChange = 0.0 }, Size);
        Bad(new() { StandardDeviation = 7.5 }, Size);
        Bad(new() { Reliability = 0.8 }, Size);
        Bad(new() { AbsoluteChange = 5, RelativeChange = -0.1 }, "RelativeChange must be a non-negative share.");
        Bad(new() { AbsoluteChange = 5, RelativeChange = double.PositiveInfinity }, "RelativeChange must be a non-negative share.");
        Bad(new() { AbsoluteChange = 5, Alpha = 0.0 }, "Alpha must lie between 0 and 1.");
        Bad(new() { AbsoluteChange = 5, Alpha = 1.0 }, "Alpha must lie between 0 and 1.");
        Bad(new() { StandardDeviation = 0.0, Reliability = 0.8 }, Range);
        Bad(new() { StandardDeviation = 7.5, Reliability = -0.1 }, Range);
        Bad(new() { StandardDeviation = 7.5, Reliability = 1.0 }, Range);
        Bad(new() { StandardDeviation = 7.5, Reliability = 0.8, Z = 0.0 }, Range);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new SuddenGainsAndLossesDetector(null!)).ParamName);

        // At the edges that are allowed: reliability 0, a custom z; the size is then the reliable-change value.
        var derived = new SuddenGainsAndLossesDetector(new() { StandardDeviation = 7.5, Reliability = 0.0, Z = 1.0 });
        var finding = Assert.Single(derived.Detect(TrendTestData.Series(10, 10, 30, 30)).GetValueOrThrow().Findings);
        Assert.Equal(ReliableChange.ReliableChangeValue(7.5, 0.0, 1.0), finding.Parameters["absolute-change"], 12);
        Assert.Equal(Math.Sqrt(2) * 7.5, finding.Parameters["absolute-change"], 12);
    }

    [Fact]
    public void ReliableChangeFormulas_RejectNonPositiveSds_AndCriticalValues()
    {
        Rejects<ArgumentException>("dysfunctionalStandardDeviation", "The SD must be positive.", () => ReliableChange.CutoffA(10, 0.0, true));
        Rejects<ArgumentException>("functionalStandardDeviation", "The SD must be positive.", () => ReliableChange.CutoffB(30, 0.0, true));
        Rejects<ArgumentException>("dysfunctionalStandardDeviation", "The SD must be positive.", () => ReliableChange.CutoffC(10, 0.0, 30, 5));
        Rejects<ArgumentException>("functionalStandardDeviation", "The SD must be positive.", () => ReliableChange.CutoffC(10, 5, 30, 0.0));
        Assert.Equal(20.0, ReliableChange.CutoffC(10, 5, 30, 5));
        Assert.Equal(20.0, ReliableChange.CutoffA(10, 5, true));
        Assert.Equal(20.0, ReliableChange.CutoffB(30, 5, true));
        Rejects<ArgumentException>("z", "The critical value must be positive and finite.", () => ReliableChange.ReliableChangeValue(7.5, 0.8, 0.0));
        Rejects<ArgumentException>("z", "The critical value must be positive and finite.", () => ReliableChange.ReliableChangeValue(7.5, 0.8, double.PositiveInfinity));
        Assert.Equal(Math.Sqrt(2) * 7.5 * Math.Sqrt(0.2) * 1e-9, ReliableChange.ReliableChangeValue(7.5, 0.8, 1e-9), 15);
    }

    [Fact]
    public void ReferenceNorm_RejectsEachBadValue_NamingIt()
    {
        static ReferenceNorm Norm(double mean = 30, double sd = 5, NormSource source = NormSource.Caller, int n = 0, double? change = null, double? baseline = null) =>
            new(mean, sd, source, n, change, baseline);

        foreach (double bad in new[] { 0.0, -1.0, double.PositiveInfinity, double.NaN })
        {
            Rejects<ArgumentException>("baselineStandardDeviation", "The baseline SD must be positive and finite.", () => Norm(baseline: bad));
            Rejects<ArgumentException>("changeStandardDeviation", "The change SD must be positive and finite.", () => Norm(change: bad));
            Rejects<ArgumentException>("standardDeviation", "The standard deviation must be positive and finite.", () => Norm(sd: bad));
        }

        foreach (double bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            Rejects<ArgumentException>("mean", "The mean must be finite.", () => Norm(mean: bad));
        }

        Rejects<ArgumentException>("source", "The norm source is not defined.", () => Norm(source: (NormSource)0));
        Rejects<ArgumentException>("sampleSize", string.Empty, () => Norm(n: -1));

        ReferenceNorm tiny = Norm(mean: -1e300, sd: double.Epsilon, n: 0, change: double.Epsilon, baseline: 1e300);
        Assert.Equal((double.Epsilon, 1e300), (tiny.ChangeStandardDeviation!.Value, tiny.ReliableChangeStandardDeviation));
    }

    [Fact]
    public void DiscrepancyRule_RejectsThresholdsThatAreNotPositiveAndFinite()
    {
        foreach (double bad in new[] { 0.0, -1.0, double.PositiveInfinity, double.NaN })
        {
            Rejects<ArgumentException>("threshold", "The threshold is a positive number of points.", () => _ = new PerspectiveDiscrepancyAlertRule(bad));
            Rejects<ArgumentException>("thresholds", "Each threshold is a positive number of points.", () => _ = new PerspectiveDiscrepancyAlertRule(null, ImmutableDictionary<string, double>.Empty.Add("srs", bad)));
        }

        Assert.Equal(double.Epsilon, new PerspectiveDiscrepancyAlertRule(double.Epsilon).Threshold);
        Assert.Null(new PerspectiveDiscrepancyAlertRule(null, ImmutableDictionary<string, double>.Empty).Threshold);
        Assert.Equal("thresholds", Assert.Throws<ArgumentNullException>(() => new PerspectiveDiscrepancyAlertRule(4.0, null!)).ParamName);
    }

    [Fact]
    public void CaseloadNorms_AtTheirMinimums_AndTheBaselineSd()
    {
        // Exactly MinimumEpisodes episodes and MinimumScores scores (4 + 3 + 3) give a norm.
        Episode[] ten = { TrendTestData.Series(20, 22, 24, 26), TrendTestData.Series(30, 28, 26), TrendTestData.Series(25, 25, 27) };
        ReferenceNorm norm = ReferenceNorms.FromCaseload(ten).Find(ten[0])!;
        Assert.Equal(10, norm.SampleSize);
        double[] all = { 20, 22, 24, 26, 30, 28, 26, 25, 25, 27 };
        Assert.Equal(all.Average(), norm.Mean, 12);
        Assert.Equal(Math.Sqrt(all.Sum(v => (v - all.Average()) * (v - all.Average())) / 9), norm.StandardDeviation, 12);
        // First scores 20, 30, 25: mean 25, SD 5.
        Assert.Equal(5.0, norm.BaselineStandardDeviation!.Value, 12);

        // Every episode starting at the same score: no baseline SD, the norm is still there.
        Episode[] sameStart = { TrendTestData.Series(25, 22, 24, 26), TrendTestData.Series(25, 28, 26), TrendTestData.Series(25, 25, 27) };
        ReferenceNorm noBaseline = ReferenceNorms.FromCaseload(sameStart).Find(sameStart[0])!;
        Assert.Null(noBaseline.BaselineStandardDeviation);
        Assert.Equal(noBaseline.StandardDeviation, noBaseline.ReliableChangeStandardDeviation);

        // A constant caseload has no SD, so no norm.
        Episode[] constant = { TrendTestData.Series(25, 25, 25, 25), TrendTestData.Series(25, 25, 25), TrendTestData.Series(25, 25, 25) };
        Assert.Null(ReferenceNorms.FromCaseload(constant).Find(constant[0]));

        Assert.Equal("episodes", Assert.Throws<ArgumentNullException>(() => ReferenceNorms.FromCaseload(null!)).ParamName);
        Assert.Equal("instrumentId", Assert.Throws<ArgumentNullException>(() => ReferenceNorms.FromCaseload(ten).With(null!, ScoreMetric.Sum, norm)).ParamName);
        Assert.Equal("norm", Assert.Throws<ArgumentNullException>(() => ReferenceNorms.FromCaseload(ten).With("srs", ScoreMetric.Sum, null!)).ParamName);
        Assert.Equal("episode", Assert.Throws<ArgumentNullException>(() => ReferenceNorms.FromCaseload(ten).Find(null!)).ParamName);
    }

    [Fact]
    public void StrictEpisode_ReportsEverySessionDatedBeforeTheLatestEarlierDate()
    {
        var day = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        EpisodeResult result = Episode.Create("e", new[]
        {
            TrendTestData.Score(1, 30, at: day.AddDays(10)),
            TrendTestData.Score(2, 30, at: day.AddDays(5)),
            TrendTestData.Score(3, 30, at: day.AddDays(7)),   // after session 2 but before session 1: still out of order
        });
        InvalidEpisode invalid = Assert.IsType<InvalidEpisode>(result.Value);
        Assert.Equal(new int?[] { 2, 3 }, invalid.Problems.Select(p => p.Session));
        Assert.All(invalid.Problems, p => Assert.Equal(EpisodeProblemKind.OutOfOrder, p.Kind));
        Assert.Equal("invalid-episode", invalid.Code);
        Assert.Equal(string.Join(" ", invalid.Problems.Select(p => p.Message)), invalid.Message);
        Assert.Equal("Session 2 is dated before an earlier session. Check the session numbers and dates.", invalid.Problems[0].Message);
    }

    [Fact]
    public void ExcludingEpisode_ListsWhatItLeftOut_InSessionOrder_WithTheLeftOutWording()
    {
        var day = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Episode episode = Episode.Create(
            "e",
            new[]
            {
                TrendTestData.Score(1, 30, at: day),
                TrendTestData.Score(2, 30, at: day.AddYears(-1)),    // a mistyped year: out of order
                TrendTestData.Score(3, 30, at: day.AddDays(14)),
                TrendTestData.Score(3, 31, at: day.AddDays(14)),     // duplicated
                TrendTestData.Score(4, 30, at: day.AddDays(21)),
            },
            handling: InconsistentSessionHandling.ExcludeSession).GetValueOrThrow();
        Assert.Equal(new[] { 1, 4 }, episode.Scores.Select(s => s.Occasion.SessionNumber));
        Assert.Equal(new int?[] { 2, 3, 3 }, episode.ExcludedSessions.Select(p => p.Session));
        Assert.Equal("Session 3 is scored more than once; every score of it was left out. Keep one score per session.", episode.ExcludedSessions[1].Message);
        Assert.Equal("Session 2 is dated out of order with the other sessions and was left out. Check its session number and date.", episode.ExcludedSessions[0].Message);

        // Nothing left: the episode is invalid, and says so after what it left out.
        InvalidEpisode empty = Assert.IsType<InvalidEpisode>(Episode.Create(
            "e", new[] { TrendTestData.Score(1, 30), TrendTestData.Score(1, 31) }, handling: InconsistentSessionHandling.ExcludeSession).Value);
        Assert.Equal(new[] { EpisodeProblemKind.DuplicateSession, EpisodeProblemKind.DuplicateSession, EpisodeProblemKind.Empty }, empty.Problems.Select(p => p.Kind));
        Assert.Equal("No session of the episode is left to analyse.", empty.Problems[2].Message);
    }

    [Fact]
    public void ExcludingEpisode_KeepsTheChainOfDatesSpanningTheShortestTime()
    {
        var day = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Episode Keep(params int[] days) => Episode.Create(
            "e", days.Select((d, i) => TrendTestData.Score(i + 1, 30, at: day.AddDays(d))), handling: InconsistentSessionHandling.ExcludeSession).GetValueOrThrow();

        // Session 2 typed a year early: keeping 1 and 3 spans 14 days, keeping 2 and 3 a year.
        Assert.Equal(new[] { 1, 3 }, Keep(0, -365, 14).Scores.Select(s => s.Occasion.SessionNumber));
        // Session 1 typed a year late: keeping 2 and 3 spans 7 days.
        Assert.Equal(new[] { 2, 3 }, Keep(365, 7, 14).Scores.Select(s => s.Occasion.SessionNumber));
        // The longer chain wins over a shorter span: 1, 3, 4 against 2 alone.
        Assert.Equal(new[] { 1, 3, 4 }, Keep(0, -365, 14, 21).Scores.Select(s => s.Occasion.SessionNumber));
        // Of two chains of equal length, the later one wins only with a shorter span; on a tie the earlier one stays.
        Assert.Equal(new[] { 3, 4 }, Keep(100, 200, 0, 10).Scores.Select(s => s.Occasion.SessionNumber));
        Assert.Equal(new[] { 1, 2 }, Keep(100, 110, 0, 10).Scores.Select(s => s.Occasion.SessionNumber));
        Assert.Equal(new[] { 1, 2 }, Keep(100, 105, 0, 10).Scores.Select(s => s.Occasion.SessionNumber));
        // Two chains of three from the same first date to session 4: the first found (through session 2) is kept.
        Assert.Equal(new[] { 1, 2, 4 }, Keep(0, 5, 3, 10).Scores.Select(s => s.Occasion.SessionNumber));
    }

    [Fact]
    public void InvalidEpisodes_SayWhatIsMixed()
    {
        static IReadOnlyList<string> Messages(params AllianceScore[] scores) =>
            Assert.IsType<InvalidEpisode>(Episode.Create("e", scores).Value).Problems.Select(p => p.Message).ToList();

        Assert.Equal(new[] { "The episode has no scores." }, Messages());
        Assert.Equal(new[] { "The scores come from more than one instrument. Build one episode per instrument." }, Messages(TrendTestData.Score(1, 30), TrendTestData.Score(2, 30, instrument: "wai-sr")));
        Assert.Equal(new[] { "The scores come from more than one perspective. Build one episode per perspective." }, Messages(TrendTestData.Score(1, 30), TrendTestData.Score(2, 30, Perspective.Therapist)));
        Assert.Equal(new[] { "The scores are in more than one metric or range. Score every session with the same strategy." }, Messages(TrendTestData.Score(1, 30), TrendTestData.Score(2, 30, maximum: 40m)));
    }

    [Fact]
    public void EpisodesFromAssessments_ReportUnscorableSessions_EvenWhenNothingIsLeft()
    {
        Assessment Unanswered(int session) => AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(session), 9m, null, 9m, 9m).GetValueOrThrow();
        EpisodeResult result = Assert.Single(Episodes.FromAssessments(new[] { ("e", Unanswered(1)), ("e", Unanswered(2)) }, ScoringStrategies.Sum, InconsistentSessionHandling.ExcludeSession));
        InvalidEpisode invalid = Assert.IsType<InvalidEpisode>(result.Value);
        Assert.Equal(new[] { EpisodeProblemKind.UnscorableSession, EpisodeProblemKind.UnscorableSession, EpisodeProblemKind.Empty }, invalid.Problems.Select(p => p.Kind));
        Assert.StartsWith("Session 1 could not be scored: ", invalid.Problems[0].Message, StringComparison.Ordinal);

        Assert.Equal("assessments", Assert.Throws<ArgumentNullException>(() => Episodes.FromAssessments(null!, ScoringStrategies.Sum)).ParamName);
        Assert.Equal("strategy", Assert.Throws<ArgumentNullException>(() => Episodes.FromAssessments(Array.Empty<(string, Assessment)>(), null!)).ParamName);
        Assert.Equal("handling", Assert.Throws<ArgumentException>(() => Episodes.FromAssessments(Array.Empty<(string, Assessment)>(), ScoringStrategies.Sum, (InconsistentSessionHandling)99)).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentNullException>(() => Episodes.FromScores(null!)).ParamName);
    }

    [Fact]
    public void Episodes_AreOrderedByIdentifierThenPerspectiveThenInstrument()
    {
        (string, AllianceScore)[] scores =
        {
            ("b", TrendTestData.Score(1, 30, Perspective.Therapist, instrument: "srs")),
            ("a", TrendTestData.Score(1, 30, Perspective.Therapist, instrument: "srs")),
            ("a", TrendTestData.Score(1, 30, Perspective.Client, instrument: "wai-sr")),
            ("a", TrendTestData.Score(1, 30, Perspective.Therapist, instrument: "ors")),
            ("a", TrendTestData.Score(1, 30, Perspective.Client, instrument: "srs")),
        };
        Assert.Equal(
            new[] { "a Client srs", "a Client wai-sr", "a Therapist ors", "a Therapist srs", "b Therapist srs" },
            Episodes.FromScores(scores).Select(r => r.GetValueOrThrow()).Select(e => $"{e.Id} {e.Perspective} {e.InstrumentId}"));

        Assessment Srs(Perspective p) => AllianceInstruments.Srs.CreateAssessment(p, Occasion.Session(1), 9m, 9m, 9m, 9m).GetValueOrThrow();
        Instrument profile = AllianceInstruments.AllianceProfile;
        Assessment Profile(Perspective p) => profile.CreateAssessment(p, Occasion.Session(1), Enumerable.Repeat((decimal?)profile.Scale.Minimum, profile.Items.Length).ToArray()).GetValueOrThrow();
        Assert.True(string.CompareOrdinal(profile.Id, "srs") < 0);   // so the profile sorts first within a perspective
        Assert.Equal(
            new[] { $"a Client {profile.Id}", "a Client srs", $"a Therapist {profile.Id}" },
            Episodes.FromAssessments(new[] { ("a", Srs(Perspective.Client)), ("a", Profile(Perspective.Therapist)), ("a", Profile(Perspective.Client)) }, ScoringStrategies.Sum)
                .Select(r => r.GetValueOrThrow()).Select(e => $"{e.Id} {e.Perspective} {e.InstrumentId}"));
    }

    [Fact]
    public void Alert_KeepsAGivenCode_AndNamesItsGuards()
    {
        Assert.Equal("my-code", new Alert("my-rule", new[] { 1 }, "A message.", code: "my-code").Code);
        Assert.Equal("my-rule", new Alert("my-rule", new[] { 1 }, "A message.").Code);
        Rejects<ArgumentException>("severity", "The severity is not defined.", () => _ = new Alert("r", new[] { 1 }, "m", severity: (AlertSeverity)7));
        Assert.Equal("watch", AlertSeverityCodes.ToCode(AlertSeverity.Watch));
        Assert.Equal("act", AlertSeverityCodes.ToCode(AlertSeverity.Act));
        Assert.Equal("not-applicable", new NotApplicable("d", "why").Code);
    }

    [Fact]
    public void ReliableChangeSummary_SaysDirectionIntakeAndCategory_InPlainWords()
    {
        static ReliableChangeFinding Find(double before, double after, double? cutoff) =>
            (ReliableChangeFinding)new ReliableChangeDetector(new ReliableChangeOptions { StandardDeviation = 7.5, Reliability = 0.8, ClinicalCutoff = cutoff, Measure = null })
                .Detect(TrendTestData.Series(before, after)).GetValueOrThrow().Findings.Single();

        Assert.Equal(
            "Change of 15 points from session 1 (15) to session 2 (30): reliable improvement; reliable change needs 9.297 points, from an SD of 7.5 and a reliability of 0.8 (reliable-change index 3.162). In the clinical range at intake (cutoff 25). Recovered.",
            Find(15, 30, 25).Summary);
        Assert.EndsWith("no reliable change; reliable change needs 9.297 points, from an SD of 7.5 and a reliability of 0.8 (reliable-change index 1.265). In the clinical range at intake (cutoff 25). Crossed the cutoff without reliable change.", Find(20, 26, 25).Summary, StringComparison.Ordinal);
        Assert.EndsWith("(cutoff 25). Improved.", Find(10, 22, 25).Summary, StringComparison.Ordinal);
        Assert.EndsWith("(cutoff 25). Unchanged.", Find(20, 22, 25).Summary, StringComparison.Ordinal);
        Assert.EndsWith("Not in the clinical range at intake (cutoff 25). Deteriorated.", Find(30, 15, 25).Summary, StringComparison.Ordinal);
        Assert.EndsWith("reliable deterioration; reliable change needs 9.297 points, from an SD of 7.5 and a reliability of 0.8 (reliable-change index -3.162).", Find(30, 15, null).Summary, StringComparison.Ordinal);
        Assert.Equal(0, Find(30, 15, 25).Values["clinical-at-intake"]);
    }

    [Fact]
    public void AlertRules_With_ReplacesARuleOfTheSameName_EvenTheFirst()
    {
        var rules = new AlertRules();
        IAlertRule first = rules.Rules[0];
        var replacement = new NamedRule(first.Name);
        AlertRules replaced = rules.With(replacement);
        Assert.Equal(rules.Rules.Length, replaced.Rules.Length);
        Assert.Same(replacement, replaced.Rules[0]);
        Assert.Equal(rules.Rules.Length + 1, rules.With(new NamedRule("my-rule")).Rules.Length);
        Assert.Equal("rule", Assert.Throws<ArgumentNullException>(() => rules.With(null!)).ParamName);
    }

    [Fact]
    public void GetValueOrThrow_OnANotApplicableDetection_ThrowsWithItsReason()
    {
        DetectionResult result = new TrajectoryDetector().Detect(TrendTestData.Series(30));
        AllianceErrorException e = Assert.Throws<AllianceErrorException>(() => result.GetValueOrThrow());
        Assert.Equal("A trajectory needs at least two sessions.", e.Message);
    }

    [Fact]
    public void SuddenLossAlert_SignalsStrainOnAnAllianceMeasureOnly()
    {
        var detector = new SuddenGainsAndLossesDetector(new SuddenGainsAndLossesOptions { AbsoluteChange = 5 });
        Alert Loss(Episode episode) => Assert.Single(new SuddenLossAlertRule().Evaluate(new AlertContext(episode, detector.Detect(episode).Findings)));
        Assert.True(Loss(TrendTestData.Series(20, 20, 20, 10, 10, 10)).SignalsStrain);
        Assert.False(Loss(TrendTestData.Ors(30, 30, 30, 20, 20, 20)).SignalsStrain);
    }

    private sealed class NamedRule(string name) : IAlertRule
    {
        public string Name => name;

        public IEnumerable<Alert> Evaluate(AlertContext context) => Array.Empty<Alert>();
    }
}
