namespace TherapeuticAlliance.Statistics;

/// <summary>Statistics of one item within a <see cref="ReliabilityAnalysis"/>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ItemStatistics
{
    internal ItemStatistics(string item, double mean, double standardDeviation, double alphaIfDeleted, double itemRestCorrelation)
    {
        Item = item;
        Mean = mean;
        StandardDeviation = standardDeviation;
        AlphaIfDeleted = alphaIfDeleted;
        ItemRestCorrelation = itemRestCorrelation;
    }

    /// <summary>Gets the item (column) name.</summary>
    public string Item { get; }

    /// <summary>Gets the item mean.</summary>
    public double Mean { get; }

    /// <summary>Gets the item standard deviation (denominator n − 1).</summary>
    public double StandardDeviation { get; }

    /// <summary>Gets raw alpha of the other items (psych's <c>alpha.drop</c>); NaN with only two items.</summary>
    public double AlphaIfDeleted { get; }

    /// <summary>Gets the correlation of the item with the sum of the other items (psych's <c>r.drop</c>).</summary>
    public double ItemRestCorrelation { get; }
}
