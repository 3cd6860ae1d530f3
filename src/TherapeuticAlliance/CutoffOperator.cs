namespace TherapeuticAlliance;

/// <summary>Says how a score is compared with a <see cref="ScoreCutoff"/> threshold; the cutoff is met when the comparison holds.</summary>
public enum CutoffOperator
{
    /// <summary>Met when the score is below the threshold.</summary>
    LessThan = 1,

    /// <summary>Met when the score is below or equal to the threshold.</summary>
    LessThanOrEqual = 2,

    /// <summary>Met when the score is above the threshold.</summary>
    GreaterThan = 3,

    /// <summary>Met when the score is above or equal to the threshold.</summary>
    GreaterThanOrEqual = 4,
}
