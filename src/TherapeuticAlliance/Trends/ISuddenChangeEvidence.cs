namespace TherapeuticAlliance.Trends;

/// <summary>
/// The evidence of a sudden gain or loss between two sessions, as the built-in sudden-loss alert
/// (<see cref="SuddenLossAlertRule"/>) reads it: any finding that implements this interface feeds it, the built-in
/// <see cref="SuddenGainOrLossFinding"/> and a site's own criteria alike.
/// </summary>
/// <remarks>An implementation is immutable and thread-safe, as every finding is.</remarks>
public interface ISuddenChangeEvidence
{
    /// <summary>Gets whether the change is a gain or a loss.</summary>
    SuddenChangeKind Kind { get; }

    /// <summary>Gets the session before the change.</summary>
    int PreSession { get; }

    /// <summary>Gets the session after the change.</summary>
    int PostSession { get; }

    /// <summary>Gets a one-sentence summary, the alert's message.</summary>
    string Summary { get; }
}
