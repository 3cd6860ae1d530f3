namespace TherapeuticAlliance.Service;

/// <summary>How a service benchmark row groups episodes.</summary>
public enum ServiceGrouping
{
    /// <summary>Every episode: one row, group <c>all</c>.</summary>
    Caseload,

    /// <summary>Per site (the site of the episode's latest session).</summary>
    Site,

    /// <summary>Per therapist (the therapist of the episode's latest session).</summary>
    Therapist,

    /// <summary>Per calendar month of closing (the last outcome administration, UTC), group <c>yyyy-MM</c>.</summary>
    Month,
}
