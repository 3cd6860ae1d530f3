using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using TherapeuticAlliance.Guidance;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Trends;

/// <summary>A detector, finding and alert rule written outside the library work exactly like the built-ins (issue 12, the trend seam).</summary>
public class TrendSeamTests
{
    /// <summary>A site's own finding: a session whose score is the lowest of the episode so far.</summary>
    internal sealed class NewLowFinding : TrendFinding
    {
        public NewLowFinding(int session, double score)
            : base(NewLowDetector.DetectorName, new[] { session }, new[] { new KeyValuePair<string, double>("after", 2) }) => Score = score;

        public double Score { get; }

        public override string Code => "new-low";

        public override ImmutableSortedDictionary<string, double> Values => Map(("score", Score));

        public override string Summary => $"Session {Sessions[0]}: the lowest score so far ({Format(Score)}).";
    }

    internal sealed class NewLowDetector : ITrendDetector
    {
        public const string DetectorName = "site-new-low";

        public string Name => DetectorName;

        public string Version => "1.0";

        public DetectionResult Detect(Episode episode)
        {
            var findings = ImmutableArray.CreateBuilder<TrendFinding>();
            decimal lowest = decimal.MaxValue;
            foreach (AllianceScore score in episode.Scores)
            {
                if (score.Value < lowest && lowest != decimal.MaxValue)
                {
                    findings.Add(new NewLowFinding(score.Occasion.SessionNumber, (double)score.Value));
                }

                lowest = Math.Min(lowest, score.Value);
            }

            return new Detection(Name, Version, findings.ToImmutable());
        }
    }

    /// <summary>A site's own alert rule over its own finding, signalling strain.</summary>
    internal sealed class NewLowAlertRule : IAlertRule
    {
        public string Name => "site-new-low-alert";

        public IEnumerable<Alert> Evaluate(AlertContext context) =>
            context.Findings.OfType<NewLowFinding>().Select(f => new Alert(Name, f.Sessions, "A new lowest score.", signalsStrain: true));
    }

    private static Episode Series() => TrendTestData.Srs(39, 39.5, 38, 39, 37.5);

    [Fact]
    public void ADetectorAndAlertRuleOfYourOwn_FindAlertAndProduceAFocusArea_InTheReportAndItsJson()
    {
        // Only the site's detector and rule, so nothing built in can be what fired.
        var analyzer = new EpisodeAnalyzer(new ITrendDetector[] { new NewLowDetector() }, new AlertRules(new IAlertRule[] { new NewLowAlertRule() }));
        AllianceReport report = analyzer.Analyze(Series());
        Assert.Equal(new[] { ("new-low", 3), ("new-low", 5) }, report.Findings.Select(f => (f.Code, f.Sessions[0])));
        Assert.Equal(new[] { "site-new-low-alert", "site-new-low-alert" }, report.Alerts.Select(a => a.Rule));
        FocusArea focus = Assert.Single(report.Guidance, g => g.Practice == ImprovementPractice.OpennessToCriticism);
        Assert.Equal("site-new-low-alert", focus.Trigger);

        string json = report.ToJson();
        Assert.Contains("\"type\": \"new-low\"", json);
        Assert.Contains("\"rule\": \"site-new-low-alert\"", json);
        Assert.True(AllianceReportDocument.FromJson(json).IsT0);
    }

    [Fact]
    public void ThroughDI_YourRuleJoinsTheBuiltIns_AndABuiltInDetectorWithOtherOptionsReplacesTheDefault()
    {
        using ServiceProvider services = new ServiceCollection()
            .AddTherapeuticAlliance()
            .AddTrendDetector(new NewLowDetector())
            .AddAlertRule(new NewLowAlertRule())
            .AddTrendDetector(new RuptureRepairDetector(RuptureRepairOptions.OneStandardDeviation))
            .Services.BuildServiceProvider();
        EpisodeAnalyzer analyzer = services.GetRequiredService<EpisodeAnalyzer>();
        AllianceReport report = analyzer.Analyze(Series());
        Assert.Contains(report.Alerts, a => a.Rule == "site-new-low-alert");
        Assert.DoesNotContain(report.Alerts, a => a.Rule == AlertRules.DropFromPreviousRule);   // opt-in since issue 26
        Assert.Contains(report.Findings, f => f.Code == "new-low");

        // The rupture detector the analyzer runs is the one registered with m = 1, not the default m = 2.
        Episode deepDrop = TrendTestData.Srs(38, 38.5, 38, 38.5, 38, 38.5, 38, 38.5, 26, 26.5, 27);
        Assert.Equal(1.0, analyzer.Analyze(deepDrop).Findings.First(f => f.Code == "rupture").Parameters["m"]);
        // The default raises m = 2 to hold 5 % false alarms over the episode's 10 drops from a mean of 3 scores, judged by
        // the client's own scale from 8 changes: Student's t with 16 df, t(1 − .05/10) · √((1 + 1/3)/2) = 2.921 · 0.8165 = 2.385.
        Assert.Equal(MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, 16, 1 - (0.05 / 10)) * Math.Sqrt(2.0 / 3.0), EpisodeAnalyzer.Default.Analyze(deepDrop).Findings.First(f => f.Code == "rupture").Parameters["m"], 9);
    }

    [Fact]
    public void TheAnalyzer_RunsTheRegisteredDetectors_ResolvedByName()
    {
        // Registered through the public call the built-ins take (issue 25: the analyzer no longer scans the collection
        // at resolve time for keyed detectors registered around the library).
        var services = new ServiceCollection();
        services.AddTherapeuticAlliance().AddTrendDetector(new NewLowDetector());
        using ServiceProvider provider = services.BuildServiceProvider();
        EpisodeAnalyzer analyzer = provider.GetRequiredService<EpisodeAnalyzer>();
        Assert.Equal(new[] { "trajectory", "rupture-repair", "feedback-rules", "reliable-change", NewLowDetector.DetectorName }, analyzer.Detectors.Select(d => d.Name));
        Assert.Contains(analyzer.Analyze(Series()).Findings, f => f.Code == "new-low");
        Assert.Same(provider.GetRequiredKeyedService<ITrendDetector>("trajectory"), analyzer.Detectors[0]);
    }

    [Fact]
    public void AlertRules_AreAnOrderedSetOfNamedRules()
    {
        var rules = new AlertRules();
        Assert.Equal(new[] { "below-cutoff", "unrepaired-rupture", "declining-slope", "sudden-loss", "reliable-deterioration" }, rules.Rules.Select(r => r.Name));
        Assert.Equal("drop-from-previous", new AlertRules(new AlertOptions { DropFromPrevious = true }).Rules[1].Name);   // opt-in since issue 26
        Assert.Equal("perspective-discrepancy", new AlertRules(new AlertOptions { DiscrepancyThreshold = 3 }).Rules.Last().Name);
        AlertRules replaced = rules.With(new DecliningSlopeAlertRule(0.01));
        Assert.Equal(0.01, Assert.IsType<DecliningSlopeAlertRule>(replaced.Rules[2]).Alpha);
        Assert.Equal(6, rules.With(new NewLowAlertRule()).Rules.Length);
        Assert.Throws<ArgumentException>("rules", () => new AlertRules(new IAlertRule[] { new NewLowAlertRule(), new NewLowAlertRule() }));
        ImmutableArray<Alert> builtIn = new AlertRules(new AlertOptions { DropFromPrevious = true }).Evaluate(Series(), new FeedbackRulesDetector().Detect(Series()).AsT0.Findings);
        Assert.NotEmpty(builtIn);
        Assert.All(builtIn, a => Assert.True(a.SignalsStrain));
        Assert.False(new Alert("r", new[] { 1 }, "m").SignalsStrain);
        Assert.Throws<ArgumentException>("rule", () => new Alert(" ", new[] { 1 }, "m"));
    }
}

/// <summary>Options validation reports every problem at once, each with its property's name (issue 12).</summary>
public class OptionsValidationTests
{
    [Fact]
    public void EveryBrokenRule_IsReported_WithItsPropertysName()
    {
        ArgumentException error = Assert.Throws<ArgumentException>("options", () => new RuptureRepairDetector(new RuptureRepairOptions { DropInStandardDeviations = -1, RepairWindow = 0 }));
        Assert.Contains("2 problems", error.Message);
        Assert.Contains("DropInStandardDeviations", error.Message);
        Assert.Contains("RepairWindow", error.Message);

        ArgumentException suddenShift = Assert.Throws<ArgumentException>("options", () => new SuddenGainsAndLossesDetector(new SuddenGainsAndLossesOptions { StandardDeviation = -2, Reliability = 1.5, Alpha = 2 }));
        Assert.Contains("Alpha", suddenShift.Message);
        Assert.Contains("StandardDeviation must be positive", suddenShift.Message);

        ArgumentException alerts = Assert.Throws<ArgumentException>("options", () => new AlertRules(new AlertOptions { DecliningSlopeAlpha = 0, DiscrepancyThreshold = -1 }));
        Assert.Contains("DecliningSlopeAlpha", alerts.Message);
        Assert.Contains("DiscrepancyThreshold", alerts.Message);
    }
}

public class RegistrationOptionsValidationTests
{
    [Fact]
    public void AddTherapeuticAlliance_ReportsEveryBadOption_NamingTheFirst()
    {
        var services = new ServiceCollection();
        ArgumentException error = Assert.Throws<ArgumentException>(() => services.AddTherapeuticAlliance(o =>
        {
            o.DefaultScoringStrategy = "has space";
            o.Alerts = new AlertOptions { DiscrepancyThreshold = -1 };
        }));
        Assert.Equal("DefaultScoringStrategy", error.ParamName);
        Assert.Contains("DefaultScoringStrategy: ", error.Message);
        Assert.Contains("Alerts: ", error.Message);
        Assert.Contains("DiscrepancyThreshold", error.Message);
    }
}
