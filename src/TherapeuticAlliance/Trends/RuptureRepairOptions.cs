namespace TherapeuticAlliance.Trends;

/// <summary>Configures a <see cref="RuptureRepairDetector"/>.</summary>
/// <remarks>
/// <para>The defaults follow the domain reference (§B, recommendation 5): m = 2 SD, the stricter of the client's own SD
/// and the reference group's (Gumz et al. 2012), a reliable-change floor, and a repair window of 3 sessions. Since
/// issue 26, two design choices control false alarms per episode rather than per pair of sessions:
/// <see cref="EpisodeFalseAlarmRate"/> (5 %) and <see cref="BaselineSessions"/> (3); the named variants keep the
/// published per-pair rule. The named
/// variants <see cref="OneStandardDeviation"/>, <see cref="TwoStandardDeviations"/> and
/// <see cref="IntraIndividualOnly"/> keep the literature's other readings one line away. Their measured effect on the
/// bundled sample's known ruptures is in <c>docs/trends.md</c>.</para>
/// <para>Immutable; validated when the detector is constructed.</para>
/// </remarks>
public sealed record RuptureRepairOptions
{
    /// <summary>Gets the defaults: 2 SD of session-to-session change raised to hold a 5 % false-alarm rate per episode, the drop measured from the mean of the last three scores, stricter of both SDs, reliable-change floor on, repair window 3.</summary>
    public static RuptureRepairOptions Default { get; } = new();

    /// <summary>Gets the less strict threshold of Gumz et al. (2012): m = 1, stricter of both SDs, floor on, window 3.</summary>
    public static RuptureRepairOptions OneStandardDeviation { get; } = new() { DropInStandardDeviations = 1.0, EpisodeFalseAlarmRate = null, BaselineSessions = 1 };

    /// <summary>Gets the stricter threshold of Gumz et al. (2012) as published, the default before issue 26: m = 2 per pair of consecutive sessions, stricter of both SDs, floor on, window 3.</summary>
    public static RuptureRepairOptions TwoStandardDeviations { get; } = new() { DropInStandardDeviations = 2.0, EpisodeFalseAlarmRate = null, BaselineSessions = 1 };

    /// <summary>Gets the literal reading of Gumz et al. (2012) with the reading of the inter-individual SD the domain reference proposes: 2 SD of score levels (the client's series SD and the reference group's SD of all scores), stricter of both, floor on, window 3.</summary>
    public static RuptureRepairOptions ScoreLevels { get; } = new() { Variability = RuptureVariability.ScoreLevels, EpisodeFalseAlarmRate = null, BaselineSessions = 1 };

    /// <summary>Gets the rule on the client's own series alone (m = 1, the series SD, no floor, window 1): the library's behaviour before issue 13, which flags small fluctuations of a stable client.</summary>
    public static RuptureRepairOptions IntraIndividualOnly { get; } = new() { DropInStandardDeviations = 1.0, SdBasis = RuptureSdBasis.IntraIndividual, Variability = RuptureVariability.ScoreLevels, ReliableChangeFloor = false, RepairWindow = 1, EpisodeFalseAlarmRate = null, BaselineSessions = 1 };

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

    /// <summary>
    /// Gets the per-episode false-alarm rate α: for an episode of n scores the multiplier is raised to
    /// Φ⁻¹(1 − α/(n − 1)) when that exceeds <see cref="DropInStandardDeviations"/> (a Bonferroni correction over the
    /// n − 1 drops examined), so the chance that a noise-only episode shows a rupture does not grow with its length.
    /// </summary>
    /// <value>
    /// In (0, 1), or <see langword="null"/> for a fixed m per pair of sessions (the rule of Gumz et al. 2012). The
    /// default value is 0.05, a design choice (issue 26): with a fixed m = 2 a noise-only pair passes about 2 % of the
    /// time, so 15 pairs raised a false rupture in about a third of calm episodes. Its measured effect on every
    /// condition of the signal grid is in <c>docs/trends.md</c>.
    /// </value>
    public double? EpisodeFalseAlarmRate { get; init; } = 0.05;

    /// <summary>
    /// Gets how many scores before a drop set the level it is measured from: the drop is the mean of the last b scores
    /// (fewer at the start of the series) minus the score at the trough, and the threshold's SD is scaled by
    /// √((1 + 1/b)/2), the SD of that difference relative to a change between two sessions.
    /// </summary>
    /// <value>
    /// 1 or more. The default value is 3, a design choice (issue 26): averaging three scores cuts the noise of the
    /// level before the drop, so the same dip passes a threshold corrected per episode more often; 1 is the
    /// consecutive-session drop of Gumz et al. (2012). The repair is measured against the same level.
    /// </value>
    public int BaselineSessions { get; init; } = 3;

    /// <summary>Gets whether higher scores are better.</summary>
    /// <value>The default value is <see langword="true"/> (alliance measures).</value>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>Gets the name the detector reports and is registered under.</summary>
    /// <value><see langword="null"/> for <c>rupture-repair</c>. The default value is <see langword="null"/>.</value>
    public string? Name { get; init; }
}
