using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using TherapeuticAlliance.Guidance;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance;

/// <summary>Registration-time state kept in the service collection, so repeated calls share one options object.</summary>
internal sealed class TherapeuticAllianceRegistration
{
    private readonly List<Instrument> _instruments = new();
    private readonly List<ITrendDetector> _detectors = new() { new TrajectoryDetector(), new RuptureRepairDetector(), new FeedbackRulesDetector(), new ReliableChangeDetector() };
    private readonly List<string> _detectorNames = new() { TrajectoryDetector.DefaultName, RuptureRepairDetector.DefaultName, FeedbackRulesDetector.DefaultName, ReliableChangeDetector.DefaultName };
    private readonly HashSet<string> _builtInDetectorNames = new(StringComparer.Ordinal) { TrajectoryDetector.DefaultName, RuptureRepairDetector.DefaultName, FeedbackRulesDetector.DefaultName, ReliableChangeDetector.DefaultName };
    private readonly List<IAlertRule> _alertRules = new();
    private readonly object _gate = new();

    internal TherapeuticAllianceOptions Options { get; } = new();

    internal static TherapeuticAllianceRegistration GetOrAdd(IServiceCollection services)
    {
        foreach (ServiceDescriptor descriptor in services)
        {
            if (descriptor.ServiceType == typeof(TherapeuticAllianceRegistration) && !descriptor.IsKeyedService
                && descriptor.ImplementationInstance is TherapeuticAllianceRegistration existing)
            {
                return existing;
            }
        }

        var registration = new TherapeuticAllianceRegistration();
        services.Add(ServiceDescriptor.Singleton(registration));
        return registration;
    }

    internal void AddInstrument(Instrument instrument)
    {
        lock (_gate)
        {
            _instruments.Add(instrument);
        }
    }

    internal IReadOnlyList<ITrendDetector> DefaultDetectors => _detectors;

    /// <summary>
    /// Records a detector's name in the analyzer's order and says how to register it: a built-in's name, the first time,
    /// replaces the built-in's keyed registration (so a built-in with other options is what runs); any other name is
    /// added once (the first registration wins).
    /// </summary>
    internal DetectorRegistration AddDetector(ITrendDetector detector)
    {
        lock (_gate)
        {
            if (_builtInDetectorNames.Remove(detector.Name))
            {
                return DetectorRegistration.ReplaceBuiltIn;
            }

            if (_detectorNames.Contains(detector.Name))
            {
                return DetectorRegistration.AlreadyRegistered;
            }

            _detectorNames.Add(detector.Name);
            return DetectorRegistration.Add;
        }
    }

    /// <summary>Adds an alert rule after the built-in ones, or in the place of the one with the same name.</summary>
    internal void AddAlertRule(IAlertRule rule)
    {
        lock (_gate)
        {
            _alertRules.RemoveAll(r => r.Name == rule.Name);
            _alertRules.Add(rule);
        }
    }

    /// <summary>
    /// Builds the analyzer from what the container holds: every keyed <see cref="ITrendDetector"/>, resolved by name,
    /// in registration order (the built-ins first), so an application's own keyed registration of a name is the one
    /// that runs.
    /// </summary>
    internal EpisodeAnalyzer CreateAnalyzer(IServiceProvider services, IServiceCollection registrations, IGuidanceProvider guidance)
    {
        lock (_gate)
        {
            IEnumerable<string> keyed = registrations
                .Where(d => d.IsKeyedService && d.ServiceType == typeof(ITrendDetector) && d.ServiceKey is string)
                .Select(d => (string)d.ServiceKey!);
            ITrendDetector[] detectors = _detectorNames.Concat(keyed).Distinct(StringComparer.Ordinal)
                .Select(name => services.GetRequiredKeyedService<ITrendDetector>(name))
                .ToArray();
            AlertRules alerts = _alertRules.Aggregate(new AlertRules(Options.Alerts), (rules, rule) => rules.With(rule));
            return new EpisodeAnalyzer(detectors, alerts, guidance);
        }
    }

    internal TherapeuticAllianceSettings Snapshot()
    {
        lock (_gate)
        {
            // An instrument added under a built-in's identifier replaces it (the catalog keeps the last one).
            return new TherapeuticAllianceSettings(Options.DefaultScoringStrategy, Options.MissingDataPolicy, new InstrumentCatalog(AllianceInstruments.All.Concat(_instruments)));
        }
    }
}

/// <summary>The immutable snapshot of the options that services read.</summary>
internal sealed class TherapeuticAllianceSettings
{
    internal TherapeuticAllianceSettings(string defaultScoringStrategy, MissingDataPolicy? missingDataPolicy, InstrumentCatalog catalog)
    {
        DefaultScoringStrategy = defaultScoringStrategy;
        MissingDataPolicy = missingDataPolicy;
        Catalog = catalog;
    }

    internal string DefaultScoringStrategy { get; }

    internal MissingDataPolicy? MissingDataPolicy { get; }

    internal InstrumentCatalog Catalog { get; }
}

internal sealed class TherapeuticAllianceBuilder : ITherapeuticAllianceBuilder
{
    internal TherapeuticAllianceBuilder(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }
}

/// <summary>How <c>AddTrendDetector</c> registers a detector.</summary>
internal enum DetectorRegistration
{
    Add,
    ReplaceBuiltIn,
    AlreadyRegistered,
}
