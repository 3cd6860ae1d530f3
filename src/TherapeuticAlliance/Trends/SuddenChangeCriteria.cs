namespace TherapeuticAlliance.Trends;

/// <summary>What <see cref="SuddenGainsAndLossesCriteria"/> computes for one interval, as a value (no allocation); <see cref="SuddenChangeEvaluation"/> is its public form.</summary>
internal readonly record struct SuddenChangeCriteria(SuddenChangeKind Kind, double Change, bool? Absolute, bool Relative, bool Stable, double MeanBefore, double MeanAfter, double SdBefore, double SdAfter, double PooledSd, double TCritical, int DegreesOfFreedom)
{
    /// <summary>Gets whether all three criteria hold (the absolute one when it applies), as <see cref="SuddenChangeEvaluation.IsSuddenGainOrLoss"/>.</summary>
    internal bool IsSuddenGainOrLoss => Absolute != false && Relative && Stable;
}
