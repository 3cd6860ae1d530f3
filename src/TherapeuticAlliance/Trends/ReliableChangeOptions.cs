namespace TherapeuticAlliance.Trends;

/// <summary>Configures a <see cref="ReliableChangeDetector"/>. The SD and reliability have no defaults: supply them from the sample or published norms.</summary>
/// <remarks>Immutable; validated when the detector is constructed.</remarks>
public sealed record ReliableChangeOptions
{
    /// <summary>Gets the SD of baseline or normative scores.</summary>
    /// <value>Positive. Required (the default 0 is rejected).</value>
    public double StandardDeviation { get; init; }

    /// <summary>Gets the reliability of the measure.</summary>
    /// <value>At least 0 and less than 1. Required (no default is shipped); the default 0 gives the most conservative index.</value>
    public double Reliability { get; init; }

    /// <summary>Gets the critical value of |RC|.</summary>
    /// <value><see langword="null"/> for <see cref="ReliableChange.Z95"/>. The default value is <see langword="null"/>.</value>
    public double? Z { get; init; }

    /// <summary>Gets whether higher scores are better.</summary>
    /// <value>The default value is <see langword="true"/> (alliance measures and the ORS).</value>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>Gets the clinical cutoff (a, b or c from <see cref="ReliableChange"/>) for the Jacobson–Truax categories.</summary>
    /// <value><see langword="null"/> for no categories. The default value is <see langword="null"/>.</value>
    public double? ClinicalCutoff { get; init; }

    /// <summary>Gets the name the detector reports and is registered under.</summary>
    /// <value><see langword="null"/> for <c>reliable-change</c>. The default value is <see langword="null"/>.</value>
    public string? Name { get; init; }
}
