using System.Collections.Generic;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>Raises an alert for every sudden loss (any finding with <see cref="ISuddenChangeEvidence"/>, such as <see cref="SuddenGainsAndLossesDetector"/>'s), naming the sessions before and after it; signals strain on an alliance measure.</summary>
/// <remarks>Name <see cref="AlertRules.SuddenLossRule"/>. This type is immutable and thread-safe.</remarks>
public sealed class SuddenLossAlertRule : IAlertRule
{
    /// <inheritdoc/>
    public string Name => AlertRules.SuddenLossRule;

    /// <inheritdoc/>
    public IEnumerable<Alert> Evaluate(AlertContext context) =>
        Guard.Against.Null(context).Findings.OfType<ISuddenChangeEvidence>()
            .Where(s => s.Kind == SuddenChangeKind.Loss)
            .Select(f => new Alert(Name, new[] { f.PreSession, f.PostSession }, f.Summary, signalsStrain: context.Episode.Measure == MeasureKind.Alliance, AlertSeverity.Watch, AlertRules.SuddenLossRule));
}
