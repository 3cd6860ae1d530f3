namespace TherapeuticAlliance.Trends;

/// <summary>The practice rules of feedback-informed care.</summary>
public enum PracticeRule
{
    /// <summary>The total meets the instrument's cutoff (for the SRS: below 36).</summary>
    BelowCutoff = 1,

    /// <summary>The total dropped by at least the configured number of points from the previous session.</summary>
    DropFromPrevious = 2,

    /// <summary>The first session that falls below the scale maximum right after a session at it.</summary>
    FirstDropFromCeiling = 3,
}
