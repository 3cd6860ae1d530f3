using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace TherapeuticAlliance.Trends;

/// <summary>Represents one finding of a trend detector: which rule produced it, with which parameters, about which sessions.</summary>
/// <remarks>
/// Concrete findings are <see cref="TrajectoryFinding"/>, <see cref="ReliableChangeFinding"/>, <see cref="RuptureFinding"/>,
/// <see cref="PracticeRuleFinding"/> and <see cref="SuddenShiftFinding"/>. <see cref="Values"/> lists the finding's
/// numbers by name, so reports and tables can show any finding uniformly. Findings are immutable and thread-safe.
/// </remarks>
public abstract class TrendFinding
{
    private protected TrendFinding(string rule, IEnumerable<int> sessions, IEnumerable<KeyValuePair<string, double>> parameters)
    {
        Rule = rule;
        Sessions = sessions.ToImmutableArray();
        Parameters = parameters.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

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

    private protected static ImmutableSortedDictionary<string, double> Map(params (string Name, double Value)[] values) =>
        values.ToImmutableSortedDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    private protected static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>Says whether a change is in the better or the worse direction of the measure.</summary>
public enum ChangeDirection
{
    /// <summary>No change, or no reliable change.</summary>
    Unchanged = 1,

    /// <summary>A change in the better direction (for alliance measures and the ORS: up).</summary>
    Improved = 2,

    /// <summary>A change in the worse direction.</summary>
    Deteriorated = 3,
}
