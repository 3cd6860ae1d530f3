namespace TherapeuticAlliance.Statistics;

/// <summary>Alpha of a subscale within an <see cref="InstrumentReliability"/>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class SubscaleReliability
{
    internal SubscaleReliability(AllianceDimension dimension, StatisticsResult<ReliabilityAnalysis> result)
    {
        Dimension = dimension;
        Result = result;
    }

    /// <summary>Gets the subscale's dimension.</summary>
    public AllianceDimension Dimension { get; }

    /// <summary>Gets the analysis, or why it could not be computed (for example a single-item subscale).</summary>
    public StatisticsResult<ReliabilityAnalysis> Result { get; }
}
