using System.Collections.Generic;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// Raises one alert when an outcome episode has deteriorated reliably from its first to its latest session
/// (<see cref="ReliableChangeFinding"/>, Jacobson &amp; Truax 1991). Severity <see cref="AlertSeverity.Act"/>: deterioration is
/// what feedback systems exist to catch (domain reference §A, §D). Not strain in the partnership: an outcome measure
/// says nothing about the alliance.
/// It reads any finding with <see cref="IReliableChangeEvidence"/>, so a site's own detector feeds it as the built-in one does.
/// </summary>
/// <remarks>Name and code <see cref="AlertRules.ReliableDeteriorationRule"/>. This type is immutable and thread-safe.</remarks>
public sealed class ReliableDeteriorationAlertRule : IAlertRule
{
    /// <inheritdoc/>
    public string Name => AlertRules.ReliableDeteriorationRule;

    /// <inheritdoc/>
    public IEnumerable<Alert> Evaluate(AlertContext context) =>
        Guard.Against.Null(context).Episode.Measure != MeasureKind.Outcome
            ? Enumerable.Empty<Alert>()
            : context.Findings.OfType<IReliableChangeEvidence>()
                .Where(f => f.Direction == ChangeDirection.Deteriorated)
                .Select(f => new Alert(Name, f.Sessions, f.Summary, signalsStrain: false, AlertSeverity.Act, AlertRules.ReliableDeteriorationRule));
}
