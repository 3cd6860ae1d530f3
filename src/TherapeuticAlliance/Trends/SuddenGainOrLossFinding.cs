using System.Collections.Generic;
using System.Collections.Immutable;

namespace TherapeuticAlliance.Trends;

/// <summary>A sudden gain or loss; see <see cref="SuddenGainsAndLossesDetector"/>.</summary>
public sealed class SuddenGainOrLossFinding : TrendFinding, ISuddenChangeEvidence
{
    internal SuddenGainOrLossFinding(string rule, IEnumerable<int> sessions, IEnumerable<KeyValuePair<string, double>> parameters, int preSession, int postSession, SuddenChangeEvaluation evaluation)
        : base(rule, sessions, parameters)
    {
        PreSession = preSession;
        PostSession = postSession;
        Evaluation = evaluation;
    }

    /// <summary>Gets <c>sudden-gain</c> or <c>sudden-loss</c>, after <see cref="Kind"/>.</summary>
    public override string Code => Kind == SuddenChangeKind.Gain ? "sudden-gain" : "sudden-loss";

    /// <summary>Gets whether this is a gain or a loss.</summary>
    public SuddenChangeKind Kind => Evaluation.Kind;

    /// <summary>Gets the session before the shift (n).</summary>
    public int PreSession { get; }

    /// <summary>Gets the session after the shift (n+1).</summary>
    public int PostSession { get; }

    /// <summary>Gets the criteria as evaluated.</summary>
    public SuddenChangeEvaluation Evaluation { get; }

    /// <inheritdoc/>
    public override ImmutableSortedDictionary<string, double> Values => Map(
        ("change", Evaluation.Change),
        ("mean-before", Evaluation.MeanBefore),
        ("mean-after", Evaluation.MeanAfter),
        ("pooled-sd", Evaluation.PooledSd),
        ("t-critical", Evaluation.TCritical),
        ("df", Evaluation.DegreesOfFreedom));

    /// <inheritdoc/>
    public override string Summary =>
        $"Sudden {(Kind == SuddenChangeKind.Gain ? "gain" : "loss")} of {Format(Evaluation.Change)} points from session {PreSession} to {PostSession} (mean {Format(Evaluation.MeanBefore)} points before, {Format(Evaluation.MeanAfter)} after; stability criterion t_crit {Format(Evaluation.TCritical)}).";
}
