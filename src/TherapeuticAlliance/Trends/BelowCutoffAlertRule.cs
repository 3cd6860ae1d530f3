using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// Raises one alert when the latest score of an alliance episode is on the flagged side of the instrument's cutoff (as
/// found by <see cref="FeedbackRulesDetector"/>; for the SRS: sum below 36), naming the session since which every score
/// has been; signals strain. Severity <see cref="AlertSeverity.Watch"/>: the cutoff is a vendor practice rule, not
/// validated as a rupture detector (domain reference §B).
/// </summary>
/// <remarks>Name and code <see cref="AlertRules.BelowCutoffRule"/>. Earlier sessions below the cutoff stay in the findings. This type is immutable and thread-safe.</remarks>
public sealed class BelowCutoffAlertRule : IAlertRule
{
    /// <inheritdoc/>
    public string Name => AlertRules.BelowCutoffRule;

    /// <inheritdoc/>
    public IEnumerable<Alert> Evaluate(AlertContext context)
    {
        Guard.Against.Null(context);
        Episode episode = context.Episode;
        if (episode.Measure != MeasureKind.Alliance || episode.Cutoff is not { } cutoff)
        {
            yield break;
        }

        var flagged = new HashSet<int>(context.Findings.OfType<PracticeRuleFinding>().Where(f => f.Kind == PracticeRule.BelowCutoff).Select(f => f.Sessions[0]));
        int last = episode.Count - 1;
        int latest = episode.Scores[last].Occasion.SessionNumber;
        if (!flagged.Contains(latest))
        {
            yield break;
        }

        int first = last;
        while (first > 0 && flagged.Contains(episode.Scores[first - 1].Occasion.SessionNumber))
        {
            first--;
        }

        int since = episode.Scores[first].Occasion.SessionNumber;
        string run = first == last
            ? string.Empty
            : string.Format(CultureInfo.InvariantCulture, " Every score since session {0} has been flagged ({1} sessions).", since, last - first + 1);
        string message = string.Format(
            CultureInfo.InvariantCulture,
            "{0} at the latest session ({1}): {2} points, flagged by the cutoff ({3}).{4}",
            episode.InstrumentId,
            latest,
            episode.Scores[last].Value,
            cutoff,
            run);
        yield return new Alert(Name, first == last ? new[] { latest } : new[] { since, latest }, message, signalsStrain: true, AlertSeverity.Watch, AlertRules.BelowCutoffRule);
    }
}
