using System.Collections.Generic;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>Raises an alert for every sudden loss (<see cref="SuddenGainsAndLossesDetector"/>), naming the sessions before and after it; signals strain.</summary>
/// <remarks>Name <see cref="AlertRules.SuddenLossRule"/>. This type is immutable and thread-safe.</remarks>
public sealed class SuddenLossAlertRule : IAlertRule
{
    /// <inheritdoc/>
    public string Name => AlertRules.SuddenLossRule;

    /// <inheritdoc/>
    public IEnumerable<Alert> Evaluate(AlertContext context) =>
        Guard.Against.Null(context).Findings.OfType<SuddenGainOrLossFinding>()
            .Where(s => s.Kind == SuddenChangeKind.Loss)
            .Select(f => new Alert(Name, new[] { f.PreSession, f.PostSession }, f.Summary, signalsStrain: context.Episode.Measure == MeasureKind.Alliance, AlertSeverity.Watch, AlertRules.SuddenLossRule));
}
