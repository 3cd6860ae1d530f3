using System.Collections.Generic;
using System.Collections.Immutable;

namespace TherapeuticAlliance.Trends;

/// <summary>One rupture and whether it was repaired; see <see cref="RuptureRepairDetector"/>.</summary>
public sealed class RuptureFinding : TrendFinding
{
    internal RuptureFinding(string rule, IEnumerable<int> sessions, IEnumerable<KeyValuePair<string, double>> parameters, int startSession, int troughSession, double depth, double threshold, int? repairSession, int? length)
        : base(rule, sessions, parameters)
    {
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

    /// <summary>Gets the size of the drop.</summary>
    public double Depth { get; }

    /// <summary>Gets the threshold m·SD the drop met.</summary>
    public double Threshold { get; }

    /// <summary>Gets whether the rupture was repaired within the window.</summary>
    public bool IsRepaired => RepairSession.HasValue;

    /// <summary>Gets the session that regained the pre-rupture level, if any.</summary>
    public int? RepairSession { get; }

    /// <summary>Gets the number of scores from the trough to the repair (j − t), if repaired.</summary>
    public int? Length { get; }

    /// <inheritdoc/>
    public override ImmutableSortedDictionary<string, double> Values => Map(
        ("start-session", StartSession),
        ("trough-session", TroughSession),
        ("depth", Depth),
        ("threshold", Threshold),
        ("repaired", IsRepaired ? 1 : 0),
        ("repair-session", RepairSession ?? double.NaN),
        ("length", Length ?? double.NaN));

    /// <inheritdoc/>
    public override string Summary => IsRepaired
        ? $"Drop of {Format(Depth)} from session {StartSession} to {TroughSession} (threshold {Format(Threshold)}), back to the earlier level at session {RepairSession}."
        : $"Drop of {Format(Depth)} from session {StartSession} to {TroughSession} (threshold {Format(Threshold)}), not back to the earlier level within the window.";
}
