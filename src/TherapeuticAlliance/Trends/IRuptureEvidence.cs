namespace TherapeuticAlliance.Trends;

/// <summary>
/// The evidence of one rupture, as the built-in unrepaired-rupture alert (<see cref="UnrepairedRuptureAlertRule"/>) and
/// the report's chart marks read it: any finding that implements this interface feeds them, the built-in
/// <see cref="RuptureFinding"/> and a site's own rupture rule alike. Derive the finding from <see cref="TrendFinding"/>
/// and implement this interface; register the detector with <c>AddTrendDetector</c>.
/// </summary>
/// <remarks>
/// Sessions are session numbers of the finding's episode; scores are in points of the episode's metric. An implementation
/// is immutable and thread-safe, as every finding is.
/// </remarks>
public interface IRuptureEvidence
{
    /// <summary>Gets the session before the drop, whose level a repair must regain.</summary>
    int StartSession { get; }

    /// <summary>Gets the session of the drop (the trough).</summary>
    int TroughSession { get; }

    /// <summary>Gets the score at <see cref="StartSession"/>, in points of the episode's metric.</summary>
    double Before { get; }

    /// <summary>Gets the session that regained the level before the drop, or <see langword="null"/> when none has yet.</summary>
    int? RepairSession { get; }

    /// <summary>Gets how far below <see cref="Before"/> a later score may stay and still count as regained, in points (0 or more; the built-in rule uses its reliable-change value).</summary>
    double RepairTolerance { get; }

    /// <summary>Gets whether higher scores are better on the episode's measure (as on every built-in alliance instrument).</summary>
    bool HigherIsBetter { get; }

    /// <summary>Gets a one-sentence summary of the rupture, quoted in the alert's message.</summary>
    string Summary { get; }
}
