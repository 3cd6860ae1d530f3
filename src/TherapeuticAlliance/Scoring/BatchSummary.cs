using System.Collections.Immutable;
using System.Globalization;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.InteropServices;
#endif

namespace TherapeuticAlliance.Scoring;

/// <summary>What <see cref="BatchScorer.ScoreInto"/> reports besides the scores it wrote: the layout and the rows it could not score.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class BatchSummary
{
    internal BatchSummary(string instrumentId, ScoreMetric metric, MissingDataPolicy policy, int rowCount, int columnCount, ImmutableArray<int> invalidRows, int unscoredRows, string strategyName, string strategyVersion)
    {
        StrategyName = strategyName;
        StrategyVersion = strategyVersion;
        InstrumentId = instrumentId;
        Metric = metric;
        MissingDataPolicy = policy;
        RowCount = rowCount;
        ColumnCount = columnCount;
        InvalidRows = invalidRows;
        UnscoredRows = unscoredRows;
    }

    /// <summary>Gets the name of the strategy whose rules the scores follow, as the object path's <see cref="ScoreProvenance.StrategyName"/>.</summary>
    public string StrategyName { get; }

    /// <summary>Gets the version of that strategy, as <see cref="ScoreProvenance.StrategyVersion"/>.</summary>
    public string StrategyVersion { get; }

    /// <summary>Gets the instrument identifier.</summary>
    public string InstrumentId { get; }

    /// <summary>Gets the metric of the scores.</summary>
    public ScoreMetric Metric { get; }

    /// <summary>Gets the missing-data policy applied.</summary>
    public MissingDataPolicy MissingDataPolicy { get; }

    /// <summary>Gets the number of rows scored (the length of each column written).</summary>
    public int RowCount { get; }

    /// <summary>Gets the number of columns written: the total, then one per subscale.</summary>
    public int ColumnCount { get; }

    /// <summary>Gets the 0-based rows with a value off the scale or off its step.</summary>
    public ImmutableArray<int> InvalidRows { get; }

    /// <summary>Gets the number of valid rows with more missing items than the policy allows.</summary>
    public int UnscoredRows { get; }

    /// <summary>Returns a description with the counts, never the values.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture, "{0} rows of {1} ({2}): {3} invalid, {4} unscored", RowCount, InstrumentId, AllianceCodes.ToCode(Metric), InvalidRows.Length, UnscoredRows);
}
