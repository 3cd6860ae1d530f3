using System;
using System.Linq;
using Ardalis.GuardClauses;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TherapeuticAlliance.Guidance;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance;

/// <summary>Registers TherapeuticAlliance services in an <see cref="IServiceCollection"/>.</summary>
public static class TherapeuticAllianceServiceCollectionExtensions
{
    /// <summary>Registers the built-in scoring strategies, the instrument catalog and the <see cref="IAllianceEvaluator"/> facade with default options.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder for further configuration.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="services"/> is <see langword="null"/>.</exception>
    public static ITherapeuticAllianceBuilder AddTherapeuticAlliance(this IServiceCollection services) =>
        services.AddTherapeuticAlliance(static _ => { });

    /// <summary>Registers the built-in scoring strategies, the instrument catalog and the <see cref="IAllianceEvaluator"/> facade.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>A builder for further configuration.</returns>
    /// <remarks>
    /// <para>Registered once, when the first call creates the registration, through the public calls an application's
    /// extensions take (all singletons): each built-in <see cref="IScoringStrategy"/> keyed by its name (<c>sum</c>,
    /// <c>mean</c>, <c>pomp</c>, <c>weighted</c>, <c>weakest-link</c>) through <c>AddScoringStrategy(name, factory)</c>;
    /// the unkeyed <see cref="IScoringStrategy"/>, resolving to <see cref="TherapeuticAllianceOptions.DefaultScoringStrategy"/>;
    /// <see cref="IInstrumentCatalog"/>; <see cref="IAllianceEvaluator"/>; each of <see cref="EpisodeAnalyzer.DefaultDetectors"/>
    /// through <c>AddTrendDetector</c>; <see cref="FoundingPracticesGuidance"/> through <c>AddGuidanceProvider</c>; an
    /// <see cref="EpisodeAnalyzer"/> running the registered detectors in registration order with the alert rules of
    /// <see cref="TherapeuticAllianceOptions.Alerts"/> and any <c>AddAlertRule</c>; the built-in expected-response models
    /// (<see cref="ExpectedResponse.ExpectedResponseModels.Default"/>) through <c>AddExpectedResponseModel</c> and the
    /// <see cref="ExpectedResponse.ExpectedResponseModels"/> they fill; and <see cref="AllianceRegistry"/>.
    /// A name or service the application registered in the collection before is kept; any later registration of a
    /// name replaces it (one override rule for every kind).</para>
    /// <para>Calling this method again registers nothing twice: later calls update the same options.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the configured options are invalid; the exception names the option. The options are then left as they were.</exception>
    public static ITherapeuticAllianceBuilder AddTherapeuticAlliance(this IServiceCollection services, Action<TherapeuticAllianceOptions> configure)
    {
        Guard.Against.Null(services);
        Guard.Against.Null(configure);

        TherapeuticAllianceRegistration registration = TherapeuticAllianceRegistration.GetOrAdd(services, out bool created);
        TherapeuticAllianceOptions candidate = registration.Options.Clone();
        configure(candidate);
        candidate.Validate();
        registration.Options.CopyFrom(candidate);
        var builder = new TherapeuticAllianceBuilder(services);
        if (!created)
        {
            return builder;
        }

        // The built-ins go through the public calls an application's own extensions take, once, when the registration
        // is created; a name the application registered in the collection before is kept (checked here, at
        // registration, never at resolve time), and any later registration of a name replaces it.
        services.TryAddSingleton(_ => registration.Snapshot());
        AddBuiltIn(builder, SumScoringStrategy.DefaultName, ScoringStrategies.Sum, static policy => new SumScoringStrategy(new ScoringOptions { MissingDataPolicy = policy }));
        AddBuiltIn(builder, MeanScoringStrategy.DefaultName, ScoringStrategies.Mean, static policy => new MeanScoringStrategy(new ScoringOptions { MissingDataPolicy = policy }));
        AddBuiltIn(builder, PompScoringStrategy.DefaultName, ScoringStrategies.Pomp, static policy => new PompScoringStrategy(new ScoringOptions { MissingDataPolicy = policy }));
        AddBuiltIn(builder, WeightedScoringStrategy.DefaultName, ScoringStrategies.Weighted, static policy => new WeightedScoringStrategy(new WeightedScoringOptions { MissingDataPolicy = policy }));
        AddBuiltIn(builder, WeakestLinkScoringStrategy.DefaultName, ScoringStrategies.WeakestLink, static policy => new WeakestLinkScoringStrategy(new ScoringOptions { MissingDataPolicy = policy }));
        services.TryAddSingleton<IScoringStrategy>(static sp =>
        {
            string name = sp.GetRequiredService<TherapeuticAllianceSettings>().DefaultScoringStrategy;
            return sp.GetKeyedService<IScoringStrategy>(name)
                ?? throw new InvalidOperationException(
                    "TherapeuticAllianceOptions.DefaultScoringStrategy names '" + name + "', but no scoring strategy is registered under that name. Register it with AddScoringStrategy.");
        });
        services.TryAddSingleton<IInstrumentCatalog>(static sp => sp.GetRequiredService<TherapeuticAllianceSettings>().Catalog);
        services.TryAddSingleton<IAllianceEvaluator>(static sp => new MeasuredEvaluator(
            new AllianceEvaluator(sp.GetRequiredService<IInstrumentCatalog>(), sp.GetRequiredService<IScoringStrategy>(), sp),
            sp.GetRequiredService<IInstrumentCatalog>()));
        foreach (ITrendDetector detector in EpisodeAnalyzer.DefaultDetectors)
        {
            if (IsKeyed<ITrendDetector>(services, detector.Name))
            {
                registration.AddDetectorName(detector.Name);
            }
            else
            {
                builder.AddTrendDetector(detector);
            }
        }

        if (!services.Any(d => d.ServiceType == typeof(IGuidanceProvider) && !d.IsKeyedService))
        {
            builder.AddGuidanceProvider(FoundingPracticesGuidance.Instance);
        }

        foreach (ExpectedResponse.IExpectedResponseModelFactory factory in ExpectedResponse.ExpectedResponseModels.Default.Factories)
        {
            builder.AddExpectedResponseModel(factory);
        }

        services.TryAddSingleton(_ => registration.ExpectedResponseModels());
        services.TryAddSingleton(sp => registration.CreateAnalyzer(sp, sp.GetRequiredService<IGuidanceProvider>()));
        services.TryAddSingleton(_ => registration.Registry());
        return builder;
    }

    /// <summary>Registers a built-in strategy through the public factory overload: the shared instance, or one with the registration's missing-data policy; a name the application registered first is kept.</summary>
    private static void AddBuiltIn(TherapeuticAllianceBuilder builder, string name, IScoringStrategy shared, Func<MissingDataPolicy, IScoringStrategy> withPolicy)
    {
        if (IsKeyed<IScoringStrategy>(builder.Services, name))
        {
            TherapeuticAllianceRegistration.GetOrAdd(builder.Services).AddStrategyName(name);
            return;
        }

        builder.AddScoringStrategy(name, sp => sp.GetRequiredService<TherapeuticAllianceSettings>().MissingDataPolicy is { } policy ? withPolicy(policy) : shared);
    }

    private static bool IsKeyed<TService>(IServiceCollection services, string name) =>
        services.Any(d => d.IsKeyedService && d.ServiceType == typeof(TService) && d.ServiceKey is string key && key == name);
}
