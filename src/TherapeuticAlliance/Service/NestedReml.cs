using System;
using System.Collections.Generic;
using System.Linq;

namespace TherapeuticAlliance.Service;

/// <summary>
/// The REML criterion of <c>y ~ 1 + (1 | therapist/client)</c> (or <c>y ~ 1 + (1 | client)</c>) from each client's
/// count, mean and within-client sum of squares, which are sufficient for it: the within-client contrasts carry σ²
/// alone, and the clients' means √n ȳ have covariance σ² (diag(1 + n θc²) + θt² √n √n') within a therapist. By the
/// matrix determinant lemma and Sherman–Morrison per therapist, lme4's profiled REML criterion (Bates et al. 2015,
/// equation 41: log|L|² + log|RX|² + (N − 1)(1 + log(2π r²/(N − 1)))) costs one pass over the therapists' cells
/// (<see cref="DependabilitySums"/>: clients of one therapist with one number of ratings share their weight, so their
/// count, mean of means and spread of means suffice), so a million clients of twenty thousand therapists fit in well
/// under a second, where the general engine would hold the therapists dense; and sites' cells merge.
/// </summary>
internal sealed class NestedReml
{
    private readonly (double N, int Count, double Mean, double Spread)[][] _groups;   // per therapist (or one group without therapists), its cells
    private readonly double _within;
    private readonly int _clients;
    private readonly (double N, int Count)[] _sizes;   // the clients' numbers of ratings and how many clients have each: log(1 + n θc²) once per size

    /// <summary>The criterion of the clients the sums hold; with <paramref name="therapists"/>, grouped by therapist (every client must have one), else as one group (θt is then held at 0, where the grouping does not matter).</summary>
    internal NestedReml(DependabilitySums sums, bool therapists)
    {
        IEnumerable<Dictionary<int, DependabilitySums.Cell>> groups = therapists
            ? sums.ByTherapist.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Value)
            : sums.ByTherapist.Values.Append(sums.Unassigned);
        _groups = groups.Select(cells => cells.Where(c => c.Value.Count > 0).OrderBy(c => c.Key).Select(c => ((double)c.Key, c.Value.Count, c.Value.Mean, c.Value.Spread)).ToArray()).Where(g => g.Length > 0).ToArray();
        _within = sums.Within;
        _clients = sums.Clients;
        _sizes = _groups.SelectMany(g => g).GroupBy(c => c.N).Select(g => (g.Key, g.Sum(c => c.Count))).ToArray();
        Ratings = sums.Ratings;
        Groups = _groups.Length;
    }

    /// <summary>Gets the number of groups (therapists).</summary>
    internal int Groups { get; }

    /// <summary>Gets N, the number of ratings.</summary>
    internal long Ratings { get; }

    /// <summary>The profiled criterion at θ = (θt, θc) = (σt/σ, σc/σ).</summary>
    internal double Criterion(double[] theta) => Evaluate(theta).Criterion;

    /// <summary>σ̂² at θ: the penalised residual sum of squares over N − 1.</summary>
    internal double Sigma2(double[] theta) => Evaluate(theta).PenalisedRss / (Ratings - 1);

    /// <summary>Minimises the criterion over θ ≥ 0 (Nelder–Mead on |θ|, restarted once from its optimum, as the engine); θt held at 0 without therapists.</summary>
    internal double[]? Optimise(bool therapists)
    {
        double Function(double[] t) => Criterion(new[] { therapists ? Math.Abs(t[0]) : 0, Math.Abs(t[^1]) });
        double[] start = therapists ? Start() : new[] { Start()[1] };
        var simplex = new MathNet.Numerics.Optimization.NelderMeadSimplex(1e-9, 5000);
        var objective = MathNet.Numerics.Optimization.ObjectiveFunction.Value(v => Function(v.ToArray()));
        try
        {
            var first = simplex.FindMinimum(objective, MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(start));
            double[] best = Polish(Function, first.MinimizingPoint.Select(Math.Abs).ToArray());
            double[] theta = therapists ? best : new[] { 0, best[0] };
            double value = Criterion(theta);
            return double.IsNaN(value) || double.IsInfinity(value) ? null : theta;
        }
        catch (MathNet.Numerics.Optimization.MaximumIterationsException)
        {
            return null;
        }
    }

    /// <summary>
    /// Newton steps on central differences from Nelder–Mead's optimum (as the engine polishes its fits), kept while they
    /// lower the criterion, never below θ = 0: the criterion is flat along the variances' ratio, where Nelder–Mead stops early.
    /// </summary>
    private static double[] Polish(Func<double[], double> f, double[] x)
    {
        int k = x.Length;
        double fx = f(x);
        for (int iteration = 0; iteration < 10; iteration++)
        {
            double[] h = x.Select(v => 1e-4 * Math.Max(Math.Abs(v), 0.01)).ToArray();
            var gradient = new double[k];
            var hessian = new double[k, k];
            for (int a = 0; a < k; a++)
            {
                double[] plus = (double[])x.Clone(), minus = (double[])x.Clone();
                plus[a] += h[a];
                minus[a] -= h[a];
                double fp = f(plus), fm = f(minus);
                gradient[a] = (fp - fm) / (2 * h[a]);
                hessian[a, a] = (fp - (2 * fx) + fm) / (h[a] * h[a]);
                for (int b = 0; b < a; b++)
                {
                    double[] pp = (double[])x.Clone(), pm = (double[])x.Clone(), mp = (double[])x.Clone(), mm = (double[])x.Clone();
                    pp[a] += h[a]; pp[b] += h[b];
                    pm[a] += h[a]; pm[b] -= h[b];
                    mp[a] -= h[a]; mp[b] += h[b];
                    mm[a] -= h[a]; mm[b] -= h[b];
                    hessian[a, b] = hessian[b, a] = (f(pp) - f(pm) - f(mp) + f(mm)) / (4 * h[a] * h[b]);
                }
            }

            var matrix = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(hessian);
            if (matrix.Determinant() <= 0 || hessian[0, 0] <= 0)
            {
                break;
            }

            double[] step = matrix.Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(gradient)).ToArray();
            double[] next = x.Select((v, a) => Math.Max(0, v - step[a])).ToArray();
            double fn = f(next);
            if (!(fn < fx))
            {
                break;
            }

            bool small = fx - fn < 1e-12 * Math.Max(1, Math.Abs(fx));
            (x, fx) = (next, fn);
            if (small)
            {
                break;
            }
        }

        return x;
    }

    /// <summary>Moment estimates to start from: σ² the pooled within-client variance, σc² the variance of client means less σ²'s share, σt² the variance of therapists' means less the clients' share (each at least a tenth of σ²).</summary>
    private double[] Start()
    {
        double sigma2 = Math.Max(_within / Math.Max(1, Ratings - _clients), 1e-12);
        double meanN = Ratings / (double)_clients;
        var cells = _groups.SelectMany(g => g).ToArray();
        double grand = cells.Sum(c => c.Count * c.Mean) / _clients;
        double clientVar = cells.Sum(c => c.Spread + (c.Count * (c.Mean - grand) * (c.Mean - grand))) / Math.Max(1, _clients - 1);
        double[] therapistMeans = _groups.Select(g => g.Sum(c => c.Count * c.Mean) / g.Sum(c => c.Count)).ToArray();
        double therapistVar = therapistMeans.Sum(m => (m - grand) * (m - grand)) / Math.Max(1, therapistMeans.Length - 1);
        double perGroup = _clients / (double)_groups.Length;
        double c = Math.Max(clientVar - (sigma2 / meanN), 0.1 * sigma2);
        double t = Math.Max(therapistVar - (c / perGroup), 0.1 * sigma2);
        return new[] { Math.Sqrt(t / sigma2), Math.Sqrt(c / sigma2) };
    }

    private (double Criterion, double PenalisedRss) Evaluate(double[] theta)
    {
        double t2 = theta[0] * theta[0], c2 = theta[1] * theta[1];
        double logDet = 0, xvx = 0, xvy = 0;
        foreach (var (n, count) in _sizes)
        {
            logDet += count * Math.Log(1 + (n * c2));
        }

        foreach (var group in _groups)
        {
            double s = 0, w = 0;
            foreach (var (n, count, mean, _) in group)
            {
                double u = n / (1 + (n * c2));
                s += count * u;
                w += count * u * mean;
            }

            double shrink = 1 + (t2 * s);
            logDet += Math.Log(shrink);
            xvx += s / shrink;
            xvy += w / shrink;
        }

        double mu = xvy / xvx, between = 0;
        foreach (var group in _groups)
        {
            double s = 0, sr = 0;
            foreach (var (n, count, mean, spread) in group)
            {
                double u = n / (1 + (n * c2)), r = mean - mu;
                s += count * u;
                sr += count * u * r;
                between += u * (spread + (count * r * r));
            }

            between -= t2 * sr * sr / (1 + (t2 * s));
        }

        double rss = _within + between, degrees = Ratings - 1;
        return (logDet + Math.Log(xvx) + (degrees * (1 + Math.Log(2 * Math.PI * rss / degrees))), rss);
    }
}
