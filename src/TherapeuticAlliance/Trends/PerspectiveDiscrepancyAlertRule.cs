using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
    public PerspectiveDiscrepancyAlertRule(double threshold)
        : this(threshold, ImmutableDictionary<string, double>.Empty)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PerspectiveDiscrepancyAlertRule"/> class with thresholds per instrument.</summary>
    /// <param name="threshold">The difference, in points, for instruments not in <paramref name="thresholds"/>; positive, or <see langword="null"/> for no alert on them.</param>
    /// <param name="thresholds">The difference, in points of each instrument's metric, by instrument identifier; positive values. Instruments' ranges differ, so one number rarely fits them all.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="thresholds"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when a threshold is not positive and finite.</exception>
    public PerspectiveDiscrepancyAlertRule(double? threshold, ImmutableDictionary<string, double> thresholds)
    {
        Threshold = Guard.Against.InvalidInput(threshold, nameof(threshold), static t => t is null or (> 0.0 and < double.PositiveInfinity), "The threshold is a positive number of points.");
        Thresholds = Guard.Against.InvalidInput(Guard.Against.Null(thresholds), nameof(thresholds), static t => t.Values.All(v => v > 0.0 && !double.IsInfinity(v)), "Each threshold is a positive number of points.");
    }

    /// <summary>Gets the threshold, in points, for instruments not in <see cref="Thresholds"/>; <see langword="null"/> for none.</summary>
    public double? Threshold { get; }

    /// <summary>Gets the thresholds by instrument identifier, in points of each instrument's metric.</summary>
    public ImmutableDictionary<string, double> Thresholds { get; }

    /// <inheritdoc/>
    public string Name => AlertRules.DiscrepancyRule;

    /// <inheritdoc/>
    public IEnumerable<Alert> Evaluate(AlertContext context)
    {
        Guard.Against.Null(context);
        Episode episode = context.Episode;
        // A discrepancy belongs to the pair: it is raised once, on the client's (the lower perspective's) episode.
        if (context.OtherPerspective is not { } other || other.Perspective <= episode.Perspective || other.InstrumentId != episode.InstrumentId || other.Metric != episode.Metric)
        {
            yield break;
        }

        if ((Thresholds.TryGetValue(episode.InstrumentId, out double own) ? own : Threshold) is not { } threshold)
        {
            yield break;
        }

        // The state at the latest session both perspectives rated; earlier differences are history, not a new alert.
        var otherValues = other.Scores.ToDictionary(s => s.Occasion.SessionNumber, s => s.Value);
        AllianceScore? latest = episode.Scores.LastOrDefault(s => otherValues.ContainsKey(s.Occasion.SessionNumber));
        if (latest is { } score && Math.Abs((double)(score.Value - otherValues[score.Occasion.SessionNumber])) > threshold)
        {
            decimal otherValue = otherValues[score.Occasion.SessionNumber];
            yield return new Alert(Name, new[] { score.Occasion.SessionNumber }, string.Format(CultureInfo.InvariantCulture, "Session {0}, the latest both rated: the {1} and {2} scores differ by {3} points, more than {4}.", score.Occasion.SessionNumber, AllianceCodes.ToCode(episode.Perspective), AllianceCodes.ToCode(other.Perspective), Math.Abs(score.Value - otherValue), threshold), signalsStrain: false, AlertSeverity.Watch, AlertRules.DiscrepancyRule);
        }
    }
}
