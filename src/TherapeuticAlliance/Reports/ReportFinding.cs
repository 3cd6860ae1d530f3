using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Reports;

/// <summary>One finding of an <see cref="AllianceReportDocument"/>, flattened: rule, type, sessions, parameters and values by name, and a summary.</summary>
/// <param name="Rule">The rule (detector) name.</param>
/// <param name="Type">The kind of finding, such as <c>rupture</c> or <c>trajectory</c>.</param>
/// <param name="Sessions">The sessions concerned.</param>
/// <param name="Parameters">The rule's parameters by name.</param>
/// <param name="Values">The finding's numbers by name (NaN where undefined).</param>
/// <param name="Summary">A one-sentence summary.</param>
/// <remarks>The collections are copied into immutable ones at construction: casting them back cannot change the finding.</remarks>
public sealed record ReportFinding(string Rule, string Type, IReadOnlyList<int> Sessions, IReadOnlyDictionary<string, double> Parameters, IReadOnlyDictionary<string, double> Values, string Summary)
{
    /// <summary>Gets the sessions concerned (an immutable copy).</summary>
    public IReadOnlyList<int> Sessions { get; } = Guard.Against.Null(Sessions).ToImmutableArray();

    /// <summary>Gets the rule's parameters by name (an immutable copy, ordered by name).</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; } = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, Guard.Against.Null(Parameters));

    /// <summary>Gets the finding's numbers by name (an immutable copy, ordered by name; NaN where undefined).</summary>
    public IReadOnlyDictionary<string, double> Values { get; } = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, Guard.Against.Null(Values));
}
