using System;
using System.Collections.Concurrent;
using Ardalis.GuardClauses;
using MathNet.Numerics.Distributions;

namespace TherapeuticAlliance.Trends;

/// <summary>The Tang &amp; DeRubeis (1999) sudden-gain criteria, with sudden losses and the missing-data rule of Lutz et al. (2013).</summary>
/// <remarks>
/// <para>For an interval from session n to n+1: criterion 1, the change is at least an absolute size (caller-supplied,
/// or the reliable-change value); criterion 2, the change is at least 25 % of the value at n; criterion 3, the mean
/// of up to three values after differs from the mean of up to three values before by more than
/// <c>t_crit · s_pooled</c>, with <c>t_crit = |qt(α/2, n_before + n_after − 2)|</c> and at least two values on each side
/// (as implemented by the suddengains R package). For losses, criterion 2 requires a change of at least 25 % of the
/// value at n in the worse direction; the suddengains implementation lets any such change pass, a defect this library
/// does not copy. Tang, T. Z., &amp; DeRubeis, R. J. (1999), <i>JCCP 67</i>(6), 894–904; Lutz et al. (2013),
/// <i>Psychotherapy Research 23</i>(1), 14–24.</para>
/// <para>This type is thread-safe.</para>
/// </remarks>
public static class SuddenGainsAndLossesCriteria
{
    // The quantile is a root search; the few (df, alpha) pairs in use are computed once.
    private static readonly ConcurrentDictionary<(int Df, double Alpha), double> CriticalValues = new();

    /// <summary>Computes the two-tailed critical t, <c>|qt(α/2, df)|</c>.</summary>
    /// <param name="degreesOfFreedom">The degrees of freedom; 1 or more.</param>
    /// <param name="alpha">The two-tailed significance level, between 0 and 1.</param>
    /// <returns>The critical value.</returns>
    /// <exception cref="ArgumentException">Thrown when an argument is out of range.</exception>
    public static double CriticalT(int degreesOfFreedom, double alpha)
    {
        Guard.Against.NegativeOrZero(degreesOfFreedom);
        Guard.Against.InvalidInput(alpha, nameof(alpha), a => a > 0.0 && a < 1.0, "Alpha lies between 0 and 1.");
        return CriticalValues.GetOrAdd((degreesOfFreedom, alpha), key => StudentT.InvCDF(0.0, 1.0, key.Df, 1.0 - (key.Alpha / 2.0)));
    }

    /// <summary>Evaluates the criteria for one interval.</summary>
    /// <param name="before">Up to three values before the shift, oldest first; the last is the value at n and must be present; NaN = missing.</param>
    /// <param name="after">Up to three values after the shift; the first is the value at n+1 and must be present; NaN = missing.</param>
    /// <param name="absoluteChange">Criterion 1's size; <see langword="null"/> to leave criterion 1 out.</param>
    /// <param name="relativeChange">Criterion 2's share of the value at n; 0.25 by default.</param>
    /// <param name="alpha">Criterion 3's two-tailed level; 0.05 by default.</param>
    /// <param name="higherIsBetter">Whether higher scores are better (alliance: yes; symptom measures: no).</param>
    /// <returns>The evaluation, or <see langword="null"/> when the interval cannot be evaluated (a missing value at n or n+1, a zero change, or fewer than two values on a side).</returns>
    /// <exception cref="ArgumentException">Thrown when a side has more than three values or a parameter is out of range.</exception>
    public static SuddenChangeEvaluation? Evaluate(ReadOnlySpan<double> before, ReadOnlySpan<double> after, double? absoluteChange, double relativeChange = 0.25, double alpha = 0.05, bool higherIsBetter = true)
    {
        Guard.Against.InvalidInput(before.Length, nameof(before), l => l is >= 1 and <= 3, "Give one to three values before the shift.");
        Guard.Against.InvalidInput(after.Length, nameof(after), l => l is >= 1 and <= 3, "Give one to three values after the shift.");
        Guard.Against.InvalidInput(relativeChange, nameof(relativeChange), r => r >= 0.0 && !double.IsInfinity(r), "The relative change is a non-negative share.");
        Guard.Against.InvalidInput(alpha, nameof(alpha), a => a > 0.0 && a < 1.0, "Alpha lies between 0 and 1.");
        return Core(before, after, absoluteChange, relativeChange, alpha, higherIsBetter) is { } c
            ? new SuddenChangeEvaluation(c.Kind, c.Change, c.Absolute, c.Relative, c.Stable, c.MeanBefore, c.MeanAfter, c.SdBefore, c.SdAfter, c.PooledSd, c.TCritical, c.DegreesOfFreedom)
            : null;
    }

    /// <summary>
    /// The three criteria without the guards or an allocation: the rule <see cref="Evaluate"/>, the object path's
    /// detector and the caseload scan (<see cref="CaseloadTrends"/>) share; <see langword="null"/> where Evaluate gives null.
    /// </summary>
    internal static SuddenChangeCriteria? Core(ReadOnlySpan<double> before, ReadOnlySpan<double> after, double? absoluteChange, double relativeChange, double alpha, bool higherIsBetter)
    {
        double xn = before[before.Length - 1];
        double xn1 = after[0];
        (int nPre, double meanPre, double sdPre) = Moments(before);
        (int nPost, double meanPost, double sdPost) = Moments(after);
        if (double.IsNaN(xn) || double.IsNaN(xn1) || xn1 == xn || nPre < 2 || nPost < 2)
        {
            return null;
        }

        double direction = higherIsBetter ? 1.0 : -1.0;
        double change = xn1 - xn;
        // Stryker disable once Equality,Arithmetic : equivalent; the change is never 0 here and the direction is ±1, so > and ≥, × and ÷ agree
        SuddenChangeKind kind = direction * change > 0 ? SuddenChangeKind.Gain : SuddenChangeKind.Loss;
        double size = Math.Abs(change);
        bool? absolute = absoluteChange is { } c ? size >= c : null;
        bool relative = size >= relativeChange * xn;
        int df = nPre + nPost - 2;
        double pooled = Math.Sqrt((((nPre - 1) * sdPre * sdPre) + ((nPost - 1) * sdPost * sdPost)) / df);
        double t = CriticalT(df, alpha);
        double shift = kind == SuddenChangeKind.Gain ? direction * (meanPost - meanPre) : direction * (meanPre - meanPost);
        return new SuddenChangeCriteria(kind, change, absolute, relative, shift > t * pooled, meanPre, meanPost, sdPre, sdPost, pooled, t, df);
    }

    /// <summary>Count, mean and SD (n − 1) of the values present, without allocating.</summary>
    private static (int Count, double Mean, double Sd) Moments(ReadOnlySpan<double> values)
    {
        int n = 0;
        double sum = 0.0;
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                n++;
                sum += v;
            }
        }

        double mean = sum / n;   // 0 / 0 is NaN when no value is present
        double squares = 0.0;
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                squares += (v - mean) * (v - mean);
            }
        }

        // Stryker disable once Equality,Conditional : equivalent; with one value 0 / 0 is NaN already, and with none the interval is left out before its SD is used
        return (n, mean, n > 1 ? Math.Sqrt(squares / (n - 1)) : double.NaN);
    }
}
