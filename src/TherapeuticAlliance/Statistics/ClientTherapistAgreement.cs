namespace TherapeuticAlliance.Statistics;

/// <summary>Agreement between client and therapist scores of the same sessions.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed partial class ClientTherapistAgreement
{
    internal ClientTherapistAgreement(int pairs, StatisticsResult<double> correlation, BlandAltmanAnalysis blandAltman, double standardizedDifference, StatisticsResult<IccAnalysis> intraclass)
    {
        Pairs = pairs;
        Correlation = correlation;
        BlandAltman = blandAltman;
        StandardizedDifference = standardizedDifference;
        Intraclass = intraclass;
    }

    /// <summary>Gets the number of session pairs.</summary>
    public int Pairs { get; }

    /// <summary>Gets the Pearson correlation of client and therapist scores (association), or why it is undefined.</summary>
    public StatisticsResult<double> Correlation { get; }

    /// <summary>Gets the Bland–Altman analysis of client − therapist (bias and limits of agreement).</summary>
    public BlandAltmanAnalysis BlandAltman { get; }

    /// <summary>Gets the standardised difference d = mean(client − therapist) / pooled SD, with pooled SD = √((SD_c² + SD_t²) / 2); NaN when both are constant.</summary>
    public double StandardizedDifference { get; }

    /// <summary>Gets the ICCs with k = 2 raters: ICC(2,1) is absolute agreement, ICC(3,1) consistency.</summary>
    public StatisticsResult<IccAnalysis> Intraclass { get; }
}
