namespace TherapeuticAlliance.Trends;

/// <summary>The three Tang–DeRubeis criteria evaluated for one interval between consecutive sessions.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class SuddenChangeEvaluation
{
    internal SuddenChangeEvaluation(SuddenChangeKind kind, double change, bool? absolute, bool relative, bool stable, double meanBefore, double meanAfter, double sdBefore, double sdAfter, double pooledSd, double tCritical, int degreesOfFreedom)
    {
        Kind = kind;
        Change = change;
        MeetsAbsoluteCriterion = absolute;
        MeetsRelativeCriterion = relative;
        MeetsStabilityCriterion = stable;
        MeanBefore = meanBefore;
        MeanAfter = meanAfter;
        SdBefore = sdBefore;
        SdAfter = sdAfter;
        PooledSd = pooledSd;
        TCritical = tCritical;
        DegreesOfFreedom = degreesOfFreedom;
    }

    /// <summary>Gets whether the change is a candidate gain or loss (by its direction).</summary>
    public SuddenChangeKind Kind { get; }

    /// <summary>Gets the raw change across the interval, x(n+1) − x(n).</summary>
    public double Change { get; }

    /// <summary>Gets criterion 1 (absolute size); <see langword="null"/> when it was not applied.</summary>
    public bool? MeetsAbsoluteCriterion { get; }

    /// <summary>Gets criterion 2 (relative size: at least the given share of the pre-shift value).</summary>
    public bool MeetsRelativeCriterion { get; }

    /// <summary>Gets criterion 3 (stability: the mean difference exceeds t_crit times the pooled SD).</summary>
    public bool MeetsStabilityCriterion { get; }

    /// <summary>Gets whether every applied criterion is met.</summary>
    public bool IsSuddenGainOrLoss => MeetsAbsoluteCriterion != false && MeetsRelativeCriterion && MeetsStabilityCriterion;

    /// <summary>Gets the mean of the available values before the shift (up to three).</summary>
    public double MeanBefore { get; }

    /// <summary>Gets the mean of the available values after the shift (up to three).</summary>
    public double MeanAfter { get; }

    /// <summary>Gets the SD of the values before (n − 1).</summary>
    public double SdBefore { get; }

    /// <summary>Gets the SD of the values after (n − 1).</summary>
    public double SdAfter { get; }

    /// <summary>Gets the pooled SD.</summary>
    public double PooledSd { get; }

    /// <summary>Gets the two-tailed critical t.</summary>
    public double TCritical { get; }

    /// <summary>Gets the degrees of freedom, n_before + n_after − 2.</summary>
    public int DegreesOfFreedom { get; }
}
