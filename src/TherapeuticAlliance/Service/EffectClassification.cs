namespace TherapeuticAlliance.Service;

/// <summary>
/// A therapist's adjusted effect as the interval classifies it (Saxon &amp; Barkham 2012): above or below average only
/// when the whole interval lies on one side of the mean.
/// </summary>
public enum EffectClassification
{
    /// <summary>The interval includes the mean: no evidence that the therapist differs from average.</summary>
    Average,

    /// <summary>The interval lies wholly on the better side of the mean.</summary>
    AboveAverage,

    /// <summary>The interval lies wholly on the worse side of the mean.</summary>
    BelowAverage,

    /// <summary>Not shown: the therapist has fewer clients than the disclosure policy allows a figure over.</summary>
    Withheld,
}
