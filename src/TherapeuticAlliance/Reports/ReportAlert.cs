using System.Collections.Generic;
using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Reports;

/// <summary>One alert of an <see cref="AllianceReportDocument"/>.</summary>
/// <param name="Rule">The alert rule that fired.</param>
/// <param name="Sessions">The sessions concerned.</param>
/// <param name="Message">A neutral description.</param>
/// <param name="Code">The stable code of the state flagged (schema 2.0).</param>
/// <param name="Severity">How urgent the state is (schema 2.0).</param>
/// <remarks>The sessions are copied into an immutable list at construction.</remarks>
public sealed record ReportAlert(string Rule, IReadOnlyList<int> Sessions, string Message, string Code, Trends.AlertSeverity Severity)
{
    /// <summary>Gets the sessions concerned (an immutable copy).</summary>
    public IReadOnlyList<int> Sessions { get; } = Guard.Against.Null(Sessions).ToImmutableArray();
}
