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

    /// <summary>Adds a detector unless one with the same name is registered already (the first registration wins).</summary>
    internal bool TryAddDetector(ITrendDetector detector)
    {
        lock (_gate)
        {
            if (_detectors.Exists(d => d.Name == detector.Name))
            {
                return false;
            }

            _detectors.Add(detector);
            return true;
        }
    }

    internal EpisodeAnalyzer CreateAnalyzer(IGuidanceProvider guidance)
    {
        lock (_gate)
        {
            return new EpisodeAnalyzer(_detectors.ToArray(), new AlertRules(Options.Alerts), guidance);
        }
    }

    internal TherapeuticAllianceSettings Snapshot()
    {
        lock (_gate)
        {
            Instrument srs = AllianceInstruments.Srs.WithCutoff(AllianceInstruments.Srs.Cutoff!.WithOperator(Options.SrsCutoffOperator));
            IEnumerable<Instrument> builtIns = AllianceInstruments.All.Select(i => i.Id == srs.Id ? srs : i);
            return new TherapeuticAllianceSettings(Options.DefaultScoringStrategy, new InstrumentCatalog(builtIns.Concat(_instruments)));
        }
    }
}

/// <summary>The immutable snapshot of the options that services read.</summary>
internal sealed class TherapeuticAllianceSettings
{
    internal TherapeuticAllianceSettings(string defaultScoringStrategy, InstrumentCatalog catalog)
    {
        DefaultScoringStrategy = defaultScoringStrategy;
        Catalog = catalog;
    }

    internal string DefaultScoringStrategy { get; }

    internal InstrumentCatalog Catalog { get; }
}

internal sealed class TherapeuticAllianceBuilder : ITherapeuticAllianceBuilder
{
    internal TherapeuticAllianceBuilder(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }
}
