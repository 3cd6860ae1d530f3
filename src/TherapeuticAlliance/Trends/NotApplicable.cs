namespace TherapeuticAlliance.Trends;

/// <summary>The detector's rule does not apply to the episode, for example because it has too few sessions.</summary>
/// <param name="DetectorName">The detector's name.</param>
/// <param name="Reason">Why the rule does not apply.</param>
public sealed record NotApplicable(string DetectorName, string Reason);
