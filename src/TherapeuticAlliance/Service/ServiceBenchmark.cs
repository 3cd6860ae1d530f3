using System.Globalization;
using TherapeuticAlliance.Schema;

namespace TherapeuticAlliance.Service;

/// <summary>
/// One row of the service benchmarks (<see cref="ServiceBenchmarks.Compute"/>): a group of episodes (the caseload, a
/// site, a therapist, a month of closing) and its outcome figures, every one under the disclosure policy. Rates are
/// proportions (0 to 1). A figure is <see langword="null"/> when it cannot be computed (no pair, no case at intake, no
/// model) or is withheld.
/// </summary>
/// <param name="Grouping">How the row groups episodes.</param>
/// <param name="Group">The group: <c>all</c>, a site's or therapist's key, or a month <c>yyyy-MM</c>.</param>
/// <param name="Episodes">Episodes in the group, as the policy shows counts (rounded, or <see langword="null"/> when withheld).</param>
/// <param name="Paired">Episodes with an intake and a final outcome score, as the policy shows counts.</param>
/// <param name="Withheld">Whether the group's statistics are withheld (fewer paired episodes than the policy's minimum).</param>
/// <param name="IntakeMean">Mean intake score of the paired episodes, in the outcome's points.</param>
/// <param name="FinalMean">Mean final score of the paired episodes.</param>
/// <param name="EffectSize">Pre–post effect size, mean change ÷ SD of intake (the standardised mean change of Becker 1988), positive = improvement.</param>
/// <param name="EffectSizeLow">Its interval's lower bound: d − z √(2(1 − r)/n + d²/(2n)), r the intake–final correlation (Becker 1988's large-sample variance).</param>
/// <param name="EffectSizeHigh">Its interval's upper bound.</param>
/// <param name="SeverityAdjustedEffectSize">Severity-adjusted effect size (ACORN's method): the group's mean residual from the caseload's regression of change on intake (and case mix), plus the caseload's mean change, ÷ the caseload's SD of intake; for the whole caseload it equals <see cref="EffectSize"/>.</param>
/// <param name="ReliableImprovement">Share of paired episodes whose change is at least the reliable-change value in the better direction (Jacobson &amp; Truax 1991).</param>
/// <param name="ReliableDeterioration">Share whose change is at least that value in the worse direction.</param>
/// <param name="Cases">Paired episodes that were a clinical case at intake (on the worse side of the cutoff), as the policy shows counts.</param>
/// <param name="Recovery">Share of the cases that ended on the other side of the cutoff (NHS Talking Therapies' recovery).</param>
/// <param name="ReliableRecovery">Share of the cases that recovered and reliably improved (NHS Talking Therapies' reliable recovery).</param>
/// <param name="ReachedTarget">Share of paired episodes whose last score reached the expected-response target, or <see langword="null"/> without a model.</param>
/// <param name="AllianceMean">Mean of the episodes' mean alliance ratings, in the alliance measure's points.</param>
/// <param name="Completeness">Share of the group's episodes with a pre–post pair (measurement completeness; NHS Talking Therapies obtains pairs for 98 %: Clark et al. 2018).</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ServiceBenchmark(
    ServiceGrouping Grouping,
    string Group,
    int? Episodes,
    int? Paired,
    bool Withheld,
    double? IntakeMean,
    double? FinalMean,
    double? EffectSize,
    double? EffectSizeLow,
    double? EffectSizeHigh,
    double? SeverityAdjustedEffectSize,
    double? ReliableImprovement,
    double? ReliableDeterioration,
    int? Cases,
    double? Recovery,
    double? ReliableRecovery,
    double? ReachedTarget,
    double? AllianceMean,
    double? Completeness)
{
    /// <summary>Returns the figure a published benchmark compares with (<see cref="PublishedBenchmark.Statistic"/>), by its column name in the <c>service-benchmarks</c> table.</summary>
    /// <param name="statistic">The column: <see cref="RowSchemas.EffectSize"/>, <see cref="RowSchemas.Saes"/>, <see cref="RowSchemas.ReliableImprovement"/>, <see cref="RowSchemas.ReliableDeterioration"/>, <see cref="RowSchemas.Recovery"/>, <see cref="RowSchemas.ReliableRecovery"/>, <see cref="RowSchemas.ReachedTarget"/>, <see cref="RowSchemas.AllianceMean"/> or <see cref="RowSchemas.Completeness"/>.</param>
    /// <returns>The figure, or <see langword="null"/> when it is not computed, withheld, or <paramref name="statistic"/> names no such figure.</returns>
    public double? Figure(string? statistic) => statistic switch
    {
        RowSchemas.EffectSize => EffectSize,
        RowSchemas.Saes => SeverityAdjustedEffectSize,
        RowSchemas.ReliableImprovement => ReliableImprovement,
        RowSchemas.ReliableDeterioration => ReliableDeterioration,
        RowSchemas.Recovery => Recovery,
        RowSchemas.ReliableRecovery => ReliableRecovery,
        RowSchemas.ReachedTarget => ReachedTarget,
        RowSchemas.AllianceMean => AllianceMean,
        RowSchemas.Completeness => Completeness,
        _ => null,
    };

    /// <summary>Returns the row's figures without its group's key.</summary>
    /// <returns>Text such as <c>therapist: 24 episodes, effect size 1.10, reliable improvement 52 %</c>.</returns>
    public override string ToString() => Withheld
        ? ServiceCodes.ToCode(Grouping) + ": withheld"
        : string.Format(CultureInfo.InvariantCulture, "{0}: {1} episodes, effect size {2:0.00}, reliable improvement {3:0%}", ServiceCodes.ToCode(Grouping), Episodes, EffectSize, ReliableImprovement);
}
