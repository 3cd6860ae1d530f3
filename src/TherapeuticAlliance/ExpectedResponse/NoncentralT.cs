using System;
using System.Collections.Concurrent;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Integration;
using MathNet.Numerics.RootFinding;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>
/// The noncentral t distribution's CDF and quantile, which the one-sided regression tolerance bound needs (R's
/// <c>qt(p, df, ncp)</c>). MathNet.Numerics has no noncentral t, so the CDF is computed from its definition with a
/// MathNet Gauss–Legendre rule and inverted with MathNet's Brent root finder.
/// </summary>
/// <remarks>
/// T = (Z + δ) / √(V/ν) with Z standard normal and V χ²(ν); P(T ≤ t) = E[Φ(t·S − δ)] with S = √(V/ν), integrated over
/// S's density (the χ² density of νs² times 2νs) with a 256-point Gauss–Legendre rule on S's central ±14 SDs. Checked
/// against R's <c>qt(p, df, ncp)</c> through the tolerance factors of oracle O-ETR-1.
/// </remarks>
internal static class NoncentralT
{
    /// <summary>The quadrature grids, by degrees of freedom: a model asks for many quantiles at one ν.</summary>
    private static readonly ConcurrentDictionary<double, Grid> Grids = new();

    /// <summary>P(T ≤ t) for ν degrees of freedom and noncentrality δ.</summary>
    internal static double Cdf(double t, double degreesOfFreedom, double noncentrality) => GridFor(degreesOfFreedom).Cdf(t, noncentrality);

    private static Grid GridFor(double degreesOfFreedom)
    {
        if (Grids.Count > 256)
        {
            Grids.Clear();
        }

        return Grids.GetOrAdd(degreesOfFreedom, static df => new Grid(df));
    }

    /// <summary>The t with P(T ≤ t) = <paramref name="probability"/>, R's <c>qt(p, df, ncp)</c>.</summary>
    internal static double InverseCdf(double probability, double degreesOfFreedom, double noncentrality)
    {
        // The quantile lies near δ plus a few central-t quantiles; widen the bracket until it holds the root.
        double centre = noncentrality + StudentT.InvCDF(0.0, 1.0, degreesOfFreedom, probability);
        double width = 1.0 + Math.Abs(noncentrality);
        double a = centre - width;
        double b = centre + width;
        for (int widen = 0; Cdf(a, degreesOfFreedom, noncentrality) > probability; widen++)
        {
            a -= width;
            width *= 2.0;
            if (widen > 60)
            {
                throw new InvalidOperationException("The noncentral t quantile could not be bracketed.");
            }
        }

        for (int widen = 0; Cdf(b, degreesOfFreedom, noncentrality) < probability; widen++)
        {
            b += width;
            width *= 2.0;
            if (widen > 60)
            {
                throw new InvalidOperationException("The noncentral t quantile could not be bracketed.");
            }
        }

        Grid grid = GridFor(degreesOfFreedom);
        return Brent.FindRoot(x => grid.Cdf(x, noncentrality) - probability, a, b, 1e-12, 200);
    }

    /// <summary>
    /// The Gauss–Legendre nodes of S = √(V/ν) over its central ±14 SDs (from 0 when that reaches below it) with the
    /// weights already multiplied by S's density (the χ² density of νs² times 2νs): they depend on ν only, so each CDF is
    /// one pass of 256 normal CDFs.
    /// </summary>
    private sealed class Grid
    {
        private readonly double[] _nodes;
        private readonly double[] _weights;

        internal Grid(double degreesOfFreedom)
        {
            double spread = 14.0 / Math.Sqrt(2.0 * degreesOfFreedom);
            var rule = new GaussLegendreRule(Math.Max(0.0, 1.0 - spread), 1.0 + spread, 256);
            _nodes = rule.Abscissas;
            _weights = new double[_nodes.Length];
            for (int i = 0; i < _nodes.Length; i++)
            {
                double s = _nodes[i];
                _weights[i] = s <= 0.0 ? 0.0 : rule.Weights[i] * Math.Exp(ChiSquared.PDFLn(degreesOfFreedom, degreesOfFreedom * s * s) + Math.Log(2.0 * degreesOfFreedom * s));
            }
        }

        internal double Cdf(double t, double noncentrality)
        {
            double sum = 0.0;
            for (int i = 0; i < _nodes.Length; i++)
            {
                sum += _weights[i] * Normal.CDF(0.0, 1.0, (t * _nodes[i]) - noncentrality);
            }

            return Math.Min(1.0, Math.Max(0.0, sum));
        }
    }
}
