using System.Collections.Immutable;
using System.Globalization;
using FsCheck;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using TherapeuticAlliance.ExpectedResponse;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Trends;
using static TherapeuticAlliance.Tests.ExpectedResponse.ExpectedResponseModelTests;

namespace TherapeuticAlliance.Tests.ExpectedResponse;

/// <summary>
/// Issue 32: the mixed expected-response model against lme4 (Oracles/multilevel/mixed-expected-response.R on the
/// multilevel oracle's sessions), its empirical-Bayes laws, its file, and the seam every model goes through.
/// </summary>
public sealed class MixedExpectedResponseModelTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Oracles", "multilevel");

    private static readonly Lazy<(Episode[] Episodes, Dictionary<string, Episode> ById)> Oracle = new(() =>
    {
        var rows = File.ReadLines(Path.Combine(Folder, "sessions.csv")).Skip(1).Select(l => l.Split(','))
            .Select(p => (Client: p[2], Session: int.Parse(p[3], CultureInfo.InvariantCulture), Ors: double.Parse(p[5], CultureInfo.InvariantCulture)));
        Episode[] episodes = rows.GroupBy(r => r.Client).Select(g => Series(g.Key, g.Select(r => (r.Session, r.Ors)))).ToArray();
        return (episodes, episodes.ToDictionary(e => e.Id, StringComparer.Ordinal));
    });

    private static readonly Lazy<IReadOnlyDictionary<string, double>> R = new(() =>
        File.ReadLines(Path.Combine(Folder, "mixed-expected-response.csv")).Skip(1).Select(l => (Name: l[..l.LastIndexOf(',')].Trim('"'), Value: l[(l.LastIndexOf(',') + 1)..]))
            .ToDictionary(p => p.Name, p => double.Parse(p.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal));

    private static readonly Lazy<MixedExpectedResponseModel> Fitted = new(() =>
        (MixedExpectedResponseModel)MixedExpectedResponseModel.Fit(Oracle.Value.Episodes, new ExpectedResponseOptions { Update = EmpiricalBayesUpdate.NextScore }).GetValueOrThrow().Model);

    private static void Close(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1.0, Math.Abs(expected)), $"{what}: R {expected:R}, here {actual:R}");

    [Fact]
    public void TheFit_MatchesLme4_FixedEffectsVarCorrSigmaAndCriterion()
    {
        MixedExpectedResponseModel model = Fitted.Value;
        IReadOnlyDictionary<string, double> r = R.Value;
        Close(r["beta[(Intercept)]"], model.FixedEffects[0], 1e-6, "intercept");
        Close(r["beta[intake]"], model.FixedEffects[1], 1e-6, "intake");
        Close(r["beta[log_session]"], model.FixedEffects[2], 1e-6, "log_session");
        Close(r["var[client:(Intercept)]"], model.ClientCovariance[0], 1e-5, "intercept variance");
        Close(r["cov[client:(Intercept),log_session]"], model.ClientCovariance[1], 1e-5, "covariance");
        Close(r["var[client:log_session]"], model.ClientCovariance[2], 1e-5, "slope variance");
        Close(r["sigma2"], model.ResidualVariance, 1e-6, "sigma2");
        Close(r["reml_criterion"], model.History.RemlCriterion, 1e-8, "REML criterion");
        Assert.Equal((int)r["nobs"], model.History.Scores);
        Assert.Equal(1521, model.History.Episodes);
        Assert.Equal(new[] { 0.0, 0.0, 0.0 }, model.TherapistCovariance.ToArray());
    }

    [Fact]
    public void ANewClientsPath_IsLme4sPredictWithoutRandomEffects_ToOneInAMillion()
    {
        foreach ((string name, double value) in R.Value.Where(kv => kv.Key.StartsWith("population[", StringComparison.Ordinal)).Select(kv => (kv.Key, kv.Value)))
        {
            string[] at = name["population[".Length..^1].Split(',');
            ExpectedScore expected = Fitted.Value.Expect(double.Parse(at[0], CultureInfo.InvariantCulture), int.Parse(at[1], CultureInfo.InvariantCulture));
            Close(value, expected.Expected, 1e-6, name);
        }
    }

    [Fact]
    public void AClientsPathFromAllTheirSessions_IsLme4sPredictWithRandomEffects_ToOneInAMillion()
    {
        MixedExpectedResponseModel model = Fitted.Value;
        int checkedRows = 0;
        foreach (var group in R.Value.Where(kv => kv.Key.StartsWith("conditional[", StringComparison.Ordinal)).GroupBy(kv => kv.Key["conditional[".Length..].Split(',')[0]))
        {
            Episode episode = Oracle.Value.ById[group.Key];
            double intake = (double)episode.Scores[0].Value;
            double b0 = model.FixedEffects[0], b1 = model.FixedEffects[1], b2 = model.FixedEffects[2];
            double s00 = 0, s01 = 0, s11 = 0, r0 = 0, r1 = 0;
            foreach (AllianceScore score in episode.Scores.Skip(1))
            {
                double x = Math.Log(score.Occasion.SessionNumber);
                double residual = (double)score.Value - (b0 + (b1 * intake) + (b2 * x));
                (s00, s01, s11, r0, r1) = (s00 + 1, s01 + x, s11 + (x * x), r0 + residual, r1 + (x * residual));
            }

            foreach (KeyValuePair<string, double> row in group)
            {
                int session = int.Parse(row.Key.Split(',')[1].TrimEnd(']'), CultureInfo.InvariantCulture);
                Close(row.Value, model.Conditional(intake, session, s00, s01, s11, r0, r1).Expected, 1e-6, row.Key);
                checkedRows++;
            }
        }

        Assert.True(checkedRows >= 20);
    }

    [Fact]
    public void AfterKSessions_TheUpdatedPathAndItsSd_AreLme4sBlupOnThoseSessions_ToOneInAMillion()
    {
        MixedExpectedResponseModel model = Fitted.Value;
        double z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, model.Coverage);
        int count = 0;
        foreach (KeyValuePair<string, double> row in R.Value.Where(kv => kv.Key.StartsWith("after[", StringComparison.Ordinal)))
        {
            string[] at = row.Key["after[".Length..^1].Split(',');
            Episode episode = Oracle.Value.ById[at[0]];
            int k = int.Parse(at[1], CultureInfo.InvariantCulture);
            int next = episode.Scores[k + 1].Occasion.SessionNumber;
            ExpectedScore expected = model.Expect(episode, next);
            Close(row.Value, expected.Expected, 1e-6, row.Key);
            Close(R.Value["after_sd[" + at[0] + "," + at[1] + "]"], (expected.Expected - expected.Bound) / z, 1e-6, "sd " + row.Key);
            count++;
        }

        Assert.True(count >= 10);
    }

    [Property(MaxTest = 60)]
    public bool EarlierScoresExactlyOnThePopulationPath_LeaveThePathAndNarrowTheBand(PositiveInt sessionsSeed, NormalFloat intakeSeed)
    {
        MixedExpectedResponseModel model = Fitted.Value;
        double intake = 10 + Math.Abs(intakeSeed.Get % 20);
        int last = 3 + (sessionsSeed.Get % 12);
        var scores = new List<(int, double)> { (1, intake) };
        for (int t = 2; t < last; t++)
        {
            scores.Add((t, model.Expect(intake, t).Expected));
        }

        scores.Add((last, 0.0));
        Episode episode = Series("p", scores);
        ExpectedScore updated = model.Expect(episode, last), population = model.Expect(intake, last);
        return Math.Abs(updated.Expected - population.Expected) < 1e-9
            && updated.Expected - updated.Bound < population.Expected - population.Bound;
    }

    [Fact]
    public void WithoutEarlierSessions_OrWithUpdatingOff_EveryClientGetsTheNewClientsPath()
    {
        Episode episode = Oracle.Value.ById["C00001"];
        MixedExpectedResponseModel model = Fitted.Value;
        Assert.Equal(model.Expect((double)episode.Scores[0].Value, episode.Scores[1].Occasion.SessionNumber), model.Expect(episode, episode.Scores[1].Occasion.SessionNumber));
        var fixedPath = (MixedExpectedResponseModel)MixedExpectedResponseModel.Fit(Oracle.Value.Episodes.Take(200).ToArray(), new ExpectedResponseOptions { Update = EmpiricalBayesUpdate.None }).GetValueOrThrow().Model;
        int lastSession = episode.Scores[^1].Occasion.SessionNumber;
        Assert.Equal(fixedPath.Expect((double)episode.Scores[0].Value, lastSession), fixedPath.Expect(episode, lastSession));
    }

    [Fact]
    public void TheFile_RoundTripsBitForBit_AndTheCatalogReadsEveryKindByItsKind()
    {
        MixedExpectedResponseModel model = Fitted.Value;
        string json = model.ToJson();
        Assert.Contains("\"kind\": \"mixed-log-session\"", json, StringComparison.Ordinal);
        var read = (MixedExpectedResponseModel)ExpectedResponseModels.Default.Read(json).GetValueOrThrow();
        Assert.Equal(json, read.ToJson());
        Assert.Equal(model.Expect(18.5, 7), read.Expect(18.5, 7));
        Assert.DoesNotContain("C0000", json, StringComparison.Ordinal);
        IExpectedResponseModel regression = ExpectedResponseModels.Default.Read(ExpectedResponseModel.Fit(Oracle.Value.Episodes).GetValueOrThrow().Model.ToJson()).GetValueOrThrow();
        Assert.IsType<ExpectedResponseModel>(regression);
    }

    [Fact]
    public void A020ModelFile_StillLoads_ThroughTheCatalog()
    {
        // A model file as 0.2.0 wrote it (kind intake-log-session, schema 1.0), kept byte for byte.
        const string File020 = """
            {
              "schemaVersion": "1.0",
              "kind": "intake-log-session",
              "instrumentId": "ors",
              "metric": "sum",
              "higherIsBetter": true,
              "coefficients": { "intercept": 5.384858564, "intake": 0.7091415934, "logSession": 5.5197723789 },
              "residualVariance": 3.802951158,
              "degreesOfFreedom": 21,
              "covariance": [1, 0, 0, 0, 1, 0, 0, 0, 1],
              "band": { "kind": "tolerance-bound", "coverage": 0.9, "confidence": 0.95 },
              "history": { "episodes": 6, "scores": 24, "minimumIntake": 12, "maximumIntake": 25, "maximumSession": 5 }
            }
            """;
        IExpectedResponseModel model = ExpectedResponseModels.Default.Read(File020).GetValueOrThrow();
        Assert.Equal("intake-log-session", model.Kind);
        Assert.Equal(5.384858564 + (0.7091415934 * 16) + (5.5197723789 * Math.Log(4)), model.Expect(16, 4).Expected, 9);
    }

    [Fact]
    public void ARegressionFile_WhoseCovarianceIsNotPositiveDefinite_IsATypedError_NotANaNBand()
    {
        // Found by fuzzing the catalog (issue 32): 0.2.0's reader accepted any nine finite numbers, and a matrix that is
        // not positive definite made the tolerance factor's table NaN and the root finder throw at the first Expect.
        ExpectedResponseModel model = ExpectedResponseModel.Fit(Oracle.Value.Episodes.Take(100).ToArray()).GetValueOrThrow().Model;
        string json = model.ToJson();
        string negative = json.Replace(model.Covariance[0].ToString("R", CultureInfo.InvariantCulture), "-" + model.Covariance[0].ToString("R", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.NotEqual(json, negative);
        Assert.Contains("positive definite", ExpectedResponseModel.FromJson(negative).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("positive definite", ExpectedResponseModels.Default.Read(negative).Error!.Message, StringComparison.Ordinal);
        Assert.True(ExpectedResponseModel.FromJson(json).IsSuccess);
    }

    [Theory]
    [InlineData("{\"kind\": \"patient-jane-doe\", \"schemaVersion\": \"1.0\"}")]
    [InlineData("[1, 2]")]
    [InlineData("{\"kind\": ")]
    [InlineData("{\"\\udc00\": 1}")]
    [InlineData("{\"kind\": \"mixed-log-session\", \"schemaVersion\": \"1.0\", \"fixedEffects\": [1, 2]}")]
    public void AFileNoFactoryCanRead_IsATypedErrorThatEchoesNothing(string json)
    {
        ExpectedResponseReadResult result = ExpectedResponseModels.Default.Read(json);
        Assert.False(result.IsSuccess);
        Assert.DoesNotContain("jane", result.Error!.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TherapistEffects_AreFitted_AndWidenANewClientsBand_WithoutIdentifiersInTheFile()
    {
        string[][] rows = File.ReadLines(Path.Combine(Folder, "sessions.csv")).Skip(1).Select(l => l.Split(',')).Take(4000).ToArray();
        Episode[] episodes = rows.GroupBy(p => p[2]).Select(g => Series(g.Key, g.Select(p => (int.Parse(p[3], CultureInfo.InvariantCulture), double.Parse(p[5], CultureInfo.InvariantCulture))))
            .WithCare(g.ToDictionary(p => int.Parse(p[3], CultureInfo.InvariantCulture), p => new CareKeys(therapist: p[1])))).ToArray();
        var without = (MixedExpectedResponseModel)MixedExpectedResponseModel.Fit(episodes).GetValueOrThrow().Model;
        var with = (MixedExpectedResponseModel)MixedExpectedResponseModel.Fit(episodes, new ExpectedResponseOptions { TherapistEffects = true }).GetValueOrThrow().Model;
        Assert.True(with.TherapistCovariance[0] + with.TherapistCovariance[2] > 0, with.Describe());
        Assert.DoesNotContain("T01", with.ToJson(), StringComparison.Ordinal);
        Assert.Contains("therapist effects", with.Describe(), StringComparison.Ordinal);
        Assert.False(MixedExpectedResponseModel.Fit(Oracle.Value.Episodes.Take(50).ToArray(), new ExpectedResponseOptions { TherapistEffects = true }).IsSuccess);
        Assert.True(without.ResidualVariance > 0);
    }

    /// <summary>A user's model: a flat path at the intake with a fixed margin; it goes through the same seam as the built-ins.</summary>
    private sealed class FlatModel : IExpectedResponseModel
    {
        public string Kind => "flat";

        public string InstrumentId => "ors";

        public ScoreMetric Metric => ScoreMetric.Sum;

        public bool HigherIsBetter => true;

        public double Coverage => 0.9;

        public ExpectedScore Expect(double intake, int session) => new(session, intake, intake - 3);

        public ExpectedScore Expect(Episode episode, int session) => Expect((double)episode.Scores[0].Value, session);

        public string ToJson() => "{\"kind\": \"flat\"}";

        public string Describe() => "flat at the intake, 3 points of margin";
    }

    private sealed class FlatFactory : IExpectedResponseModelFactory
    {
        public string Kind => "flat";

        public string Description => "A user's flat path";

        public FittedExpectedResponseResult Fit(IReadOnlyList<Episode> history, ExpectedResponseOptions options) =>
            history.Count == 0 ? new InvalidExpectedResponseFit("empty", "No history.") : new FittedExpectedResponse(new FlatModel(), history.Count, ImmutableArray<ExcludedEpisode>.Empty);

        public ExpectedResponseReadResult Read(string json) => json.Contains("\"flat\"", StringComparison.Ordinal) ? ExpectedResponseReadResult.From(new FlatModel()) : new InvalidExpectedResponseModel("Not a flat model.");
    }

    [Fact]
    public void AUsersModel_GoesThroughTheSameSeam_AsTheBuiltIns_RegisteredAndReplacedByName()
    {
        using ServiceProvider services = new ServiceCollection().AddTherapeuticAlliance().AddExpectedResponseModel(new FlatFactory()).Services.BuildServiceProvider();
        ExpectedResponseModels models = services.GetRequiredService<ExpectedResponseModels>();
        Assert.Equal(new[] { "intake-log-session", "mixed-log-session", "flat" }, models.Kinds.ToArray());
        Assert.Equal(models.Kinds.ToArray(), services.GetRequiredService<AllianceRegistry>().ExpectedResponseModels.ToArray());
        Assert.Equal("intake-log-session", models.DefaultKind);
        IExpectedResponseModel flat = models.Read("{\"kind\": \"flat\"}").GetValueOrThrow();
        IExpectedResponseModel mixed = models.Fit(models.DefaultKind, Oracle.Value.Episodes.Take(300).ToArray()).GetValueOrThrow().Model;
        Episode falling = Series("x", new[] { (1, 20.0), (2, 19.0), (3, 14.0), (4, 13.0) });
        foreach (IExpectedResponseModel model in new[] { flat, mixed })
        {
            Assert.Contains(new NotOnTrackDetector(new[] { model }).Detect(falling).AsT0.Findings, f => f is NotOnTrackFinding { Sessions: [4] });
        }

        // Registered again under a built-in's kind, a factory replaces it and keeps its place.
        using ServiceProvider replaced = new ServiceCollection().AddTherapeuticAlliance().AddExpectedResponseModel(new Renamed(new FlatFactory(), "mixed-log-session")).Services.BuildServiceProvider();
        ExpectedResponseModels two = replaced.GetRequiredService<ExpectedResponseModels>();
        Assert.Equal(new[] { "intake-log-session", "mixed-log-session" }, two.Kinds.ToArray());
        Assert.True(two.TryGet("mixed-log-session", out IExpectedResponseModelFactory? factory) && factory is Renamed);
    }

    private sealed class Renamed(IExpectedResponseModelFactory inner, string kind) : IExpectedResponseModelFactory
    {
        public string Kind => kind;

        public string Description => inner.Description;

        public FittedExpectedResponseResult Fit(IReadOnlyList<Episode> history, ExpectedResponseOptions options) => inner.Fit(history, options);

        public ExpectedResponseReadResult Read(string json) => inner.Read(json);
    }

    [Fact]
    public void AValidationRow_WithNobodyFlagged_ReadsNotApplicable_NeverNaN()
    {
        var row = new ExpectedResponseValidationRow("k", "d", Episodes: 40, Positives: 0, Flagged: 0, TruePositives: 0, Assessments: 200, NotOnTrack: 0, OnTrackAssessments: 0, OnTrackInsideBand: 0, FailedFolds: 0, Nominal: 0.9);
        Assert.Equal("k: precision n/a, recall n/a (0 poor outcomes of 40 episodes), flag rate 0.0 % per assessment, on-track coverage n/a (nominal 90 %)", row.ToString());
        Assert.Equal(0.0, row.F1);
        var some = row with { Positives = 4, Flagged = 2, TruePositives = 1, OnTrackAssessments = 10, OnTrackInsideBand = 9 };
        Assert.Equal("k: precision 0.50, recall 0.25 (4 poor outcomes of 40 episodes), flag rate 0.0 % per assessment, on-track coverage 90.0 % (nominal 90 %)", some.ToString());
    }

    [Fact]
    public void CrossValidation_ReportsEveryCandidate_OnClientsItWasNotFittedOn()
    {
        Episode[] history = Oracle.Value.Episodes.Take(400).ToArray();
        ExpectedResponseValidationResult report = ExpectedResponseValidation.CrossValidate(history, ExpectedResponseModels.Default.Factories, new ExpectedResponseValidationOptions { ReliableChange = 5.0 });
        Assert.Equal(new[] { "intake-log-session", "mixed-log-session" }, report.Models.Select(m => m.Kind));
        Assert.All(report.Models, m =>
        {
            Assert.Equal(0, m.FailedFolds);
            Assert.Equal(history.Count(e => e.Count >= 3), m.Episodes);
            Assert.InRange(m.FlagRate, 0.0, 1.0);
            Assert.InRange(m.TruePositives, 0, Math.Min(m.Flagged, m.Positives));
        });
        Assert.Equal(report.Models[0].Positives, report.Models[1].Positives);
        Assert.NotNull(report.Best);
        Assert.Equal(report.Models.ToArray(), ExpectedResponseValidation.CrossValidate(history, ExpectedResponseModels.Default.Factories, new ExpectedResponseValidationOptions { ReliableChange = 5.0 }).Models.ToArray());
        Assert.Throws<ArgumentException>(() => ExpectedResponseValidation.CrossValidate(history, ExpectedResponseModels.Default.Factories, new ExpectedResponseValidationOptions { Folds = 1 }));
    }
}
