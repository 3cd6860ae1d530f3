namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>An episode of the history that a fit left out, by its position in the input (never its identifier), with the reason.</summary>
/// <param name="Index">The episode's zero-based position in the history given.</param>
/// <param name="Reason">Why it was left out.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ExcludedEpisode(int Index, string Reason);
