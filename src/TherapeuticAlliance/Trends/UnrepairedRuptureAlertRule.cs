using System.Collections.Generic;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>Raises an alert for every rupture not repaired within its window (<see cref="RuptureRepairDetector"/>); signals strain.</summary>
/// <remarks>Name <see cref="AlertRules.UnrepairedRuptureRule"/>. This type is immutable and thread-safe.</remarks>
public sealed class UnrepairedRuptureAlertRule : IAlertRule
{
    /// <inheritdoc/>
    public string Name => AlertRules.UnrepairedRuptureRule;

    /// <inheritdoc/>
    public IEnumerable<Alert> Evaluate(AlertContext context) =>
        Guard.Against.Null(context).Findings.OfType<RuptureFinding>()
            .Where(r => !r.IsRepaired)
            .Select(f => new Alert(Name, f.Sessions, f.Summary, signalsStrain: true));
}
