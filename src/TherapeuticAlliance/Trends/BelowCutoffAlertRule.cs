using System.Collections.Generic;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>Raises an alert for every session whose score meets the instrument's cutoff (as found by <see cref="FeedbackRulesDetector"/>); signals strain.</summary>
/// <remarks>Name <see cref="AlertRules.BelowCutoffRule"/>. This type is immutable and thread-safe.</remarks>
public sealed class BelowCutoffAlertRule : IAlertRule
{
    /// <inheritdoc/>
    public string Name => AlertRules.BelowCutoffRule;

    /// <inheritdoc/>
    public IEnumerable<Alert> Evaluate(AlertContext context) =>
        Guard.Against.Null(context).Findings.OfType<PracticeRuleFinding>()
            .Where(f => f.Kind == PracticeRule.BelowCutoff)
            .Select(f => new Alert(Name, f.Sessions, f.Summary, signalsStrain: true));
}
