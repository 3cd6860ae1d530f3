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
/// T = (Z + δ) / √(V/ν) with Z standard normal and V χ²(ν); P(T ≤ t) = ∫₀^∞ Φ(t·√(v/ν) − δ) f_χ²(v; ν) dv. The
/// integral runs over the χ² quantiles 1e−14 to 1 − 1e−14, which leaves out less than 2e−14 of the mass. Accurate to
/// about 1e−9 in the quantile for the degrees of freedom and noncentralities of expected-response bands.
/// </remarks>
internal static class NoncentralT
{
    /// <summary>P(T ≤ t) for ν degrees of freedom and noncentrality δ.</summary>
    internal static double Cdf(double t, double degreesOfFreedom, double noncentrality)
    {
        double lower = ChiSquared.InvCDF(degreesOfFreedom, 1e-14);
        double upper = ChiSquared.InvCDF(degreesOfFreedom, 1.0 - 1e-14);
        double Integrand(double v) => Normal.CDF(0.0, 1.0, (t * Math.Sqrt(v / degreesOfFreedom)) - noncentrality) * ChiSquared.PDF(degreesOfFreedom, v);
        return GaussKronrodRule.Integrate(Integrand, lower, upper, out _, out _, targetRelativeError: 1e-13, maximumDepth: 30, order: 21);
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
