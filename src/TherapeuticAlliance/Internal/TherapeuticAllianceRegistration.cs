using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using TherapeuticAlliance.Guidance;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Internal;

/// <summary>Registration-time state kept in the service collection, so repeated calls share one options object.</summary>
internal sealed class TherapeuticAllianceRegistration
{
    private readonly List<Instrument> _instruments = new();
    private readonly List<ITrendDetector> _detectors = new() { new TrajectoryDetector(), new RuptureRepairDetector(), new FeedbackRulesDetector() };
    private readonly HashSet<string> _builtInDetectorNames = new(StringComparer.Ordinal) { TrajectoryDetector.DefaultName, RuptureRepairDetector.DefaultName, FeedbackRulesDetector.DefaultName };
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

    internal IReadOnlyList<ITrendDetector> DefaultDetectors => _detectors.GetRange(0, 3);

    /// <summary>
    /// Adds a detector. One registered under a built-in detector's name replaces the built-in (so a built-in with other
    /// options takes its place); otherwise the first registration of a name wins.
    /// </summary>
    internal bool TryAddDetector(ITrendDetector detector)
    {
        lock (_gate)
        {
            int existing = _detectors.FindIndex(d => d.Name == detector.Name);
            if (existing >= 0 && _builtInDetectorNames.Remove(detector.Name))
            {
                _detectors[existing] = detector;
                return true;
            }

            if (existing >= 0)
            {
                return false;
            }

            _detectors.Add(detector);
            return true;
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

    internal EpisodeAnalyzer CreateAnalyzer(IGuidanceProvider guidance)
    {
        lock (_gate)
        {
            AlertRules alerts = _alertRules.Aggregate(new AlertRules(Options.Alerts), (rules, rule) => rules.With(rule));
            return new EpisodeAnalyzer(_detectors.ToArray(), alerts, guidance);
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
