using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;

namespace TherapeuticAlliance.Trends;

/// <summary>A session that fired a practice rule; see <see cref="FeedbackRulesDetector"/>.</summary>
public sealed class PracticeRuleFinding : TrendFinding, IPracticeRuleEvidence
{
    internal PracticeRuleFinding(string rule, PracticeRule kind, IEnumerable<int> sessions, double ruleThreshold, decimal score, decimal? drop)
        : base(rule, sessions, new[] { new KeyValuePair<string, double>(ParameterName(kind), ruleThreshold) })
    {
        Kind = kind;
        RuleThreshold = ruleThreshold;
        Score = score;
        Drop = drop;
    }

    /// <summary>Gets which practice rule fired.</summary>
    public PracticeRule Kind { get; }

    /// <summary>Gets <c>below-cutoff</c>, <c>drop-from-previous</c> or <c>first-drop-from-ceiling</c>, after <see cref="Kind"/>.</summary>
    public override string Code => Kind switch
    {
        PracticeRule.BelowCutoff => "below-cutoff",
        PracticeRule.DropFromPrevious => "drop-from-previous",
        PracticeRule.FirstDropFromCeiling => "first-drop-from-ceiling",
        _ => throw new InvalidOperationException("Unknown practice rule."),
    };

    /// <summary>Gets the number the rule compared with, in points: the cutoff (below-cutoff; parameter <c>threshold</c>), the smallest drop that fires (drop-from-previous; <c>d</c>) or the scale's maximum (first-drop-from-ceiling; <c>maximum</c>).</summary>
    public double RuleThreshold { get; }

    /// <summary>Gets the score of the session that fired the rule (the last of <see cref="TrendFinding.Sessions"/>).</summary>
    public decimal Score { get; }

    /// <summary>Gets the drop from the previous session, for the drop rules.</summary>
    public decimal? Drop { get; }

    /// <inheritdoc/>
    public override ImmutableSortedDictionary<string, double> Values => Map(
        ("score", (double)Score),
        ("drop", Drop is { } d ? (double)d : double.NaN));

    /// <inheritdoc/>
    public override string Summary => Kind switch
    {
        PracticeRule.BelowCutoff => string.Format(CultureInfo.InvariantCulture, "Session {0}: total {1} points, on the flagged side of the cutoff at {2} points.", Sessions[0], Score, RuleThreshold),
        PracticeRule.DropFromPrevious => string.Format(CultureInfo.InvariantCulture, "Session {0}: total {1} points, {2} points lower than session {3} (rule: a drop of at least {4} point(s)).", Sessions[1], Score, Drop, Sessions[0], RuleThreshold),
        PracticeRule.FirstDropFromCeiling => string.Format(CultureInfo.InvariantCulture, "Session {0}: total {1} points, the first score below the maximum ({2} points) after session {3} at it.", Sessions[1], Score, RuleThreshold, Sessions[0]),
        _ => throw new InvalidOperationException("Unknown practice rule."),
    };

    /// <summary>The name <see cref="TrendFinding.Parameters"/> gives the rule's number, after the rule.</summary>
    private static string ParameterName(PracticeRule kind) => kind switch
    {
        PracticeRule.BelowCutoff => "threshold",
        PracticeRule.DropFromPrevious => "d",
        _ => "maximum",
    };
}
