using System.Collections.Immutable;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// The evidence of reliable change from the first to the latest session (Jacobson &amp; Truax 1991), as the built-in
/// reliable-deterioration alert (<see cref="ReliableDeteriorationAlertRule"/>) reads it: any finding that implements
/// this interface feeds it, the built-in <see cref="ReliableChangeFinding"/> and a site's own rule alike.
/// </summary>
/// <remarks>An implementation is immutable and thread-safe, as every finding is.</remarks>
public interface IReliableChangeEvidence
{
    /// <summary>Gets the sessions compared, in order.</summary>
    ImmutableArray<int> Sessions { get; }

    /// <summary>Gets whether the change is reliable and which way.</summary>
    ChangeDirection Direction { get; }

    /// <summary>Gets a one-sentence summary, the alert's message.</summary>
    string Summary { get; }
}
