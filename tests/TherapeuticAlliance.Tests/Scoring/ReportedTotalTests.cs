using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Scoring;

public class ReportedTotalTests
{
    private static KeyValuePair<string, decimal> Sub(string id, decimal value) => new(id, value);

    [Fact]
    public void SrsTotal_BecomesASumScore_MarkedAsSeenWithoutItems()
    {
        AllianceScore score = ReportedTotals.Create(AllianceInstruments.Srs, Perspective.Client, Occasion.Session(3), 36.0m).GetValueOrThrow();
        Assert.Equal((ScoreMetric.Sum, 36.0m, 0m, 40m), (score.Metric, score.Value, score.Minimum, score.Maximum));
        Assert.Equal(ScoreSource.ReportedTotal, score.Provenance.Source);
        Assert.Equal(("reported-total", "srs"), (score.Provenance.StrategyName, score.Provenance.InstrumentId));
        Assert.False(AllianceInstruments.Srs.Cutoff!.IsFlagged(score));
        Assert.True(AllianceInstruments.Srs.Cutoff!.IsFlagged(ReportedTotals.Create(AllianceInstruments.Srs, Perspective.Client, Occasion.Session(4), 35.9m).GetValueOrThrow()));
        Assert.Contains("reported total (no items seen)", score.Provenance.ToString());
        Assert.Equal(ScoreSource.Items, ScoringStrategies.Sum.Score(AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(1), 9m, 9m, 9m, 9m).GetValueOrThrow()).GetValueOrThrow().Provenance.Source);
    }

    [Fact]
    public void InvalidTotals_AreTypedErrors_ThatNameNoIdentifierOrValue()
    {
        InvalidReportedTotal range = ReportedTotals.Create(AllianceInstruments.Srs, Perspective.Client, Occasion.Session(1), 41m).AsT1;
        Assert.Equal("The total is outside its range. Record a value from 0 to 40.", range.Message);
        Assert.Contains("not on the scale's steps", ReportedTotals.Create(AllianceInstruments.Srs, Perspective.Client, Occasion.Session(1), 36.05m).AsT1.Message);
        Assert.Contains("no therapist form", ReportedTotals.Create(AllianceInstruments.Srs, Perspective.Therapist, Occasion.Session(1), 30m).AsT1.Message);
        InvalidReportedTotal unknown = ReportedTotals.Create(AllianceInstruments.WaiSr, Perspective.Client, Occasion.Session(1), 40m, new[] { Sub("MRN-4711", 10m) }).AsT1;
        Assert.Equal("Subscale total 1 names no subscale of the instrument, or one given before. Use the instrument's subscale identifiers, each once.", unknown.Message);
        Assert.DoesNotContain("4711", unknown.ToString());
        Assert.Throws<ArgumentNullException>("instrument", () => ReportedTotals.Create(null!, Perspective.Client, Occasion.Session(1), 30m));
    }

    [Fact]
    public void WaiSrSubscaleTotals_MustAddUpToTheTotal_BecauseTheSubscalesCoverEveryItemOnce()
    {
        AllianceScore score = ReportedTotals.Create(AllianceInstruments.WaiSr, Perspective.Client, Occasion.Session(2), 47m, new[] { Sub("task", 16m), Sub("bond", 15m), Sub("goal", 16m) }).GetValueOrThrow();
        Assert.Equal(new[] { ("task", 16m, 4m, 20m), ("bond", 15m, 4m, 20m), ("goal", 16m, 4m, 20m) }, score.Subscales.Select(s => (s.Dimension.Id, s.Value, s.Minimum, s.Maximum)));
        Assert.Contains("do not add up", ReportedTotals.Create(AllianceInstruments.WaiSr, Perspective.Client, Occasion.Session(2), 48m, new[] { Sub("task", 16m), Sub("bond", 15m), Sub("goal", 16m) }).AsT1.Message);
        Assert.Contains("Subscale total 2 is outside its range. Record a value from 4 to 20.", ReportedTotals.Create(AllianceInstruments.WaiSr, Perspective.Client, Occasion.Session(2), 47m, new[] { Sub("task", 16m), Sub("bond", 21m) }).AsT1.Message);

        // Some subscales only: nothing to add up.
        Assert.True(ReportedTotals.Create(AllianceInstruments.WaiSr, Perspective.Client, Occasion.Session(2), 47m, new[] { Sub("task", 16m) }).IsT0);
    }

    [Fact]
    public void ReportedTotals_FeedTrendsLikeAnyScore()
    {
        var scores = new[] { 38m, 37m, 30m, 29m }.Select((t, i) => ("E1", ReportedTotals.Create(AllianceInstruments.Srs, Perspective.Client, Occasion.Session(i + 1), t).GetValueOrThrow()));
        Episode episode = Episodes.FromScores(scores).Single().GetValueOrThrow();
        AllianceReport report = new EpisodeAnalyzer(new ITrendDetector[] { new TrajectoryDetector(), new FeedbackRulesDetector() }, new AlertRules()).Analyze(episode);
        Assert.Contains(report.Alerts, a => a.Rule == AlertRules.BelowCutoffRule);
    }
}
