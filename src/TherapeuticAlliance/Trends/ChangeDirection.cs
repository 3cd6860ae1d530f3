namespace TherapeuticAlliance.Trends;

/// <summary>Says whether a change is in the better or the worse direction of the measure.</summary>
public enum ChangeDirection
{
    /// <summary>No change, or no reliable change.</summary>
    Unchanged = 1,

    /// <summary>A change in the better direction (for alliance measures and the ORS: up).</summary>
    Improved = 2,

    /// <summary>A change in the worse direction.</summary>
    Deteriorated = 3,
}
