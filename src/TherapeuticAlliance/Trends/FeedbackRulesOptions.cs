namespace TherapeuticAlliance.Trends;

/// <summary>Configures a <see cref="FeedbackRulesDetector"/>.</summary>
/// <remarks>Immutable; validated when the detector is constructed.</remarks>
public sealed record FeedbackRulesOptions
{
    /// <summary>Gets the drop from the previous session, in points of the score's metric, that fires <see cref="PracticeRule.DropFromPrevious"/>.</summary>
    /// <value>Positive. The default value is 1 point, a practice convention for the SRS (unverified against a primary source; set it per instrument).</value>
    public decimal DropThreshold { get; init; } = 1m;

    /// <summary>Gets whether to report sessions that meet the episode's cutoff.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool CheckCutoff { get; init; } = true;

    /// <summary>Gets whether to report the first drop from the ceiling.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool CheckCeiling { get; init; } = true;

    /// <summary>Gets the name the detector reports and is registered under.</summary>
    /// <value><see langword="null"/> for <c>feedback-rules</c>. The default value is <see langword="null"/>.</value>
    public string? Name { get; init; }
}
