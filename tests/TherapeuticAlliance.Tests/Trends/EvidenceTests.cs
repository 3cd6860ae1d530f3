using System.Collections.Immutable;
using TherapeuticAlliance.Charts;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Trends;

/// <summary>
/// Issue 25, typed evidence: built-in alert rules and the chart read a public contract, not one built-in detector's
/// class, so a site's own rupture rule feeds them, and the below-cutoff alert reads the scores' own flags.
/// </summary>
public sealed class EvidenceTests
{
    /// <summary>A site's own rupture: any drop of 5 points or more, repaired when a later score is back within 1 point.</summary>
    private sealed class SiteRupture : TrendFinding, IRuptureEvidence
    {
        public SiteRupture(int start, int trough, double before, int? repair)
            : base(SiteRuptureDetector.DetectorName, new[] { start, trough }, Array.Empty<KeyValuePair<string, double>>())
        {
            StartSession = start;
            TroughSession = trough;
            Before = before;
            RepairSession = repair;
        }

        public override string Code => "site-rupture";

        public int StartSession { get; }

        public int TroughSession { get; }

        public double Before { get; }

        public int? RepairSession { get; }

        public double RepairTolerance => 1.0;

        public bool HigherIsBetter => true;

        public override ImmutableSortedDictionary<string, double> Values => Map(("before", Before));

        public override string Summary => $"A drop of 5 points or more after session {StartSession}.";
    }

    private sealed class SiteRuptureDetector : ITrendDetector
    {
        public const string DetectorName = "site-rupture-rule";

        public string Name => DetectorName;

        public string Version => "1.0";

        public DetectionResult Detect(Episode episode)
        {
            var findings = ImmutableArray.CreateBuilder<TrendFinding>();
            for (int i = 1; i < episode.Count; i++)
            {
                double before = (double)episode.Scores[i - 1].Value;
                if (before - (double)episode.Scores[i].Value >= 5)
                {
                    int? repair = episode.Scores.Skip(i + 1).FirstOrDefault(s => (double)s.Value >= before - 1.0)?.Occasion.SessionNumber;
                    findings.Add(new SiteRupture(episode.Scores[i - 1].Occasion.SessionNumber, episode.Scores[i].Occasion.SessionNumber, before, repair));
                }
            }

            return new Detection(Name, Version, findings.ToImmutable());
        }
    }

    [Fact]
    public void ASitesRuptureDetector_FeedsTheBuiltInUnrepairedRuptureAlert_AndTheChartsMarks()
    {
        // Only the site's detector: nothing built in can be what found the rupture.
        var analyzer = new EpisodeAnalyzer(new ITrendDetector[] { new SiteRuptureDetector() });
        AllianceReport unrepaired = analyzer.Analyze(TrendTestData.Srs(38, 39, 33, 34, 34.5));
        Alert alert = Assert.Single(unrepaired.Alerts, a => a.Code == AlertRules.UnrepairedRuptureRule);
        Assert.Equal(AlertSeverity.Act, alert.Severity);
        Assert.Contains("A drop of 5 points or more after session 2.", alert.Message, StringComparison.Ordinal);
        LineChart chart = unrepaired.ToLineChart();
        Assert.Contains(chart.Annotations, a => a.Label == "rupture" && a.Point.X == 3);

        AllianceReport repaired = analyzer.Analyze(TrendTestData.Srs(38, 39, 33, 38.5, 39));
        Assert.DoesNotContain(repaired.Alerts, a => a.Code == AlertRules.UnrepairedRuptureRule);
        Assert.Contains(repaired.ToLineChart().Annotations, a => a.Label == "repair" && a.Point.X == 4);
    }

    [Fact]
    public void TheBelowCutoffAlert_ReadsTheScoresOwnFlags_WhateverTheFeedbackRulesDo()
    {
        // Regression: the alert found its input by FeedbackRulesDetector's class, so it vanished when the detector ran
        // with CheckCutoff = false, was replaced, or was not registered.
        Episode low = TrendTestData.Srs(38, 37, 35, 34.5);
        static bool BelowCutoff(AllianceReport r) => r.Alerts.Any(a => a.Code == AlertRules.BelowCutoffRule);
        Assert.True(BelowCutoff(EpisodeAnalyzer.Default.Analyze(low)));
        Assert.True(BelowCutoff(new EpisodeAnalyzer(new ITrendDetector[] { new FeedbackRulesDetector(new FeedbackRulesOptions { CheckCutoff = false }) }).Analyze(low)));
        Assert.True(BelowCutoff(new EpisodeAnalyzer(Array.Empty<ITrendDetector>()).Analyze(low)));
        Assert.False(BelowCutoff(new EpisodeAnalyzer(Array.Empty<ITrendDetector>()).Analyze(TrendTestData.Srs(38, 37, 36, 36.5))));
    }

    /// <summary>A site's own findings of every other evidence kind, made up for the test: each built-in rule must alert on its kind.</summary>
    private sealed class SiteEvidence : TrendFinding, ITrajectoryEvidence, IReliableChangeEvidence, ISuddenChangeEvidence, IPracticeRuleEvidence
    {
        public SiteEvidence(IEnumerable<int> sessions)
            : base("site-evidence", sessions, Array.Empty<KeyValuePair<string, double>>())
        {
        }

        public override string Code => "site-evidence";

        public double Slope => -2.0;

        public double SlopeStandardError => 0.1;

        public ChangeDirection Direction => ChangeDirection.Deteriorated;

        public SuddenChangeKind Kind => SuddenChangeKind.Loss;

        PracticeRule IPracticeRuleEvidence.Kind => PracticeRule.DropFromPrevious;

        public int PreSession => Sessions[^2];

        public int PostSession => Sessions[^1];

        public override ImmutableSortedDictionary<string, double> Values => Map(("slope", Slope));

        public override string Summary => "The site's own evidence.";
    }

    private sealed class SiteEvidenceDetector : ITrendDetector
    {
        public string Name => "site-evidence";

        public string Version => "1.0";

        public DetectionResult Detect(Episode episode) =>
            new Detection(Name, Version, ImmutableArray.Create<TrendFinding>(
                new SiteEvidence(episode.Scores.Select(s => s.Occasion.SessionNumber)),
                new SiteEvidence(episode.Scores.Skip(episode.Count - 2).Select(s => s.Occasion.SessionNumber))));   // a drop: the previous session, then the latest
    }

    [Fact]
    public void ASitesFindings_FeedEveryBuiltInRuleThatReadsEvidence()
    {
        var analyzer = new EpisodeAnalyzer(new ITrendDetector[] { new SiteEvidenceDetector() }, new AlertRules(new AlertOptions { DropFromPrevious = true }));
        string[] alliance = analyzer.Analyze(TrendTestData.Srs(39, 39.5, 39, 39.5)).Alerts.Select(a => a.Code).ToArray();
        Assert.Contains(AlertRules.DecliningSlopeRule, alliance);
        Assert.Contains(AlertRules.SuddenLossRule, alliance);
        Assert.Contains(AlertRules.DropFromPreviousRule, alliance);
        Assert.Contains(AlertRules.ReliableDeteriorationRule, analyzer.Analyze(TrendTestData.Ors(20, 21, 22, 23)).Alerts.Select(a => a.Code));
    }

    [Fact]
    public void TheBuiltInFindings_CarryTheirRulesNumbersAsTypedMembers_ThatTheParametersOnlyList()
    {
        // Issue 25, part 4: summaries and rules read typed members; Parameters lists the same numbers for tables.
        Episode srs = TrendTestData.Srs(38, 37, 38, 30, 31, 37, 36, 29, 28, 27, 40, 39);
        var ruptures = new RuptureRepairDetector().Detect(srs).Findings.OfType<RuptureFinding>()
            .Concat(new RuptureRepairDetector().Detect(TrendTestData.Srs(38, 37, 38, 37.5, 30, 31, 37, 38, 37.5, 38)).Findings.OfType<RuptureFinding>())
            .Concat(new RuptureRepairDetector(RuptureRepairOptions.TwoStandardDeviations with { ReferenceStandardDeviation = 0.5, Reliability = 0.9 }).Detect(srs).Findings.OfType<RuptureFinding>())
            .ToList();
        Assert.Contains(ruptures, r => r.Criterion.ReliableChangeSetThreshold);
        Assert.Contains(ruptures, r => !r.Criterion.ReliableChangeSetThreshold);
        foreach (RuptureFinding rupture in ruptures)
        {
            RuptureCriterion c = rupture.Criterion;
            Assert.Equal(c.Multiplier, rupture.Parameters["m"]);
            Assert.Equal(c.StandardDeviation, rupture.Parameters["sd"]);
            Assert.Equal(c.ReliableChange, rupture.Parameters["reliable-change"]);
            Assert.Equal(c.RepairTolerance, rupture.Parameters["repair-tolerance"]);
            Assert.Equal(c.Window, rupture.Parameters["k"]);
            Assert.Equal((int)c.SdBasis, rupture.Parameters["sd-basis"]);
            Assert.Equal((int)c.Variability, rupture.Parameters["variability"]);
            Assert.Equal(c.HigherIsBetter ? 1 : 0, rupture.Parameters["higher-is-better"]);
            Assert.Equal(c.IntraIndividualSd ?? double.NaN, rupture.Parameters["intra-sd"]);
            Assert.Equal(c.ReferenceSd ?? double.NaN, rupture.Parameters["reference-sd"]);
            Assert.Equal(c.RepairTolerance, rupture.RepairTolerance);
            Assert.Equal(c.ReliableChange >= c.Multiplier * c.StandardDeviation, c.ReliableChangeSetThreshold);
            Assert.Contains(c.ReliableChangeSetThreshold ? "the reliable-change value" : "× ", rupture.Summary, StringComparison.Ordinal);
        }

        var rules = new FeedbackRulesDetector().Detect(srs).Findings.OfType<PracticeRuleFinding>().ToList();
        Assert.Contains(rules, r => r.Kind == PracticeRule.DropFromPrevious && r.RuleThreshold == 1.0 && r.Parameters["d"] == 1.0 && r.Summary.Contains("at least 1 point", StringComparison.Ordinal));
        Assert.Contains(rules, r => r.Kind == PracticeRule.BelowCutoff && r.RuleThreshold == r.Parameters["threshold"]);
        Assert.All(rules, r => Assert.Equal(r.RuleThreshold, Assert.Single(r.Parameters).Value));

        var change = Assert.IsType<ReliableChangeFinding>(Assert.Single(new ReliableChangeDetector().Detect(TrendTestData.Ors(18, 20, 30).WithReference(new ReferenceNorm(22, 6.14, NormSource.Caller, 38))).Findings));
        Assert.Equal(25.0, change.ClinicalCutoff);
        Assert.Equal(change.Parameters["clinical-cutoff"], change.ClinicalCutoff);
        Assert.Contains("In the clinical range at intake (cutoff 25)", change.Summary, StringComparison.Ordinal);
    }
}
