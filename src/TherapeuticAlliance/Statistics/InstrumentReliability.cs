using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Statistics;

/// <summary>Alpha for an instrument as a whole and for each subscale.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class InstrumentReliability
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
