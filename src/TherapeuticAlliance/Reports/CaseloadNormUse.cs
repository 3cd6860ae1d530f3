using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Reports;

/// <summary>When <see cref="EpisodeAnalyzer.AnalyzeCaseload(System.Collections.Generic.IEnumerable{Episode}, ReferenceNorms?, CaseloadNormUse)"/> judges episodes against the caseload's own norms (<see cref="ReferenceNorms.FromCaseload"/>).</summary>
public enum CaseloadNormUse
{
    /// <summary>
    /// Only for an instrument and perspective with at least <see cref="EpisodeAnalyzer.LargeCaseloadEpisodes"/> episodes
    /// in the caseload (the default). Such a norm changes little when one client is added or left out; the rupture rule
    /// then judges by the stricter of the client's own threshold and the norm's, never less strictly than alone, and
    /// reliable change keeps the instrument's published value where there is one.
    /// </summary>
    WhenLarge = 1,

    /// <summary>For every instrument and perspective with enough data for a caseload norm (<see cref="ReferenceNorms.MinimumEpisodes"/>), as 0.2.0 did.</summary>
    Always = 2,

    /// <summary>Never: each client is judged by published figures and their own series only, the same verdict alone as in any caseload.</summary>
    Never = 3,
}
