using System.Collections.Immutable;
using TherapeuticAlliance.Guidance;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Trends;

public class AlertRulesTests
{
    private static IEnumerable<TrendFinding> Findings(Episode episode, params ITrendDetector[] detectors) =>
        detectors.SelectMany(d => d.Detect(episode).Findings);

    [Fact]
    public void EachRule_FiresAndIsNamed()
    {
        Episode srs = TrendTestData.Srs(38, 39, 40, 30, 31, 29.5);
        var findings = Findings(srs, new TrajectoryDetector(), new RuptureRepairDetector(), new FeedbackRulesDetector(), new SuddenGainsAndLossesDetector(new SuddenGainsAndLossesOptions { AbsoluteChange = 5 }));
        ImmutableArray<Alert> alerts = new AlertRules(new AlertOptions { DropFromPrevious = true }).Evaluate(srs, findings);
        var rules = alerts.Select(a => a.Rule).ToList();
        Assert.Contains(AlertRules.BelowCutoffRule, rules);
        Assert.Contains(AlertRules.DropFromPreviousRule, rules);
        Assert.DoesNotContain(AlertRules.DropFromPreviousRule, new AlertRules().Evaluate(srs, findings).Select(a => a.Rule));   // opt-in since issue 26
        Assert.Contains(AlertRules.UnrepairedRuptureRule, rules);
        Assert.Contains(AlertRules.SuddenLossRule, rules);

        // States, not repetitions: one alert per rule although three sessions are below the cutoff.
        Assert.Equal(rules.Distinct().Count(), rules.Count);
        Alert below = alerts.Single(a => a.Rule == AlertRules.BelowCutoffRule);
        Assert.Equal(new[] { 4, 6 }, below.Sessions);
        Assert.Equal((AlertSeverity.Watch, "below-cutoff"), (below.Severity, below.Code));
        Assert.Equal("The latest session (6): 29.5 points, flagged by the cutoff (sum < 36). Every score since session 4 has been flagged (3 sessions).", below.Message);
        Alert rupture = alerts.Single(a => a.Rule == AlertRules.UnrepairedRuptureRule);
        Assert.Equal((AlertSeverity.Act, "unrepaired-rupture"), (rupture.Severity, rupture.Code));
        // Since issue 26 the drop is measured from the mean of the last three scores (38, 39, 40).
        Assert.StartsWith("Unrepaired rupture since session 4: Drop of 9 points from 39 (the mean of the 3 ratings up to session 3) to 30 at session 4", rupture.Message);
        Assert.Equal(AlertSeverity.Watch, alerts.Single(a => a.Rule == AlertRules.DropFromPreviousRule).Severity);
    }

    [Fact]
    public void AStateThatEnded_RaisesNoAlert_ItsHistoryStaysInTheFindings()
    {
        // Below the cutoff at sessions 2-3 and a one-point drop at session 2, but fine at the latest session.
        Episode srs = TrendTestData.Srs(37, 35, 35.5, 38, 38.5);
        var findings = Findings(srs, new TrajectoryDetector(), new RuptureRepairDetector(), new FeedbackRulesDetector()).ToList();
        Assert.Contains(findings, f => f is PracticeRuleFinding { Kind: PracticeRule.BelowCutoff });
        Assert.Empty(new AlertRules().Evaluate(srs, findings));
    }

    [Fact]
    public void OutcomeMeasures_GetOutcomeAlerts_NeverAllianceOnes()
    {
        // An ORS series that deteriorates reliably; SD 6.14 and alpha .82 give RC = 1.96 · √2 · 6.14 · √.18 = 7.22 points.
        Episode ors = TrendTestData.Ors(28.0, 27.0, 24.0, 22.5, 20.0).WithReference(new ReferenceNorm(22, 6.14, NormSource.Caller, 38));
        AllianceReport report = EpisodeAnalyzer.Default.Analyze(ors);
        Alert alert = Assert.Single(report.Alerts);
        Assert.Equal((AlertRules.ReliableDeteriorationRule, AlertSeverity.Act, false), (alert.Rule, alert.Severity, alert.SignalsStrain));
        Assert.Equal("Change of -8 points from session 1 (28) to session 5 (20): reliable deterioration; reliable change needs 7.221 points, from an SD of 6.14 and a reliability of 0.82 (reliable-change index -2.172). Not in the clinical range at intake (cutoff 25). Deteriorated.", alert.Message);
        Assert.Empty(report.Guidance);
        Assert.Equal(new[] { "rupture-repair", "feedback-rules" }, report.Skipped.Select(s => s.DetectorName));
        Assert.DoesNotContain("alliance", string.Join(" ", report.Findings.Select(f => f.Summary)), StringComparison.OrdinalIgnoreCase);

        // A client whose ORS rises from 21.7 to 32.7 has recovered: no alert at all (it raised four before issue 13).
        Episode better = TrendTestData.Ors(21.7, 24.0, 27.5, 30.1, 32.7).WithReference(new ReferenceNorm(22, 6.14, NormSource.Caller, 38));
        AllianceReport good = EpisodeAnalyzer.Default.Analyze(better);
        Assert.Empty(good.Alerts);
        Assert.Equal(ClinicalChangeCategory.Recovered, good.Findings.OfType<ReliableChangeFinding>().Single().Category);
        Assert.True(good.Findings.OfType<ReliableChangeFinding>().Single().IsClinicalAtIntake);
    }

    [Fact]
    public void DecliningSlope_FiresOnlyWhenSignificant()
    {
        Episode declining = TrendTestData.Series(40, 39, 38.2, 37, 36.1, 35, 34.2, 33);
        Episode noisy = TrendTestData.Series(40, 30, 41, 31, 40, 32, 39, 38);
        var rules = new AlertRules(new AlertOptions { BelowCutoff = false, DropFromPrevious = false });
        Assert.Contains(rules.Evaluate(declining, Findings(declining, new TrajectoryDetector())), a => a.Rule == AlertRules.DecliningSlopeRule);
        Assert.DoesNotContain(rules.Evaluate(noisy, Findings(noisy, new TrajectoryDetector())), a => a.Rule == AlertRules.DecliningSlopeRule);
    }

    [Fact]
    public void Discrepancy_ComparesTheSameSessionsWhenBothPerspectivesArePresent()
    {
        Episode client = TrendTestData.Series(1, new double[] { 38, 39, 40 });
        Episode therapist = TrendTestData.Series(1, new double[] { 37, 38, 30 }, perspective: Perspective.Therapist);
        var rules = new AlertRules(new AlertOptions { DiscrepancyThreshold = 5 });
        Alert alert = Assert.Single(rules.Evaluate(client, Array.Empty<TrendFinding>(), therapist));
        Assert.Equal((AlertRules.DiscrepancyRule, 3), (alert.Rule, alert.Sessions.Single()));

        // Thresholds per instrument: the episodes' instrument ("srs" in these series) has its own, which wins.
        var perInstrument = new AlertRules(new AlertOptions { DiscrepancyThreshold = 5, DiscrepancyThresholds = ImmutableDictionary<string, double>.Empty.Add("srs", 20) });
        Assert.Empty(perInstrument.Evaluate(client, Array.Empty<TrendFinding>(), therapist));
        Assert.Throws<ArgumentException>("options", () => new AlertRules(new AlertOptions { DiscrepancyThresholds = ImmutableDictionary<string, double>.Empty.Add("srs", -1) }));

        // A difference at an earlier session only is history: the latest session both rated agrees.
        Episode earlier = TrendTestData.Series(1, new double[] { 37, 30, 39 }, perspective: Perspective.Therapist);
        Assert.Empty(rules.Evaluate(client, Array.Empty<TrendFinding>(), earlier));
        Assert.Empty(new AlertRules().Evaluate(client, Array.Empty<TrendFinding>(), therapist));
        Assert.Throws<ArgumentException>("options", () => new AlertRules(new AlertOptions { DiscrepancyThreshold = 0 }));
    }

    [Fact]
    public void RulesCanBeSwitchedOff()
    {
        Episode srs = TrendTestData.Srs(38, 39, 40, 30, 31, 30.5);
        var findings = Findings(srs, new TrajectoryDetector(), new RuptureRepairDetector(), new FeedbackRulesDetector());
        var off = new AlertRules(new AlertOptions { BelowCutoff = false, DropFromPrevious = false, UnrepairedRupture = false, DecliningSlope = false, SuddenLoss = false });
        Assert.Empty(off.Evaluate(srs, findings));
    }
}

public class GuidanceTests
{
    [Fact]
    public void WeakestDimensions_MapToThePractices()
    {
        AllianceScore score = ScoringStrategies.Mean.Score(AllianceInstruments.AllianceProfile
            .CreateAssessment(Perspective.Therapist, Occasion.Session(3), 7, 3, 6, 7, 7, 7, 2, 7, 7).GetValueOrThrow()).GetValueOrThrow();
        var context = GuidanceContext.FromLatestScore(score, Array.Empty<TrendFinding>(), Array.Empty<Alert>());
        Assert.Equal(new[] { "sincerity", "mutual-goals-collaboration" }, context.WeakestDimensions.Select(d => d.Dimension.Id));
        // Issue 26, part 6: no signal and no cutoff (the Alliance Profile has none), so no guidance at all.
        Assert.Empty(FoundingPracticesGuidance.Instance.Suggest(context));
        var signal = new Alert("site-rule", new[] { 3 }, "A site's own rule fired.");
        var areas = FoundingPracticesGuidance.Instance.Suggest(GuidanceContext.FromLatestScore(score, Array.Empty<TrendFinding>(), new[] { signal }));
        Assert.Equal(new[] { ImprovementPractice.HonestCommunication, ImprovementPractice.JointGoals }, areas.Select(a => a.Practice));
        Assert.Equal("sincerity", areas[0].Trigger);
        Assert.All(areas, a => Assert.StartsWith("Consider", a.Prompt, StringComparison.Ordinal));
    }

    /// <summary>Issue 26, part 6: every one of the sample's 60 clients got 2–5 focus areas, the 41 without any alert too, even near the maximum.</summary>
    [Fact]
    public void FocusAreas_OnlyForAClientWithASignal_OrALatestScoreBelowTheSourcedCutoff()
    {
        // Near the maximum, no alert: the weakest dimensions are not a concern.
        Episode calm = TrendTestData.Srs(38, 38.5, 39, 38.8);
        AllianceReport calmReport = EpisodeAnalyzer.Default.Analyze(calm);
        Assert.Empty(calmReport.Alerts);
        Assert.Empty(calmReport.Guidance);

        // The latest SRS total below its cutoff of 36 (one session: no below-cutoff alert yet) is a signal.
        AllianceScore below = ScoringStrategies.Sum.Score(AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(2), 8.5m, 8.5m, 9m, 9m).GetValueOrThrow()).GetValueOrThrow();
        var flagged = GuidanceContext.FromLatestScore(below, Array.Empty<TrendFinding>(), Array.Empty<Alert>());
        Assert.True(flagged.IsLatestFlagged);
        Assert.NotEmpty(FoundingPracticesGuidance.Instance.Suggest(flagged));
        AllianceScore above = ScoringStrategies.Sum.Score(AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(2), 9m, 9m, 9m, 9.5m).GetValueOrThrow()).GetValueOrThrow();
        var fine = GuidanceContext.FromLatestScore(above, Array.Empty<TrendFinding>(), Array.Empty<Alert>());
        Assert.False(fine.IsLatestFlagged);
        Assert.Empty(FoundingPracticesGuidance.Instance.Suggest(fine));
    }

    /// <summary>Issue 26, part 6: the library's own Alliance Profile, which has no published validation, raised "act" on its own.</summary>
    [Fact]
    public void AnInstrumentWithoutPublishedValidation_CannotRaiseAct_AndSaysSo()
    {
        Assert.False(AllianceInstruments.AllianceProfile.HasPublishedValidation);
        Assert.True(AllianceInstruments.Srs.HasPublishedValidation && AllianceInstruments.Ors.HasPublishedValidation && AllianceInstruments.WaiSr.HasPublishedValidation);
        Assert.False(EpisodeAnalyzer.Default.HasPublishedValidation("alliance-profile"));
        Assert.True(EpisodeAnalyzer.Default.HasPublishedValidation("a-site-instrument"));   // unknown to the catalog: counts as validated

        // The same unrepaired drop: "act" on the SRS, "watch" on the Alliance Profile (same series, another instrument id).
        double[] values = { 6.5, 6.6, 6.4, 6.5, 3.0, 3.1 };
        Episode Series(string instrument) => Episode.Create("e", values.Select((v, i) => TrendTestData.Score(i + 1, (decimal)v, minimum: 1m, maximum: 7m, instrument: instrument))).GetValueOrThrow();
        var detectors = new ITrendDetector[] { new RuptureRepairDetector(new RuptureRepairOptions { ReferenceStandardDeviation = 0.3 }) };
        Alert act = Assert.Single(new EpisodeAnalyzer(detectors).Analyze(Series("srs")).Alerts, a => a.Rule == AlertRules.UnrepairedRuptureRule);
        Assert.Equal(AlertSeverity.Act, act.Severity);
        Alert watch = Assert.Single(new EpisodeAnalyzer(detectors).Analyze(Series("alliance-profile")).Alerts, a => a.Rule == AlertRules.UnrepairedRuptureRule);
        Assert.Equal(AlertSeverity.Watch, watch.Severity);
        Assert.EndsWith("(At most 'watch': the instrument has no published validation.)", watch.Message, StringComparison.Ordinal);

        // A site marks its own instrument so (builder or "validated": false in its definition file), and the catalog passed in decides.
        Instrument mine = AllianceInstruments.Srs.WithPublishedValidation(false);
        Assert.False(InstrumentDefinition.Parse(InstrumentDefinition.ToJson(mine)).GetValueOrThrow().HasPublishedValidation);
        Assert.Contains("\"validated\": false", InstrumentDefinition.ToJson(mine), StringComparison.Ordinal);
        Assert.DoesNotContain("validated", InstrumentDefinition.ToJson(AllianceInstruments.Srs), StringComparison.Ordinal);
        Assert.NotEqual(AllianceInstruments.Srs, mine);
        var analyzer = new EpisodeAnalyzer(detectors, null, null, new InstrumentCatalog(new[] { mine }));
        Assert.Equal(AlertSeverity.Watch, analyzer.Analyze(Series("srs")).Alerts.Single(a => a.Rule == AlertRules.UnrepairedRuptureRule).Severity);
    }

    [Fact]
    public void Strain_SuggestsOpennessToCriticismFirst()
    {
        Episode srs = TrendTestData.Srs(38, 39, 40, 30, 31, 30.5);
        var findings = new ITrendDetector[] { new RuptureRepairDetector(), new FeedbackRulesDetector() }.SelectMany(d => d.Detect(srs).Findings).ToList();
        var alerts = new AlertRules().Evaluate(srs, findings);
        var areas = FoundingPracticesGuidance.Instance.Suggest(new GuidanceContext(Array.Empty<DimensionScore>(), findings, alerts));
        FocusArea area = Assert.Single(areas);
        Assert.Equal(ImprovementPractice.OpennessToCriticism, area.Practice);
        Assert.Equal(alerts[0].Rule, area.Trigger);
    }

    [Fact]
    public void ADiscrepancyAlertAlone_IsNotStrain_AndARuptureIsNamedAsTheTrigger()
    {
        Episode client = TrendTestData.Series(1, new double[] { 40, 42, 41, 43, 33, 42, 44 });
        Episode therapist = TrendTestData.Series(1, new double[] { 40, 42, 41, 43, 33, 42, 34 }, perspective: Perspective.Therapist);
        var discrepancy = new AlertRules(new AlertOptions { DiscrepancyThreshold = 5, BelowCutoff = false, DropFromPrevious = false, UnrepairedRupture = false, DecliningSlope = false, SuddenLoss = false })
            .Evaluate(client, Array.Empty<TrendFinding>(), therapist);
        Assert.Equal(AlertRules.DiscrepancyRule, Assert.Single(discrepancy).Rule);
        Assert.Empty(FoundingPracticesGuidance.Instance.Suggest(new GuidanceContext(Array.Empty<DimensionScore>(), Array.Empty<TrendFinding>(), discrepancy)));

        // A repaired rupture is history, not strain now: no focus area. An unrepaired one's alert names the trigger.
        var ruptures = new RuptureRepairDetector(new RuptureRepairOptions { DropInStandardDeviations = 1, RepairWindow = 2 }).Detect(client).Findings;
        Assert.True(Assert.IsType<RuptureFinding>(Assert.Single(ruptures)).IsRepaired);
        Assert.Empty(FoundingPracticesGuidance.Instance.Suggest(new GuidanceContext(Array.Empty<DimensionScore>(), ruptures, discrepancy)));
        var strain = discrepancy.Add(new Alert(AlertRules.UnrepairedRuptureRule, new[] { 4, 5 }, "Unrepaired rupture since session 5.", signalsStrain: true, AlertSeverity.Act));
        FocusArea area = Assert.Single(FoundingPracticesGuidance.Instance.Suggest(new GuidanceContext(Array.Empty<DimensionScore>(), ruptures, strain)));
        Assert.Equal((ImprovementPractice.OpennessToCriticism, AlertRules.UnrepairedRuptureRule), (area.Practice, area.Trigger));
    }

    [Fact]
    public void NothingWeakAndNoStrain_SuggestsNothing()
    {
        AllianceScore score = ScoringStrategies.Mean.Score(AllianceInstruments.AllianceProfile
            .CreateAssessment(Perspective.Client, Occasion.Session(3), 7, 7, 7, 7, 7, 7, 7, 7, 7).GetValueOrThrow()).GetValueOrThrow();
        Assert.Empty(FoundingPracticesGuidance.Instance.Suggest(GuidanceContext.FromLatestScore(score, Array.Empty<TrendFinding>(), Array.Empty<Alert>())));
    }
}

public class ReportTests
{
    private static AllianceReport Report()
    {
        var detectors = new ITrendDetector[]
        {
            new TrajectoryDetector(), new RuptureRepairDetector(), new FeedbackRulesDetector(),
            new ReliableChangeDetector(new ReliableChangeOptions { StandardDeviation = 6.5, Reliability = 0.85, ClinicalCutoff = 36 }),
            new SuddenGainsAndLossesDetector(new SuddenGainsAndLossesOptions { AbsoluteChange = 5 }),
        };
        return new EpisodeAnalyzer(detectors).Analyze(TrendTestData.Srs(38, 39, 40, 30, 31, 30.5));
    }

    [Fact]
    public void Analyzer_GathersScoresFindingsAlertsAndGuidance()
    {
        AllianceReport report = Report();
        Assert.Equal(6, report.Episode.Count);
        Assert.Contains(report.Findings, f => f is RuptureFinding { Code: "rupture" });
        Assert.Contains(report.Findings, f => f is SuddenGainOrLossFinding { Code: "sudden-loss" });
        Assert.Contains(report.Findings, f => f is ReliableChangeFinding { Code: "reliable-change" });
        Assert.NotEmpty(report.Alerts);
        Assert.Contains(report.Guidance, g => g.Practice == ImprovementPractice.OpennessToCriticism);
        Assert.Equal("2.0", report.ToDocument().SchemaVersion);
        Assert.DoesNotContain("\"e\"", report.ToString());
    }

    [Fact]
    public void Json_RoundTripsWithAStableSchema()
    {
        AllianceReport report = Report();
        string json = report.ToJson();
        Assert.Contains("\"schemaVersion\": \"2.0\"", json);
        AllianceReportDocument back = AllianceReportDocument.FromJson(json).AsT0;
        Assert.Equal(json, back.ToJson());
        Assert.Equal(report.Findings.Length, back.Findings.Length);
        Assert.Equal(report.ToDocument().Sessions.ToArray(), back.Sessions.ToArray());
        Assert.Equal(report.Findings.Select(f => f.Code), back.Findings.Select(f => f.Type));
        Assert.Equal(report.Alerts.Select(a => (a.Code, a.Severity)), back.Alerts.Select(a => (a.Code, a.Severity)));
        Assert.Contains("\"severity\": \"act\"", json);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"schemaVersion\": \"2.0\"}")]
    [InlineData("{\"schemaVersion\": \"1.0\"}")]
    [InlineData("{\"schemaVersion\": \"1.0\", \"unknown\": 1}")]
    public void FromJson_BadInput_IsAnErrorValue(string json) => Assert.True(AllianceReportDocument.FromJson(json).IsT1);

    [Fact]
    public void Analyzer_ReportsDetectorsThatDidNotApply()
    {
        AllianceReport report = EpisodeAnalyzer.Default.Analyze(TrendTestData.Srs(30));
        Assert.Equal(new[] { "trajectory", "rupture-repair", "reliable-change" }, report.Skipped.Select(s => s.DetectorName));
        Assert.Throws<ArgumentException>("detectors", () => new EpisodeAnalyzer(new ITrendDetector[] { new TrajectoryDetector(), new TrajectoryDetector() }));
    }
}
