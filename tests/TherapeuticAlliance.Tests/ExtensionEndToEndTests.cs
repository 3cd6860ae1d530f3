using Microsoft.Extensions.DependencyInjection;
using TherapeuticAlliance.Guidance;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Tests.Scoring;
using TherapeuticAlliance.Tests.Trends;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests;

/// <summary>
/// Issue 12's first "done when": a strategy with subscales, a detector and an alert rule written outside the library,
/// registered through DI, score, find, alert and produce a focus area, and appear typed in the report and in its JSON.
/// </summary>
public class ExtensionEndToEndTests
{
    /// <summary>WAI-SR responses with <paramref name="top"/> items at the top of the scale (5) and the rest at 3.</summary>
    private static IEnumerable<ItemResponse> WaiSr(int top) =>
        AllianceInstruments.WaiSr.Items.Select((item, i) => ItemResponse.Answered(item.Id, i < top ? 5m : 3m));

    [Fact]
    public void YourStrategyDetectorAndAlertRule_ThroughDI_ScoreFindAlertAndGuide_TypedInTheReportAndItsJson()
    {
        using ServiceProvider services = new ServiceCollection()
            // The built-in alert rules are switched off, so the focus area can only come from the site's rule.
            .AddTherapeuticAlliance(o => o.Alerts = new AlertOptions { BelowCutoff = false, DropFromPrevious = false, UnrepairedRupture = false, DecliningSlope = false, SuddenLoss = false })
            .AddScoringStrategy(new UnitScoringStrategyTests.TopBoxStrategy())
            .AddTrendDetector(new TrendSeamTests.NewLowDetector())
            .AddAlertRule(new TrendSeamTests.NewLowAlertRule())
            .Services.BuildServiceProvider();

        // Score: the evaluator reaches the site's strategy by name; subscales and provenance come with the base class.
        var evaluator = services.GetRequiredService<IAllianceEvaluator>();
        int[] topBoxes = { 8, 9, 6, 7, 4 };
        AllianceScore[] scores = topBoxes
            .Select((top, i) => evaluator.Evaluate("wai-sr", Perspective.Client, Occasion.Session(i + 1), WaiSr(top), "clinic-top-box").GetValueOrThrow().Score)
            .ToArray();
        Assert.All(scores, s => Assert.Equal(("clinic-top-box", "2.1", 3), (s.Provenance.StrategyName, s.Provenance.StrategyVersion, s.Subscales.Length)));
        Assert.Equal(100m * 8 / 12, scores[0].Value);

        // Find and alert: the container's analyzer runs the site's detector and rule beside the built-ins.
        Episode episode = Episodes.FromScores(scores.Select(s => ("E1", s))).Single().GetValueOrThrow();
        AllianceReport report = services.GetRequiredService<EpisodeAnalyzer>().Analyze(episode);
        Assert.Equal(new[] { 3, 5 }, report.Findings.OfType<TrendSeamTests.NewLowFinding>().Select(f => f.Sessions[0]));
        Assert.Equal(new[] { 3, 5 }, report.Alerts.Select(a => a.Sessions[0]));
        Assert.All(report.Alerts, a => Assert.Equal("site-new-low-alert", a.Rule));
        Assert.Contains(report.Findings, f => f is TrajectoryFinding);   // the built-in detectors still ran beside the site's
        Assert.Contains(report.Guidance, g => g.Trigger == "site-new-low-alert" && g.Practice == ImprovementPractice.OpennessToCriticism);
        Assert.Equal(ScoreMetric.Pomp, report.Episode.Metric);

        // The JSON carries them as it carries the built-ins', and reads back.
        string json = report.ToJson();
        Assert.Contains("\"type\": \"new-low\"", json);
        Assert.Contains("\"rule\": \"site-new-low-alert\"", json);
        Assert.Contains("\"trigger\": \"site-new-low-alert\"", json);
        AllianceReportDocument document = AllianceReportDocument.FromJson(json).GetValueOrThrow();
        Assert.Equal(2, document.Findings.Count(f => f.Type == "new-low"));
    }
}
