using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Trends;
using static TherapeuticAlliance.Tests.Trends.TrendTestData;

namespace TherapeuticAlliance.Tests.Trends;

public class EpisodeTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_SortsBySessionAndKeepsTheIdOutOfToString()
    {
        Episode episode = Episode.Create("client-4711", new[] { Score(3, 30m), Score(1, 34m), Score(2, 32m) }, AllianceInstruments.Srs.Cutoff).GetValueOrThrow();
        Assert.Equal(new[] { 1, 2, 3 }, episode.Scores.Select(s => s.Occasion.SessionNumber));
        Assert.Equal("client-4711", episode.Id);
        Assert.DoesNotContain("4711", episode.ToString());
        Assert.Equal(("srs", Perspective.Client, ScoreMetric.Sum, 3), (episode.InstrumentId, episode.Perspective, episode.Metric, episode.Count));
        Assert.Equal(AllianceInstruments.Srs.Cutoff, episode.Cutoff);
    }

    [Fact]
    public void Create_ReportsEveryProblem()
    {
        Assert.Equal(EpisodeProblemKind.Empty, Episode.Create("e", Array.Empty<AllianceScore>()).AsT1.Problems.Single().Kind);
        InvalidEpisode duplicate = Episode.Create("e", new[] { Score(1, 30m), Score(1, 31m) }).AsT1;
        Assert.Equal((EpisodeProblemKind.DuplicateSession, 1), (duplicate.Problems.Single().Kind, duplicate.Problems.Single().Session));
        InvalidEpisode outOfOrder = Episode.Create("e", new[] { Score(1, 30m, at: Day1.AddDays(7)), Score(2, 31m, at: Day1) }).AsT1;
        Assert.Equal(EpisodeProblemKind.OutOfOrder, outOfOrder.Problems.Single().Kind);
        Assert.Equal(EpisodeProblemKind.MixedInstruments, Episode.Create("e", new[] { Score(1, 30m), Score(2, 31m, instrument: "ors") }).AsT1.Problems.Single().Kind);
        Assert.Equal(EpisodeProblemKind.MixedPerspectives, Episode.Create("e", new[] { Score(1, 30m), Score(2, 31m, Perspective.Therapist) }).AsT1.Problems.Single().Kind);
        Assert.Equal(EpisodeProblemKind.MixedMetrics, Episode.Create("e", new[] { Score(1, 30m), Score(2, 31m, maximum: 60m) }).AsT1.Problems.Single().Kind);
        Assert.DoesNotContain("30", duplicate.Message);
        Assert.Throws<AllianceErrorException>(() => Episode.Create("e", Array.Empty<AllianceScore>()).GetValueOrThrow());
        Assert.Throws<ArgumentNullException>("id", () => Episode.Create(null!, Array.Empty<AllianceScore>()));
    }

    [Fact]
    public void FromScores_GroupsByEpisodePerspectiveAndInstrument()
    {
        var scores = new[]
        {
            ("b", Score(2, 30m)), ("a", Score(1, 34m)), ("a", Score(2, 32m)), ("a", Score(1, 33m, Perspective.Therapist)), ("b", Score(1, 31m)),
        };
        var episodes = Episodes.FromScores(scores);
        Assert.Equal(3, episodes.Length);
        Assert.All(episodes, e => Assert.True(e.IsT0));
        Assert.Equal(new[] { ("a", Perspective.Client, 2), ("a", Perspective.Therapist, 1), ("b", Perspective.Client, 2) }, episodes.Select(e => (e.AsT0.Id, e.AsT0.Perspective, e.AsT0.Count)));

        // Regression: the cutoff is the one the scores carry; scores without one give an episode without one, never a
        // silent fallback to the built-in SRS cutoff looked up by instrument id.
        Assert.Null(episodes[0].AsT0.Cutoff);
        AllianceScore Srs(int session, decimal total) => ReportedTotals.Create(AllianceInstruments.Srs, Perspective.Client, Occasion.Session(session), total).GetValueOrThrow();
        ScoreCutoff atOrBelow = AllianceInstruments.Srs.Cutoff!.WithOperator(CutoffOperator.LessThanOrEqual);
        AllianceScore siteScore = ScoringStrategies.Sum.Score(AllianceInstruments.Srs.WithCutoff(atOrBelow).CreateAssessment(Perspective.Client, Occasion.Session(3), 9m, 9m, 9m, 9m).GetValueOrThrow()).GetValueOrThrow();
        Assert.Equal(atOrBelow, siteScore.Cutoff);
        Assert.True(siteScore.IsFlagged);
        Assert.Null(ScoringStrategies.Mean.Score(AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(3), 9m, 9m, 9m, 9m).GetValueOrThrow()).GetValueOrThrow().Cutoff); // the SRS cutoff is on sums
        Assert.Equal(AllianceInstruments.Srs.Cutoff, Episodes.FromScores(new[] { ("c", Srs(1, 35m)), ("c", Srs(2, 37m)) }).Single().AsT0.Cutoff);
        Assert.Equal(atOrBelow, Episodes.FromScores(new[] { ("d", siteScore) }).Single().AsT0.Cutoff);
    }

    [Fact]
    public void FromAssessments_ScoresThenGroups_AndReportsUnscorableSessions()
    {
        Assessment Srs(int session, params decimal?[] v) => AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(session), v).GetValueOrThrow();
        var episodes = Episodes.FromAssessments(
            new[] { ("a", Srs(1, 9m, 9m, 9m, 9m)), ("a", Srs(2, 8m, 8m, 8m, 8m)), ("b", Srs(1, 9m, null, 9m, 9m)) },
            ScoringStrategies.Sum);
        Assert.Equal(new[] { 36m, 32m }, episodes[0].AsT0.Scores.Select(s => s.Value));
        EpisodeProblem problem = episodes[1].AsT1.Problems.Single();
        Assert.Equal((EpisodeProblemKind.UnscorableSession, 1), (problem.Kind, problem.Session));

        // Leaving the unscorable session out keeps the rest of the client's series.
        var kept = Episodes.FromAssessments(
            new[] { ("b", Srs(1, 9m, null, 9m, 9m)), ("b", Srs(2, 8m, 8m, 8m, 8m)) },
            ScoringStrategies.Sum,
            InconsistentSessionHandling.ExcludeSession);
        Assert.Equal(new[] { 2 }, kept.Single().AsT0.Scores.Select(s => s.Occasion.SessionNumber));
        Assert.Equal((EpisodeProblemKind.UnscorableSession, 1), (kept.Single().AsT0.ExcludedSessions.Single().Kind, kept.Single().AsT0.ExcludedSessions.Single().Session));
        Assert.True(Episodes.FromAssessments(new[] { ("b", Srs(1, 9m, null, 9m, 9m)) }, ScoringStrategies.Sum, InconsistentSessionHandling.ExcludeSession).Single().IsT1);
    }

    private static AllianceScore Dated(int session, decimal value, DateTimeOffset at) => Score(session, value, minimum: 0m, maximum: 40m, at: at);

    [Fact]
    public void ExcludeSession_YearTypoInOneDate_LeavesOutThatSessionAlone()
    {
        // Session 5 was typed as 2025: under the default the whole client would be rejected.
        var scores = Enumerable.Range(1, 12).Select(s => Dated(s, 38m - s, s == 5 ? Day1.AddYears(-1) : Day1.AddDays(7 * (s - 1)))).ToArray();
        Assert.True(Episode.Create("e", scores).IsT1);
        Episode episode = Episode.Create("e", scores, AllianceInstruments.Srs.Cutoff, InconsistentSessionHandling.ExcludeSession).GetValueOrThrow();
        Assert.Equal(new[] { 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12 }, episode.Scores.Select(s => s.Occasion.SessionNumber));
        EpisodeProblem excluded = episode.ExcludedSessions.Single();
        Assert.Equal((EpisodeProblemKind.OutOfOrder, 5), (excluded.Kind, excluded.Session));
        Assert.Contains("Session 5", excluded.Message);

        // A year typo in the first session (dated after all the others) leaves out the first session only.
        var late = Enumerable.Range(1, 6).Select(s => Dated(s, 30m, s == 1 ? Day1.AddYears(1) : Day1.AddDays(7 * (s - 1)))).ToArray();
        Episode lateEpisode = Episode.Create("e", late, handling: InconsistentSessionHandling.ExcludeSession).GetValueOrThrow();
        Assert.Equal(new[] { 2, 3, 4, 5, 6 }, lateEpisode.Scores.Select(s => s.Occasion.SessionNumber));
    }

    [Theory]
    [InlineData(1, 1)] // session 1 typed a year late
    [InlineData(2, -1)] // session 2 typed a year early: equally long chains keep session 1 or session 2; the shorter span keeps 1
    [InlineData(6, -1)] // a middle session a year early
    [InlineData(11, 1)] // the second-to-last session a year late: the shorter span keeps session 12
    public void ExcludeSession_AYearTypo_LeavesOutTheMistypedSession_WhereverItStands(int typo, int years)
    {
        var scores = Enumerable.Range(1, 12).Select(s => Dated(s, 30m, s == typo ? Day1.AddDays(7 * (s - 1)).AddYears(years) : Day1.AddDays(7 * (s - 1)))).ToArray();
        Episode episode = Episode.Create("e", scores, handling: InconsistentSessionHandling.ExcludeSession).GetValueOrThrow();
        Assert.Equal(typo, episode.ExcludedSessions.Single().Session);
        Assert.Equal(Enumerable.Range(1, 12).Where(s => s != typo), episode.Scores.Select(s => s.Occasion.SessionNumber));
    }

    [Fact]
    public void ExcludeSession_DuplicatedSession_LeavesOutEveryCopy_AndConsistentEpisodesExcludeNothing()
    {
        Episode episode = Episode.Create("e", new[] { Score(1, 30m), Score(2, 31m), Score(2, 20m), Score(3, 32m) }, handling: InconsistentSessionHandling.ExcludeSession).GetValueOrThrow();
        Assert.Equal(new[] { 1, 3 }, episode.Scores.Select(s => s.Occasion.SessionNumber));
        Assert.Equal(2, episode.ExcludedSessions.Length);
        Assert.All(episode.ExcludedSessions, p => Assert.Equal((EpisodeProblemKind.DuplicateSession, (int?)2), (p.Kind, p.Session)));
        Assert.Empty(Episode.Create("e", new[] { Score(1, 30m), Score(2, 31m) }, handling: InconsistentSessionHandling.ExcludeSession).GetValueOrThrow().ExcludedSessions);
        Assert.Equal(EpisodeProblemKind.MixedPerspectives, Episode.Create("e", new[] { Score(1, 30m), Score(2, 31m, Perspective.Therapist) }, handling: InconsistentSessionHandling.ExcludeSession).AsT1.Problems.Single().Kind);
        Assert.Throws<ArgumentException>("handling", () => Episode.Create("e", new[] { Score(1, 30m) }, handling: (InconsistentSessionHandling)7));
        Assert.Throws<ArgumentException>("handling", () => Episodes.FromScores(new[] { ("e", Score(1, 30m)) }, handling: (InconsistentSessionHandling)7));
    }

    [FsCheck.Xunit.Property]
    public bool ExcludeSession_KeepsTheLongestDatedChain_InOrder(int[] dayOffsets)
    {
        var scores = dayOffsets.Take(40).Select((d, i) => Dated(i + 1, 20m, Day1.AddDays(d % 500))).ToArray();
        if (scores.Length == 0)
        {
            return true;
        }

        Episode episode = Episode.Create("e", scores, handling: InconsistentSessionHandling.ExcludeSession).GetValueOrThrow();
        DateTimeOffset[] kept = episode.Scores.Select(s => s.Occasion.RecordedAt!.Value).ToArray();
        bool ordered = kept.Zip(kept.Skip(1), (a, b) => a <= b).All(x => x);

        // Longest non-decreasing subsequence by the quadratic textbook recurrence.
        DateTimeOffset[] all = scores.Select(s => s.Occasion.RecordedAt!.Value).ToArray();
        var best = new int[all.Length];
        for (int i = 0; i < all.Length; i++)
        {
            best[i] = 1 + Enumerable.Range(0, i).Where(j => all[j] <= all[i]).Select(j => best[j]).DefaultIfEmpty(0).Max();
        }

        return ordered && kept.Length == best.Max() && kept.Length + episode.ExcludedSessions.Length == scores.Length;
    }
}

public class DetectorTests
{
    [Fact]
    public void Trajectory_CeilingStatistics()
    {
        var t = (TrajectoryFinding)new TrajectoryDetector().Detect(Srs(38, 40, 40, 39, 40)).Findings.Single();
        Assert.Equal(0.6, t.CeilingShare, 12);
        Assert.Equal(4, t.FirstDropFromCeiling);
        Assert.Equal("trajectory", t.Rule);
        Assert.Equal(3, t.Parameters["early-window-first"]);
        Assert.True(new TrajectoryDetector().Detect(Srs(30)).IsT1);
        Assert.True(double.IsNaN(((TrajectoryFinding)new TrajectoryDetector().Detect(Srs(30, 31)).Findings.Single()).SlopeStandardError));
    }

    [Fact]
    public void ReliableChange_Categories()
    {
        ReliableChangeFinding Rc(double first, double last, double? cutoff) =>
            (ReliableChangeFinding)new ReliableChangeDetector(new ReliableChangeOptions { StandardDeviation = 5, Reliability = 0.8, ClinicalCutoff = cutoff })
                .Detect(TrendTestData.Series(first, last)).Findings.Single();
        Assert.Equal(ClinicalChangeCategory.Recovered, Rc(20, 36, 30).Category);
        Assert.Equal(ClinicalChangeCategory.NonReliablyRecovered, Rc(29, 31, 30).Category);
        Assert.Equal(ClinicalChangeCategory.Improved, Rc(10, 26, 30).Category);
        Assert.Equal(ClinicalChangeCategory.Unchanged, Rc(20, 22, 30).Category);
        Assert.Equal(ClinicalChangeCategory.Deteriorated, Rc(36, 20, 30).Category);
        Assert.Null(Rc(20, 36, null).Category);
        Assert.Equal(ChangeDirection.Improved, Rc(20, 36, null).Direction);
    }

    [Fact]
    public void FeedbackRules_AreExactOnDecimals()
    {
        var findings = new FeedbackRulesDetector().Detect(Srs(40, 36.0, 35.9, 34.9, 40)).Findings.Cast<PracticeRuleFinding>().ToList();
        Assert.Equal(new[] { 3, 4 }, findings.Where(f => f.Kind == PracticeRule.BelowCutoff).SelectMany(f => f.Sessions));
        Assert.Equal(new[] { 1, 2, 3, 4 }, findings.Where(f => f.Kind == PracticeRule.DropFromPrevious).SelectMany(f => f.Sessions));
        Assert.Equal(1.0m, findings.Last(f => f.Kind == PracticeRule.DropFromPrevious).Drop);
        Assert.Single(findings, f => f.Kind == PracticeRule.FirstDropFromCeiling);
        Assert.Throws<ArgumentException>("options", () => new FeedbackRulesDetector(new FeedbackRulesOptions { DropThreshold = 0 }));
    }

    [Fact]
    public void SuddenShiftDetector_FindsGainsAndLosses()
    {
        var detector = new SuddenGainsAndLossesDetector(new SuddenGainsAndLossesOptions { AbsoluteChange = 5 });
        var gain = (SuddenGainOrLossFinding)detector.Detect(TrendTestData.Series(20, 21, 20, 32, 33, 32)).Findings.Single();
        Assert.Equal((SuddenChangeKind.Gain, 3, 4), (gain.Kind, gain.PreSession, gain.PostSession));
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, gain.Sessions);
        var loss = (SuddenGainOrLossFinding)detector.Detect(TrendTestData.Series(32, 33, 32, 20, 21, 20)).Findings.Single();
        Assert.Equal(SuddenChangeKind.Loss, loss.Kind);
        Assert.True(detector.Detect(TrendTestData.Series(1, 2, 3)).IsT1);

        var derived = new SuddenGainsAndLossesDetector(new SuddenGainsAndLossesOptions { StandardDeviation = 7.5, Reliability = 0.8 });
        Assert.Equal(9.296925484568419, derived.Detect(TrendTestData.Series(20, 21, 20, 32, 33, 32)).Findings.Single().Parameters["absolute-change"], 12);
        Assert.Throws<ArgumentException>("options", () => new SuddenGainsAndLossesDetector(new SuddenGainsAndLossesOptions()));
    }

    [Fact]
    public void SuddenShiftDetector_MissingSessionsCountAsMissingValues()
    {
        // Session 3 is missing: the interval 4->5 still has sessions 2 and 4 before it.
        Episode episode = Episode.Create("e", new[] { 1, 2, 4, 5, 6, 7 }.Zip(new[] { 20m, 21m, 20m, 32m, 33m, 32m }, (s, v) => TrendTestData.Score(s, v))).GetValueOrThrow();
        var finding = (SuddenGainOrLossFinding)new SuddenGainsAndLossesDetector(new SuddenGainsAndLossesOptions { AbsoluteChange = 5 }).Detect(episode).Findings.Single();
        Assert.Equal((4, 5), (finding.PreSession, finding.PostSession));
        Assert.Equal(new[] { 2, 4, 5, 6, 7 }, finding.Sessions);
    }

    [Fact]
    public void Detectors_GuardTheirArguments()
    {
        Assert.Throws<ArgumentNullException>("episode", () => new TrajectoryDetector().Detect(null!));
        Assert.Throws<ArgumentException>("options", () => new ReliableChangeDetector(new ReliableChangeOptions { StandardDeviation = 5, Reliability = 1 }));
        Assert.Throws<ArgumentException>("options", () => new ReliableChangeDetector(new ReliableChangeOptions { StandardDeviation = -1 }));
        Assert.Throws<ArgumentException>("options", () => new RuptureRepairDetector(new RuptureRepairOptions { ReferenceStandardDeviation = 0 }));
        Assert.Throws<ArgumentException>("options", () => new RuptureRepairDetector(new RuptureRepairOptions { SdBasis = (RuptureSdBasis)9 }));
        Assert.Throws<ArgumentException>("options", () => new RuptureRepairDetector(new RuptureRepairOptions { Reliability = 1.0 }));
        Assert.Throws<ArgumentException>("options", () => new RuptureRepairDetector(new RuptureRepairOptions { RepairWindow = 0 }));
        Assert.Throws<ArgumentException>("options", () => new TrajectoryDetector(new TrajectoryOptions { EarlyWindowFirstSession = 5, EarlyWindowLastSession = 3 }));
        Assert.Throws<ArgumentException>("reliability", () => ReliableChange.StandardErrorOfMeasurement(5, 1));
    }

    [Fact]
    public void RuptureSdBasis_StricterOfBothTakesTheLarger()
    {
        Episode episode = TrendTestData.Series(40, 42, 41, 43, 33, 42, 44);
        RuptureFinding Find(RuptureSdBasis basis, double reference) =>
            (RuptureFinding)new RuptureRepairDetector(RuptureRepairOptions.TwoStandardDeviations with { DropInStandardDeviations = 1, SdBasis = basis, Variability = RuptureVariability.ScoreLevels, ReferenceStandardDeviation = reference }).Detect(episode).Findings.Single();
        Assert.Equal(6.0, Find(RuptureSdBasis.InterIndividual, 6.0).Threshold, 12);
        Assert.Equal(6.0, Find(RuptureSdBasis.StricterOfBoth, 6.0).Threshold, 12);
        Assert.Equal(3.638419, Find(RuptureSdBasis.StricterOfBoth, 1.0).Threshold, 5);
        Assert.Empty(new RuptureRepairDetector(RuptureRepairOptions.TwoStandardDeviations with { DropInStandardDeviations = 1, SdBasis = RuptureSdBasis.InterIndividual, Variability = RuptureVariability.ScoreLevels, ReferenceStandardDeviation = 11 }).Detect(episode).Findings);

        // The reference SD can also come with the episode (a caller's norm or the caseload's); the option wins over it.
        Episode judged = episode.WithReference(new ReferenceNorm(40, 6.0, NormSource.Caller, 100));
        var byDefault = new RuptureRepairDetector(RuptureRepairOptions.TwoStandardDeviations with { DropInStandardDeviations = 1, Variability = RuptureVariability.ScoreLevels });
        Assert.Equal(6.0, ((RuptureFinding)byDefault.Detect(judged).Findings.Single()).Threshold, 12);
        Assert.Equal((double)RuptureSdBasis.StricterOfBoth, byDefault.Detect(judged).Findings.Single().Parameters["sd-basis"]);

        // Without a reference, StricterOfBoth falls back to the client's SD and says so; InterIndividual does not apply.
        Assert.Equal((double)RuptureSdBasis.IntraIndividual, byDefault.Detect(episode).Findings.Single().Parameters["sd-basis"]);
        Assert.True(new RuptureRepairDetector(new RuptureRepairOptions { SdBasis = RuptureSdBasis.InterIndividual }).Detect(episode).IsT1);
    }

    [Fact]
    public void RuptureRule_TheDefaultsNoLongerFlagTheFluctuationsOfAStableClient()
    {
        // Regression (issue 13): with the client's own SD as the basis and m = 1, a stable client with an SD of 0.39
        // points got "Drop of 0.4 from session 4 to 5 (threshold 0.391)". The defaults take 2 × the larger of the
        // client's and the caseload's SD of session-to-session change.
        Episode stable = TrendTestData.Srs(36.8, 37.2, 37.0, 37.3, 36.9, 37.1, 36.8, 37.2);
        Assert.NotEmpty(new RuptureRepairDetector(RuptureRepairOptions.IntraIndividualOnly).Detect(stable).Findings);
        var caseload = new ReferenceNorm(36, 2.5, NormSource.Caseload, 600, changeStandardDeviation: 0.8);
        Assert.Empty(new RuptureRepairDetector().Detect(stable.WithReference(caseload)).Findings);

        // A real rupture (7 points) is still found, with its threshold in points and the rule that set it. The
        // client's change SD leaves out the two changes at the trough and is robust to the repair's jump: of 0.2, 0.2, 0.4,
        // 6.4 the largest is left out, and the root mean square of the others (0.283) over the SD of |Z| below its 3/4
        // quantile (0.607) is 0.466, below the caseload's 0.8; the client's own threshold (t with 8 df) stays below 1.6.
        Episode ruptured = TrendTestData.Srs(36.8, 37.2, 37.0, 30.0, 30.5, 36.9, 37.1).WithReference(caseload);
        RuptureFinding rupture = Assert.IsType<RuptureFinding>(Assert.Single(new RuptureRepairDetector().Detect(ruptured).Findings));
        Assert.Equal((3, 4, (int?)6), (rupture.StartSession, rupture.TroughSession, rupture.RepairSession));   // 36.9 is within the threshold's SD of 37: repaired without a reliability
        // Since issue 26 the drop is from the mean of three scores (36.8, 37.2, 37: 37), which varies as √((1 + 1/3)/2) =
        // 0.8165 of a change; Φ⁻¹(1 − .05/6) × 0.8165 = 1.955 for the episode's 6 drops is below m = 2, which holds.
        Assert.Equal(1.6, rupture.Threshold, 9);
        Assert.Equal(0.46592077453366226, rupture.Parameters["intra-sd"], 12);
        Assert.Equal("Drop of 7 points from 37 (the mean of the 3 ratings up to session 3) to 30 at session 4; threshold 1.6 points (2 × 0.8, the larger of the client's and the reference group's SD of session-to-session change). Repaired at session 6.", rupture.Summary);
    }

    [Fact]
    public void RuptureRule_ReliableChangeFloor_RaisesALenientThreshold_AndARepairNeedNotRegainTheLevelExactly()
    {
        // SRS reliability .88 and a reference SD of 2.5: RC = 1.96 · √2 · 2.5 · √.12 = 2.4005 points.
        Episode episode = TrendTestData.Srs(37.0, 37.0, 35.0, 36.0, 37.0).WithReference(new ReferenceNorm(36, 2.5, NormSource.Caller));
        double rc = 1.96 * Math.Sqrt(2) * 2.5 * Math.Sqrt(1 - 0.88);
        var lenient = new RuptureRepairDetector(new RuptureRepairOptions { DropInStandardDeviations = 0.5, Reliability = 0.88 });
        Assert.Empty(lenient.Detect(episode).Findings);   // 2 points < RC, although 2 ≥ 0.5 × 2.5
        Assert.Equal(rc, lenient.Detect(TrendTestData.Srs(37.0, 37.0, 34.0, 36.0).WithReference(new ReferenceNorm(36, 2.5, NormSource.Caller))).Findings.Cast<RuptureFinding>().Single().Threshold, 10);

        // Repaired: session 4 (35.5) is within RC of the pre-rupture level 37; without the floor it must regain 37.
        Episode dip = TrendTestData.Srs(37.0, 37.0, 31.0, 35.5).WithReference(new ReferenceNorm(36, 2.5, NormSource.Caller));
        Assert.True(new RuptureRepairDetector(new RuptureRepairOptions { Reliability = 0.88 }).Detect(dip).Findings.Cast<RuptureFinding>().Single().IsRepaired);
        Assert.False(new RuptureRepairDetector(new RuptureRepairOptions { ReliableChangeFloor = false, ReferenceStandardDeviation = 1.0 }).Detect(dip).Findings.Cast<RuptureFinding>().Single().IsRepaired);

        // Nothing to judge a drop by (no variability of the client's, no reference, no floor): no finding, not a rupture of any drop.
        Assert.Empty(new RuptureRepairDetector(new RuptureRepairOptions { ReliableChangeFloor = false }).Detect(TrendTestData.Srs(37.0, 37.0, 31.0, 35.5)).Findings);
    }
}
