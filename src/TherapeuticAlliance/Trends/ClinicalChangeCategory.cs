namespace TherapeuticAlliance.Trends;

/// <summary>The Jacobson–Truax categories of change relative to a clinical cutoff.</summary>
public enum ClinicalChangeCategory
{
    /// <summary>Reliable improvement, and the score crossed the cutoff into the functional range.</summary>
    Recovered = 1,

    /// <summary>The score crossed the cutoff, but the change is not reliable.</summary>
    NonReliablyRecovered = 2,

    /// <summary>Reliable improvement without crossing the cutoff.</summary>
    Improved = 3,

    /// <summary>No reliable change and no crossing.</summary>
    Unchanged = 4,

    /// <summary>Reliable change in the worse direction.</summary>
    Deteriorated = 5,
}
