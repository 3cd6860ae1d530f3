using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace TherapeuticAlliance.Statistics;

/// <summary>One intraclass correlation with its F test and confidence bounds.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class IccEstimate
{
    internal IccEstimate(IccForm form, double value, double f, double df1, double df2, double p, double lower, double upper, bool isTestDefined = true)
    {
        IsTestDefined = isTestDefined;
        Form = form;
        Value = value;
        F = f;
        Df1 = df1;
        Df2 = df2;
        P = p;
        Lower = lower;
        Upper = upper;
    }

    /// <summary>Gets which of the six forms this is.</summary>
    public IccForm Form { get; }

    /// <summary>Gets the intraclass correlation.</summary>
    public double Value { get; }

    /// <summary>Gets the F statistic of the test that the ICC is zero.</summary>
    public double F { get; }

    /// <summary>Gets the numerator degrees of freedom.</summary>
    public double Df1 { get; }

    /// <summary>Gets the denominator degrees of freedom.</summary>
    public double Df2 { get; }

    /// <summary>Gets the p value (upper tail of F).</summary>
    public double P { get; }

    /// <summary>Gets the lower confidence bound.</summary>
    public double Lower { get; }

    /// <summary>Gets the upper confidence bound.</summary>
    public double Upper { get; }

    /// <summary>
    /// Gets whether this form's F test is regular. It is not when the test's error mean square is zero: raters that
    /// differ by a constant only (no residual: ICC2, ICC3, ICC2k, ICC3k) or that agree exactly (nothing within
    /// targets: every form). Then <see cref="F"/> is positive infinity and <see cref="P"/> 0, and <see cref="Lower"/>
    /// and <see cref="Upper"/> are the bounds' limits as that mean square goes to zero, which is what
    /// <c>psych::ICC</c> (R, <c>lmer = FALSE</c>) reports through rounding residue (an F near 1e31). <see cref="Value"/>
    /// is the estimate as usual (for example ICC3 = 1 for raters a constant apart).
    /// </summary>
    public bool IsTestDefined { get; }

    /// <summary>Returns a culture-invariant summary.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} = {1:0.###} [{2:0.###}, {3:0.###}]", Form, Value, Lower, Upper);
}

/// <summary>The six Shrout–Fleiss intraclass correlations of one ratings matrix, with the ANOVA mean squares.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class IccAnalysis
{
    internal IccAnalysis(int targets, int raters, int rowsDropped, double confidence, double msb, double msw, double msj, double mse, ImmutableArray<IccEstimate> forms)
    {
        Targets = targets;
        Raters = raters;
        RowsDropped = rowsDropped;
        Confidence = confidence;
        MeanSquareBetweenTargets = msb;
        MeanSquareWithinTargets = msw;
        MeanSquareRaters = msj;
        MeanSquareError = mse;
        Forms = forms;
    }

    /// <summary>Gets the number of targets (complete rows) used.</summary>
    public int Targets { get; }

    /// <summary>Gets the number of raters (columns).</summary>
    public int Raters { get; }

    /// <summary>Gets the number of rows dropped because a rating was missing.</summary>
    public int RowsDropped { get; }

    /// <summary>Gets the confidence level of the bounds.</summary>
    public double Confidence { get; }

    /// <summary>Gets MSB (MSR): the mean square between targets.</summary>
    public double MeanSquareBetweenTargets { get; }

    /// <summary>Gets MSW: the mean square within targets.</summary>
    public double MeanSquareWithinTargets { get; }

    /// <summary>Gets MSJ (MSC): the mean square between raters.</summary>
    public double MeanSquareRaters { get; }

    /// <summary>Gets MSE: the residual mean square.</summary>
    public double MeanSquareError { get; }

    /// <summary>Gets the six forms, in the order ICC1, ICC2, ICC3, ICC1k, ICC2k, ICC3k.</summary>
    public ImmutableArray<IccEstimate> Forms { get; }

    /// <summary>Gets one form.</summary>
    /// <param name="form">The form.</param>
    /// <returns>The estimate.</returns>
    public IccEstimate this[IccForm form] => Forms.First(f => f.Form == form);
}

/// <summary>Bland–Altman agreement of paired values.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class BlandAltmanAnalysis
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

/// <summary>Agreement between client and therapist scores of the same sessions.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ClientTherapistAgreement
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
