namespace TherapeuticAlliance.Trends;

/// <summary>Says whether a sudden change is a gain or a loss.</summary>
public enum SuddenChangeKind
{
    /// <summary>A sudden change in the better direction (for alliance measures: up).</summary>
    Gain = 1,

    /// <summary>A sudden change in the worse direction.</summary>
    Loss = 2,
}
