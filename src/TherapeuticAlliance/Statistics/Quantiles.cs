using System;
using MathNet.Numerics;

namespace TherapeuticAlliance.Statistics;

/// <summary>Distribution quantiles built on MathNet.Numerics' regularized incomplete beta function, robust for any positive degrees of freedom.</summary>
internal static class Quantiles
{
    /// <summary>The F(d1, d2) value exceeded with probability <paramref name="upperTail"/> (R: <c>qf(upperTail, d1, d2, lower.tail = FALSE)</c>).</summary>
    internal static double FUpper(double d1, double d2, double upperTail)
    {
        // P(F > f) = I_y(d2/2, d1/2) with y = d2 / (d2 + d1 f); I_y increases with y, so solve for y by bisection
        // on log y (precise for the small y of large quantiles), then f = d2 (1 - y) / (d1 y).
        double a = d2 / 2.0;
        double b = d1 / 2.0;
        double lo = -745.0;
        double hi = 0.0;
        for (int i = 0; i < 200 && hi - lo > 1e-15 * Math.Max(1.0, Math.Abs(lo)); i++)
        {
            double mid = (lo + hi) / 2.0;
            if (SpecialFunctions.BetaRegularized(a, b, Math.Exp(mid)) < upperTail)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        double y = Math.Exp((lo + hi) / 2.0);
        return d2 * (1.0 - y) / (d1 * y);
    }
}
