namespace TherapeuticAlliance.Trends;

/// <summary>Says what building an episode does with a session that contradicts the others.</summary>
public enum InconsistentSessionHandling
{
    /// <summary>A duplicated or out-of-order session makes the whole episode invalid (the default).</summary>
    RejectEpisode = 0,

    /// <summary>
    /// Duplicated and out-of-order sessions (and, when building from assessments, sessions that cannot be scored) are
    /// left out and listed in <see cref="Episode.ExcludedSessions"/>; the rest of the client's series is kept.
    /// </summary>
    ExcludeSession = 1,
}
