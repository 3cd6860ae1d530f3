using System;
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
    /// <para>Registered (all singletons, all with <c>TryAdd</c>, so an application's own earlier registration wins):
    /// each built-in <see cref="IScoringStrategy"/> keyed by its name (<c>sum</c>, <c>mean</c>, <c>pomp</c>,
    /// <c>weighted</c>, <c>weakest-link</c>); the unkeyed <see cref="IScoringStrategy"/>, resolving to
    /// <see cref="TherapeuticAllianceOptions.DefaultScoringStrategy"/>; <see cref="IInstrumentCatalog"/>; and
    /// <see cref="IAllianceEvaluator"/>; each default <see cref="ITrendDetector"/> keyed by its name (<c>trajectory</c>,
    /// <c>rupture-repair</c>, <c>feedback-rules</c>); <see cref="IGuidanceProvider"/>; and an <see cref="EpisodeAnalyzer"/>
    /// running every keyed <see cref="ITrendDetector"/> the container holds, resolved by name in registration order (the built-ins first; a registration under a built-in's name replaces it), with the alert rules of <see cref="TherapeuticAllianceOptions.Alerts"/> and any <c>AddAlertRule</c>.</para>
    /// <para>Calling this method again registers nothing twice: later calls update the same options.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the configured options are invalid; the exception names the option. The options are then left as they were.</exception>
    public static ITherapeuticAllianceBuilder AddTherapeuticAlliance(this IServiceCollection services, Action<TherapeuticAllianceOptions> configure)
    {
        Guard.Against.Null(services);
        Guard.Against.Null(configure);

        TherapeuticAllianceRegistration registration = TherapeuticAllianceRegistration.GetOrAdd(services);
        TherapeuticAllianceOptions candidate = registration.Options.Clone();
        configure(candidate);
        candidate.Validate();
        registration.Options.CopyFrom(candidate);

        services.TryAddSingleton(_ => registration.Snapshot());
        AddKeyed(services, SumScoringStrategy.DefaultName, ScoringStrategies.Sum, static policy => new SumScoringStrategy(new ScoringOptions { MissingDataPolicy = policy }));
        AddKeyed(services, MeanScoringStrategy.DefaultName, ScoringStrategies.Mean, static policy => new MeanScoringStrategy(new ScoringOptions { MissingDataPolicy = policy }));
        AddKeyed(services, PompScoringStrategy.DefaultName, ScoringStrategies.Pomp, static policy => new PompScoringStrategy(new ScoringOptions { MissingDataPolicy = policy }));
        AddKeyed(services, WeightedScoringStrategy.DefaultName, ScoringStrategies.Weighted, static policy => new WeightedScoringStrategy(new WeightedScoringOptions { MissingDataPolicy = policy }));
        AddKeyed(services, WeakestLinkScoringStrategy.DefaultName, ScoringStrategies.WeakestLink, static policy => new WeakestLinkScoringStrategy(new ScoringOptions { MissingDataPolicy = policy }));
        services.TryAddSingleton<IScoringStrategy>(static sp =>
        {
            string name = sp.GetRequiredService<TherapeuticAllianceSettings>().DefaultScoringStrategy;
            return sp.GetKeyedService<IScoringStrategy>(name)
                ?? throw new InvalidOperationException(
                    "TherapeuticAllianceOptions.DefaultScoringStrategy names '" + name + "', but no scoring strategy is registered under that name. Register it with AddScoringStrategy.");
        });
        services.TryAddSingleton<IInstrumentCatalog>(static sp => sp.GetRequiredService<TherapeuticAllianceSettings>().Catalog);
        services.TryAddSingleton<IAllianceEvaluator>(static sp => new AllianceEvaluator(
            sp.GetRequiredService<IInstrumentCatalog>(),
            sp.GetRequiredService<IScoringStrategy>(),
            sp));
        foreach (ITrendDetector detector in registration.DefaultDetectors)
        {
            services.TryAddKeyedSingleton(detector.Name, detector);
        }

        services.TryAddSingleton<IGuidanceProvider>(FoundingPracticesGuidance.Instance);
        services.TryAddSingleton(sp => registration.CreateAnalyzer(sp, services, sp.GetRequiredService<IGuidanceProvider>()));
        return new TherapeuticAllianceBuilder(services);
    }

    /// <summary>Registers a built-in strategy: the shared instance, or one with the registration's missing-data policy.</summary>
    private static void AddKeyed(IServiceCollection services, string name, IScoringStrategy shared, Func<MissingDataPolicy, IScoringStrategy> withPolicy) =>
        services.TryAddKeyedSingleton<IScoringStrategy>(name, (sp, _) =>
            sp.GetRequiredService<TherapeuticAllianceSettings>().MissingDataPolicy is { } policy ? withPolicy(policy) : shared);
}
