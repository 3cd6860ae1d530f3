namespace TherapeuticAlliance;

/// <summary>Says what an instrument measures.</summary>
public enum MeasureKind
{
    /// <summary>The therapeutic alliance (higher is a stronger alliance).</summary>
    Alliance = 1,

    /// <summary>Client outcome or well-being, used alongside alliance measures (higher is better for the built-in ORS).</summary>
    Outcome = 2,
}
