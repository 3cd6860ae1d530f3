using System;
using System.Collections.Generic;
using System.Globalization;
using Ardalis.GuardClauses;
using MathNet.Numerics.Distributions;

namespace TherapeuticAlliance.Linkage;

/// <summary>
/// The repeated-measures correlation (Bakdash and Marusich 2017, "Repeated measures correlation", Frontiers in
/// Psychology 8:456; R package rmcorr's <c>rmcorr(participant, measure1, measure2, dataset)</c>): the common
/// within-subject association of two measures, each subject's level set aside. It is the partial correlation of the
/// two measures in the analysis of covariance <c>lm(y ~ factor(subject) + x)</c>: with x and y centred on each subject's
/// own means, r = Σ x·y / √(Σ x² · Σ y²), with N − k − 1 degrees of freedom for N observations of k subjects.
/// </summary>
/// <remarks>
/// <para>The p-value is the ANCOVA's F test of x (type III, as <c>drop1(model, test = "F")</c>), two-sided. The interval is
/// rmcorr's analytic one since version 0.5.4: Fisher's z with standard error 1/√(df − 1) (<c>psych::r.con(r, df + 2)</c>);
/// rmcorr's bootstrap interval is not offered. Rows with a missing value (NaN) or no subject are left out, as
/// <c>na.omit</c>. Undefined quantities are NaN: r when neither measure varies within a subject, the interval when df &lt; 2.</para>
/// <para>Limits: the correlation assumes one common slope for every subject and independent errors within a subject;
/// it says nothing about between-subject association, and a shared time trend in both measures distorts it (detrend
/// first, or use the lagged within-person model). Immutable and thread-safe. <see cref="ToString"/> shows figures only.</para>
/// </remarks>
public sealed class RepeatedMeasuresCorrelation
{
    private RepeatedMeasuresCorrelation(double r, double slope, int degreesOfFreedom, double pValue, double lower, double upper, double level, int subjects, int observations)
    {
        R = r;
        Slope = slope;
        DegreesOfFreedom = degreesOfFreedom;
        PValue = pValue;
        Lower = lower;
        Upper = upper;
        Level = level;
        Subjects = subjects;
        Observations = observations;
    }

    /// <summary>Gets the repeated-measures correlation r_rm, −1 to 1 (NaN when undefined).</summary>
    public double R { get; }

    /// <summary>Gets the common within-subject slope of y on x, in y's units per unit of x (the coefficient of x in <c>lm(y ~ factor(subject) + x)</c>).</summary>
    public double Slope { get; }

    /// <summary>Gets the error degrees of freedom, N − k − 1.</summary>
    public int DegreesOfFreedom { get; }

    /// <summary>Gets the two-sided p-value of the F test of x (NaN when undefined).</summary>
    public double PValue { get; }

    /// <summary>Gets the interval's lower bound (Fisher's z, rmcorr's analytic interval; NaN when df &lt; 2).</summary>
    public double Lower { get; }

    /// <summary>Gets the interval's upper bound.</summary>
    public double Upper { get; }

    /// <summary>Gets the interval's confidence level, for example 0.95.</summary>
    public double Level { get; }

    /// <summary>Gets the number of subjects k among the rows used.</summary>
    public int Subjects { get; }

    /// <summary>Gets the number of rows used, N.</summary>
    public int Observations { get; }

    /// <summary>Computes the repeated-measures correlation of x and y.</summary>
    /// <param name="x">The first measure (rmcorr's <c>measure1</c>), one value per row; NaN for missing.</param>
    /// <param name="y">The second measure (rmcorr's <c>measure2</c>), one value per row; NaN for missing.</param>
    /// <param name="subjects">Each row's subject; null for missing.</param>
    /// <param name="level">The interval's confidence level, strictly between 0 and 1; 0.95 by default.</param>
    /// <returns>The correlation, its slope, p-value and interval.</returns>
    /// <exception cref="ArgumentNullException">Thrown when a list is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the lists differ in length or <paramref name="level"/> is not strictly between 0 and 1.</exception>
    public static RepeatedMeasuresCorrelation Compute(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<string?> subjects, double level = 0.95)
    {
        Guard.Against.Null(x);
        Guard.Against.Null(y);
        Guard.Against.Null(subjects);
        Guard.Against.InvalidInput(y, nameof(y), v => v.Count == x.Count, "Give one value of y per value of x.");
        Guard.Against.InvalidInput(subjects, nameof(subjects), s => s.Count == x.Count, "Give one subject per value.");
        Guard.Against.InvalidInput(level, nameof(level), l => l > 0 && l < 1, "The level must be strictly between 0 and 1.");
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var subject = new int[x.Count];
        for (int i = 0; i < x.Count; i++)
        {
            if (subjects[i] is not { } s)
            {
                subject[i] = -1;
                continue;
            }

            if (!index.TryGetValue(s, out int at))
            {
                index[s] = at = index.Count;
            }

            subject[i] = at;
        }

        return Compute(x, y, subject, index.Count, level);
    }

    /// <summary>Computes the correlation with subjects given as indices 0 to <paramref name="subjectCount"/> − 1 (−1 for missing).</summary>
    internal static RepeatedMeasuresCorrelation Compute(IReadOnlyList<double> x, IReadOnlyList<double> y, int[] subjects, int subjectCount, double level)
    {
        var sumX = new double[subjectCount];
        var sumY = new double[subjectCount];
        var count = new int[subjectCount];
        int n = 0;
        for (int i = 0; i < x.Count; i++)
        {
            if (Used(x, y, subjects, i) is int s and >= 0)
            {
                sumX[s] += x[i];
                sumY[s] += y[i];
                count[s]++;
                n++;
            }
        }

        double sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < x.Count; i++)
        {
            if (Used(x, y, subjects, i) is int s and >= 0)
            {
                double dx = x[i] - (sumX[s] / count[s]), dy = y[i] - (sumY[s] / count[s]);
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
            }
        }

        int k = 0;
        foreach (int c in count)
        {
            k += c > 0 ? 1 : 0;
        }

        int df = n - k - 1;
        double r = sxx > 0 && syy > 0 ? Math.Max(-1, Math.Min(1, sxy / Math.Sqrt(sxx * syy))) : double.NaN;
        double p = double.NaN;
        if (df >= 1 && !double.IsNaN(r))
        {
            p = Math.Abs(r) >= 1 ? 0 : 2 * StudentT.CDF(0, 1, df, -Math.Abs(r) * Math.Sqrt(df / (1 - (r * r))));
        }

        double lower = double.NaN, upper = double.NaN;
        if (df >= 2 && !double.IsNaN(r))
        {
            double z = Atanh(r), half = Normal.InvCDF(0, 1, (1 + level) / 2) / Math.Sqrt(df - 1);
            lower = Math.Tanh(z - half);
            upper = Math.Tanh(z + half);
        }

        return new RepeatedMeasuresCorrelation(r, sxx > 0 ? sxy / sxx : double.NaN, Math.Max(df, 0), p, lower, upper, level, k, n);
    }

    /// <summary>Returns the figures, never an identifier.</summary>
    /// <returns>Text such as <c>repeated-measures correlation: r = -0.507, df = 38, p = 0.000847, 95 % CI [-0.707, -0.232], 8 subjects, 47 observations</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "repeated-measures correlation: r = {0:0.000}, df = {1}, p = {2:G3}, {3:0.#} % CI [{4:0.000}, {5:0.000}], {6} subjects, {7} observations", R, DegreesOfFreedom, PValue, Level * 100, Lower, Upper, Subjects, Observations);

    private static int Used(IReadOnlyList<double> x, IReadOnlyList<double> y, int[] subjects, int i) =>
        double.IsNaN(x[i]) || double.IsNaN(y[i]) || double.IsInfinity(x[i]) || double.IsInfinity(y[i]) ? -1 : subjects[i];

    private static double Atanh(double r) => Math.Abs(r) >= 1 ? Math.Sign(r) * double.PositiveInfinity : 0.5 * Math.Log((1 + r) / (1 - r));
}
