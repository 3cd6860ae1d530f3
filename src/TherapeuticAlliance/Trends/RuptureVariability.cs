namespace TherapeuticAlliance.Trends;

/// <summary>Which variability the rupture rule's SDs measure, for the client (intra-individual) and for the reference group (inter-individual).</summary>
/// <remarks>
/// Gumz et al. (2012) combine intra- and inter-individual variability but, in the passage the domain reference read,
/// do not say which inter-individual SD: all ratings pooled, per-session SDs, or the SD of change scores (§B,
/// UNVERIFIED). Both readings are here; the default is a design choice whose measured effect is in docs/trends.md.
/// </remarks>
public enum RuptureVariability
{
    /// <summary>
    /// The SD of score levels: the client's series SD (n − 1) and the reference group's SD of all scores
    /// (<see cref="ReferenceNorm.StandardDeviation"/>), the reading the domain reference proposes (an inference). A
    /// drop is part of the series it is tested against and inflates its own threshold, and the reference SD also holds
    /// the differences between clients' levels, which a drop within one client does not involve.
    /// </summary>
    ScoreLevels = 1,

    /// <summary>
    /// The size of session-to-session changes, the quantity a drop is: the root mean square of the client's successive
    /// differences, leaving out the two that touch the candidate trough (so the drop under test does not inflate its
    /// own threshold), and the reference group's root mean square of successive differences
    /// (<see cref="ReferenceNorm.ChangeStandardDeviation"/>). One of the readings the domain reference lists ("SD of
    /// change scores"); the successive-difference view of intra-individual variability follows Jahng, Wood &amp; Trull
    /// (2008, <i>Psychological Methods 13</i>(4), 354–375).
    /// </summary>
    SessionChanges = 2,
}
