using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace TherapeuticAlliance;

/// <summary>
/// The names a TherapeuticAlliance registration holds, built-ins and an application's alike: the one registry behind
/// the keyed services, filled by the public builder calls (<c>AddScoringStrategy</c>, <c>AddTrendDetector</c>,
/// <c>AddAlertRule</c>, <c>AddInstrument</c>, <c>AddExpectedResponseModel</c>), which <c>AddTherapeuticAlliance</c> itself uses for the built-ins.
/// Registering a name that exists replaces it, for every kind. Resolve it from the container to list what can be
/// asked for (a tool's <c>--strategy</c> choices, a settings page).
/// </summary>
/// <remarks>Immutable and thread-safe; a snapshot of the registrations when the container built it.</remarks>
public sealed class AllianceRegistry
{
    internal AllianceRegistry(IEnumerable<string> scoringStrategies, IEnumerable<string> trendDetectors, IEnumerable<string> alertRules, IEnumerable<string> instruments, IEnumerable<string> expectedResponseModels)
    {
        ExpectedResponseModels = expectedResponseModels.ToImmutableArray();
        ScoringStrategies = scoringStrategies.ToImmutableArray();
        TrendDetectors = trendDetectors.ToImmutableArray();
        AlertRules = alertRules.ToImmutableArray();
        Instruments = instruments.ToImmutableArray();
    }

    /// <summary>Gets the scoring strategies' names, in registration order (the built-ins first).</summary>
    public ImmutableArray<string> ScoringStrategies { get; }

    /// <summary>Gets the trend detectors' names, in the order the registered analyzer runs them (the built-ins first).</summary>
    public ImmutableArray<string> TrendDetectors { get; }

    /// <summary>Gets the alert rules' names, in the order the registered analyzer evaluates them.</summary>
    public ImmutableArray<string> AlertRules { get; }

    /// <summary>Gets the identifiers of the catalog's instruments.</summary>
    public ImmutableArray<string> Instruments { get; }

    /// <summary>Gets the kinds of the expected-response models (<c>AddExpectedResponseModel</c>), in registration order (the built-ins first).</summary>
    public ImmutableArray<string> ExpectedResponseModels { get; }

    /// <summary>Returns how many names of each kind the registry holds.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} strategies, {1} detectors, {2} alert rules, {3} instruments, {4} expected-response models", ScoringStrategies.Length, TrendDetectors.Length, AlertRules.Length, Instruments.Length, ExpectedResponseModels.Length);
}
