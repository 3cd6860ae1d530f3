using FsCheck;
using FsCheck.Xunit;
using System.Text.RegularExpressions;
using MathNet.Numerics.Distributions;
using TherapeuticAlliance.ExpectedResponse;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.ExpectedResponse;

/// <summary>The expected-response model against R (oracle O-ETR-1, Oracles/expected-response.R), its file, its bad input.</summary>
public class ExpectedResponseModelTests
{
    private static readonly double[] Intakes = { 12, 15, 18, 20, 22, 25 };
    private static readonly double[] Slopes = { 6, 8, 4, 7, 5, 3 };
    private static readonly double[] Eps = { 0.5, -0.3, 0.2, -0.4, 0 };

    internal static AllianceScore Outcome(int session, double value, string instrument = "ors", MeasureKind measure = MeasureKind.Outcome) =>
        new(ScoreMetric.Sum, (decimal)value, -1000m, 1000m, Perspective.Client, Occasion.Session(session), default, default,
            new ScoreProvenance("sum", "1.0", instrument, "1.0", MissingDataPolicy.CompleteOnly, 0), measure: measure, reliability: 0.82);

    internal static Episode Series(string id, IEnumerable<(int Session, double Value)> scores, string instrument = "ors", MeasureKind measure = MeasureKind.Outcome) =>
        Episode.Create(id, scores.Select(s => Outcome(s.Session, s.Value, instrument, measure))).GetValueOrThrow();

    /// <summary>The oracle's six clients, sessions 1 to 5 (the R script's data frame d).</summary>
    internal static Episode[] Oracle() => Enumerable.Range(1, 6).Select(i => Series(
        "c" + i,
        Enumerable.Range(1, 5).Select(t => (t, Intakes[i - 1] + (Slopes[i - 1] * Math.Log(t)) + (t == 1 ? 0 : Eps[(t + i - 2) % 5]))))).ToArray();

    /// <summary>The oracle's fit; each score judged alone (<c>LevelWindow = 1</c>, 0.2.0's rule, what the R oracle's band is) unless the options say otherwise.</summary>
    private static ExpectedResponseModel Fit(ExpectedResponseOptions? options = null) =>
        ExpectedResponseModel.Fit(Oracle(), (options ?? new ExpectedResponseOptions { LevelWindow = 1 }) with { MinimumEpisodes = 3 }).GetValueOrThrow().Model;

    [Fact]
    public void Fit_MatchesTheRGeneratedOracleFile_ToTenDigits()
    {
        // Oracles/expected-response-expected.csv is written by Oracles/expected-response.R (R 4.2.2: lm, predict,
        // summary()$cov.unscaled, and tolerance::regtol.int's one-sided formula with qt(p, df, ncp)).
        IReadOnlyDictionary<string, double> r = TherapeuticAlliance.Tests.TestHelpers.OracleFiles.ReadExpected("expected-response-expected.csv");
        ExpectedResponseModel model = Fit();
        Assert.Equal(r["b0"], model.Intercept, 10);
        Assert.Equal(r["b1"], model.IntakeCoefficient, 10);
        Assert.Equal(r["b2"], model.LogSessionCoefficient, 10);
        Assert.Equal(r["mse"], model.ResidualVariance, 10);
        Assert.Equal(r["df"], model.DegreesOfFreedom);
        Assert.Equal(r["fit"], model.Expect(16, 4).Expected, 10);
        Assert.Equal(r["se_fit"], Math.Sqrt(model.SquaredStandardError(16, 4)), 10);
        Assert.Equal(new[] { r["cov_00"], r["cov_01"], r["cov_02"], r["cov_01"], r["cov_11"], r["cov_12"], r["cov_02"], r["cov_12"], r["cov_22"] }, model.Covariance.ToArray(), new ToleranceComparer(1e-10));
        double u = -Math.Log(model.SquaredStandardError(16, 4) / model.ResidualVariance);
        Assert.Equal(r["k90"], model.ExactToleranceFactor(u), 8);
        Assert.Equal(r["bound90"], model.Expect(16, 4).Bound, 7);
        Assert.Equal(r["k80"], Fit(new ExpectedResponseOptions { Coverage = 0.8 }).ExactToleranceFactor(u), 8);
        Assert.Equal(r["prediction_lower80"], Fit(new ExpectedResponseOptions { Band = ExpectedResponseBandKind.PredictionBound }).Expect(16, 4).Bound, 9);
    }

    [Fact]
    public void ALowerIsBetterScale_MirrorsTheBand_AndFlagsScoresAboveIt()
    {
        // The oracle's scores negated: a symptom scale where lower is better. Everything mirrors.
        Episode[] mirrored = Oracle().Select(e => Series(e.Id, e.Scores.Select(s => (s.Occasion.SessionNumber, -(double)s.Value)))).ToArray();
        ExpectedResponseModel model = ExpectedResponseModel.Fit(mirrored, new ExpectedResponseOptions { MinimumEpisodes = 3, HigherIsBetter = false }).GetValueOrThrow().Model;
        Assert.False(model.HigherIsBetter);
        Assert.Equal(-24.38315338, model.Expect(-16, 4).Expected, 7);
        Assert.Equal(-20.569511546, model.Expect(-16, 4).Bound, 6);
        Assert.False(ExpectedResponseModel.FromJson(model.ToJson()).GetValueOrThrow().HigherIsBetter);

        var detector = new NotOnTrackDetector(new[] { model });
        NotOnTrackFinding finding = detector.Detect(Series("w", new[] { (1, -16.0), (4, -19.0) })).AsT0.Findings.Cast<NotOnTrackFinding>().Single();
        Assert.Contains("above the expected response's band", finding.Summary, StringComparison.Ordinal);
        Assert.Empty(detector.Detect(Series("b", new[] { (1, -16.0), (4, -25.0) })).AsT0.Findings);
    }

    [Fact]
    public void AFitWithNoResidualVariance_IsRefused_AndPublishedParametersStayWritable()
    {
        // Scores exactly on the model: no band can be set, so no model (which could not be read back) is written.
        Episode[] exact = Enumerable.Range(0, 5).Select(i => Series("e" + i, Enumerable.Range(1, 4).Select(t => (t, t == 1 ? 10.0 + i : 2 + (0.5 * (10 + i)) + (3 * Math.Log(t)))))).ToArray();
        Assert.Equal("no-variance", ExpectedResponseModel.Fit(exact, new ExpectedResponseOptions { MinimumEpisodes = 3 }).Error!.Code);
        Assert.Throws<ArgumentException>("residualStandardDeviation", () => ExpectedResponseModel.FromParameters("ors", ScoreMetric.Sum, 1, 1, 1, 1e200));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }

    [Fact]
    public void Fit_ReproducesRsLm_AndTheToleranceBound_OracleOEtr1()
    {
        ExpectedResponseModel model = Fit();
        Assert.Equal(5.3848585640, model.Intercept, 8);
        Assert.Equal(0.7091415934, model.IntakeCoefficient, 8);
        Assert.Equal(5.5197723789, model.LogSessionCoefficient, 8);
        Assert.Equal(3.802951158, model.ResidualVariance, 8);
        Assert.Equal(21, model.DegreesOfFreedom);
        Assert.Equal((6, 24, 12.0, 25.0, 5), (model.EpisodeCount, model.ScoreCount, model.MinimumIntake, model.MaximumIntake, model.MaximumSession));

        ExpectedScore at = model.Expect(16, 4);
        Assert.Equal(24.38315338, at.Expected, 7);
        Assert.Equal(0.517322199 * 0.517322199, model.SquaredStandardError(16, 4), 8);
        Assert.Equal(1.955597752, model.ToleranceFactor(16, 4), 6);
        Assert.Equal(20.569511546, at.Bound, 6);

        ExpectedResponseModel eighty = Fit(new ExpectedResponseOptions { Coverage = 0.8 });
        Assert.Equal(1.418762035, eighty.ToleranceFactor(16, 4), 6);
        Assert.Equal(21.616403294, eighty.Expect(16, 4).Bound, 6);

        // The 80 % two-sided prediction interval's lower end is the 90 % one-sided prediction bound.
        Assert.Equal(21.71353424, Fit(new ExpectedResponseOptions { Band = ExpectedResponseBandKind.PredictionBound }).Expect(16, 4).Bound, 6);
        Assert.True(model.BandInflation > 1.3, "a 24-row history widens the band well beyond its large-sample limit");
    }

    [Fact]
    public void TheToleranceTable_AgreesWithTheExactQuantile_InsideTheHistorysBox_AndOutsideItIsExact()
    {
        // Scoring reads K from a spline of ln(n*) built once; it must agree with the root-found quantile.
        ExpectedResponseModel model = Fit();
        foreach (double intake in new[] { 12.0, 13.7, 16.0, 19.25, 22.5, 25.0 })
        {
            foreach (int session in new[] { 1, 2, 3, 4, 5, 7, 10 })
            {
                double u = -Math.Log(model.SquaredStandardError(intake, session) / model.ResidualVariance);
                Assert.Equal(model.ExactToleranceFactor(u), model.ToleranceFactor(intake, session), 7);
            }
        }

        // Far outside the history (intake 80, session 400): the exact quantile, not an extrapolated spline.
        double far = -Math.Log(model.SquaredStandardError(80, 400) / model.ResidualVariance);
        Assert.Equal(model.ExactToleranceFactor(far), model.ToleranceFactor(80, 400), 12);
    }

    [Fact]
    public void Model_ReadsBackBitForBit_AndHoldsNoClientData()
    {
        ExpectedResponseModel model = Fit();
        string json = model.ToJson();
        ExpectedResponseModel back = ExpectedResponseModel.FromJson(json).GetValueOrThrow();
        Assert.Equal(json, back.ToJson());
        Assert.Equal(
            (model.Intercept, model.IntakeCoefficient, model.LogSessionCoefficient, model.ResidualVariance),
            (back.Intercept, back.IntakeCoefficient, back.LogSessionCoefficient, back.ResidualVariance));
        Assert.Equal(model.Covariance.ToArray(), back.Covariance.ToArray());
        Assert.Equal(model.Expect(16, 4), back.Expect(16, 4));
        Assert.DoesNotContain("\"c1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"intake-log-session\"", json, StringComparison.Ordinal);

        ExpectedResponseModel published = ExpectedResponseModel.FromParameters("ors", ScoreMetric.Sum, 5, 0.7, 5.5, 2.0);
        Assert.Equal(published.Expect(16, 4), ExpectedResponseModel.FromJson(published.ToJson()).GetValueOrThrow().Expect(16, 4));
        Assert.Equal(5 + (0.7 * 16) + (5.5 * Math.Log(4)) - (Normal.InvCDF(0, 1, 0.9) * 2.0), published.Expect(16, 4).Bound, 12);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"schemaVersion\": \"2.0\", \"kind\": \"intake-log-session\"}")]
    [InlineData("{\"schemaVersion\": \"1.0\", \"kind\": \"nearest-neighbours\"}")]
    [InlineData("{\"schemaVersion\": \"1.0\", \"kind\": \"intake-log-session\", \"unknown\": 1}")]
    public void BadModelFiles_AreTypedErrors(string json)
    {
        ExpectedResponseModelResult result = ExpectedResponseModel.FromJson(json);
        Assert.False(result.IsSuccess);
        Assert.Equal("invalid-expected-response-model", result.Error!.Code);
    }

    [Fact]
    public void ATamperedModel_IsRefused_NeverPartlyRead()
    {
        string json = Fit().ToJson();
        Assert.False(ExpectedResponseModel.FromJson(json.Replace("\"coverage\": 0.9", "\"coverage\": 1.5", StringComparison.Ordinal)).IsSuccess);
        Assert.False(ExpectedResponseModel.FromJson(json.Replace("\"schemaVersion\": \"1.0\"", "\"schemaVersion\": \"1.2\"", StringComparison.Ordinal)).IsSuccess);
        Assert.Contains("schema version", ExpectedResponseModel.FromJson(json.Replace("\"schemaVersion\": \"1.0\"", "\"schemaVersion\": \"1.2\"", StringComparison.Ordinal)).Error!.Message, StringComparison.Ordinal);

        // The level rule: only under schema 1.1, with a window of 2 to 10 and a finite edge.
        string level = Fit(new ExpectedResponseOptions()).ToJson();
        Assert.Contains("\"schemaVersion\": \"1.1\"", level, StringComparison.Ordinal);
        Assert.True(ExpectedResponseModel.FromJson(level).IsSuccess);
        Assert.False(ExpectedResponseModel.FromJson(level.Replace("\"schemaVersion\": \"1.1\"", "\"schemaVersion\": \"1.0\"", StringComparison.Ordinal)).IsSuccess);
        Assert.False(ExpectedResponseModel.FromJson(level.Replace("\"window\": 3", "\"window\": 11", StringComparison.Ordinal)).IsSuccess);
        Assert.False(ExpectedResponseModel.FromJson(level.Replace("\"window\": 3", "\"window\": 1", StringComparison.Ordinal)).IsSuccess);
        Assert.False(ExpectedResponseModel.FromJson(Regex.Replace(level, "\"bound\": [^,\n]+", "\"bound\": 1e10")).IsSuccess);
        Assert.False(ExpectedResponseModel.FromJson(Regex.Replace(level, "\"bound\": [^,\n]+", "\"bound\": \"x\"")).IsSuccess);
    }

    [Fact]
    public void TheLevelRule_Edge_IsRsType7QuantileOfTheMeanOfEachClientsLastResiduals_OnOracleOEtr1()
    {
        // R 4.2.2 on oracle O-ETR-1 (the fit of Oracles/expected-response.R):
        //   d2$r <- residuals(fit); m <- unlist(lapply(split(sign * d2$r, d2$client), function(r)
        //     sapply(seq_along(r), function(j) mean(r[max(1, j - k + 1):j])))); quantile(m, 0.10, type = 7)
        // gives −1.7215148621781857 (k = 3), −2.0494647266731083 (k = 3, sign = −1: lower is better), −1.8394785318778499 (k = 2).
        ExpectedResponseModel three = Fit(new ExpectedResponseOptions());
        Assert.Equal(3, three.LevelWindow);
        Assert.Equal(-1.7215148621781857, three.LevelBound, 12);
        Assert.Equal(-2.0494647266731083, Fit(new ExpectedResponseOptions { HigherIsBetter = false }).LevelBound, 12);
        Assert.Equal(-1.8394785318778499, Fit(new ExpectedResponseOptions { LevelWindow = 2 }).LevelBound, 12);

        // The window changes only the rule: the coefficients, variance and band for a new client are 0.2.0's.
        ExpectedResponseModel single = Fit();
        Assert.Equal((1, true), (single.LevelWindow, double.IsNaN(single.LevelBound)));
        Assert.Equal((single.Intercept, single.IntakeCoefficient, single.LogSessionCoefficient, single.ResidualVariance), (three.Intercept, three.IntakeCoefficient, three.LogSessionCoefficient, three.ResidualVariance));
        Assert.Equal(single.Expect(16, 4), three.Expect(16, 4));
        Assert.Contains("mean of their last 3 residuals", three.Describe(), StringComparison.Ordinal);

        // Written as schema 1.1 and read back bit for bit; a single-score model stays 1.0, which 0.2.0 reads.
        ExpectedResponseModel back = ExpectedResponseModel.FromJson(three.ToJson()).GetValueOrThrow();
        Assert.Equal((3, three.LevelBound), (back.LevelWindow, back.LevelBound));
        Assert.Contains("\"schemaVersion\": \"1.0\"", single.ToJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"level\"", single.ToJson(), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("options", () => Fit(new ExpectedResponseOptions { LevelWindow = 0 }));
        Assert.Throws<ArgumentException>("options", () => Fit(new ExpectedResponseOptions { LevelWindow = 11 }));
    }

    [Fact]
    public void TheLevelRule_JudgesTheMeanOfTheLastThree_SoOneLowScoreIsNotAnAlert_AndARunIs()
    {
        ExpectedResponseModel model = Fit(new ExpectedResponseOptions());
        var detector = new NotOnTrackDetector(new[] { model });

        // Intake 16: one score 4 points under the path at session 4, the others on it: the mean is −4/3 > −1.72.
        double Path(int t) => model.Expect(16, t).Expected;
        Episode oneLow = Series("one", new[] { (1, 16.0), (2, Path(2)), (3, Path(3)), (4, Path(4) - 4.0), (5, Path(5)) });
        Assert.Empty(detector.Detect(oneLow).AsT0.Findings);

        // Two points under it at sessions 3, 4 and 5. The mean of the last residuals is −1 at session 3 (sessions 2 and 3)
        // and −4/3 at session 4, inside the edge −1.72; at session 5 (sessions 3, 4, 5) it is −2, beyond. The edge on
        // session 5's score is ŷ(5) + 3·LevelBound + 4 (the two earlier residuals, −2 each, taken away).
        Episode run = Series("run", new[] { (1, 16.0), (2, Path(2)), (3, Path(3) - 2.0), (4, Path(4) - 2.0), (5, Path(5) - 2.0) });
        var findings = detector.Detect(run).AsT0.Findings.Cast<NotOnTrackFinding>().ToList();
        Assert.Equal(new[] { 5 }, findings.Select(f => f.Sessions[0]));
        Assert.Equal(Path(5) + (3 * model.LevelBound) + 4.0, model.Expect(run, 5).Bound, 9);
        Assert.Equal(Path(5), model.Expect(run, 5).Expected, 12);
    }

    [Property(MaxTest = 300)]
    public bool TheLevelRule_EdgeOnTheScore_IsExactlyTheMeanResidualRule(NormalFloat a, NormalFloat b, NormalFloat c, NormalFloat d, bool higherIsBetter, PositiveInt window)
    {
        // Law: the score at the last session is beyond Expect(episode, session).Bound exactly when the mean of the
        // client's last k residuals (signed toward better, this session's included) is below LevelBound.
        ExpectedResponseModel model = Fit(new ExpectedResponseOptions { HigherIsBetter = higherIsBetter, LevelWindow = 1 + (window.Get % 5) });
        double[] offsets = new[] { a.Get, b.Get, c.Get, d.Get }.Select(x => Math.Clamp(x, -15.0, 15.0)).ToArray();
        (int Session, double Score)[] scores = new[] { (1, 16.0) }.Concat(offsets.Select((o, i) => (i + 2, model.Expect(16, i + 2).Expected + o))).ToArray();
        Episode episode = Series("p", scores);
        ExpectedScore edge = model.Expect(episode, 5);
        double direction = higherIsBetter ? 1.0 : -1.0;
        double mean = offsets.Skip(4 - Math.Min(4, model.LevelWindow)).Average(o => direction * o);
        if (model.LevelWindow == 1 || Math.Abs(mean - model.LevelBound) < 1e-9)
        {
            return true;
        }

        bool beyond = higherIsBetter ? scores[4].Score < edge.Bound : scores[4].Score > edge.Bound;
        return beyond == (mean < model.LevelBound);
    }

    [Fact]
    public void BadHistories_AreTypedErrorsSayingWhatToDo()
    {
        Assert.Equal("too-few-episodes", ExpectedResponseModel.Fit(Oracle()).Error!.Code);   // 6 < 20 by default
        Assert.Contains("at least 20", ExpectedResponseModel.Fit(Oracle()).Error!.Message, StringComparison.Ordinal);
        Episode[] alliance = Enumerable.Range(1, 5).Select(i => Series("a" + i, new[] { (1, 30.0), (2, 31.0) }, "srs", MeasureKind.Alliance)).ToArray();
        Assert.Equal("not-an-outcome-measure", ExpectedResponseModel.Fit(alliance, new ExpectedResponseOptions { MinimumEpisodes = 3 }).Error!.Code);
        Episode[] mixed = Oracle().Append(Series("x", new[] { (1, 20.0), (2, 22.0) }, "other")).ToArray();
        Assert.Equal("mixed-instruments", ExpectedResponseModel.Fit(mixed, new ExpectedResponseOptions { MinimumEpisodes = 3 }).Error!.Code);
        Assert.Throws<ArgumentException>("options", () => ExpectedResponseModel.Fit(Oracle(), new ExpectedResponseOptions { Coverage = 1.0 }));

        // Episodes without an intake or a later session are left out by position, with the reason; the rest fit.
        Episode[] withGaps = Oracle()
            .Append(Series("no-intake", new[] { (2, 20.0), (3, 22.0) }))
            .Append(Series("intake-only", new[] { (1, 20.0) }))
            .ToArray();
        ExpectedResponseFit fit = ExpectedResponseModel.Fit(withGaps, new ExpectedResponseOptions { MinimumEpisodes = 3 }).GetValueOrThrow();
        Assert.Equal(6, fit.EpisodesUsed);
        Assert.Equal(new[] { 6, 7 }, fit.Excluded.Select(e => e.Index));
        Assert.Contains("intake", fit.Excluded[0].Reason, StringComparison.Ordinal);
        Assert.Equal(Fit().Intercept, fit.Model.Intercept, 12);
    }

    [Fact]
    public void TheDetector_MarksSessionsBelowTheBand_AndTheAlertRuleRaisesTheState()
    {
        ExpectedResponseModel model = Fit();
        var detector = new NotOnTrackDetector(new[] { model });

        // Intake 16: expected at session 4 is 24.38, the band 20.57. A client at 19 and 18 at sessions 4 and 5 is not on track.
        Episode behind = Series("b", new[] { (1, 16.0), (2, 20.0), (3, 22.0), (4, 19.0), (5, 18.0) });
        var findings = detector.Detect(behind).AsT0.Findings.Cast<NotOnTrackFinding>().ToList();
        Assert.Equal(new[] { 4, 5 }, findings.Select(f => f.Sessions[0]));
        Assert.Equal(model.Expect(16, 4), findings[0].Expected);
        Assert.StartsWith("Session 4: 19 points, below the expected response's band at 20.57 points (expected 24.383 for an intake of 16; 90 % band)", findings[0].Summary, StringComparison.Ordinal);

        Alert alert = Assert.Single(new NotOnTrackAlertRule().Evaluate(new AlertContext(behind, findings)));
        Assert.Equal(("not-on-track", AlertSeverity.Act, false), (alert.Code, alert.Severity, alert.SignalsStrain));
        Assert.Equal(new[] { 4, 5 }, alert.Sessions);

        // On track: no finding and no alert. Alliance episodes, other instruments and episodes without an intake do not apply.
        Episode onTrack = Series("o", new[] { (1, 16.0), (2, 21.0), (3, 23.0), (4, 24.5), (5, 26.0) });
        Assert.Empty(detector.Detect(onTrack).AsT0.Findings);
        Assert.True(detector.Detect(Series("a", new[] { (1, 30.0), (2, 31.0) }, "srs", MeasureKind.Alliance)).IsT1);
        Assert.True(detector.Detect(Series("x", new[] { (1, 30.0), (2, 31.0) }, "other")).IsT1);
        Assert.True(detector.Detect(Series("n", new[] { (2, 30.0), (3, 31.0) })).IsT1);
        Assert.Throws<ArgumentException>("models", () => new NotOnTrackDetector(new[] { model, model }));
    }

    [Property(MaxTest = 6)]
    public bool TheBands_CoverWhatTheyPromise_OnDataDrawnFromTheModel(PositiveInt seed)
    {
        // 400 clients × sessions 1-8 from ŷ = 5 + 0.7·intake + 5·ln(t), residual SD 2; 20,000 fresh draws at the
        // 15 intake levels × 7 sessions whose bounds are computed once (the tolerance factor needs a noncentral t).
        var random = new Random(seed.Get);
        var normal = new Normal(0, 2, random);
        Episode[] history = Enumerable.Range(0, 400).Select(i =>
        {
            double intake = 10 + (20 * random.NextDouble());
            return Series("h" + i, Enumerable.Range(1, 8).Select(t => (t, t == 1 ? intake : 5 + (0.7 * intake) + (5 * Math.Log(t)) + normal.Sample())));
        }).ToArray();
        ExpectedResponseModel prediction = ExpectedResponseModel.Fit(history, new ExpectedResponseOptions { Band = ExpectedResponseBandKind.PredictionBound }).GetValueOrThrow().Model;
        ExpectedResponseModel tolerance = ExpectedResponseModel.Fit(history).GetValueOrThrow().Model;
        var bounds = new Dictionary<(int Intake, int Session), (double Prediction, double Tolerance)>();
        int belowPrediction = 0, belowTolerance = 0;
        const int Draws = 20_000;
        for (int i = 0; i < Draws; i++)
        {
            int intake = 10 + (2 * random.Next(11));
            int session = 2 + random.Next(7);
            if (!bounds.TryGetValue((intake, session), out var bound))
            {
                bounds[(intake, session)] = bound = (prediction.Expect(intake, session).Bound, tolerance.Expect(intake, session).Bound);
            }

            double score = 5 + (0.7 * intake) + (5 * Math.Log(session)) + normal.Sample();
            belowPrediction += score < bound.Prediction ? 1 : 0;
            belowTolerance += score < bound.Tolerance ? 1 : 0;
        }

        // The prediction bound leaves 10 % below it (binomial SD 0.2 %; fit uncertainty adds about as much); the
        // tolerance bound, built to cover at least 90 % with 95 % confidence, leaves no more.
        double predictionShare = (double)belowPrediction / Draws;
        double toleranceShare = (double)belowTolerance / Draws;
        return Math.Abs(predictionShare - 0.10) < 0.02 && toleranceShare < 0.11 && toleranceShare <= predictionShare;
    }

    /// <summary>Issue 26, part 6: the expected-response path started below the intake score (the model's fitted value at session 1).</summary>
    [Fact]
    public void TheChartsExpectedPath_StartsAtTheIntake_ThenFollowsTheModel()
    {
        // ŷ = 2 + 0.8·intake + 3·ln(session): at session 1 the model expects 18 for an intake of 20.
        ExpectedResponseModel model = ExpectedResponseModel.FromParameters("ors", ScoreMetric.Sum, 2, 0.8, 3, 1.5);
        Assert.Equal(18.0, model.Expect(20, 1).Expected, 12);
        Episode ors = Tests.Trends.TrendTestData.Ors(20, 21, 23, 24);
        TherapeuticAlliance.Charts.LineChart chart = Reports.AllianceCharts.ForClient(new[] { Reports.EpisodeAnalyzer.Default.Analyze(ors) }, "ORS", new[] { model });
        TherapeuticAlliance.Charts.ChartSeries expected = chart.Series.Single(s => s.Name == "Expected");
        Assert.Equal((1.0, 20.0), (expected.Points[0].X, expected.Points[0].Y));
        Assert.Equal(model.Expect(20, 2).Expected, expected.Points[1].Y, 12);
        Assert.Equal(2.0, chart.Series.Single(s => s.Name.EndsWith("band edge", StringComparison.Ordinal)).Points[0].X);
    }
}
