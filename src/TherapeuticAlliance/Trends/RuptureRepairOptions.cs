namespace TherapeuticAlliance.Trends;

/// <summary>Configures a <see cref="RuptureRepairDetector"/>.</summary>
/// <remarks>Immutable; validated when the detector is constructed.</remarks>
public sealed record RuptureRepairOptions
{
    /// <summary>Gets the drop threshold in SD units, m.</summary>
    /// <value>Positive. The default value is 1 (the less strict of the two thresholds in the literature; 2 is the strict variant).</value>
    public double DropInStandardDeviations { get; init; } = 1.0;

    /// <summary>Gets which SD the threshold uses.</summary>
    /// <value>The default value is <see cref="RuptureSdBasis.IntraIndividual"/>.</value>
    public RuptureSdBasis SdBasis { get; init; } = RuptureSdBasis.IntraIndividual;

    /// <summary>Gets the sample SD for <see cref="RuptureSdBasis.Sample"/> and <see cref="RuptureSdBasis.StricterOfBoth"/>.</summary>
    /// <value>Positive when used. The default value is <see langword="null"/>.</value>
    public double? SampleStandardDeviation { get; init; }

    /// <summary>Gets how many sessions after the rupture a repair may take, k.</summary>
    /// <value>1 or more. The default value is 1 (the V-shape: a one-session dip repaired at once, the most frequent pattern in Gumz et al. 2012).</value>
    public int RepairWindow { get; init; } = 1;

    /// <summary>Gets whether higher scores are better.</summary>
    /// <value>The default value is <see langword="true"/> (alliance measures).</value>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>Gets the name the detector reports and is registered under.</summary>
    /// <value><see langword="null"/> for <c>rupture-repair</c>. The default value is <see langword="null"/>.</value>
    public string? Name { get; init; }
}
