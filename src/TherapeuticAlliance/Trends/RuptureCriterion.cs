using System.Collections.Generic;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// The criterion one rupture was judged by (<see cref="RuptureRepairDetector"/>, Gumz et al. 2012 with a
/// reliable-change floor, Jacobson &amp; Truax 1991): typed, so a summary, an alert rule or a report reads it without
/// decoding <see cref="TrendFinding.Parameters"/>, which lists the same numbers by name for tables.
/// </summary>
/// <param name="Multiplier">The SD multiplier of the threshold: m, or, when larger, q(1 − α/(n − 1))·√((1 + 1/b)/2), which holds the false-alarm rate α per episode (<see cref="RuptureRepairOptions.EpisodeFalseAlarmRate"/>) for a drop from the mean of b scores; q is the normal quantile with a reference SD, Student's t with 2c degrees of freedom when the client's own scale from c changes set the threshold (<paramref name="SdBasis"/> <see cref="RuptureSdBasis.IntraIndividual"/>).</param>
/// <param name="StandardDeviation">The SD the threshold used, in points of the episode's metric (the one <paramref name="SdBasis"/> chose).</param>
/// <param name="IntraIndividualSd">The client's own SD, in points; <see langword="null"/> when the series was too short for one.</param>
/// <param name="ReferenceSd">The reference group's SD, in points; <see langword="null"/> without reference norms.</param>
/// <param name="ReliableChange">The reliable-change value, in points (0 with no floor or no reliability).</param>
/// <param name="RepairTolerance">How far below the earlier level a later score may stay and count as regained, in points.</param>
/// <param name="Window">The repair window k, in ratings after the trough.</param>
/// <param name="SdBasis">Which SD the threshold used.</param>
/// <param name="Variability">Which variability the SDs measure.</param>
/// <param name="HigherIsBetter">Whether higher scores are better on the episode's measure.</param>
/// <param name="BaselineScores">How many scores the level before the drop is the mean of (1: the score just before it; <see cref="RuptureRepairOptions.BaselineSessions"/>, fewer at the start of a series).</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record RuptureCriterion(
    double Multiplier,
    double StandardDeviation,
    double? IntraIndividualSd,
    double? ReferenceSd,
    double ReliableChange,
    double RepairTolerance,
    int Window,
    RuptureSdBasis SdBasis,
    RuptureVariability Variability,
    bool HigherIsBetter,
    int BaselineScores = 1)
{

    /// <summary>Gets whether the reliable-change floor, not m·SD, set the threshold (RC ≥ m·SD).</summary>
    public bool ReliableChangeSetThreshold => ReliableChange >= Multiplier * StandardDeviation;

    /// <summary>The criterion as <see cref="TrendFinding.Parameters"/> lists it: <c>m</c>, <c>sd</c>, <c>intra-sd</c>, <c>reference-sd</c> (NaN when absent), <c>reliable-change</c>, <c>repair-tolerance</c>, <c>k</c>, <c>sd-basis</c> and <c>variability</c> (the enum's value), <c>higher-is-better</c> (1 or 0).</summary>
    internal KeyValuePair<string, double>[] ToParameters() => new[]
    {
        new KeyValuePair<string, double>("m", Multiplier),
        new KeyValuePair<string, double>("sd", StandardDeviation),
        new KeyValuePair<string, double>("intra-sd", IntraIndividualSd ?? double.NaN),
        new KeyValuePair<string, double>("reference-sd", ReferenceSd ?? double.NaN),
        new KeyValuePair<string, double>("reliable-change", ReliableChange),
        new KeyValuePair<string, double>("repair-tolerance", RepairTolerance),
        new KeyValuePair<string, double>("k", Window),
        new KeyValuePair<string, double>("sd-basis", (int)SdBasis),
        new KeyValuePair<string, double>("variability", (int)Variability),
        new KeyValuePair<string, double>("higher-is-better", HigherIsBetter ? 1 : 0),
        new KeyValuePair<string, double>("baseline-scores", BaselineScores),
    };
}
