using System;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Integration;
using MathNet.Numerics.RootFinding;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>
/// The noncentral t distribution's CDF and quantile, which the one-sided regression tolerance bound needs (R's
/// <c>qt(p, df, ncp)</c>). MathNet.Numerics has no noncentral t, so the CDF is computed from its definition with
/// MathNet's adaptive Gauss–Kronrod integration and inverted with MathNet's Brent root finder.
/// </summary>
/// <remarks>
/// T = (Z + δ) / √(V/ν) with Z standard normal and V χ²(ν); P(T ≤ t) = E[Φ(t·S − δ)] with S = √(V/ν), integrated over
/// S's density (the χ² density of νs² times 2νs) with a 256-point Gauss–Legendre rule on S's central ±14 SDs. Checked
/// against R's <c>qt(p, df, ncp)</c> through the tolerance factors of oracle O-ETR-1.
/// </remarks>
internal static class NoncentralT
{
    /// <summary>P(T ≤ t) for ν degrees of freedom and noncentrality δ.</summary>
    internal static double Cdf(double t, double degreesOfFreedom, double noncentrality)
    {
        // Over s = √(V/ν), whose density concentrates near 1 with SD ≈ 1/√(2ν): a fixed 256-point Gauss–Legendre rule
        // over ±14 of those SDs (from 0 when that reaches below it) is smooth, fast and accurate for any ν.
        double spread = 14.0 / Math.Sqrt(2.0 * degreesOfFreedom);
        double lower = Math.Max(0.0, 1.0 - spread);
        double upper = 1.0 + spread;
        double Integrand(double s)
        {
            if (s <= 0.0)
            {
                return 0.0;
            }

            double v = degreesOfFreedom * s * s;
            double density = Math.Exp(ChiSquared.PDFLn(degreesOfFreedom, v) + Math.Log(2.0 * degreesOfFreedom * s));
            return Normal.CDF(0.0, 1.0, (t * s) - noncentrality) * density;
        }

        return Math.Min(1.0, Math.Max(0.0, GaussLegendreRule.Integrate(Integrand, lower, upper, 256)));
    }

    /// <summary>The t with P(T ≤ t) = <paramref name="probability"/>, R's <c>qt(p, df, ncp)</c>.</summary>
    internal static double InverseCdf(double probability, double degreesOfFreedom, double noncentrality)
    {
        // The quantile lies near δ plus a few central-t quantiles; widen the bracket until it holds the root.
        double centre = noncentrality + StudentT.InvCDF(0.0, 1.0, degreesOfFreedom, probability);
        double width = 1.0 + Math.Abs(noncentrality);
        double a = centre - width;
        double b = centre + width;
        while (Cdf(a, degreesOfFreedom, noncentrality) > probability)
        {
            a -= width;
            width *= 2.0;
        }

        while (Cdf(b, degreesOfFreedom, noncentrality) < probability)
        {
            b += width;
            width *= 2.0;
        }

        return Brent.FindRoot(x => Cdf(x, degreesOfFreedom, noncentrality) - probability, a, b, 1e-12, 200);
    }
}
