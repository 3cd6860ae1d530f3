using System;
using System.Linq;

namespace TherapeuticAlliance.Service;

/// <summary>
/// The caseload's regression of the signed change on intake and the case mix, for the severity-adjusted effect size
/// (ACORN's SAES): the episodes' count, the means of the regressors and the change, and their co-moments (Welford's
/// updates, merged by Chan et al.'s formulas), solved by MathNet's QR. A group's adjusted effect size is its mean
/// residual plus the caseload's mean change, over the caseload's intake SD.
/// </summary>
internal sealed class SeverityRegression
{
    internal SeverityRegression(int regressors)
    {
        Means = new double[regressors + 1];
        CoMoments = new double[(regressors + 1) * (regressors + 1)];
    }

    /// <summary>Gets the number of episodes (paired, with every covariate).</summary>
    internal int Count { get; set; }

    /// <summary>Gets the means of the regressors, then of the signed change.</summary>
    internal double[] Means { get; }

    /// <summary>Gets the co-moments (sums of products of deviations), row-major, regressors then change.</summary>
    internal double[] CoMoments { get; }

    private int Width => Means.Length;

    private double[]? Beta { get; set; }

    private double IntakeSd { get; set; } = double.NaN;

    /// <summary>Adds an episode's regressors and signed change.</summary>
    internal void Add(double[] x, double y)
    {
        Count++;
        int w = Width;
        Span<double> delta = stackalloc double[w];
        for (int a = 0; a < w; a++)
        {
            double v = a < w - 1 ? x[a] : y;
            delta[a] = v - Means[a];
            Means[a] += delta[a] / Count;
        }

        for (int a = 0; a < w; a++)
        {
            double after = (a < w - 1 ? x[a] : y) - Means[a];
            for (int b = 0; b < w; b++)
            {
                CoMoments[(b * w) + a] += delta[b] * after;
            }
        }
    }

    /// <summary>Adds another caseload's sums (disjoint episodes).</summary>
    internal void Merge(SeverityRegression other)
    {
        int n = Count + other.Count;
        if (other.Count == 0)
        {
            return;
        }

        int w = Width;
        double weight = Count * (double)other.Count / n;
        var delta = new double[w];
        for (int a = 0; a < w; a++)
        {
            delta[a] = other.Means[a] - Means[a];
        }

        for (int a = 0; a < w; a++)
        {
            for (int b = 0; b < w; b++)
            {
                CoMoments[(a * w) + b] += other.CoMoments[(a * w) + b] + (delta[a] * delta[b] * weight);
            }

            Means[a] += delta[a] * other.Count / n;
        }

        Count = n;
    }

    /// <summary>Solves the regression; false when there are too few episodes (p + 1 or fewer, p regressors) or the regressors are collinear, and no group then has an adjusted effect size.</summary>
    internal bool Solve()
    {
        int p = Width - 1;
        if (Count <= p + 1)
        {
            return false;
        }

        var xx = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(p, p, (a, b) => CoMoments[(a * Width) + b]);
        var xy = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(p, a => CoMoments[(a * Width) + p]);
        var qr = xx.QR();
        IntakeSd = Math.Sqrt(CoMoments[0] / (Count - 1));
        if (!qr.IsFullRank)
        {
            return false;
        }

        Beta = qr.Solve(xy).ToArray();
        return true;
    }

    /// <summary>The group's severity-adjusted effect size: its mean residual plus the caseload's mean change, over the caseload's intake SD (null without an SD).</summary>
    internal double? AdjustedEffectSize(BenchmarkSums group)
    {
        if (Beta is null || !(IntakeSd > 0))
        {
            return null;
        }

        int p = Width - 1;
        double meanY = Means[p];
        double residuals = group.SumY - (group.Adjusted * meanY);
        for (int a = 0; a < p; a++)
        {
            residuals -= Beta[a] * (group.SumX[a] - (group.Adjusted * Means[a]));
        }

        return ((residuals / group.Adjusted) + meanY) / IntakeSd;
    }

    /// <summary>A copy, for merging into without changing a partial.</summary>
    internal SeverityRegression Copy()
    {
        var copy = new SeverityRegression(Width - 1);
        copy.Merge(this);
        return copy;
    }

    internal static bool Finite(double[] values) => values.All(v => !double.IsNaN(v) && !double.IsInfinity(v));
}
