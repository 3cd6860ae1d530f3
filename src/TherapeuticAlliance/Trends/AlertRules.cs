using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>Represents an alert: a rule over the findings of an episode that fired, with the sessions concerned.</summary>
/// <remarks>An alert is a prompt to look, not a clinical judgement. Messages never contain identifiers. This type is immutable and thread-safe.</remarks>
public sealed class Alert
{
    internal Alert(string rule, IEnumerable<int> sessions, string message)
    {
        Rule = rule;
        Sessions = sessions.ToImmutableArray();
        Message = message;
    }

    /// <summary>Gets the name of the alert rule that fired: one of the constants in <see cref="AlertRules"/>.</summary>
    public string Rule { get; }

    /// <summary>Gets the sessions concerned.</summary>
    public ImmutableArray<int> Sessions { get; }

    /// <summary>Gets a neutral description of what fired.</summary>
    public string Message { get; }

    /// <summary>Returns the rule and message.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Rule}: {Message}";
}

/// <summary>Configures <see cref="AlertRules"/>: which rules are on and their thresholds.</summary>
/// <remarks>Immutable; validated when <see cref="AlertRules"/> is constructed.</remarks>
public sealed record AlertOptions
{
    /// <summary>Gets whether a session meeting the instrument's cutoff raises an alert.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool BelowCutoff { get; init; } = true;

    /// <summary>Gets whether a drop from the previous session (as found by <see cref="FeedbackRulesDetector"/>) raises an alert.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool DropFromPrevious { get; init; } = true;

    /// <summary>Gets whether a rupture that was not repaired within its window raises an alert.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool UnrepairedRupture { get; init; } = true;

    /// <summary>Gets whether a significantly declining slope raises an alert.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool DecliningSlope { get; init; } = true;

    /// <summary>Gets the two-tailed level at which a negative slope counts as declining: the upper bound of its confidence interval, <c>b + t(1 − α/2, n − 2)·SE</c>, is below zero.</summary>
    /// <value>Between 0 and 1. The default value is 0.05.</value>
    public double DecliningSlopeAlpha { get; init; } = 0.05;

    /// <summary>Gets whether a sudden loss raises an alert.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool SuddenLoss { get; init; } = true;

    /// <summary>Gets the client–therapist difference, in points of the score's metric, above which a session raises an alert when both perspectives are present.</summary>
    /// <value>Positive, or <see langword="null"/> for off (no sourced default exists). The default value is <see langword="null"/>.</value>
    public double? DiscrepancyThreshold { get; init; }
}

/// <summary>Turns the findings of an episode into alerts by a configurable rule set: below cutoff, drop from the previous session, unrepaired rupture, declining slope, sudden loss, and client–therapist discrepancy.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class AlertRules
{
    /// <summary>The rule name of alerts for sessions that meet the cutoff.</summary>
    public const string BelowCutoffRule = "below-cutoff";

    /// <summary>The rule name of alerts for drops from the previous session.</summary>
    public const string DropFromPreviousRule = "drop-from-previous";

    /// <summary>The rule name of alerts for unrepaired ruptures.</summary>
    public const string UnrepairedRuptureRule = "unrepaired-rupture";

    /// <summary>The rule name of alerts for a significantly declining slope.</summary>
    public const string DecliningSlopeRule = "declining-slope";

    /// <summary>The rule name of alerts for sudden losses.</summary>
    public const string SuddenLossRule = "sudden-loss";

    /// <summary>The rule name of alerts for client–therapist discrepancies.</summary>
    public const string DiscrepancyRule = "perspective-discrepancy";

    private readonly AlertOptions _options;

    /// <summary>Initializes a new instance of the <see cref="AlertRules"/> class with every rule on except the discrepancy rule.</summary>
    public AlertRules()
        : this(new AlertOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AlertRules"/> class.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when a threshold is out of range.</exception>
    public AlertRules(AlertOptions options)
    {
        Guard.Against.Null(options);
        Guard.Against.InvalidInput(options, nameof(options), o => o.DecliningSlopeAlpha > 0.0 && o.DecliningSlopeAlpha < 1.0, "DecliningSlopeAlpha must lie between 0 and 1.");
        Guard.Against.InvalidInput(options, nameof(options), o => o.DiscrepancyThreshold is null or > 0.0, "DiscrepancyThreshold must be positive.");
        _options = options;
    }

    /// <summary>Evaluates the rules.</summary>
    /// <param name="episode">The episode.</param>
    /// <param name="findings">The findings of the detectors over <paramref name="episode"/>.</param>
    /// <param name="otherPerspective">The same client's episode from the other perspective (client or therapist), for the discrepancy rule; <see langword="null"/> when there is none.</param>
    /// <returns>The alerts, in rule order then session order.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episode"/> or <paramref name="findings"/> is <see langword="null"/>.</exception>
    public ImmutableArray<Alert> Evaluate(Episode episode, IEnumerable<TrendFinding> findings, Episode? otherPerspective = null)
    {
        Guard.Against.Null(episode);
        Guard.Against.Null(findings);
        TrendFinding[] all = findings.ToArray();
        var alerts = ImmutableArray.CreateBuilder<Alert>();
        foreach (PracticeRuleFinding f in all.OfType<PracticeRuleFinding>())
        {
            if (_options.BelowCutoff && f.Kind == PracticeRule.BelowCutoff)
            {
                alerts.Add(new Alert(BelowCutoffRule, f.Sessions, f.Summary));
            }
            else if (_options.DropFromPrevious && f.Kind == PracticeRule.DropFromPrevious)
            {
                alerts.Add(new Alert(DropFromPreviousRule, f.Sessions, f.Summary));
            }
        }

        if (_options.UnrepairedRupture)
        {
            foreach (RuptureFinding f in all.OfType<RuptureFinding>().Where(r => !r.IsRepaired))
            {
                alerts.Add(new Alert(UnrepairedRuptureRule, f.Sessions, f.Summary));
            }
        }

        if (_options.DecliningSlope)
        {
            foreach (TrajectoryFinding f in all.OfType<TrajectoryFinding>())
            {
                int df = f.Sessions.Length - 2;
                if (df >= 1 && !double.IsNaN(f.SlopeStandardError)
                    && f.Slope + (SuddenShiftCriteria.CriticalT(df, _options.DecliningSlopeAlpha) * f.SlopeStandardError) < 0.0)
                {
                    alerts.Add(new Alert(DecliningSlopeRule, f.Sessions, string.Format(CultureInfo.InvariantCulture, "The slope over {0} sessions is negative ({1:0.###} per session) at the {2} level.", f.Sessions.Length, f.Slope, _options.DecliningSlopeAlpha)));
                }
            }
        }

        if (_options.SuddenLoss)
        {
            foreach (SuddenShiftFinding f in all.OfType<SuddenShiftFinding>().Where(s => s.Kind == ShiftKind.Loss))
            {
                alerts.Add(new Alert(SuddenLossRule, new[] { f.PreSession, f.PostSession }, f.Summary));
            }
        }

        if (_options.DiscrepancyThreshold is { } threshold && otherPerspective is not null && otherPerspective.Perspective != episode.Perspective
            && otherPerspective.InstrumentId == episode.InstrumentId && otherPerspective.Metric == episode.Metric)
        {
            var other = otherPerspective.Scores.ToDictionary(s => s.Occasion.SessionNumber, s => s.Value);
            foreach (AllianceScore score in episode.Scores)
            {
                if (other.TryGetValue(score.Occasion.SessionNumber, out decimal otherValue) && Math.Abs((double)(score.Value - otherValue)) > threshold)
                {
                    alerts.Add(new Alert(DiscrepancyRule, new[] { score.Occasion.SessionNumber }, string.Format(CultureInfo.InvariantCulture, "Session {0}: the {1} and {2} scores differ by {3}, more than {4}.", score.Occasion.SessionNumber, episode.Perspective, otherPerspective.Perspective, Math.Abs(score.Value - otherValue), threshold)));
                }
            }
        }

        return alerts.ToImmutable();
    }
}
