using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;

namespace TherapeuticAlliance.Statistics;

/// <summary>Cronbach's alpha with item statistics for one set of items.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed partial class ReliabilityAnalysis
{
    internal ReliabilityAnalysis(double alpha, double standardizedAlpha, double averageInterItemCorrelation, int itemCount, int rowsUsed, int rowsDropped, ImmutableArray<ItemStatistics> items)
    {
        Alpha = alpha;
        StandardizedAlpha = standardizedAlpha;
        AverageInterItemCorrelation = averageInterItemCorrelation;
        ItemCount = itemCount;
        RowsUsed = rowsUsed;
        RowsDropped = rowsDropped;
        Items = items;
        ItemsDroppedForNoVariance = ImmutableArray<string>.Empty;
    }

    private ReliabilityAnalysis(ReliabilityAnalysis analysis, ImmutableArray<string> dropped)
        : this(analysis.Alpha, analysis.StandardizedAlpha, analysis.AverageInterItemCorrelation, analysis.ItemCount, analysis.RowsUsed, analysis.RowsDropped, analysis.Items)
    {
        ItemsDroppedForNoVariance = dropped;
    }

    /// <summary>Gets raw alpha (psych's <c>raw_alpha</c>).</summary>
    public double Alpha { get; }

    /// <summary>Gets standardised alpha (psych's <c>std.alpha</c>); NaN when the inter-item correlations sum to zero.</summary>
    public double StandardizedAlpha { get; }

    /// <summary>Gets the mean inter-item correlation (psych's <c>average_r</c>).</summary>
    public double AverageInterItemCorrelation { get; }

    /// <summary>Gets the number of items analysed (after dropping items without variance).</summary>
    public int ItemCount { get; }

    /// <summary>
    /// Gets the names of the columns dropped because they had the same value in every complete row, in column order;
    /// empty when none was. Alpha, the item statistics and <see cref="ItemCount"/> describe the remaining items.
    /// </summary>
    /// <remarks>
    /// This follows <c>psych::alpha</c> (R), whose default <c>delete = TRUE</c> drops such items with the warning "had
    /// no variance and was deleted". The plain formula would keep the item: it adds nothing to the variances but
    /// raises k, and so alpha. Compare with another program's alpha only after checking what it does here.
    /// </remarks>
    public ImmutableArray<string> ItemsDroppedForNoVariance { get; }

    /// <summary>Gets the number of complete rows used.</summary>
    public int RowsUsed { get; }

    /// <summary>Gets the number of rows dropped because a value was missing.</summary>
    public int RowsDropped { get; }

    /// <summary>Gets per-item statistics, in column order.</summary>
    public ImmutableArray<ItemStatistics> Items { get; }

    /// <summary>Returns a culture-invariant summary.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture, "alpha {0:0.###} (standardised {1:0.###}), {2} items, {3} rows used, {4} dropped{5}", Alpha, StandardizedAlpha, ItemCount, RowsUsed, RowsDropped, ItemsDroppedForNoVariance.IsEmpty ? string.Empty : string.Format(CultureInfo.InvariantCulture, ", {0} item(s) without variance left out", ItemsDroppedForNoVariance.Length));

    /// <summary>Returns a copy that names the items dropped for having no variance.</summary>
    internal ReliabilityAnalysis WithItemsDropped(IEnumerable<string> dropped) => new(this, dropped.ToImmutableArray());
}
