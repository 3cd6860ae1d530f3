using System.Collections.Immutable;

namespace TherapeuticAlliance.Trends;

/// <summary>Configures <see cref="AlertRules"/>: which rules are on and their thresholds.</summary>
/// <remarks>Immutable; validated when <see cref="AlertRules"/> is constructed.</remarks>
public sealed record AlertOptions
{
    /// <summary>Gets whether a session meeting the instrument's cutoff raises an alert.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool BelowCutoff { get; init; } = true;

    /// <summary>Gets whether a drop from the previous session (as found by <see cref="FeedbackRulesDetector"/>) raises an alert.</summary>
    /// <value>
    /// The default value is <see langword="false"/> since issue 26: the vendor rule (an SRS one point below the last
    /// session, domain reference §B) fires on measurement noise, and on the signal grid of <c>docs/trends.md</c> it was
    /// most of the false alarms on calm clients (0.17 of 0.22 per calm client in the base condition). The drop stays a
    /// finding of <see cref="FeedbackRulesDetector"/>; set <see langword="true"/> to raise the advisory alert.
    /// </value>
    public bool DropFromPrevious { get; init; }

    /// <summary>Gets whether a rupture that was not repaired within its window raises an alert.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool UnrepairedRupture { get; init; } = true;

    /// <summary>Gets whether a significantly declining slope raises an alert.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool DecliningSlope { get; init; } = true;

    /// <summary>Gets the two-tailed level at which a negative slope counts as declining: the upper bound of its confidence interval, <c>b + t(1 − α/2, n − 2)·SE</c>, is below zero.</summary>
    /// <value>Between 0 and 1. The default value is 0.05.</value>
    public double DecliningSlopeAlpha { get; init; } = 0.05;

    /// <summary>Gets whether a sudden loss raises an alert.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool SuddenLoss { get; init; } = true;

    /// <summary>Gets how many consecutive sessions, ending with the latest, must be below the cutoff for the below-cutoff alert.</summary>
    /// <value>1 or more. The default value is 2 (a design choice; see <see cref="BelowCutoffAlertRule(int)"/>); 1 is the vendor rule as published.</value>
    public int BelowCutoffMinimumSessions { get; init; } = 2;

    /// <summary>Gets whether the reliable-deterioration rule (outcome measures) is on.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ReliableDeterioration { get; init; } = true;

    /// <summary>Gets the client–therapist difference, in points of the score's metric, above which a session raises an alert when both perspectives are present.</summary>
    /// <value>Positive, or <see langword="null"/> for off (no sourced default exists). The default value is <see langword="null"/>.</value>
    public double? DiscrepancyThreshold { get; init; }

    /// <summary>Gets the client–therapist difference, in points of each instrument's metric, that raises the discrepancy alert, by instrument identifier; it wins over <see cref="DiscrepancyThreshold"/>.</summary>
    /// <value>Positive values. The default value is empty (no sourced default exists).</value>
    public ImmutableDictionary<string, double> DiscrepancyThresholds { get; init; } = ImmutableDictionary<string, double>.Empty;
}

