using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// Turns the findings of an episode into alerts with an ordered set of <see cref="IAlertRule"/>s: by default the
/// built-in rules below cutoff, drop from the previous session, unrepaired rupture, declining slope and sudden loss
/// (alliance measures), reliable deterioration (outcome measures), and, when a threshold is given, the
/// client–therapist discrepancy rule. Every built-in rule describes the episode's current state: at most one alert per
/// rule and episode, never one per session of a long-standing state. Rules of your own join the set with
/// <see cref="With"/> or the rule-list constructor, and run exactly like the built-ins.
/// </summary>
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

    /// <summary>The rule name and code of alerts for reliable deterioration of an outcome measure.</summary>
    public const string ReliableDeteriorationRule = "reliable-deterioration";

    /// <summary>The rule name of alerts for client–therapist discrepancies.</summary>
    public const string DiscrepancyRule = "perspective-discrepancy";

    /// <summary>Initializes a new instance of the <see cref="AlertRules"/> class with every built-in rule on except the discrepancy rule.</summary>
    public AlertRules()
        : this(new AlertOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AlertRules"/> class with the built-in rules the options switch on, in the order listed above.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when a threshold is out of range.</exception>
    public AlertRules(AlertOptions options)
        : this(BuiltIn(options))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AlertRules"/> class with the given rules, run in the order given.</summary>
    /// <param name="rules">The rules; their names must be unique.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="rules"/> is or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when two rules have the same name.</exception>
    public AlertRules(IEnumerable<IAlertRule> rules)
    {
        Rules = Guard.Against.Null(rules).Select(r => Guard.Against.Null(r, nameof(rules))).ToImmutableArray();
        Guard.Against.InvalidInput(Rules, nameof(rules), static r => r.Select(x => x.Name).Distinct(StringComparer.Ordinal).Count() == r.Length, "Every alert rule needs a name of its own.");
    }

    /// <summary>Gets the rules, in the order they run.</summary>
    public ImmutableArray<IAlertRule> Rules { get; }

    /// <summary>Returns a copy with a rule added at the end, or in the place of the rule of the same name.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="rule"/> is <see langword="null"/>.</exception>
    public AlertRules With(IAlertRule rule)
    {
        Guard.Against.Null(rule);
        int index = Rules.IndexOf(Rules.FirstOrDefault(r => r.Name == rule.Name)!);
        return new AlertRules(index >= 0 ? Rules.SetItem(index, rule) : Rules.Add(rule));
    }

    /// <summary>Evaluates the rules.</summary>
    /// <param name="episode">The episode.</param>
    /// <param name="findings">The findings of the detectors over <paramref name="episode"/>.</param>
    /// <param name="otherPerspective">The same client's episode from the other perspective (client or therapist), for the discrepancy rule; <see langword="null"/> when there is none.</param>
    /// <returns>The alerts, in rule order then session order.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episode"/> or <paramref name="findings"/> is <see langword="null"/>.</exception>
    public ImmutableArray<Alert> Evaluate(Episode episode, IEnumerable<TrendFinding> findings, Episode? otherPerspective = null)
    {
        var context = new AlertContext(episode, findings, otherPerspective);
        var alerts = ImmutableArray.CreateBuilder<Alert>();
        foreach (IAlertRule rule in Rules)
        {
            alerts.AddRange(rule.Evaluate(context));
        }

        return alerts.ToImmutable();
    }

    private static List<IAlertRule> BuiltIn(AlertOptions options)
    {
        Guard.Against.Null(options);
        new OptionsCheck<AlertOptions>(options)
            .Require(o => o.DecliningSlopeAlpha > 0.0 && o.DecliningSlopeAlpha < 1.0, "DecliningSlopeAlpha must lie between 0 and 1.")
            .Require(o => o.DiscrepancyThreshold is null or > 0.0, "DiscrepancyThreshold must be positive.")
            .Require(o => o.DiscrepancyThresholds is not null && o.DiscrepancyThresholds.Values.All(v => v > 0.0 && !double.IsInfinity(v)), "DiscrepancyThresholds must be given, with positive values.")
            .Require(o => o.BelowCutoffMinimumSessions >= 1, "BelowCutoffMinimumSessions must be at least 1.")
            .ThrowIfInvalid(nameof(options));
        var rules = new List<IAlertRule>();
        if (options.BelowCutoff)
        {
            rules.Add(new BelowCutoffAlertRule(options.BelowCutoffMinimumSessions));
        }

        if (options.DropFromPrevious)
        {
            rules.Add(new DropFromPreviousAlertRule());
        }

        if (options.UnrepairedRupture)
        {
            rules.Add(new UnrepairedRuptureAlertRule());
        }

        if (options.DecliningSlope)
        {
            rules.Add(new DecliningSlopeAlertRule(options.DecliningSlopeAlpha));
        }

        if (options.SuddenLoss)
        {
            rules.Add(new SuddenLossAlertRule());
        }

        if (options.ReliableDeterioration)
        {
            rules.Add(new ReliableDeteriorationAlertRule());
        }

        if (options.DiscrepancyThreshold is not null || !options.DiscrepancyThresholds.IsEmpty)
        {
            rules.Add(new PerspectiveDiscrepancyAlertRule(options.DiscrepancyThreshold, options.DiscrepancyThresholds));
        }

        return rules;
    }
}
