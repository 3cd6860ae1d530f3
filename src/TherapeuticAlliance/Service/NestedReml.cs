using System;
using System.Linq;

namespace TherapeuticAlliance.Service;

/// <summary>
/// The REML criterion of <c>y ~ 1 + (1 | therapist/client)</c> (or <c>y ~ 1 + (1 | client)</c>) from each client's
/// count, mean and within-client sum of squares, which are sufficient for it: the within-client contrasts carry σ²
/// alone, and the clients' means √n ȳ have covariance σ² (diag(1 + n θc²) + θt² √n √n') within a therapist. By the
/// matrix determinant lemma and Sherman–Morrison per therapist, lme4's profiled REML criterion (Bates et al. 2015,
/// equation 41: log|L|² + log|RX|² + (N − 1)(1 + log(2π r²/(N − 1)))) costs one pass over the clients, so a million
/// clients of twenty thousand therapists fit in about a second, where the general engine would hold the therapists
/// dense.
/// </summary>
internal sealed class NestedReml
{
    private readonly double[] _n;
    private readonly double[] _mean;
    private readonly int[][] _groups;
    private readonly double _within;
    private readonly (double N, int Count)[] _sizes;   // the clients' numbers of ratings and how many clients have each: log(1 + n θc²) once per size

    internal NestedReml(ServiceEpisode[] clients, int[][] groups)
    {
        _n = clients.Select(e => (double)e.AllianceSessions).ToArray();
        _mean = clients.Select(e => e.AllianceMean!.Value).ToArray();
        _within = clients.Sum(e => e.AllianceSumOfSquares);
        _groups = groups;
        _sizes = clients.GroupBy(e => e.AllianceSessions).Select(g => ((double)g.Key, g.Count())).ToArray();
        Ratings = clients.Sum(e => e.AllianceSessions);
    }

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
        double sigma2 = Math.Max(_within / Math.Max(1, Ratings - _n.Length), 1e-12);
        double meanN = Ratings / (double)_n.Length;
        double grand = _mean.Average();
        double clientVar = _mean.Sum(m => (m - grand) * (m - grand)) / Math.Max(1, _n.Length - 1);
        double[] therapistMeans = _groups.Select(g => g.Average(i => _mean[i])).ToArray();
        double therapistVar = therapistMeans.Sum(m => (m - grand) * (m - grand)) / Math.Max(1, therapistMeans.Length - 1);
        double perGroup = _n.Length / (double)_groups.Length;
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

        foreach (int[] group in _groups)
        {
            double s = 0, w = 0;
            foreach (int i in group)
            {
                double u = _n[i] / (1 + (_n[i] * c2));
                s += u;
                w += u * _mean[i];
            }

            double shrink = 1 + (t2 * s);
            logDet += Math.Log(shrink);
            xvx += s / shrink;
            xvy += w / shrink;
        }

        double mu = xvy / xvx, between = 0;
        foreach (int[] group in _groups)
        {
            double s = 0, sr = 0;
            foreach (int i in group)
            {
                double u = _n[i] / (1 + (_n[i] * c2)), r = _mean[i] - mu;
                s += u;
                sr += u * r;
                between += u * r * r;
            }

            between -= t2 * sr * sr / (1 + (t2 * s));
        }

        double rss = _within + between, degrees = Ratings - 1;
        return (logDet + Math.Log(xvx) + (degrees * (1 + Math.Log(2 * Math.PI * rss / degrees))), rss);
    }
}
