using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// Raises one alert when, at the latest session both rated, the client's and the therapist's scores (same instrument and
/// metric) differ by more than a threshold, in points. It does not signal strain: a difference in views is a prompt to
/// compare them.
/// </summary>
/// <remarks>Name <see cref="AlertRules.DiscrepancyRule"/>. This type is immutable and thread-safe.</remarks>
public sealed class PerspectiveDiscrepancyAlertRule : IAlertRule
{
    /// <summary>Initializes a new instance of the <see cref="PerspectiveDiscrepancyAlertRule"/> class.</summary>
    /// <param name="threshold">The difference, in points of the score's metric, above which a session raises an alert; positive.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="threshold"/> is not positive.</exception>
    public PerspectiveDiscrepancyAlertRule(double threshold) =>
        Threshold = Guard.Against.InvalidInput(threshold, nameof(threshold), static t => t > 0.0 && !double.IsInfinity(t), "The threshold is a positive number of points.");

    /// <summary>Gets the threshold, in points of the score's metric.</summary>
    public double Threshold { get; }

    /// <inheritdoc/>
    public string Name => AlertRules.DiscrepancyRule;

    /// <inheritdoc/>
    public IEnumerable<Alert> Evaluate(AlertContext context)
    {
        Guard.Against.Null(context);
        Episode episode = context.Episode;
        if (context.OtherPerspective is not { } other || other.Perspective == episode.Perspective || other.InstrumentId != episode.InstrumentId || other.Metric != episode.Metric)
        {
            yield break;
        }

        // The state at the latest session both perspectives rated; earlier differences are history, not a new alert.
        var otherValues = other.Scores.ToDictionary(s => s.Occasion.SessionNumber, s => s.Value);
        AllianceScore? latest = episode.Scores.LastOrDefault(s => otherValues.ContainsKey(s.Occasion.SessionNumber));
        if (latest is { } score && Math.Abs((double)(score.Value - otherValues[score.Occasion.SessionNumber])) > Threshold)
        {
            decimal otherValue = otherValues[score.Occasion.SessionNumber];
            yield return new Alert(Name, new[] { score.Occasion.SessionNumber }, string.Format(CultureInfo.InvariantCulture, "Session {0}, the latest both rated: the {1} and {2} scores differ by {3} points, more than {4}.", score.Occasion.SessionNumber, episode.Perspective, other.Perspective, Math.Abs(score.Value - otherValue), Threshold), signalsStrain: false, AlertSeverity.Watch, AlertRules.DiscrepancyRule);
        }
    }
}
