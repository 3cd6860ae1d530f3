using System.Collections.Generic;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// Raises one alert when the latest score of an alliance episode is at least d points below the previous one (as found
/// by <see cref="FeedbackRulesDetector"/>; for the SRS, OpenFIT's "1 point below last session"); signals strain.
/// Severity <see cref="AlertSeverity.Watch"/>, advisory: the domain reference (recommendation 3) defaults this vendor rule
/// to advisory, not red, because of alert fatigue (§D).
/// It reads any finding with <see cref="IPracticeRuleEvidence"/>, so a site's own detector feeds it as the built-in one does.
/// </summary>
/// <remarks>Name and code <see cref="AlertRules.DropFromPreviousRule"/>. Earlier drops stay in the findings. This type is immutable and thread-safe.</remarks>
public sealed class DropFromPreviousAlertRule : IAlertRule
{
    /// <inheritdoc/>
    public string Name => AlertRules.DropFromPreviousRule;

    /// <inheritdoc/>
    public IEnumerable<Alert> Evaluate(AlertContext context)
    {
        Guard.Against.Null(context);
        Episode episode = context.Episode;
        if (episode.Measure != MeasureKind.Alliance)
        {
            return Enumerable.Empty<Alert>();
        }

        int latest = episode.Scores[episode.Count - 1].Occasion.SessionNumber;
        return context.Findings.OfType<IPracticeRuleEvidence>()
            .Where(f => f.Kind == PracticeRule.DropFromPrevious && f.Sessions[1] == latest)
            .Select(f => new Alert(Name, f.Sessions, f.Summary, signalsStrain: true, AlertSeverity.Watch, AlertRules.DropFromPreviousRule));
    }
}
