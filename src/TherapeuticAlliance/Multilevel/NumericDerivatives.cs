using System;
using System.Linq;

namespace TherapeuticAlliance.Multilevel;

/// <summary>
/// Numerical derivatives by central differences with Richardson extrapolation: the method of R's numDeriv
/// (Gilbert and Varadhan), with its defaults (initial step 10⁻⁴ relative, 4 halvings, order-2 error terms), which
/// lmerTest uses for Satterthwaite's degrees of freedom.
/// </summary>
internal static class NumericDerivatives
{
    private const double RelativeStep = 1e-4;
    private const double ZeroStep = 1e-4;
    private const int Levels = 4;

    /// <summary>numDeriv's <c>zero.tol</c>: sqrt(machine epsilon / 7e-7).</summary>
    private static readonly double ZeroTolerance = Math.Sqrt(2.220446049250313e-16 / 7e-7);

    /// <summary>numDeriv's first step for gradients and Jacobians: 10⁻⁴ × |x|, plus 10⁻⁴ near zero.</summary>
    private static double Step(double x) => Math.Abs(RelativeStep * x) + (Math.Abs(x) < ZeroTolerance ? ZeroStep : 0);

    /// <summary>Richardson's extrapolation of estimates at steps h, h/2, h/4, … whose error is a series in h².</summary>
    private static double Extrapolate(double[] estimates)
    {
        double[] a = (double[])estimates.Clone();
        for (int k = 1; k < a.Length; k++)
        {
            double factor = Math.Pow(4, k);
            for (int i = 0; i < a.Length - k; i++)
            {
                a[i] = ((factor * a[i + 1]) - a[i]) / (factor - 1);
            }
        }

        return a[0];
    }

    /// <summary>
    /// The Jacobian of a vector function by numDeriv's <c>jacobian</c> (central differences from the initial step
    /// 10⁻⁴ × |x|, halved 4 times, Richardson extrapolation), as lmerTest computes the gradient of each coefficient's
    /// variance; one evaluation of the function per step gives every output's derivative.
    /// </summary>
    /// <returns>J[k, i]: the derivative of output k in x[i].</returns>
    internal static double[,] Jacobian(Func<double[], double[]> f, double[] x, int outputs)
    {
        var jacobian = new double[outputs, x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            var estimates = new double[outputs][];
            for (int k = 0; k < outputs; k++)
            {
                estimates[k] = new double[Levels];
            }

            double h = Step(x[i]);
            for (int level = 0; level < Levels; level++, h /= 2)
            {
                double[] up = (double[])x.Clone(), down = (double[])x.Clone();
                up[i] += h;
                down[i] -= h;
                double[] fu = f(up), fd = f(down);
                for (int k = 0; k < outputs; k++)
                {
                    estimates[k][level] = (fu[k] - fd[k]) / (2 * h);
                }
            }

            for (int k = 0; k < outputs; k++)
            {
                jacobian[k, i] = Extrapolate(estimates[k]);
            }
        }

        return jacobian;
    }

    /// <summary>
    /// The Hessian of <paramref name="f"/> at <paramref name="x"/> by numDeriv's <c>genD</c> (its defaults: initial
    /// step 0.1 × |x|, or 10⁻⁴ near zero, 4 halvings, Richardson extrapolation; the off-diagonal from
    /// f(x + hᵢ + hⱼ) and f(x − hᵢ − hⱼ) less the diagonal terms), as lmerTest computes it.
    /// </summary>
    internal static double[,] Hessian(Func<double[], double> f, double[] x)
    {
        const double d = 0.1;
        int n = x.Length;
        double f0 = f(x);
        double[] h0 = x.Select(v => Math.Abs(d * v) + (Math.Abs(v) < ZeroTolerance ? ZeroStep : 0)).ToArray();
        var diagonal = new double[n];
        for (int i = 0; i < n; i++)
        {
            var estimates = new double[Levels];
            double h = h0[i];
            for (int level = 0; level < Levels; level++, h /= 2)
            {
                double[] up = (double[])x.Clone(), down = (double[])x.Clone();
                up[i] += h;
                down[i] -= h;
                estimates[level] = (f(up) - (2 * f0) + f(down)) / (h * h);
            }

            diagonal[i] = Extrapolate(estimates);
        }

        var hessian = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            hessian[i, i] = diagonal[i];
            for (int j = 0; j < i; j++)
            {
                var estimates = new double[Levels];
                double hi = h0[i], hj = h0[j];
                for (int level = 0; level < Levels; level++, hi /= 2, hj /= 2)
                {
                    double[] up = (double[])x.Clone(), down = (double[])x.Clone();
                    up[i] += hi;
                    up[j] += hj;
                    down[i] -= hi;
                    down[j] -= hj;
                    estimates[level] = (f(up) - (2 * f0) + f(down) - (diagonal[i] * hi * hi) - (diagonal[j] * hj * hj)) / (2 * hi * hj);
                }

                hessian[i, j] = hessian[j, i] = Extrapolate(estimates);
            }
        }

        return hessian;
    }
}
