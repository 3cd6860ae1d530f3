using System;
using Ardalis.GuardClauses;
using MathNet.Numerics.Distributions;

namespace TherapeuticAlliance.Trends;

/// <summary>The Jacobson–Truax reliable change formulas and clinical-significance cutoffs.</summary>
/// <remarks>
/// <para>Jacobson, N. S., &amp; Truax, P. (1991). Clinical significance: A statistical approach to defining meaningful
/// change in psychotherapy research. <i>Journal of Consulting and Clinical Psychology 59</i>(1), 12–19.
/// <c>SE = SD·√(1 − r)</c>, <c>S_diff = √2·SE</c>, <c>RC = (x₂ − x₁)/S_diff</c>; change is reliable when
/// <c>|RC| &gt; z</c>, by default the exact normal quantile for 95 % (1.959964…; some software uses the literal
/// 1.96). The SD, the reliability and any norms are always supplied by the caller: the library ships none.</para>
/// <para>This type is thread-safe.</para>
/// </remarks>
public static class ReliableChange
{
    /// <summary>Gets the two-sided 95 % normal quantile, <c>qnorm(0.975)</c> = 1.959963984540054.</summary>
    public static double Z95 { get; } = Normal.InvCDF(0.0, 1.0, 0.975);

    /// <summary>Computes the standard error of measurement, <c>SD·√(1 − r)</c>.</summary>
    /// <param name="standardDeviation">The SD of baseline or normative scores; positive.</param>
    /// <param name="reliability">The reliability (test–retest per Jacobson &amp; Truax; internal consistency is also used); from 0 up to, not including, 1.</param>
    /// <returns>The standard error of measurement.</returns>
    /// <exception cref="ArgumentException">Thrown when an argument is out of range.</exception>
    public static double StandardErrorOfMeasurement(double standardDeviation, double reliability)
    {
        Check(standardDeviation, reliability);
        return standardDeviation * Math.Sqrt(1.0 - reliability);
    }

    /// <summary>Computes the standard error of a difference, <c>√2·SE</c>.</summary>
    /// <param name="standardDeviation">The SD; positive.</param>
    /// <param name="reliability">The reliability; from 0 up to, not including, 1.</param>
    /// <returns>The standard error of the difference of two scores.</returns>
    /// <exception cref="ArgumentException">Thrown when an argument is out of range.</exception>
    public static double StandardErrorOfDifference(double standardDeviation, double reliability) =>
        Math.Sqrt(2.0) * StandardErrorOfMeasurement(standardDeviation, reliability);

    /// <summary>Computes the reliable-change value: the smallest raw change that is reliable, <c>z·S_diff</c>.</summary>
    /// <param name="standardDeviation">The SD; positive.</param>
    /// <param name="reliability">The reliability; from 0 up to, not including, 1.</param>
    /// <param name="z">The critical value; <see langword="null"/> for <see cref="Z95"/>.</param>
    /// <returns>The reliable-change value.</returns>
    /// <exception cref="ArgumentException">Thrown when an argument is out of range.</exception>
    public static double ReliableChangeValue(double standardDeviation, double reliability, double? z = null) =>
        CheckZ(z) * StandardErrorOfDifference(standardDeviation, reliability);

    /// <summary>Computes the reliable change index <c>RC = (x₂ − x₁)/S_diff</c>.</summary>
    /// <param name="before">The earlier score.</param>
    /// <param name="after">The later score.</param>
    /// <param name="standardDeviation">The SD; positive.</param>
    /// <param name="reliability">The reliability; from 0 up to, not including, 1.</param>
    /// <returns>The index; positive when the score went up.</returns>
    /// <exception cref="ArgumentException">Thrown when an argument is out of range.</exception>
    public static double Index(double before, double after, double standardDeviation, double reliability) =>
        (after - before) / StandardErrorOfDifference(standardDeviation, reliability);

    /// <summary>Cutoff <i>a</i>: two SDs beyond the dysfunctional mean, in the functional direction.</summary>
    /// <param name="dysfunctionalMean">The dysfunctional (clinical) population mean.</param>
    /// <param name="dysfunctionalStandardDeviation">Its SD; positive.</param>
    /// <param name="higherIsBetter">Whether higher scores are better (alliance, ORS) or worse (symptom measures).</param>
    /// <returns><c>M_dys ∓ 2·SD_dys</c>.</returns>
    /// <exception cref="ArgumentException">Thrown when the SD is not positive.</exception>
    public static double CutoffA(double dysfunctionalMean, double dysfunctionalStandardDeviation, bool higherIsBetter)
    {
        Guard.Against.InvalidInput(dysfunctionalStandardDeviation, nameof(dysfunctionalStandardDeviation), sd => sd > 0.0, "The SD must be positive.");
        return higherIsBetter ? dysfunctionalMean + (2.0 * dysfunctionalStandardDeviation) : dysfunctionalMean - (2.0 * dysfunctionalStandardDeviation);
    }

    /// <summary>Cutoff <i>b</i>: within two SDs of the functional mean.</summary>
    /// <param name="functionalMean">The functional (non-clinical) population mean.</param>
    /// <param name="functionalStandardDeviation">Its SD; positive.</param>
    /// <param name="higherIsBetter">Whether higher scores are better.</param>
    /// <returns><c>M_func ± 2·SD_func</c>.</returns>
    /// <exception cref="ArgumentException">Thrown when the SD is not positive.</exception>
    public static double CutoffB(double functionalMean, double functionalStandardDeviation, bool higherIsBetter)
    {
        Guard.Against.InvalidInput(functionalStandardDeviation, nameof(functionalStandardDeviation), sd => sd > 0.0, "The SD must be positive.");
        return higherIsBetter ? functionalMean - (2.0 * functionalStandardDeviation) : functionalMean + (2.0 * functionalStandardDeviation);
    }

    /// <summary>Cutoff <i>c</i>: the point equally likely to belong to either population, <c>(SD_func·M_dys + SD_dys·M_func)/(SD_func + SD_dys)</c>; the midpoint only when the SDs are equal.</summary>
    /// <param name="dysfunctionalMean">The dysfunctional population mean.</param>
    /// <param name="dysfunctionalStandardDeviation">Its SD; positive.</param>
    /// <param name="functionalMean">The functional population mean.</param>
    /// <param name="functionalStandardDeviation">Its SD; positive.</param>
    /// <returns>Cutoff <i>c</i>.</returns>
    /// <exception cref="ArgumentException">Thrown when an SD is not positive.</exception>
    public static double CutoffC(double dysfunctionalMean, double dysfunctionalStandardDeviation, double functionalMean, double functionalStandardDeviation)
    {
        Guard.Against.InvalidInput(dysfunctionalStandardDeviation, nameof(dysfunctionalStandardDeviation), sd => sd > 0.0, "The SD must be positive.");
        Guard.Against.InvalidInput(functionalStandardDeviation, nameof(functionalStandardDeviation), sd => sd > 0.0, "The SD must be positive.");
        return ((functionalStandardDeviation * dysfunctionalMean) + (dysfunctionalStandardDeviation * functionalMean)) / (functionalStandardDeviation + dysfunctionalStandardDeviation);
    }

    /// <summary>
    /// Jacobson &amp; Truax (1991)'s reliable change of one episode, first score to last: the standard error of
    /// measurement, S_diff = √2 · SEM, the index (after − before) / S_diff and its direction (reliable when |RCI| &gt; z);
    /// the rule <see cref="ReliableChangeDetector"/> and the caseload scan (<see cref="CaseloadTrends"/>) share.
    /// </summary>
    internal static (double Sem, double Sdiff, double Index, ChangeDirection Direction) Classify(double before, double after, double standardDeviation, double reliability, double z, bool higherIsBetter)
    {
        double se = StandardErrorOfMeasurement(standardDeviation, reliability);
        double sdiff = Math.Sqrt(2.0) * se;
        double index = (after - before) / sdiff;
        bool reliable = Math.Abs(index) > z;
        double better = higherIsBetter ? index : -index;
        return (se, sdiff, index, !reliable ? ChangeDirection.Unchanged : better > 0 ? ChangeDirection.Improved : ChangeDirection.Deteriorated);
    }

    internal static void Check(double standardDeviation, double reliability)
    {
        Guard.Against.InvalidInput(standardDeviation, nameof(standardDeviation), sd => sd > 0.0 && !double.IsInfinity(sd), "The SD must be positive and finite.");
        Guard.Against.InvalidInput(reliability, nameof(reliability), r => r >= 0.0 && r < 1.0, "The reliability must be at least 0 and less than 1.");
    }

    internal static double CheckZ(double? z)
    {
        double value = z ?? Z95;
        Guard.Against.InvalidInput(value, nameof(z), v => v > 0.0 && !double.IsInfinity(v), "The critical value must be positive and finite.");
        return value;
    }
}
