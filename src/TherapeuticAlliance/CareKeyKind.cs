namespace TherapeuticAlliance;

/// <summary>A kind of care key: who treated (<see cref="Therapist"/>) or where (<see cref="Site"/>, <see cref="Team"/>).</summary>
public enum CareKeyKind
{
    /// <summary>The therapist who saw the client (<c>therapist</c>).</summary>
    Therapist = 0,

    /// <summary>The site: service or clinic (<c>site</c>).</summary>
    Site = 1,

    /// <summary>The team within a site (<c>team</c>).</summary>
    Team = 2,
}
