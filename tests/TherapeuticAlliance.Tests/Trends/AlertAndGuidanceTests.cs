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
        Episode srs = TrendTestData.Srs(38, 39, 40, 30, 31, 30.5);
        var findings = Findings(srs, new TrajectoryDetector(), new RuptureRepairDetector(), new FeedbackRulesDetector(), new SuddenGainsAndLossesDetector(new SuddenGainsAndLossesOptions { AbsoluteChange = 5 }));
        var rules = new AlertRules().Evaluate(srs, findings).Select(a => a.Rule).Distinct().ToList();
        Assert.Contains(AlertRules.BelowCutoffRule, rules);
        Assert.Contains(AlertRules.DropFromPreviousRule, rules);
        Assert.Contains(AlertRules.UnrepairedRuptureRule, rules);
        Assert.Contains(AlertRules.SuddenLossRule, rules);
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
        Episode therapist = TrendTestData.Series(1, new double[] { 37, 30, 39 }, perspective: Perspective.Therapist);
        var rules = new AlertRules(new AlertOptions { DiscrepancyThreshold = 5 });
        Alert alert = Assert.Single(rules.Evaluate(client, Array.Empty<TrendFinding>(), therapist));
        Assert.Equal((AlertRules.DiscrepancyRule, 2), (alert.Rule, alert.Sessions.Single()));
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
        var areas = FoundingPracticesGuidance.Instance.Suggest(context);
        Assert.Equal(new[] { ImprovementPractice.HonestCommunication, ImprovementPractice.JointGoals }, areas.Select(a => a.Practice));
        Assert.Equal("sincerity", areas[0].Trigger);
        Assert.All(areas, a => Assert.StartsWith("Consider", a.Prompt, StringComparison.Ordinal));
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
        Episode therapist = TrendTestData.Series(1, new double[] { 30, 42, 41, 43, 33, 42, 44 }, perspective: Perspective.Therapist);
        var discrepancy = new AlertRules(new AlertOptions { DiscrepancyThreshold = 5, BelowCutoff = false, DropFromPrevious = false, UnrepairedRupture = false, DecliningSlope = false, SuddenLoss = false })
            .Evaluate(client, Array.Empty<TrendFinding>(), therapist);
        Assert.Equal(AlertRules.DiscrepancyRule, Assert.Single(discrepancy).Rule);
        Assert.Empty(FoundingPracticesGuidance.Instance.Suggest(new GuidanceContext(Array.Empty<DimensionScore>(), Array.Empty<TrendFinding>(), discrepancy)));

        var ruptures = new RuptureRepairDetector(new RuptureRepairOptions { RepairWindow = 2 }).Detect(client).Findings;
        FocusArea area = Assert.Single(FoundingPracticesGuidance.Instance.Suggest(new GuidanceContext(Array.Empty<DimensionScore>(), ruptures, discrepancy)));
        Assert.Equal((ImprovementPractice.OpennessToCriticism, "rupture-repair"), (area.Practice, area.Trigger));
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
        Assert.Equal("1.0", report.ToDocument().SchemaVersion);
        Assert.DoesNotContain("\"e\"", report.ToString());
    }

    [Fact]
    public void Json_RoundTripsWithAStableSchema()
    {
        AllianceReport report = Report();
        string json = report.ToJson();
        Assert.Contains("\"schemaVersion\": \"1.0\"", json);
        AllianceReportDocument back = AllianceReportDocument.FromJson(json).AsT0;
        Assert.Equal(json, back.ToJson());
        Assert.Equal(report.Findings.Length, back.Findings.Length);
        Assert.Equal(report.ToDocument().Sessions.ToArray(), back.Sessions.ToArray());
        Assert.Equal(report.Findings.Select(f => f.Code), back.Findings.Select(f => f.Type));
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
        Assert.Equal(new[] { "trajectory", "rupture-repair" }, report.Skipped.Select(s => s.DetectorName));
        Assert.Throws<ArgumentException>("detectors", () => new EpisodeAnalyzer(new ITrendDetector[] { new TrajectoryDetector(), new TrajectoryDetector() }));
    }
}
