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

    internal NestedReml(ServiceEpisode[] clients, int[][] groups)
    {
        _n = clients.Select(e => (double)e.AllianceSessions).ToArray();
        _mean = clients.Select(e => e.AllianceMean!.Value).ToArray();
        _within = clients.Sum(e => e.AllianceSumOfSquares);
        _groups = groups;
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
        double[] start = therapists ? new[] { 0.5, 1.0 } : new[] { 1.0 };
        var simplex = new MathNet.Numerics.Optimization.NelderMeadSimplex(1e-12, 5000);
        var objective = MathNet.Numerics.Optimization.ObjectiveFunction.Value(v => Function(v.ToArray()));
        try
        {
            var first = simplex.FindMinimum(objective, MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(start));
            var second = simplex.FindMinimum(objective, first.MinimizingPoint);
            double[] best = second.MinimizingPoint.Select(Math.Abs).ToArray();
            double[] theta = therapists ? best : new[] { 0, best[0] };
            double value = Criterion(theta);
            return double.IsNaN(value) || double.IsInfinity(value) ? null : theta;
        }
        catch (MathNet.Numerics.Optimization.MaximumIterationsException)
        {
            return null;
        }
    }

    private (double Criterion, double PenalisedRss) Evaluate(double[] theta)
    {
        double t2 = theta[0] * theta[0], c2 = theta[1] * theta[1];
        double logDet = 0, xvx = 0, xvy = 0;
        foreach (int[] group in _groups)
        {
            double s = 0, w = 0;
            foreach (int i in group)
            {
                double a = 1 + (_n[i] * c2);
                logDet += Math.Log(a);
                s += _n[i] / a;
                w += _n[i] / a * _mean[i];
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
