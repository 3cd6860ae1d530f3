namespace TherapeuticAlliance.Statistics;

/// <summary>Bland–Altman agreement of paired values.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed partial class BlandAltmanAnalysis
{
    internal BlandAltmanAnalysis(int pairs, int pairsDropped, double bias, double standardDeviation, double lowerLimit, double upperLimit, double multiplier)
    {
        Pairs = pairs;
        PairsDropped = pairsDropped;
        Bias = bias;
        StandardDeviation = standardDeviation;
        LowerLimit = lowerLimit;
        UpperLimit = upperLimit;
        Multiplier = multiplier;
    }

    /// <summary>Gets the number of complete pairs used.</summary>
    public int Pairs { get; }

    /// <summary>Gets the number of pairs dropped because a value was missing.</summary>
    public int PairsDropped { get; }

    /// <summary>Gets the mean difference (first − second).</summary>
    public double Bias { get; }

    /// <summary>Gets the SD of the differences (denominator n − 1).</summary>
    public double StandardDeviation { get; }

    /// <summary>Gets the lower limit of agreement.</summary>
    public double LowerLimit { get; }

    /// <summary>Gets the upper limit of agreement.</summary>
    public double UpperLimit { get; }

    /// <summary>Gets the SD multiplier used.</summary>
    public double Multiplier { get; }
}
