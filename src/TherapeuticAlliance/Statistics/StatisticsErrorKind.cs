namespace TherapeuticAlliance.Statistics;

/// <summary>Says why a statistic could not be computed.</summary>
public enum StatisticsErrorKind
{
    /// <summary>Fewer than two complete rows remain after listwise deletion.</summary>
    TooFewRows = 1,

    /// <summary>The statistic needs at least two columns (items or raters).</summary>
    TooFewColumns = 2,

    /// <summary>A column has no variance, so correlations are undefined.</summary>
    ConstantColumn = 3,

    /// <summary>Every response is missing.</summary>
    AllMissing = 4,

    /// <summary>The input has no variance at all, so the statistic is undefined.</summary>
    NoVariance = 5,

    /// <summary>Paired inputs do not match (different lengths, perspectives, instruments or sessions).</summary>
    MismatchedPairs = 6,

    /// <summary>A parameter such as a loading or a confidence level is outside its valid range.</summary>
    InvalidParameter = 7,
}
