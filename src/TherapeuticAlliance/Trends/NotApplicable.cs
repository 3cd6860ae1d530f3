namespace TherapeuticAlliance.Trends;

/// <summary>The detector's rule does not apply to the episode, for example because it has too few sessions.</summary>
/// <param name="DetectorName">The detector's name.</param>
/// <param name="Reason">Why the rule does not apply; it names counts and rules, never the episode's values or identifiers.</param>
/// <remarks>The error case of <see cref="DetectionResult"/>; the report lists it, so nothing is skipped silently. This type is immutable and thread-safe.</remarks>
public sealed record NotApplicable(string DetectorName, string Reason) : IAllianceError
{
    /// <inheritdoc/>
#pragma warning disable CA1822 // An instance member, as the IAllianceError contract requires.
    public string Code => "not-applicable";
#pragma warning restore CA1822

    /// <summary>Gets the <see cref="Reason"/>.</summary>
    public string Message => Reason;
}
