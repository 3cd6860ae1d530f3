using System;
#if NET8_0_OR_GREATER
using System.Diagnostics.CodeAnalysis;
#endif
using Ardalis.GuardClauses;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance;

/// <summary>Adds scoring strategies and instruments to a TherapeuticAlliance registration.</summary>
public static class TherapeuticAllianceBuilderExtensions
{
    /// <summary>Registers a scoring strategy type as a keyed singleton under <paramref name="name"/>.</summary>
    /// <typeparam name="TStrategy">The strategy type; its <see cref="IScoringStrategy.Name"/> should equal <paramref name="name"/>.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The key: 1 to 64 lower-case letters, digits, '-', '_' or '.'.</param>
    /// <returns>The builder.</returns>
    /// <remarks>A strategy already registered under the name, a built-in included, is replaced (the one override rule of every kind).</remarks>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> is not a valid name.</exception>
    public static ITherapeuticAllianceBuilder AddScoringStrategy<
#if NET8_0_OR_GREATER
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        TStrategy>(this ITherapeuticAllianceBuilder builder, string name)
        where TStrategy : class, IScoringStrategy
    {
        Guard.Against.Null(builder);
        Guard.Against.Null(name);
        Guard.Against.InvalidInput(name, nameof(name), Identifiers.IsValid, Identifiers.Rule);
        builder.Services.RemoveAllKeyed<IScoringStrategy>(name);
        builder.Services.AddKeyedSingleton<IScoringStrategy, TStrategy>(name);
        TherapeuticAllianceRegistration.GetOrAdd(builder.Services).AddStrategyName(name);
        return builder;
    }

    /// <summary>Registers a scoring strategy instance as a keyed singleton under its <see cref="IScoringStrategy.Name"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="strategy">The strategy; it must be thread-safe.</param>
    /// <returns>The builder.</returns>
    /// <remarks>A strategy already registered under the name, a built-in included, is replaced (the one override rule of every kind).</remarks>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the strategy's name is not a valid name.</exception>
    public static ITherapeuticAllianceBuilder AddScoringStrategy(this ITherapeuticAllianceBuilder builder, IScoringStrategy strategy)
    {
        Guard.Against.Null(builder);
        Guard.Against.Null(strategy);
        Guard.Against.InvalidInput(strategy, nameof(strategy), s => Identifiers.IsValid(s.Name), "Name: " + Identifiers.Rule);
        return builder.AddScoringStrategy(strategy.Name, _ => strategy);
    }

    /// <summary>Registers a scoring strategy made by a factory when first resolved, as a keyed singleton under <paramref name="name"/>; the built-in strategies are registered this way (their factory applies <see cref="TherapeuticAllianceOptions.MissingDataPolicy"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The key: 1 to 64 lower-case letters, digits, '-', '_' or '.'; the strategy's <see cref="IScoringStrategy.Name"/> should equal it.</param>
    /// <param name="factory">Makes the strategy from the container; the strategy must be thread-safe.</param>
    /// <returns>The builder.</returns>
    /// <remarks>A strategy already registered under the name, a built-in included, is replaced (the one override rule of every kind).</remarks>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> is not a valid name.</exception>
    public static ITherapeuticAllianceBuilder AddScoringStrategy(this ITherapeuticAllianceBuilder builder, string name, Func<IServiceProvider, IScoringStrategy> factory)
    {
        Guard.Against.Null(builder);
        Guard.Against.Null(name);
        Guard.Against.Null(factory);
        Guard.Against.InvalidInput(name, nameof(name), Identifiers.IsValid, Identifiers.Rule);
        builder.Services.RemoveAllKeyed<IScoringStrategy>(name);
        builder.Services.AddKeyedSingleton<IScoringStrategy>(name, (sp, _) => factory(sp));
        TherapeuticAllianceRegistration.GetOrAdd(builder.Services).AddStrategyName(name);
        return builder;
    }

    /// <summary>Registers the guidance provider the registered analyzer uses, replacing the one registered before (the built-in <see cref="Guidance.FoundingPracticesGuidance"/> included).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="provider">The provider; it must be thread-safe.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static ITherapeuticAllianceBuilder AddGuidanceProvider(this ITherapeuticAllianceBuilder builder, Guidance.IGuidanceProvider provider)
    {
        Guard.Against.Null(builder);
        Guard.Against.Null(provider);
        builder.Services.RemoveAll<Guidance.IGuidanceProvider>();
        builder.Services.AddSingleton(provider);
        return builder;
    }

    /// <summary>Adds an instrument to the registered <see cref="IInstrumentCatalog"/>; it replaces a built-in instrument with the same identifier.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="instrument">The instrument.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static ITherapeuticAllianceBuilder AddInstrument(this ITherapeuticAllianceBuilder builder, Instrument instrument)
    {
        Guard.Against.Null(builder);
        Guard.Against.Null(instrument);
        TherapeuticAllianceRegistration.GetOrAdd(builder.Services).AddInstrument(instrument);
        return builder;
    }

    /// <summary>Registers a trend detector as a keyed singleton under its <see cref="ITrendDetector.Name"/> and adds it to the registered <see cref="Reports.EpisodeAnalyzer"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="detector">The detector; it must be thread-safe.</param>
    /// <returns>The builder.</returns>
    /// <remarks>A detector registered under a name that exists, a built-in's (<see cref="Reports.EpisodeAnalyzer.DefaultDetectors"/>) included, replaces it and keeps its place in the analyzer's order, so a built-in with other options takes its place (the one override rule of every kind).</remarks>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the detector's name is not a valid name.</exception>
    public static ITherapeuticAllianceBuilder AddTrendDetector(this ITherapeuticAllianceBuilder builder, ITrendDetector detector)
    {
        Guard.Against.Null(builder);
        Guard.Against.Null(detector);
        Guard.Against.InvalidInput(detector, nameof(detector), d => Identifiers.IsValid(d.Name), "Name: " + Identifiers.Rule);
        builder.Services.RemoveAllKeyed<ITrendDetector>(detector.Name);
        builder.Services.AddKeyedSingleton(detector.Name, detector);
        TherapeuticAllianceRegistration.GetOrAdd(builder.Services).AddDetectorName(detector.Name);
        return builder;
    }

    /// <summary>Adds an alert rule to the registered analyzer's set: after the built-in rules, or in the place of a rule of the same name (a built-in included).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="rule">The rule.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the rule's name is not a valid name.</exception>
    public static ITherapeuticAllianceBuilder AddAlertRule(this ITherapeuticAllianceBuilder builder, IAlertRule rule)
    {
        Guard.Against.Null(builder);
        Guard.Against.Null(rule);
        Guard.Against.InvalidInput(rule, nameof(rule), r => Identifiers.IsValid(r.Name), "Name: " + Identifiers.Rule);
        TherapeuticAllianceRegistration.GetOrAdd(builder.Services).AddAlertRule(rule);
        return builder;
    }

    /// <summary>Registers an expected-response model factory under its <see cref="ExpectedResponse.IExpectedResponseModelFactory.Kind"/> in the registered <see cref="ExpectedResponse.ExpectedResponseModels"/>; the built-ins (<c>intake-log-session</c>, <c>mixed-log-session</c>) are registered through this call.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">The factory; it must be thread-safe.</param>
    /// <returns>The builder.</returns>
    /// <remarks>A factory registered under a kind that exists, a built-in's included, replaces it and keeps its place (the one override rule of every kind).</remarks>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the factory's kind is not a valid name.</exception>
    public static ITherapeuticAllianceBuilder AddExpectedResponseModel(this ITherapeuticAllianceBuilder builder, ExpectedResponse.IExpectedResponseModelFactory factory)
    {
        Guard.Against.Null(builder);
        Guard.Against.Null(factory);
        Guard.Against.InvalidInput(factory, nameof(factory), f => Identifiers.IsValid(f.Kind), "Kind: " + Identifiers.Rule);
        TherapeuticAllianceRegistration.GetOrAdd(builder.Services).AddExpectedResponseModel(factory);
        return builder;
    }
}
