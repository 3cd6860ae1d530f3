using System.Globalization;

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
