namespace TherapeuticAlliance.Trends;

/// <summary>Configures a <see cref="RuptureRepairDetector"/>.</summary>
/// <remarks>
/// <para>The defaults follow the domain reference (§B, recommendation 5): m = 2 SD, the stricter of the client's own SD
/// and the reference group's (Gumz et al. 2012), a reliable-change floor, and a repair window of 3 sessions. The named
/// variants <see cref="OneStandardDeviation"/>, <see cref="TwoStandardDeviations"/> and
/// <see cref="IntraIndividualOnly"/> keep the literature's other readings one line away. Their measured effect on the
/// bundled sample's known ruptures is in <c>docs/trends.md</c>.</para>
/// <para>Immutable; validated when the detector is constructed.</para>
/// </remarks>
public sealed record RuptureRepairOptions
{
    /// <summary>Gets the defaults: 2 SD of session-to-session change, stricter of both SDs, reliable-change floor on, repair window 3.</summary>
    public static RuptureRepairOptions Default { get; } = new();

    /// <summary>Gets the less strict threshold of Gumz et al. (2012): m = 1, stricter of both SDs, floor on, window 3.</summary>
    public static RuptureRepairOptions OneStandardDeviation { get; } = new() { DropInStandardDeviations = 1.0 };

    /// <summary>Gets the stricter threshold of Gumz et al. (2012), the default: m = 2, stricter of both SDs, floor on, window 3.</summary>
    public static RuptureRepairOptions TwoStandardDeviations { get; } = new() { DropInStandardDeviations = 2.0 };

    /// <summary>Gets the literal reading of Gumz et al. (2012) with the reading of the inter-individual SD the domain reference proposes: 2 SD of score levels (the client's series SD and the reference group's SD of all scores), stricter of both, floor on, window 3.</summary>
    public static RuptureRepairOptions ScoreLevels { get; } = new() { Variability = RuptureVariability.ScoreLevels };

    /// <summary>Gets the rule on the client's own series alone (m = 1, the series SD, no floor, window 1): the library's behaviour before issue 13, which flags small fluctuations of a stable client.</summary>
    public static RuptureRepairOptions IntraIndividualOnly { get; } = new() { DropInStandardDeviations = 1.0, SdBasis = RuptureSdBasis.IntraIndividual, Variability = RuptureVariability.ScoreLevels, ReliableChangeFloor = false, RepairWindow = 1 };

    /// <summary>Gets the drop threshold in SD units, m.</summary>
    /// <value>Positive. The default value is 2, the stricter of the two thresholds Gumz et al. (2012) propose to use (1 is the less strict).</value>
    public double DropInStandardDeviations { get; init; } = 2.0;

    /// <summary>Gets which SD the threshold uses.</summary>
    /// <value>The default value is <see cref="RuptureSdBasis.StricterOfBoth"/> (Gumz et al. 2012).</value>
    public RuptureSdBasis SdBasis { get; init; } = RuptureSdBasis.StricterOfBoth;

    /// <summary>Gets which variability the SDs measure: session-to-session changes or score levels.</summary>
    /// <value>The default value is <see cref="RuptureVariability.SessionChanges"/> (a design choice; see its remarks).</value>
    public RuptureVariability Variability { get; init; } = RuptureVariability.SessionChanges;

    /// <summary>Gets a reference SD, in points of the episodes' metric and of the kind <see cref="Variability"/> names (levels or changes), that overrides the episode's <see cref="Episode.Reference"/>.</summary>
    /// <value>Positive when given. The default value is <see langword="null"/>: the episode's reference norm (the caller's or the caseload's), if any.</value>
    public double? ReferenceStandardDeviation { get; init; }

    /// <summary>
    /// Gets whether a drop must also exceed the reliable-change value RC = 1.96 · √2 · SD · √(1 − r) (Jacobson &amp; Truax
    /// 1991), with the reference SD (else the client's) and the reliability <c>r</c> of <see cref="Reliability"/> or the
    /// scores' instrument. Without a reliability the floor is 0.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ReliableChangeFloor { get; init; } = true;

    /// <summary>Gets a reliability coefficient, in (0, 1), that overrides the scores' (<see cref="Episode.Reliability"/>).</summary>
    /// <value>The default value is <see langword="null"/>: the instrument's.</value>
    public double? Reliability { get; init; }

    /// <summary>Gets how many ratings after the rupture a repair may take, k (ratings of the episode, which are sessions when the instrument is given every session).</summary>
    /// <value>1 or more. The default value is 3, a design choice the domain reference suggests (Gumz et al. 2012 saw downward runs of up to 6 sessions; the most frequent pattern, the V-shape, repairs in 1).</value>
    public int RepairWindow { get; init; } = 3;

    /// <summary>Gets whether higher scores are better.</summary>
    /// <value>The default value is <see langword="true"/> (alliance measures).</value>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>Gets the name the detector reports and is registered under.</summary>
    /// <value><see langword="null"/> for <c>rupture-repair</c>. The default value is <see langword="null"/>.</value>
    public string? Name { get; init; }
}
