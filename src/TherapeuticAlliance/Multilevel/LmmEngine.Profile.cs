using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using MathNet.Numerics.RootFinding;

namespace TherapeuticAlliance.Multilevel;

/// <summary>Profile-likelihood confidence intervals of every parameter (lme4's <c>profile</c> and <c>confint</c>).</summary>
internal sealed partial class LmmEngine
{
    /// <summary>
    /// The same model with fixed-effect column <paramref name="column"/> held at <paramref name="value"/>: the column
    /// leaves X and its contribution leaves the response (y − value·x), which is what lme4's profile of a fixed effect
    /// fits (an offset). Every cross-product follows by algebra, so a fit from merged partials profiles the same way;
    /// the random-effects blocks are shared, never copied.
    /// </summary>
    private LmmEngine(LmmEngine source, int column, double value)
    {
        _n = source._n;
        _p = source._p - 1;
        _terms = source._terms;
        _offsets = source._offsets;
        _q1 = source._q1;
        _q2 = source._q2;
        _k1 = source._k1;
        _levels1 = source._levels1;
        _a11 = source._a11;
        _a21 = source._a21;
        _a22 = source._a22;
        int[] keep = Enumerable.Range(0, source._p).Where(a => a != column).ToArray();
        _fixedNames = keep.Select(a => source._fixedNames[a]).ToArray();
        _zx = keep.Select(a => source._zx[a]).ToArray();
        double[] zc = source._zx[column];
        _zy = source._zy.Select((v, i) => v - (value * zc[i])).ToArray();
        _xx = new double[_p, _p];
        _xy = new double[_p];
        for (int a = 0; a < _p; a++)
        {
            _xy[a] = source._xy[keep[a]] - (value * source._xx[keep[a], column]);
            for (int b = 0; b < _p; b++)
            {
                _xx[a, b] = source._xx[keep[a], keep[b]];
            }
        }

        _yy = source._yy - (2 * value * source._xy[column]) + (value * value * source._xx[column, column]);
    }

    /// <summary>What a profiled parameter is, which sets its range.</summary>
    private enum ProfileKind
    {
        StandardDeviation,
        Correlation,
        Sigma,
        Fixed,
    }

    /// <summary>
    /// Profile-likelihood intervals of every parameter, as lme4's <c>confint(fit, method = "profile", oldNames = FALSE)</c>:
    /// each random-effects SD and correlation and σ on the ML deviance as a function of (SDs, correlations, σ) (lme4's
    /// <c>devfun2</c>, for REML fits too) with the others optimised, and each fixed effect held at a value while θ is
    /// optimised (the other coefficients and σ profiled out). The interval is where the signed root
    /// ζ = sign(v − v̂)√(dev(v) − dev̂) lies within ±z_{(1+level)/2} (Bates et al. 2015, section 5.1). An SD whose
    /// profile stays within −z at 0 has lower bound 0; a correlation whose profile stays within z at ±1 has that bound;
    /// a bound the profile never reaches is infinite; NaN where the root could not be found. Names in the engine's term
    /// order, then <c>sigma</c>, then the fixed effects.
    /// </summary>
    internal (string Name, double Estimate, double Lower, double Upper)[] ProfileIntervals(double level)
    {
        if (Fit(reml: false) is not { } ml)
        {
            return Array.Empty<(string, double, double, double)>();
        }

        double z = Normal.InvCDF(0, 1, (1 + level) / 2);
        double sigmaHat = Math.Sqrt(ml.Sigma2);
        (double[] hat, string[] names, ProfileKind[] kinds) = Natural(ml.Theta, sigmaHat);
        int m = hat.Length;
        double Deviance(double[] v) => ThetaOf(v) is { } theta ? DevianceAt(theta, v[m - 1], reml: false) : double.MaxValue;
        double minimum = ml.Criterion;
        var intervals = new List<(string, double, double, double)>();
        for (int i = 0; i < m; i++)
        {
            int held = i;
            var visited = new List<(double Value, double[] Others)> { (hat[i], hat.Where((_, a) => a != held).ToArray()) };
            double Profiled(double value)
            {
                double[] Full(double[] others)
                {
                    var v = new double[m];
                    for (int a = 0, b = 0; a < m; a++)
                    {
                        v[a] = a == held ? value : others[b++];
                    }

                    return v;
                }

                // From the optimum of the nearest value profiled so far, twice (a restart keeps a collapsed simplex honest).
                double[] start = visited.OrderBy(x => Math.Abs(x.Value - value)).First().Others;
                MinimizationResult result = null!;
                for (int round = 0; round < 2; round++)
                {
                    var simplex = new NelderMeadSimplex(1e-12, 5000);
                    try
                    {
                        result = simplex.FindMinimum(ObjectiveFunction.Value(o => Deviance(Full(o.ToArray()))), Vector<double>.Build.DenseOfArray(start));
                    }
                    catch (MaximumIterationsException)
                    {
                        return double.NaN;   // the profile cannot be followed here: the bound is NaN
                    }

                    start = result.MinimizingPoint.ToArray();
                }

                if (result.FunctionInfoAtMinimum.Value < double.MaxValue)
                {
                    visited.Add((value, start));
                }

                return result.FunctionInfoAtMinimum.Value;
            }

            double scale = kinds[i] == ProfileKind.Correlation ? 0.5 : Math.Max(hat[i], 0.05 * sigmaHat);
            (double lower, double upper) = Bounds(Profiled, hat[i], minimum, scale, z, kinds[i]);
            intervals.Add((names[i], hat[i], lower, upper));
        }

        double[] thetaLower = LowerBounds();
        for (int j = 0; j < _p; j++)
        {
            int held = j;
            var visited = new List<(double Value, double[] Theta)> { (ml.Beta[j], ml.Theta) };
            double Profiled(double value)
            {
                var offset = new LmmEngine(this, held, value);
                int ignored = 0;
                double[] start = visited.OrderBy(x => Math.Abs(x.Value - value)).First().Theta;
                double[] theta;
                try
                {
                    theta = NelderMead(t => offset.Objective(t, reml: false), start, thetaLower);
                }
                catch (MaximumIterationsException)
                {
                    return double.NaN;
                }

                theta = Newton(t => offset.Objective(t, reml: false), theta, thetaLower, ref ignored);
                visited.Add((value, theta));
                return offset.Objective(theta, reml: false);
            }

            double standardError = Math.Sqrt(ml.BetaCovariance[j, j]);
            (double lower, double upper) = Bounds(Profiled, ml.Beta[j], minimum, standardError, z, ProfileKind.Fixed);
            intervals.Add((_fixedNames[j], ml.Beta[j], lower, upper));
        }

        return intervals.ToArray();
    }

    /// <summary>The values where ζ crosses ±z, searched within the parameter's range.</summary>
    private static (double Lower, double Upper) Bounds(Func<double, double> profiled, double estimate, double minimum, double scale, double z, ProfileKind kind)
    {
        double Zeta(double value)
        {
            double deviance = profiled(value);
            if (double.IsNaN(deviance))
            {
                return double.NaN;
            }

            return deviance == double.MaxValue ? Math.Sign(value - estimate) * double.MaxValue : Math.Sign(value - estimate) * Math.Sqrt(Math.Max(deviance - minimum, 0));
        }

        // SDs and correlations may reach their boundary (lme4 reports 0 for an SD); σ may not (its floor is open).
        double floor = kind switch
        {
            ProfileKind.StandardDeviation or ProfileKind.Sigma => 0,
            ProfileKind.Correlation => -1,
            _ => double.NegativeInfinity,
        };
        double ceiling = kind == ProfileKind.Correlation ? 1 : double.PositiveInfinity;
        double Side(int direction)
        {
            double limit = direction > 0 ? ceiling : floor, target = direction * z;
            if (!double.IsInfinity(limit) && direction * (limit - estimate) <= 0)
            {
                return limit;
            }

            // Step out from the estimate until ζ passes ±z (stopping at a closed boundary, halving towards an open
            // one), then the root between the last two steps.
            double near = estimate, far = estimate + (direction * 0.5 * scale);
            for (int step = 0; step < 60; step++)
            {
                if (!double.IsInfinity(limit) && direction * (far - limit) >= 0)
                {
                    far = kind == ProfileKind.Sigma ? (near + limit) / 2 : limit;
                }

                double zeta = Zeta(far);
                if (double.IsNaN(zeta))
                {
                    return double.NaN;
                }

                if (direction * zeta >= z)
                {
                    return Root(v => Zeta(v) - target, Math.Min(near, far), Math.Max(near, far));
                }

                if (far == limit)
                {
                    return limit;
                }

                near = far;
                far += direction * scale * Math.Pow(1.6, step);
            }

            return direction * double.PositiveInfinity;
        }

        return (Side(-1), Side(1));
    }

    private static double Root(Func<double, double> f, double low, double high) =>
        Brent.TryFindRoot(f, low, high, 1e-9 * Math.Max(1, Math.Max(Math.Abs(low), Math.Abs(high))), 200, out double root) ? root : double.NaN;

    /// <summary>
    /// θ and σ on lme4's <c>devfun2</c> scale: per term (engine order) the lower triangle of its covariance, column by
    /// column, an SD on the diagonal and a correlation below it, then σ; with lme4's names (<c>sd_(Intercept)|client</c>,
    /// <c>cor_log(session).(Intercept)|client</c>, <c>sigma</c>).
    /// </summary>
    private (double[] Values, string[] Names, ProfileKind[] Kinds) Natural(double[] theta, double sigma)
    {
        double[][,] factors = Factors(theta);
        var values = new List<double>();
        var names = new List<string>();
        var kinds = new List<ProfileKind>();
        for (int j = 0; j < _terms.Length; j++)
        {
            LmmRandomTerm term = _terms[j];
            double[,] t = factors[j];
            int k = term.K;
            double Covariance(int r, int c)
            {
                double sum = 0;
                for (int a = 0; a < k; a++)
                {
                    sum += t[r, a] * t[c, a];
                }

                return sigma * sigma * sum;
            }

            foreach ((int row, int column) in term.ThetaPositions())
            {
                if (row == column)
                {
                    values.Add(Math.Sqrt(Covariance(row, row)));
                    names.Add("sd_" + term.Terms[row] + "|" + term.Group);
                    kinds.Add(ProfileKind.StandardDeviation);
                }
                else
                {
                    double denominator = Math.Sqrt(Covariance(row, row) * Covariance(column, column));
                    values.Add(denominator > 0 ? Covariance(row, column) / denominator : 0);
                    names.Add("cor_" + term.Terms[row] + "." + term.Terms[column] + "|" + term.Group);
                    kinds.Add(ProfileKind.Correlation);
                }
            }
        }

        values.Add(sigma);
        names.Add("sigma");
        kinds.Add(ProfileKind.Sigma);
        return (values.ToArray(), names.ToArray(), kinds.ToArray());
    }

    /// <summary>
    /// θ from the <see cref="Natural"/> scale: each term's covariance Σ (SDs and correlations) factored as Σ = σ²TT'
    /// (a Cholesky factor that allows a zero pivot, so a correlation of ±1 or an SD of 0 is a boundary, not an error);
    /// null outside the parameter space (a negative SD, |correlation| > 1, σ ≤ 0, a covariance not positive semidefinite).
    /// </summary>
    private double[]? ThetaOf(double[] v)
    {
        double sigma = v[^1];
        if (!(sigma > 0))
        {
            return null;
        }

        var theta = new List<double>();
        int at = 0;
        foreach (LmmRandomTerm term in _terms)
        {
            int k = term.K;
            var sd = new double[k];
            var cor = new double[k, k];
            foreach ((int row, int column) in term.ThetaPositions())
            {
                double value = v[at++];
                if (row == column)
                {
                    if (!(value >= 0))
                    {
                        return null;
                    }

                    sd[row] = value;
                }
                else
                {
                    if (!(Math.Abs(value) <= 1))
                    {
                        return null;
                    }

                    cor[row, column] = value;
                }
            }

            var l = new double[k, k];
            for (int column = 0; column < k; column++)
            {
                double diagonal = sd[column] * sd[column];
                for (int a = 0; a < column; a++)
                {
                    diagonal -= l[column, a] * l[column, a];
                }

                if (diagonal < -1e-10 * Math.Max(sd[column] * sd[column], 1e-300))
                {
                    return null;
                }

                l[column, column] = Math.Sqrt(Math.Max(diagonal, 0));
                for (int row = column + 1; row < k; row++)
                {
                    double entry = sd[row] * sd[column] * cor[row, column];
                    for (int a = 0; a < column; a++)
                    {
                        entry -= l[row, a] * l[column, a];
                    }

                    l[row, column] = l[column, column] > 1e-12 * Math.Max(sd[column], 1e-300) ? entry / l[column, column] : 0;
                }
            }

            foreach ((int row, int column) in term.ThetaPositions())
            {
                theta.Add(l[row, column] / sigma);
            }
        }

        return theta.ToArray();
    }
}
