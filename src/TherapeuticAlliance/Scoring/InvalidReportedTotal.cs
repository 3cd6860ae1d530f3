using System.Collections.Immutable;

namespace TherapeuticAlliance.Scoring;

/// <summary>The error case of <see cref="ReportedTotals.Create"/>: the reported totals cannot form a score.</summary>
/// <remarks>Messages name positions and ranges, never identifiers or the values given. This type is immutable and thread-safe.</remarks>
public sealed class InvalidReportedTotal : IAllianceError
{
    internal InvalidReportedTotal(ImmutableArray<string> problems) => Problems = problems;

    /// <summary>Gets one message per problem found, each saying how to fix it.</summary>
    public ImmutableArray<string> Problems { get; }

    /// <inheritdoc/>
#pragma warning disable CA1822 // An instance member, as the IAllianceError contract requires.
    public string Code => "invalid-reported-total";
#pragma warning restore CA1822

    /// <summary>Gets all problem messages joined into one.</summary>
    public string Message => string.Join(" ", Problems);

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}
