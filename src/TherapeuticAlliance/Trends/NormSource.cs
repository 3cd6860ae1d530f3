namespace TherapeuticAlliance.Trends;

/// <summary>Where a <see cref="ReferenceNorm"/> comes from.</summary>
public enum NormSource
{
    /// <summary>The caller supplied it (a published or local norm).</summary>
    Caller = 1,

    /// <summary>It was computed from the caseload being analysed (<see cref="ReferenceNorms.FromCaseload"/>).</summary>
    Caseload = 2,
}
