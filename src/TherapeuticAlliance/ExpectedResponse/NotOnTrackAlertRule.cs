using System.Collections.Generic;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>
/// Raises one alert when the latest session of an outcome episode is not on track (a <see cref="NotOnTrackFinding"/>),
/// naming since which session every score has been. Severity <see cref="AlertSeverity.Act"/>: the OQ system's red
/// signal for clients "not making expected progress" (domain reference §A.1), whom feedback helps most (Lambert &amp;
/// Shimokawa 2011). Not strain in the partnership.
/// </summary>
/// <remarks>Name and code <c>not-on-track</c>. Add it with <c>AddAlertRule</c> or <see cref="AlertRules.With"/> beside the <see cref="NotOnTrackDetector"/>. This type is immutable and thread-safe.</remarks>
public sealed class NotOnTrackAlertRule : IAlertRule
{
    /// <summary>The rule's name and code, <c>not-on-track</c>.</summary>
    public const string RuleName = "not-on-track";

    /// <inheritdoc/>
    public string Name => RuleName;

    /// <inheritdoc/>
    public IEnumerable<Alert> Evaluate(AlertContext context)
    {
        Guard.Against.Null(context);
        Episode episode = context.Episode;
        var off = context.Findings.OfType<NotOnTrackFinding>().GroupBy(f => f.Sessions[0]).ToDictionary(g => g.Key, g => g.First());
        int last = episode.Count - 1;
        if (episode.Measure != MeasureKind.Outcome || !off.TryGetValue(episode.Scores[last].Occasion.SessionNumber, out NotOnTrackFinding? latest))
        {
            yield break;
        }

        int first = episode.LatestRunStart(off.ContainsKey, floor: 1);

        int since = episode.Scores[first].Occasion.SessionNumber;
        string run = first == last ? string.Empty : $" Not on track at every session since session {since}.";
        yield return new Alert(Name, first == last ? new[] { since } : new[] { since, latest.Sessions[0] }, latest.Summary + run, signalsStrain: false, AlertSeverity.Act, RuleName);
    }
}
