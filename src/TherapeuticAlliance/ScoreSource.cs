namespace TherapeuticAlliance;

/// <summary>Says what a score was computed from.</summary>
public enum ScoreSource
{
    /// <summary>The item responses of an assessment were seen and scored.</summary>
    Items = 0,

    /// <summary>Only a total (and subscale totals where given) was recorded; no item was seen.</summary>
    ReportedTotal = 1,
}
