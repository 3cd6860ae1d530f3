namespace TherapeuticAlliance.Trends;

/// <summary>Says which SD a rupture threshold uses (Gumz, Brähler, Geyer &amp; Erices 2012).</summary>
public enum RuptureSdBasis
{
    /// <summary>The SD of the client's own series (n − 1): intra-individual variability only.</summary>
    IntraIndividual = 1,

    /// <summary>The SD of a reference group (<see cref="RuptureRepairOptions.ReferenceStandardDeviation"/>, else the episode's <see cref="Episode.Reference"/>): inter-individual variability only. Not applicable without one.</summary>
    InterIndividual = 2,

    /// <summary>The larger, hence stricter, of the two, as Gumz et al. (2012) propose; the client's own SD alone when no reference SD exists.</summary>
    StricterOfBoth = 3,
}
