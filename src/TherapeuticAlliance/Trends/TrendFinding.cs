using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>Represents one finding of a trend detector: which rule produced it, with which parameters, about which sessions.</summary>
/// <remarks>
/// <para>The built-in findings are <see cref="TrajectoryFinding"/>, <see cref="ReliableChangeFinding"/>,
/// <see cref="RuptureFinding"/>, <see cref="PracticeRuleFinding"/> and <see cref="SuddenGainOrLossFinding"/>; a detector of
/// your own derives its findings from this class the same way. <see cref="Code"/> names the kind of finding and
/// <see cref="Values"/> lists its numbers by name, so alert rules, reports and tables handle any finding uniformly.</para>
/// <para>Findings are immutable and thread-safe; a derived finding must be too.</para>
/// </remarks>
public abstract class TrendFinding
{
    /// <summary>Initializes a new instance of the <see cref="TrendFinding"/> class.</summary>
    /// <param name="rule">The stable name of the rule (usually the detector's name) that produced the finding.</param>
    /// <param name="sessions">The session numbers the finding is about, in order.</param>
    /// <param name="parameters">The rule's parameters by name; an empty sequence for none.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="rule"/> is blank, or a parameter name is repeated.</exception>
    protected TrendFinding(string rule, IEnumerable<int> sessions, IEnumerable<KeyValuePair<string, double>> parameters)
    {
        Rule = Guard.Against.NullOrWhiteSpace(rule);
        Sessions = Guard.Against.Null(sessions).ToImmutableArray();
        Parameters = Guard.Against.Null(parameters).ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// Gets the stable code of the kind of finding, such as <c>rupture</c>, <c>sudden-loss</c> or <c>reliable-change</c>:
    /// lower-case letters, digits and '-', unique to the kind, and the <c>type</c> of the finding in a report's JSON.
    /// </summary>
    public abstract string Code { get; }

    /// <summary>Gets the stable name of the rule that produced the finding, such as <c>rupture-repair</c>.</summary>
    public string Rule { get; }

    /// <summary>Gets the session numbers the finding is about, in order.</summary>
    public ImmutableArray<int> Sessions { get; }

    /// <summary>Gets the rule's parameters by name (for example <c>m</c>, <c>k</c>, <c>z</c>).</summary>
    public ImmutableSortedDictionary<string, double> Parameters { get; }

    /// <summary>Gets the finding's numbers by name; NaN where a number is undefined.</summary>
    public abstract ImmutableSortedDictionary<string, double> Values { get; }

    /// <summary>Gets a one-sentence, culture-invariant summary that states what was computed, not what it means clinically.</summary>
    public abstract string Summary { get; }

    /// <summary>Returns the <see cref="Summary"/>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => Summary;

    /// <summary>Builds a <see cref="Values"/> dictionary from name-value pairs.</summary>
    /// <param name="values">The pairs; names unique.</param>
    /// <returns>The dictionary, ordered by name.</returns>
    protected static ImmutableSortedDictionary<string, double> Map(params (string Name, double Value)[] values) =>
        Guard.Against.Null(values).ToImmutableSortedDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    /// <summary>Formats a number for a summary: culture-invariant, at most three decimals.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    protected static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
