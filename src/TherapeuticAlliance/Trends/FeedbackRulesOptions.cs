using System.Collections.Immutable;

namespace TherapeuticAlliance.Trends;

/// <summary>Configures a <see cref="FeedbackRulesDetector"/>.</summary>
/// <remarks>Immutable; validated when the detector is constructed.</remarks>
public sealed record FeedbackRulesOptions
{
    /// <summary>Gets the drop from the previous session, in points of the episode's metric, that fires <see cref="PracticeRule.DropFromPrevious"/>, by instrument identifier.</summary>
    /// <value>
    /// Positive values. The default value holds <c>srs</c> = 1 point: OpenFIT's "SRS 1 point or more below last session"
    /// (domain reference §B, a vendor rule, verified as the vendor's, not validated). No other instrument has a published
    /// drop rule, and one number cannot fit instruments whose ranges differ (SRS 0–40, WAI-SR 12–60, Alliance Profile
    /// 9–63), so instruments not listed use <see cref="DropThreshold"/>.
    /// </value>
    public ImmutableDictionary<string, decimal> DropThresholds { get; init; } = ImmutableDictionary<string, decimal>.Empty.Add("srs", 1m);

    /// <summary>Gets the drop threshold, in points, for instruments not in <see cref="DropThresholds"/>.</summary>
    /// <value>Positive, or <see langword="null"/> for no drop rule on them. The default value is <see langword="null"/>.</value>
    public decimal? DropThreshold { get; init; }

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
