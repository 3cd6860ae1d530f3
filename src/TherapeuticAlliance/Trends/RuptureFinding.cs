using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace TherapeuticAlliance.Trends;

/// <summary>One rupture and whether it was repaired; see <see cref="RuptureRepairDetector"/>.</summary>
public sealed class RuptureFinding : TrendFinding, IRuptureEvidence
{
    internal RuptureFinding(string rule, IEnumerable<int> sessions, RuptureCriterion criterion, int startSession, int troughSession, double depth, double threshold, int? repairSession, int? length, double before, double troughScore, bool windowClosed, int scoresSince = 0)
        : base(rule, sessions, criterion.ToParameters())
    {
        Criterion = criterion;
        Before = before;
        TroughScore = troughScore;
        IsWindowClosed = windowClosed;
        ScoresSince = scoresSince;
        StartSession = startSession;
        TroughSession = troughSession;
        Depth = depth;
        Threshold = threshold;
        RepairSession = repairSession;
        Length = length;
    }

    /// <summary>Gets <c>rupture</c>.</summary>
    public override string Code => "rupture";

    /// <summary>Gets the session before the drop (t − 1), whose level a repair must regain.</summary>
    public int StartSession { get; }

    /// <summary>Gets the session of the drop (t).</summary>
    public int TroughSession { get; }

    /// <summary>Gets the level before the drop, in points of the episode's metric: the score at <see cref="StartSession"/>, or the mean of the <see cref="RuptureCriterion.BaselineScores"/> scores up to it.</summary>
    public double Before { get; }

    /// <summary>Gets the score at <see cref="TroughSession"/>, in points of the episode's metric.</summary>
    public double TroughScore { get; }

    /// <summary>Gets whether the repair window has passed by the episode's last session; when it has not, an unrepaired rupture may still be repaired.</summary>
    public bool IsWindowClosed { get; }

    /// <summary>Gets the number of scores after the trough in the episode.</summary>
    public int ScoresSince { get; }

    /// <summary>Gets the size of the drop, in points of the episode's metric.</summary>
    public double Depth { get; }

    /// <summary>Gets the threshold the drop met, max(m·SD, RC), in points of the episode's metric.</summary>
    public double Threshold { get; }

    /// <summary>Gets whether the rupture was repaired within the window.</summary>
    public bool IsRepaired => RepairSession.HasValue;

    /// <summary>Gets the session that regained the pre-rupture level, if any.</summary>
    public int? RepairSession { get; }

    /// <summary>Gets the number of scores from the trough to the repair (j − t), if repaired.</summary>
    public int? Length { get; }

    /// <summary>Gets the criterion the rupture was judged by: multiplier, SDs, reliable change, repair tolerance and window.</summary>
    public RuptureCriterion Criterion { get; }

    /// <summary>Gets how far below <see cref="Before"/> a later score may stay and still count as regained, in points (<see cref="RuptureCriterion.RepairTolerance"/>).</summary>
    public double RepairTolerance => Criterion.RepairTolerance;

    /// <summary>Gets whether higher scores are better on the episode's measure (<see cref="RuptureCriterion.HigherIsBetter"/>).</summary>
    public bool HigherIsBetter => Criterion.HigherIsBetter;

    /// <inheritdoc/>
    public override ImmutableSortedDictionary<string, double> Values => Map(
        ("start-session", StartSession),
        ("trough-session", TroughSession),
        ("depth", Depth),
        ("threshold", Threshold),
        ("repaired", IsRepaired ? 1 : 0),
        ("repair-session", RepairSession ?? double.NaN),
        ("length", Length ?? double.NaN),
        ("before", Before),
        ("trough", TroughScore),
        ("window-closed", IsWindowClosed ? 1 : 0));

    /// <inheritdoc/>
    public override string Summary
    {
        get
        {
            RuptureCriterion c = Criterion;
            string what = c.Variability == RuptureVariability.SessionChanges ? "SD of session-to-session change" : "SD";
            string basis = c.SdBasis switch
            {
                RuptureSdBasis.IntraIndividual => $"the client's own {what}",
                RuptureSdBasis.InterIndividual => $"the reference group's {what}",
                RuptureSdBasis.StricterOfBoth => $"the larger of the client's and the reference group's {what}",
                _ => throw new InvalidOperationException("The SD basis is not defined."),
            };
            string rule = c.ReliableChangeSetThreshold
                ? $"the reliable-change value {Format(c.ReliableChange)}"
                : $"{Format(c.Multiplier)} × {Format(c.StandardDeviation)}, {basis}";
            string drop = c.BaselineScores == 1
                ? $"Drop of {Format(Depth)} points from session {StartSession} ({Format(Before)}) to session {TroughSession} ({Format(TroughScore)}); threshold {Format(Threshold)} points ({rule})."
                : $"Drop of {Format(Depth)} points from {Format(Before)} (the mean of the {c.BaselineScores} ratings up to session {StartSession}) to {Format(TroughScore)} at session {TroughSession}; threshold {Format(Threshold)} points ({rule}).";
            return IsRepaired ? $"{drop} Repaired at session {RepairSession}."
                : IsWindowClosed ? $"{drop} Not repaired within the next {c.Window} ratings."
                : ScoresSince == 0 ? $"{drop} At the latest rating; a repair may follow within {c.Window} ratings."
                : $"{drop} Not repaired in the {ScoresSince} rating(s) since; the window of {c.Window} ratings is still open.";
        }
    }
}
