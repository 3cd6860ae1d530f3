using System;
using System.Collections.Immutable;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.InteropServices;
#endif

namespace TherapeuticAlliance.Scoring;

/// <summary>The score columns of a batch.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class BatchScores
{
    private readonly BatchSummary _summary;

    internal BatchScores(BatchSummary summary, ReadOnlyMemory<double> totals, ImmutableArray<BatchSubscale> subscales)
    {
        _summary = summary;
        Totals = totals;
        Subscales = subscales;
    }

    /// <summary>Gets the instrument identifier.</summary>
    public string InstrumentId => _summary.InstrumentId;

    /// <summary>Gets the name of the strategy whose rules the scores follow.</summary>
    public string StrategyName => _summary.StrategyName;

    /// <summary>Gets the version of that strategy.</summary>
    public string StrategyVersion => _summary.StrategyVersion;

    /// <summary>Gets the metric of the scores.</summary>
    public ScoreMetric Metric => _summary.Metric;

    /// <summary>Gets the missing-data policy applied.</summary>
    public MissingDataPolicy MissingDataPolicy => _summary.MissingDataPolicy;

    /// <summary>Gets the instrument total per row; NaN where the row could not be scored.</summary>
    public ReadOnlyMemory<double> Totals { get; }

    /// <summary>Gets the subscale columns, in instrument order.</summary>
    public ImmutableArray<BatchSubscale> Subscales { get; }

    /// <summary>Gets the 0-based rows with a value off the scale or off its step.</summary>
    public ImmutableArray<int> InvalidRows => _summary.InvalidRows;

    /// <summary>Gets the number of valid rows with more missing items than the policy allows.</summary>
    public int UnscoredRows => _summary.UnscoredRows;

    /// <summary>Returns a description with the counts, never the values.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => _summary.ToString();
}
