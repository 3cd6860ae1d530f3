using System;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace TherapeuticAlliance.Utilities;

/// <summary>
/// Checks that a partial's numbers are statistics before they merge (issue 27: an asymmetric co-moment matrix, or a
/// symmetric impossible one such as [[1, 5], [5, 1]], was accepted and gave Pearson r = 5 and alpha 1.667, or made the
/// ICCs throw, and poisoned every merge it joined). Messages name no value of the partial.
/// </summary>
internal static class PartialChecks
{
    /// <summary>
    /// The relative tolerance of the co-moment checks: 1e-9. Co-moments computed from data and merged by Chan, Golub
    /// &amp; LeVeque's update are symmetric and positive semi-definite up to rounding of about 1e-15 relative; a
    /// difference a million times larger is not rounding.
    /// </summary>
    internal const double Tolerance = 1e-9;

    /// <summary>
    /// The problem with a k × k co-moment matrix (row-major), or <see langword="null"/> when it could come from data:
    /// finite, a non-negative diagonal, symmetric, every pair within the Cauchy–Schwarz bound c²ᵢⱼ ≤ cᵢᵢcⱼⱼ, and positive
    /// semi-definite (the smallest eigenvalue of the correlation matrix of the non-constant columns at least −1e-9 × k).
    /// </summary>
    internal static string? CoMoments(double[] comoments, int k)
    {
        for (int i = 0; i < k; i++)
        {
            double cii = comoments[(i * k) + i];
            if (!Finite(cii) || cii < 0)
            {
                return "A column's co-moment with itself (its sum of squares) must be a finite number of 0 or more.";
            }

            // Stryker disable once Equality : equivalent; j = i compares a diagonal entry with itself, which passes both checks
            for (int j = 0; j < i; j++)
            {
                double cij = comoments[(i * k) + j], cji = comoments[(j * k) + i], cjj = comoments[(j * k) + j];
                double scale = Math.Sqrt(cii * cjj);
                if (!Finite(cij) || !Finite(cji))
                {
                    return "The co-moments must be finite numbers.";
                }

                // Stryker disable once Linq : equivalent in outcome; where |cᵢⱼ| exceeds the scale the Cauchy–Schwarz check below refuses the matrix anyway
                if (Math.Abs(cij - cji) > Tolerance * Math.Max(scale, Math.Max(Math.Abs(cij), Math.Abs(cji))))
                {
                    return string.Format(CultureInfo.InvariantCulture, "The co-moment matrix is not symmetric (columns {0} and {1}); a partial computed from data is.", j + 1, i + 1);
                }

                if (Math.Abs(cij) > scale * (1 + Tolerance))
                {
                    return string.Format(CultureInfo.InvariantCulture, "The co-moment of columns {0} and {1} exceeds the Cauchy–Schwarz bound (a correlation beyond ±1); a partial computed from data cannot.", j + 1, i + 1);
                }
            }
        }

        // Positive semi-definite: the correlation matrix of the columns that vary has no eigenvalue below −tolerance.
        int[] varying = new int[k];
        int m = 0;
        for (int i = 0; i < k; i++)
        {
            if (comoments[(i * k) + i] > 0)
            {
                varying[m++] = i;
            }
        }

        // Stryker disable once Equality : equivalent; with two varying columns positive semi-definiteness is the Cauchy–Schwarz bound, checked above
        if (m < 2)
        {
            return null;
        }

        Matrix<double> correlation = Matrix<double>.Build.Dense(m, m, (a, b) =>
        {
            int i = varying[a], j = varying[b];
            return comoments[(i * k) + j] / Math.Sqrt(comoments[(i * k) + i] * comoments[(j * k) + j]);
        });
        double smallest = correlation.Evd(Symmetricity.Symmetric).EigenValues.Real().Minimum();
        // Stryker disable once Equality : equivalent but for an eigenvalue exactly at the tolerance
        return smallest < -Tolerance * m
            ? "The co-moment matrix is not positive semi-definite (no data have these covariances); a partial computed from data is."
            : null;
    }

    private static bool Finite(double x) => !double.IsNaN(x) && !double.IsInfinity(x);

    /// <summary>
    /// The problem with a column's running moments (count, mean, sum of squared deviations), or <see langword="null"/>:
    /// with no value the mean and the sum of squares are 0, with one value the sum of squares is 0.
    /// </summary>
    internal static string? RunningMoments(long count, double mean, double sumOfSquares) =>
        count == 0 && (mean != 0 || sumOfSquares != 0) ? "A column with no value has a mean or a sum of squares other than 0."
        : count == 1 && sumOfSquares != 0 ? "A column with one value has a sum of squares other than 0."
        : null;
}
