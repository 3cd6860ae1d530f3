using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using TherapeuticAlliance.Guidance;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance;

/// <summary>
/// Registration-time state kept in the service collection, so repeated calls share one options object: the one
/// registry of names (scoring strategies, detectors in the analyzer's order, alert rules), filled by the public builder
/// calls, built-ins included. Nothing reads the service collection at resolve time.
/// </summary>
internal sealed class TherapeuticAllianceRegistration
{
    private readonly List<Instrument> _instruments = new();
    private readonly List<string> _strategyNames = new();
    private readonly List<string> _detectorNames = new();
    private readonly List<IAlertRule> _alertRules = new();
    private readonly List<ExpectedResponse.IExpectedResponseModelFactory> _expectedResponse = new();
    private readonly object _gate = new();

    internal TherapeuticAllianceOptions Options { get; } = new();

    /// <summary>Returns the registration the collection holds, or adds one; <paramref name="created"/> says which.</summary>
    internal static TherapeuticAllianceRegistration GetOrAdd(IServiceCollection services, out bool created)
    {
        foreach (ServiceDescriptor descriptor in services)
        {
            if (descriptor.ServiceType == typeof(TherapeuticAllianceRegistration) && !descriptor.IsKeyedService
                && descriptor.ImplementationInstance is TherapeuticAllianceRegistration existing)
            {
                created = false;
                return existing;
            }
        }

        var registration = new TherapeuticAllianceRegistration();
        services.Add(ServiceDescriptor.Singleton(registration));
        created = true;
        return registration;
    }

    internal static TherapeuticAllianceRegistration GetOrAdd(IServiceCollection services) => GetOrAdd(services, out _);

    internal void AddInstrument(Instrument instrument)
    {
        lock (_gate)
        {
            _instruments.Add(instrument);
        }
    }

    /// <summary>Records a scoring strategy's name (once, in registration order).</summary>
    internal void AddStrategyName(string name)
    {
        lock (_gate)
        {
            if (!_strategyNames.Contains(name))
            {
                _strategyNames.Add(name);
            }
        }
    }

    /// <summary>Records a detector's name in the analyzer's order; a name registered again keeps its place (its registration is replaced).</summary>
    internal void AddDetectorName(string name)
    {
        lock (_gate)
        {
            if (!_detectorNames.Contains(name))
            {
                _detectorNames.Add(name);
            }
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

    /// <summary>Adds an expected-response model factory, or puts it in the place of the one of its kind (keeping the place).</summary>
    internal void AddExpectedResponseModel(ExpectedResponse.IExpectedResponseModelFactory factory)
    {
        lock (_gate)
        {
            int at = _expectedResponse.FindIndex(f => f.Kind == factory.Kind);
            if (at >= 0)
            {
                _expectedResponse[at] = factory;
            }
            else
            {
                _expectedResponse.Add(factory);
            }
        }
    }

    /// <summary>The registered expected-response models, or the built-ins when none is registered.</summary>
    internal ExpectedResponse.ExpectedResponseModels ExpectedResponseModels()
    {
        lock (_gate)
        {
            return _expectedResponse.Count == 0 ? ExpectedResponse.ExpectedResponseModels.Default : new ExpectedResponse.ExpectedResponseModels(_expectedResponse);
        }
    }

    /// <summary>Builds the analyzer from the registry: every registered detector name, resolved from the container, in registration order.</summary>
    internal EpisodeAnalyzer CreateAnalyzer(IServiceProvider services, IGuidanceProvider guidance)
    {
        lock (_gate)
        {
            ITrendDetector[] detectors = _detectorNames.Select(name => services.GetRequiredKeyedService<ITrendDetector>(name)).ToArray();
            return new EpisodeAnalyzer(detectors, Alerts(), guidance, services.GetService<IInstrumentCatalog>());
        }
    }

    /// <summary>The names the registry holds, as the public <see cref="AllianceRegistry"/> shows them.</summary>
    internal AllianceRegistry Registry()
    {
        lock (_gate)
        {
            return new AllianceRegistry(_strategyNames, _detectorNames, Alerts().Rules.Select(r => r.Name), Snapshot().Catalog.Instruments.Select(i => i.Id), _expectedResponse.Select(f => f.Kind));
        }
    }

    private AlertRules Alerts() => _alertRules.Aggregate(new AlertRules(Options.Alerts), (rules, rule) => rules.With(rule));

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
