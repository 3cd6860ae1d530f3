using System.Collections.Immutable;

namespace TherapeuticAlliance.Trends;

/// <summary>The course of an episode; see <see cref="TrajectoryDetector"/>.</summary>
public sealed class TrajectoryFinding : TrendFinding, ITrajectoryEvidence
{
    internal TrajectoryFinding(string rule, System.Collections.Generic.IEnumerable<int> sessions, int windowFirst, int windowLast, double slope, double intercept, double slopeStandardError, double mean, double standardDeviation, double earlyAlliance, double ceilingShare, int? firstDropFromCeiling, MeasureKind measure = MeasureKind.Alliance)
        : base(rule, sessions, new[] { new System.Collections.Generic.KeyValuePair<string, double>("early-window-first", windowFirst), new System.Collections.Generic.KeyValuePair<string, double>("early-window-last", windowLast) })
    {
        Slope = slope;
        Intercept = intercept;
        SlopeStandardError = slopeStandardError;
        Mean = mean;
        StandardDeviation = standardDeviation;
        EarlyAlliance = earlyAlliance;
        CeilingShare = ceilingShare;
        FirstDropFromCeiling = firstDropFromCeiling;
        Measure = measure;
    }

    /// <summary>Gets what the episode measures: the early-window mean is the "early alliance" of an alliance measure and the early score of an outcome measure.</summary>
    public MeasureKind Measure { get; }

    /// <summary>Gets <c>trajectory</c>.</summary>
    public override string Code => "trajectory";

    /// <summary>Gets the OLS slope per session.</summary>
    public double Slope { get; }

    /// <summary>Gets the OLS intercept (the fitted score at session 0).</summary>
    public double Intercept { get; }

    /// <summary>Gets the slope's standard error; NaN with two sessions.</summary>
    public double SlopeStandardError { get; }

    /// <summary>Gets the mean score.</summary>
    public double Mean { get; }

    /// <summary>Gets the standard deviation of the scores (denominator n − 1): the intra-individual SD.</summary>
    public double StandardDeviation { get; }

    /// <summary>Gets the mean score over the early window (the early alliance of an alliance measure, in its metric's points); NaN when no session falls in it. Named <c>early-alliance</c> in <see cref="Values"/> for alliance measures and <c>early-score</c> for outcome measures.</summary>
    public double EarlyAlliance { get; }

    /// <summary>Gets the share of sessions at the scale maximum, from 0 to 1.</summary>
    public double CeilingShare { get; }

    /// <summary>Gets the first session that falls below the maximum right after a session at it, if any.</summary>
    public int? FirstDropFromCeiling { get; }

    /// <inheritdoc/>
    public override ImmutableSortedDictionary<string, double> Values => Map(
        ("slope", Slope),
        ("intercept", Intercept),
        ("slope-standard-error", SlopeStandardError),
        ("mean", Mean),
        ("standard-deviation", StandardDeviation),
        (Measure == MeasureKind.Alliance ? "early-alliance" : "early-score", EarlyAlliance),
        ("ceiling-share", CeilingShare),
        ("first-drop-from-ceiling", FirstDropFromCeiling ?? double.NaN));

    /// <inheritdoc/>
    public override string Summary =>
        $"Slope {Format(Slope)} points per session over {Sessions.Length} sessions (intercept {Format(Intercept)}); {(Measure == MeasureKind.Alliance ? "early alliance" : "early score")} {Format(EarlyAlliance)}; {Format(CeilingShare * 100)} % of sessions at the maximum.";
}
