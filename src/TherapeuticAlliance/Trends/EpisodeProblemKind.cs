namespace TherapeuticAlliance.Trends;

/// <summary>Says what is wrong with the scores of an episode.</summary>
public enum EpisodeProblemKind
{
    /// <summary>There are no scores.</summary>
    Empty = 1,

    /// <summary>A session number occurs twice.</summary>
    DuplicateSession = 2,

    /// <summary>A later session is dated before an earlier one.</summary>
    OutOfOrder = 3,

    /// <summary>The scores come from different instruments.</summary>
    MixedInstruments = 4,

    /// <summary>The scores come from different perspectives.</summary>
    MixedPerspectives = 5,

    /// <summary>The scores are in different metrics or ranges.</summary>
    MixedMetrics = 6,

    /// <summary>An assessment of the episode could not be scored.</summary>
    UnscorableSession = 7,
}
