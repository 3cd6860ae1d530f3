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
    /// <remarks>Uses <c>TryAdd</c>: a strategy already registered under the name is kept.</remarks>
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
        builder.Services.TryAddKeyedSingleton<IScoringStrategy, TStrategy>(name);
        return builder;
    }

    /// <summary>Registers a scoring strategy instance as a keyed singleton under its <see cref="IScoringStrategy.Name"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="strategy">The strategy; it must be thread-safe.</param>
    /// <returns>The builder.</returns>
    /// <remarks>Uses <c>TryAdd</c>: a strategy already registered under the name is kept.</remarks>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the strategy's name is not a valid name.</exception>
    public static ITherapeuticAllianceBuilder AddScoringStrategy(this ITherapeuticAllianceBuilder builder, IScoringStrategy strategy)
    {
        Guard.Against.Null(builder);
        Guard.Against.Null(strategy);
        Guard.Against.InvalidInput(strategy, nameof(strategy), s => Identifiers.IsValid(s.Name), "Name: " + Identifiers.Rule);
        builder.Services.TryAddKeyedSingleton(strategy.Name, strategy);
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
    /// <remarks>Registered under a built-in detector's name (<c>trajectory</c>, <c>rupture-repair</c>, <c>feedback-rules</c>), it replaces the built-in, so a built-in with other options takes its place; for any other name the first registration wins.</remarks>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the detector's name is not a valid name.</exception>
    public static ITherapeuticAllianceBuilder AddTrendDetector(this ITherapeuticAllianceBuilder builder, ITrendDetector detector)
    {
        Guard.Against.Null(builder);
        Guard.Against.Null(detector);
        Guard.Against.InvalidInput(detector, nameof(detector), d => Identifiers.IsValid(d.Name), "Name: " + Identifiers.Rule);
        switch (TherapeuticAllianceRegistration.GetOrAdd(builder.Services).AddDetector(detector))
        {
            case DetectorRegistration.ReplaceBuiltIn:
                builder.Services.RemoveAllKeyed<ITrendDetector>(detector.Name);
                builder.Services.AddKeyedSingleton(detector.Name, detector);
                break;
            case DetectorRegistration.Add:
                builder.Services.TryAddKeyedSingleton(detector.Name, detector);
                break;
        }

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
}
