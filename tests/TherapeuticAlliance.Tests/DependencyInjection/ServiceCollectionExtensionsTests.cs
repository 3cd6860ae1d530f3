using Microsoft.Extensions.DependencyInjection;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;


namespace TherapeuticAlliance.Tests.DependencyInjection;

public class ServiceCollectionExtensionsTests
{
    private static readonly ItemResponse[] Srs36 =
    {
        ItemResponse.Answered("1", 8.8m), ItemResponse.Answered("2", 9.1m), ItemResponse.Answered("3", 9.0m), ItemResponse.Answered("4", 9.1m),
    };

    private static ServiceProvider Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        configure(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void ArgumentValidation_NamesTheParameter()
    {
        Assert.Throws<ArgumentNullException>("services", () => TherapeuticAllianceServiceCollectionExtensions.AddTherapeuticAlliance(null!));
        Assert.Throws<ArgumentNullException>("configure", () => new ServiceCollection().AddTherapeuticAlliance(null!));
        var builder = new ServiceCollection().AddTherapeuticAlliance();
        Assert.Throws<ArgumentNullException>("builder", () => TherapeuticAllianceBuilderExtensions.AddInstrument(null!, AllianceInstruments.Srs));
        Assert.Throws<ArgumentNullException>("instrument", () => builder.AddInstrument(null!));
        Assert.Throws<ArgumentNullException>("strategy", () => builder.AddScoringStrategy((IScoringStrategy)null!));
        Assert.Throws<ArgumentException>("name", () => builder.AddScoringStrategy<SumScoringStrategy>("Not Valid"));
    }

    [Fact]
    public void BuiltInStrategies_ResolveByNameAndTheDefaultIsSum()
    {
        using ServiceProvider provider = Build(s => s.AddTherapeuticAlliance());
        Assert.Same(ScoringStrategies.Sum, provider.GetRequiredService<IScoringStrategy>());
        foreach (string name in new[] { "sum", "mean", "pomp", "weighted", "weakest-link" })
        {
            Assert.Equal(name, provider.GetRequiredKeyedService<IScoringStrategy>(name).Name);
        }
    }

    [Fact]
    public void DefaultStrategy_IsConfigurable()
    {
        using ServiceProvider provider = Build(s => s.AddTherapeuticAlliance(o => o.DefaultScoringStrategy = "mean"));
        Assert.Equal("mean", provider.GetRequiredService<IScoringStrategy>().Name);
        Assert.Equal("mean", provider.GetRequiredService<IAllianceEvaluator>()
            .Evaluate("srs", Perspective.Client, Occasion.Session(1), Srs36).GetValueOrThrow().Score.Provenance.StrategyName);
    }

    [Fact]
    public void CallingTwice_RegistersNothingTwice()
    {
        var services = new ServiceCollection();
        services.AddTherapeuticAlliance();
        int count = services.Count;
        services.AddTherapeuticAlliance(o => o.DefaultScoringStrategy = "pomp");
        services.AddTherapeuticAlliance();
        Assert.Equal(count, services.Count);
        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.Equal("pomp", provider.GetRequiredService<IScoringStrategy>().Name);
    }

    [Fact]
    public void ApplicationRegistration_Wins()
    {
        var mine = new MeanScoringStrategy(new ScoringOptions { MissingDataPolicy = MissingDataPolicy.HalfRule });
        using ServiceProvider provider = Build(s =>
        {
            s.AddKeyedSingleton<IScoringStrategy>("mean", mine);
            s.AddSingleton<IInstrumentCatalog>(new InstrumentCatalog(new[] { AllianceInstruments.Ors }));
            s.AddTherapeuticAlliance();
        });
        Assert.Same(mine, provider.GetRequiredKeyedService<IScoringStrategy>("mean"));
        Assert.Single(provider.GetRequiredService<IInstrumentCatalog>().Instruments);
    }

    [Fact]
    public void MissingDataPolicyOption_AppliesToTheBuiltInStrategies()
    {
        using ServiceProvider provider = Build(s => s.AddTherapeuticAlliance(o => o.MissingDataPolicy = MissingDataPolicy.HalfRule));
        var halfMissing = new[] { ItemResponse.Answered("1", 9m), ItemResponse.Answered("2", 9m) };
        EvaluatedAssessment evaluated = provider.GetRequiredService<IAllianceEvaluator>().Evaluate("srs", Perspective.Client, Occasion.Session(1), halfMissing).GetValueOrThrow();
        Assert.Equal((36m, "half-rule"), (evaluated.Score.Value, evaluated.Score.Provenance.MissingDataPolicy.Name));
        foreach (string name in new[] { "sum", "mean", "pomp", "weighted", "weakest-link" })
        {
            Assert.Equal(MissingDataPolicy.HalfRule, ((TherapeuticAlliance.Scoring.UnitScoringStrategy)provider.GetRequiredKeyedService<IScoringStrategy>(name)).MissingDataPolicy);
        }

        using ServiceProvider plain = Build(s => s.AddTherapeuticAlliance());
        Assert.Same(ScoringStrategies.Mean, plain.GetRequiredKeyedService<IScoringStrategy>("mean"));
    }

    [Fact]
    public void InvalidOptions_FailAtRegistrationNamingTheOption_AndChangeNothing()
    {
        var services = new ServiceCollection();
        services.AddTherapeuticAlliance(o => o.DefaultScoringStrategy = "mean");
        var error = Assert.Throws<ArgumentException>(() => services.AddTherapeuticAlliance(o => o.DefaultScoringStrategy = " "));
        Assert.Equal("DefaultScoringStrategy", error.ParamName);
        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.Equal("mean", provider.GetRequiredService<IScoringStrategy>().Name);
    }

    [Fact]
    public void UnregisteredDefaultStrategy_FailsOnResolveWithTheOptionNamed()
    {
        using ServiceProvider provider = new ServiceCollection().AddTherapeuticAlliance(o => o.DefaultScoringStrategy = "clinic").Services.BuildServiceProvider();
        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IScoringStrategy>());
        Assert.Contains("DefaultScoringStrategy", error.Message);
    }

    [Fact]
    public void CustomStrategy_RegistersByTypeOrInstance()
    {
        using ServiceProvider provider = Build(s => s.AddTherapeuticAlliance(o => o.DefaultScoringStrategy = "always-one")
            .AddScoringStrategy<AlwaysOneStrategy>("always-one")
            .AddScoringStrategy(new SumScoringStrategy(new ScoringOptions { Name = "sum-half", MissingDataPolicy = MissingDataPolicy.HalfRule })));
        Assert.IsType<AlwaysOneStrategy>(provider.GetRequiredService<IScoringStrategy>());
        Assert.Equal("sum-half", provider.GetRequiredKeyedService<IScoringStrategy>("sum-half").Name);
        var evaluator = provider.GetRequiredService<IAllianceEvaluator>();
        Assert.Equal(1m, evaluator.Evaluate("srs", Perspective.Client, Occasion.Session(1), Srs36).GetValueOrThrow().Score.Value);
        var halfMissing = new[] { ItemResponse.Answered("1", 9m), ItemResponse.Answered("2", 9m) };
        Assert.Equal(36m, evaluator.Evaluate("srs", Perspective.Client, Occasion.Session(1), halfMissing, "sum-half").GetValueOrThrow().Score.Value);
    }

    [Fact]
    public void Instruments_AreAdded_AndAddingOneUnderABuiltInsIdReplacesIt()
    {
        // The SRS-only option is gone: a site that reads the cutoff as "36 or below" registers the SRS with that cutoff.
        Instrument custom = new InstrumentBuilder("site-scale", "1.0").WithScale(RatingScale.OneToSix).AddItems(3).Build();
        Instrument srsAtOrBelow = AllianceInstruments.Srs.WithCutoff(AllianceInstruments.Srs.Cutoff!.WithOperator(CutoffOperator.LessThanOrEqual));
        using ServiceProvider provider = Build(s => s.AddTherapeuticAlliance()
            .AddInstrument(custom)
            .AddInstrument(srsAtOrBelow));
        var catalog = provider.GetRequiredService<IInstrumentCatalog>();
        Assert.True(catalog.TryGetInstrument("site-scale", out _));
        Assert.Equal(5, catalog.Instruments.Length);
        var evaluator = provider.GetRequiredService<IAllianceEvaluator>();
        Assert.True(evaluator.Evaluate("srs", Perspective.Client, Occasion.Session(1), Srs36).GetValueOrThrow().IsFlagged);
        Assert.Null(evaluator.Evaluate("site-scale", Perspective.Client, Occasion.Session(1), new[] { ItemResponse.Answered("1", 2m), ItemResponse.Answered("2", 2m), ItemResponse.Answered("3", 2m) }).GetValueOrThrow().IsFlagged);
    }

    [Fact]
    public void Evaluator_ReturnsEveryErrorCaseAsAValue()
    {
        using ServiceProvider provider = Build(s => s.AddTherapeuticAlliance()
            .AddScoringStrategy(new WeightedScoringStrategy(new WeightedScoringOptions { Name = "wai-weights", InstrumentId = "wai-sr" })));
        var evaluator = provider.GetRequiredService<IAllianceEvaluator>();
        Occasion occasion = Occasion.Session(2);

        EvaluatedAssessment ok = evaluator.Evaluate("srs", Perspective.Client, occasion, Srs36).GetValueOrThrow();
        Assert.Equal(36.0m, ok.Score.Value);
        Assert.False(ok.IsFlagged);

        Assert.True(evaluator.Evaluate("nope", Perspective.Client, occasion, Srs36).IsT1);
        Assert.True(evaluator.Evaluate("srs", Perspective.Client, occasion, new[] { ItemResponse.Answered("1", 11m) }).IsT2);
        Assert.True(evaluator.Evaluate("srs", Perspective.Client, occasion, Srs36.Take(3)).IsT3);
        Assert.True(evaluator.Evaluate("srs", Perspective.Client, occasion, Srs36, "wai-weights").IsT4);
        // Regression: the unknown identifier (an MRN passed by mistake) is never echoed; it stays in the typed property.
        EvaluationResult unknown = evaluator.Evaluate("MRN-0042", Perspective.Client, occasion, Srs36);
        Assert.DoesNotContain("MRN-0042", unknown.Error?.Message);
        Assert.DoesNotContain("MRN-0042", unknown.AsT1.ToString());
        Assert.Equal("MRN-0042", unknown.AsT1.InstrumentId);
        Assert.Throws<ArgumentException>("scoringStrategy", () => evaluator.Evaluate("srs", Perspective.Client, occasion, Srs36, "unknown"));
        Assert.Throws<ArgumentNullException>("instrumentId", () => evaluator.Evaluate(null!, Perspective.Client, occasion, Srs36));
    }

    public sealed class AlwaysOneStrategy : IScoringStrategy
    {
        public string Name => "always-one";

        public string Version => "1";

        public ScoringResult Score(Assessment assessment) => new AllianceScore(
            ScoreMetric.Mean, 1m, 0m, 10m, assessment.Perspective, assessment.Occasion, default, default,
            new ScoreProvenance(Name, Version, assessment.Instrument.Id, assessment.Instrument.Version, MissingDataPolicy.CompleteOnly, 0));
    }
}

public class TrendRegistrationTests
{
    [Fact]
    public void DefaultDetectorsAnalyzerAndGuidance_AreRegistered()
    {
        using ServiceProvider provider = new ServiceCollection().AddTherapeuticAlliance().Services.BuildServiceProvider();
        foreach (string name in new[] { "trajectory", "rupture-repair", "feedback-rules", "reliable-change" })
        {
            Assert.Equal(name, provider.GetRequiredKeyedService<TherapeuticAlliance.Trends.ITrendDetector>(name).Name);
        }

        var analyzer = provider.GetRequiredService<TherapeuticAlliance.Reports.EpisodeAnalyzer>();
        Assert.Equal(new[] { "trajectory", "rupture-repair", "feedback-rules", "reliable-change" }, analyzer.Detectors.Select(d => d.Name));
        Assert.Same(TherapeuticAlliance.Guidance.FoundingPracticesGuidance.Instance, provider.GetRequiredService<TherapeuticAlliance.Guidance.IGuidanceProvider>());
    }

    [Fact]
    public void AddTrendDetector_JoinsTheAnalyzerOnce_AndTheLastRegistrationOfANameWins()
    {
        var strict = new TherapeuticAlliance.Trends.RuptureRepairDetector(new TherapeuticAlliance.Trends.RuptureRepairOptions { DropInStandardDeviations = 2, Name = "rupture-strict" });
        var rc = new TherapeuticAlliance.Trends.ReliableChangeDetector(new TherapeuticAlliance.Trends.ReliableChangeOptions { StandardDeviation = 6.5, Reliability = 0.85 });
        var services = new ServiceCollection();
        var again = new TherapeuticAlliance.Trends.RuptureRepairDetector(new TherapeuticAlliance.Trends.RuptureRepairOptions { Name = "rupture-strict" });
        services.AddTherapeuticAlliance().AddTrendDetector(strict).AddTrendDetector(rc).AddTrendDetector(again);
        services.AddTherapeuticAlliance();
        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.Same(again, provider.GetRequiredKeyedService<TherapeuticAlliance.Trends.ITrendDetector>("rupture-strict"));
        Assert.Same(rc, provider.GetRequiredService<TherapeuticAlliance.Reports.EpisodeAnalyzer>().Detectors[3]);
        Assert.Equal(
            new[] { "trajectory", "rupture-repair", "feedback-rules", "reliable-change", "rupture-strict" },
            provider.GetRequiredService<TherapeuticAlliance.Reports.EpisodeAnalyzer>().Detectors.Select(d => d.Name));
        Assert.Throws<ArgumentNullException>("detector", () => new ServiceCollection().AddTherapeuticAlliance().AddTrendDetector(null!));
    }

    [Fact]
    public void AlertOptions_AreValidatedAtRegistrationAndApplied()
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddTherapeuticAlliance(o => o.Alerts = new TherapeuticAlliance.Trends.AlertOptions { DecliningSlopeAlpha = 2 }));
        Assert.Equal("Alerts", error.ParamName);
        using ServiceProvider provider = new ServiceCollection()
            .AddTherapeuticAlliance(o => o.Alerts = new TherapeuticAlliance.Trends.AlertOptions { BelowCutoff = false, DropFromPrevious = false, UnrepairedRupture = false, DecliningSlope = false })
            .Services.BuildServiceProvider();
        var report = provider.GetRequiredService<TherapeuticAlliance.Reports.EpisodeAnalyzer>().Analyze(TherapeuticAlliance.Tests.Trends.TrendTestData.Srs(38, 39, 40, 30, 31, 30.5));
        Assert.Empty(report.Alerts);
        Assert.NotEmpty(report.Findings);
    }

    [Fact]
    public void EveryKind_OneOverrideRule_TheLastRegistrationOfANameReplacesIt_AndTheRegistryListsTheNames()
    {
        // Issue 25: strategies were first-wins (TryAdd) while detectors, rules and instruments replaced by name.
        var mine = new MeanScoringStrategy(new ScoringOptions { MissingDataPolicy = MissingDataPolicy.HalfRule });
        var guidance = new SilentGuidance();
        var ors = new InstrumentBuilder("srs", "9.0").WithName("A site's SRS").WithScale(RatingScale.OneToSeven).AddItems(4).Build();
        var services = new ServiceCollection();
        services.AddTherapeuticAlliance()
            .AddScoringStrategy(mine)
            .AddGuidanceProvider(guidance)
            .AddInstrument(ors)
            .AddTrendDetector(new TherapeuticAlliance.Trends.FeedbackRulesDetector(new TherapeuticAlliance.Trends.FeedbackRulesOptions { CheckCutoff = false }))
            .AddAlertRule(new TherapeuticAlliance.Trends.DecliningSlopeAlertRule(0.01));
        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.Same(mine, provider.GetRequiredKeyedService<IScoringStrategy>("mean"));
        Assert.Same(guidance, provider.GetRequiredService<TherapeuticAlliance.Guidance.IGuidanceProvider>());
        Assert.Equal("9.0", provider.GetRequiredService<IInstrumentCatalog>().Instruments.Single(i => i.Id == "srs").Version);
        var analyzer = provider.GetRequiredService<TherapeuticAlliance.Reports.EpisodeAnalyzer>();
        Assert.Equal(new[] { "trajectory", "rupture-repair", "feedback-rules", "reliable-change" }, analyzer.Detectors.Select(d => d.Name));

        AllianceRegistry registry = provider.GetRequiredService<AllianceRegistry>();
        Assert.Equal(new[] { "sum", "mean", "pomp", "weighted", "weakest-link" }, registry.ScoringStrategies);
        Assert.Equal(TherapeuticAlliance.Reports.EpisodeAnalyzer.DefaultDetectors.Select(d => d.Name), registry.TrendDetectors);
        Assert.Contains("declining-slope", registry.AlertRules);
        Assert.Contains("srs", registry.Instruments);
    }

    private sealed class SilentGuidance : TherapeuticAlliance.Guidance.IGuidanceProvider
    {
        public string Name => "silent";

        public System.Collections.Immutable.ImmutableArray<TherapeuticAlliance.Guidance.FocusArea> Suggest(TherapeuticAlliance.Guidance.GuidanceContext context) =>
            System.Collections.Immutable.ImmutableArray<TherapeuticAlliance.Guidance.FocusArea>.Empty;
    }
}
