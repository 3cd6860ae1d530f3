namespace TherapeuticAlliance.Statistics;

/// <summary>Names the six Shrout–Fleiss intraclass correlations.</summary>
/// <remarks>McGraw &amp; Wong (1996) names are given for orientation; that correspondence is commonly cited but was not verified against the paper here.</remarks>
public enum IccForm
{
    /// <summary>ICC(1,1): one-way random effects, single rater (McGraw–Wong ICC(1)); each target rated by different raters.</summary>
    Icc1 = 1,

    /// <summary>ICC(2,1): two-way random effects, absolute agreement, single rater (McGraw–Wong ICC(A,1)).</summary>
    Icc2 = 2,

    /// <summary>ICC(3,1): two-way mixed effects, consistency, single rater (McGraw–Wong ICC(C,1)).</summary>
    Icc3 = 3,

    /// <summary>ICC(1,k): one-way random effects, mean of k raters (McGraw–Wong ICC(k)).</summary>
    Icc1k = 4,

    /// <summary>ICC(2,k): two-way random effects, absolute agreement, mean of k raters (McGraw–Wong ICC(A,k)).</summary>
    Icc2k = 5,

    /// <summary>ICC(3,k): two-way mixed effects, consistency, mean of k raters (McGraw–Wong ICC(C,k)); equals Cronbach's alpha.</summary>
    Icc3k = 6,
}
