namespace TherapeuticAlliance;

/// <summary>Names the rule a <see cref="MissingDataPolicy"/> applies.</summary>
public enum MissingDataRule
{
    /// <summary>Every item of a scoring unit must be answered.</summary>
    CompleteOnly = 1,

    /// <summary>Prorate when at most a fixed number of the unit's items are missing.</summary>
    ProrateMaximumItems = 2,

    /// <summary>Prorate when at most a fraction of the unit's items (rounded down) are missing.</summary>
    ProrateMaximumFraction = 3,

    /// <summary>Prorate when at least half of the unit's items are answered.</summary>
    HalfRule = 4,
}
