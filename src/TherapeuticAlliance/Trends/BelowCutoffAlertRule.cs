using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// Raises one alert when the latest score of an alliance episode is on the flagged side of the episode's cutoff (the
/// scores' own cutoff unless the episode was given another; for the SRS: sum below 36), read from the scores
/// themselves, so the alert needs no detector (replacing <see cref="FeedbackRulesDetector"/> or running it with
/// <see cref="FeedbackRulesOptions.CheckCutoff"/> off leaves it as it is), and has been for at least
/// <see cref="MinimumSessions"/> consecutive sessions, naming the session since which every score has been; signals
/// strain. Severity <see cref="AlertSeverity.Watch"/>: the cutoff is a vendor practice rule, not validated as a rupture
/// detector (domain reference §B).
/// </summary>
/// <remarks>Name and code <see cref="AlertRules.BelowCutoffRule"/>. Earlier sessions below the cutoff stay in the findings. This type is immutable and thread-safe.</remarks>
public sealed class BelowCutoffAlertRule : IAlertRule
{
    /// <summary>Initializes a new instance of the <see cref="BelowCutoffAlertRule"/> class.</summary>
    /// <param name="minimumSessions">
    /// How many consecutive sessions, ending with the latest, must be below the cutoff; 1 or more. The default is 2, a
    /// design choice: one score just under the cutoff is often measurement noise (a client at 36.5 with session-to-session
    /// noise of half a point), and repeated low-value alerts lower clinicians' uptake (domain reference §D). Its measured
    /// effect is in docs/trends.md; 1 is the vendor rule as published.
    /// </param>
    /// <exception cref="System.ArgumentException">Thrown when <paramref name="minimumSessions"/> is less than 1.</exception>
    public BelowCutoffAlertRule(int minimumSessions = 2) =>
        MinimumSessions = Guard.Against.InvalidInput(minimumSessions, nameof(minimumSessions), static n => n >= 1, "At least one session is needed.");

    /// <summary>Gets how many consecutive sessions, ending with the latest, must be below the cutoff.</summary>
    public int MinimumSessions { get; }

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

        var flagged = new HashSet<int>(episode.Scores.Where(s => cutoff.IsMet(s) == true).Select(s => s.Occasion.SessionNumber));
        int last = episode.Count - 1;
        int latest = episode.Scores[last].Occasion.SessionNumber;
        if (!flagged.Contains(latest))
        {
            yield break;
        }

        int first = episode.LatestRunStart(flagged.Contains);

        if (last - first + 1 < MinimumSessions)
        {
            yield break;
        }

        int since = episode.Scores[first].Occasion.SessionNumber;
        string run = first == last
            ? string.Empty
            : string.Format(CultureInfo.InvariantCulture, " Every score since session {0} has been flagged ({1} sessions).", since, last - first + 1);
        string message = string.Format(
            CultureInfo.InvariantCulture,
            "The latest session ({0}): {1} points, flagged by the cutoff ({2}).{3}",
            latest,
            episode.Scores[last].Value,
            cutoff,
            run);
        yield return new Alert(Name, first == last ? new[] { latest } : new[] { since, latest }, message, signalsStrain: true, AlertSeverity.Watch, AlertRules.BelowCutoffRule);
    }
}
