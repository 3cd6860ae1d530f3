using System.Collections.Immutable;

namespace TherapeuticAlliance.Statistics;

/// <summary>Alpha for an instrument as a whole and for each subscale.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed partial class InstrumentReliability
{
    internal InstrumentReliability(StatisticsResult<ReliabilityAnalysis> total, ImmutableArray<SubscaleReliability> subscales)
    {
        Total = total;
        Subscales = subscales;
    }

    /// <summary>Gets the analysis of all items.</summary>
    public StatisticsResult<ReliabilityAnalysis> Total { get; }

    /// <summary>Gets the analyses of the subscales, in instrument order.</summary>
    public ImmutableArray<SubscaleReliability> Subscales { get; }
}
