using System.Collections.Generic;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>Raises an alert for every drop from the previous session that <see cref="FeedbackRulesDetector"/> found; signals strain.</summary>
/// <remarks>Name <see cref="AlertRules.DropFromPreviousRule"/>. This type is immutable and thread-safe.</remarks>
public sealed class DropFromPreviousAlertRule : IAlertRule
{
    /// <inheritdoc/>
    public string Name => AlertRules.DropFromPreviousRule;

    /// <inheritdoc/>
    public IEnumerable<Alert> Evaluate(AlertContext context) =>
        Guard.Against.Null(context).Findings.OfType<PracticeRuleFinding>()
            .Where(f => f.Kind == PracticeRule.DropFromPrevious)
            .Select(f => new Alert(Name, f.Sessions, f.Summary, signalsStrain: true));
}
