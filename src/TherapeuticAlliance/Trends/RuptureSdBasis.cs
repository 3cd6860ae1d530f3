namespace TherapeuticAlliance.Trends;

/// <summary>Says which SD a rupture threshold uses (Gumz, Brähler, Geyer &amp; Erices 2012).</summary>
public enum RuptureSdBasis
{
    /// <summary>The SD of the client's own series (n − 1).</summary>
    IntraIndividual = 1,

    /// <summary>An SD supplied by the caller from a sample (inter-individual).</summary>
    Sample = 2,

    /// <summary>The larger, hence stricter, of the two, as Gumz et al. (2012) propose.</summary>
    StricterOfBoth = 3,
}
