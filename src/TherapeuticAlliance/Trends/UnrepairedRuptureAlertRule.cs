using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// Raises one alert when the most recent rupture of an alliance episode (any finding with <see cref="IRuptureEvidence"/>,
/// such as the built-in <see cref="RuptureFinding"/> or a site's own rupture rule's) has not been
/// repaired: no later score is back to a level not reliably below the one before the drop. Signals strain; severity
/// <see cref="AlertSeverity.Act"/>: unrepaired ruptures predicted worse outcome (McLaughlin et al. 2014, domain
/// reference §B), and the rule rests on a drop of at least 2 SD and the reliable-change value.
/// </summary>
/// <remarks>Name and code <see cref="AlertRules.UnrepairedRuptureRule"/>. Repaired ruptures stay in the findings. This type is immutable and thread-safe.</remarks>
public sealed class UnrepairedRuptureAlertRule : IAlertRule
{
    /// <inheritdoc/>
    public string Name => AlertRules.UnrepairedRuptureRule;

    /// <inheritdoc/>
    public IEnumerable<Alert> Evaluate(AlertContext context)
    {
        Guard.Against.Null(context);
        Episode episode = context.Episode;
        if (episode.Measure != MeasureKind.Alliance
            || context.Findings.OfType<IRuptureEvidence>().OrderBy(r => r.TroughSession).LastOrDefault() is not { RepairSession: null } rupture)
        {
            yield break;
        }

        double tolerance = rupture.RepairTolerance;
        bool higherIsBetter = rupture.HigherIsBetter;
        bool regained = episode.Scores
            .Where(s => s.Occasion.SessionNumber > rupture.TroughSession)
            .Any(s => (higherIsBetter ? (double)s.Value - rupture.Before : rupture.Before - (double)s.Value) >= -tolerance);
        if (regained)
        {
            yield break;
        }

        int latest = episode.Scores[episode.Count - 1].Occasion.SessionNumber;
        string message = string.Format(
            CultureInfo.InvariantCulture,
            "Unrepaired rupture since session {0}: {1} Latest session {2}: {3} points.",
            rupture.TroughSession,
            rupture.Summary,
            latest,
            episode.Scores[episode.Count - 1].Value);
        yield return new Alert(Name, new[] { rupture.StartSession, rupture.TroughSession, latest }.Distinct(), message, signalsStrain: true, AlertSeverity.Act, AlertRules.UnrepairedRuptureRule);
    }
}
