using System;
using System.Collections.Generic;
using System.Linq;
using Ardalis.GuardClauses;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;

namespace TherapeuticAlliance.Multilevel;

public sealed partial class MixedModelFit
{
    /// <summary>
    /// Returns the profile-likelihood confidence interval of a grouping factor's intraclass correlation (its share of
    /// the variance, <see cref="IntraclassCorrelation"/>) in a model whose random effects are all intercepts, such as
    /// <c>post ~ pre + (1 | therapist)</c> or <c>post ~ pre + (1 | site) + (1 | therapist)</c>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// With every random effect an intercept, θ<sub>j</sub> = σ<sub>j</sub>/σ and the share of factor j is
    /// θ<sub>j</sub>²/(1 + Σθ<sub>k</sub>²), so the profile of the fit's own criterion (the REML criterion of a REML fit, the
    /// deviance of an ML fit; β and σ profiled out, Bates et al. 2015, equations 34 and 41) over the share, with the other
    /// factors' θ optimised, gives the interval: every share whose profiled criterion is within the χ²₁ quantile of
    /// <paramref name="level"/> of the minimum (a likelihood-ratio interval, on the restricted likelihood for a REML fit).
    /// The shared oracle's recipe (<c>service-models.R</c>) computes the same from lme4's <c>devfun</c> with R's
    /// <c>optimize</c> and <c>uniroot</c>; the two agree to 1e-6.
    /// </para>
    /// <para>A bound at 0 means the profile stays within the level down to no variance at all (the share may be 0).
    /// The method costs a few hundred evaluations of the criterion (no refit of β per evaluation beyond the criterion's own).</para>
    /// </remarks>
    /// <param name="group">The grouping factor, as in <see cref="Groups"/>.</param>
    /// <param name="level">The confidence level, strictly between 0 and 1; 0.95 by default.</param>
    /// <returns>The interval: <see cref="ProfileInterval.Parameter"/> is <c>icc|GROUP</c>, <see cref="ProfileInterval.Estimate"/> the fit's share. Bounds are NaN when the profile could not be followed, and the whole interval is NaN for a fit from which the criterion cannot be evaluated again.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="group"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the model has no random intercept of <paramref name="group"/>, or has a random effect that is not an intercept (a slope's share depends on the covariate's value).</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="level"/> is not strictly between 0 and 1.</exception>
    public ProfileInterval IntraclassCorrelationInterval(string group, double level = 0.95)
    {
        Guard.Against.Null(group);
        Guard.Against.OutOfRange(level, nameof(level), double.Epsilon, 1 - 1e-12);
        Guard.Against.InvalidInput(VarianceComponents, nameof(group), c => c.All(v => v.Term2 is null && (v.Term1 is null or "(Intercept)")), "The share of a factor's variance is defined here for models whose random effects are all intercepts.");
        int j = Groups.Select(g => g.Key).ToList().IndexOf(group);
        Guard.Against.InvalidInput(j, nameof(group), i => i >= 0 && Theta.Length == Groups.Length, "The model has no random intercept of this grouping factor.");
        double estimate = IntraclassCorrelation(group);
        if (Objective is not { } objective)
        {
            return new ProfileInterval("icc|" + group, estimate, double.NaN, double.NaN);
        }

        double minimum = objective(Theta), rise = ChiSquared.InvCDF(1, level);
        double[] Start() => Theta.Where((_, k) => k != j).ToArray();

        // The two bounds are independent searches (each from the estimate, with its own copy of the other factors' θ):
        // the upper runs on the thread pool beside the lower.
        var upper = System.Threading.Tasks.Task.Run(() => Bound(objective, j, estimate, minimum, rise, Start(), up: true));
        double lower = Bound(objective, j, estimate, minimum, rise, Start(), up: false);
        return new ProfileInterval("icc|" + group, estimate, lower, upper.GetAwaiter().GetResult());
    }

    /// <summary>
    /// One bound of a share's interval: where the profiled criterion has risen by <paramref name="rise"/> above its
    /// minimum, on one side of the estimate. A first guess comes from the profile's curvature near the estimate (the
    /// rise is about quadratic there); the bound is then bracketed by stepping out from the guess (doubling the step,
    /// never past 0 or 1, so the first crossing is found even where the criterion loses precision at extreme θ) and
    /// found by Brent's method. 0 (or 1) when the profile stays within the level up to the boundary.
    /// </summary>
    private double Bound(Func<IReadOnlyList<double>, double> objective, int j, double estimate, double minimum, double rise, double[] others, bool up)
    {
        double Profile(double share) => ProfiledAt(objective, j, share, others) - minimum - rise;
        double edge = up ? 1 - 1e-9 : 0;
        double room = Math.Abs(edge - estimate);
        if (room <= 0)
        {
            return edge;
        }

        // Curvature: the rise at a small step from the estimate gives k in rise ≈ k (c − ĉ)².
        double probe = Math.Min(0.02 * Math.Max(estimate, 1e-3), 0.5 * room);
        double risen = Profile(estimate + ((up ? 1 : -1) * probe)) + rise;
        double distance = risen > 1e-12 ? probe * Math.Sqrt(rise / risen) : 4 * probe;
        double inside = estimate + ((up ? 1 : -1) * Math.Min(probe, 0.5 * distance));
        for (int step = 0; step < 80; step++)
        {
            double share = step == 79 ? edge : estimate + ((up ? 1 : -1) * Math.Min(distance * Math.Pow(1.5, step), room));
            bool atEdge = Math.Abs(share - edge) < 1e-15 || Math.Min(distance * Math.Pow(1.5, step), room) >= room;
            if (atEdge)
            {
                share = edge;
            }

            double value = Profile(share);
            if (value > 0)
            {
                double root = up ? Root(Profile, inside, share) : Root(Profile, share, inside);
                return !double.IsNaN(root) ? root : up ? Root(Profile, estimate, share) : Root(Profile, share, estimate);   // the guess was not inside after all
            }

            if (atEdge)
            {
                return up ? 1 : 0;
            }

            inside = share;
        }

        return double.NaN;
    }

    private static double Root(Func<double, double> f, double low, double high)
    {
        try
        {
            return Brent.TryFindRoot(f, low, high, 1e-9, 100, out double root) ? root : double.NaN;
        }
        catch (ArithmeticException)
        {
            // Brent's method takes Math.Sign of the profile, which throws where the criterion is not a number (a
            // degenerate fit, sums at the edge of the possible): that bound is then not found (NaN), never an exception.
            return double.NaN;
        }
    }

    /// <summary>The criterion minimised over every θ but factor <paramref name="j"/>'s, with factor j's share held at <paramref name="share"/>; <paramref name="others"/> holds the other θ to start from and receives the optimum.</summary>
    private double ProfiledAt(Func<IReadOnlyList<double>, double> objective, int j, double share, double[] others)
    {
        var theta = Theta.ToArray();
        double Evaluate(double[] values)
        {
            double rest = 0;
            for (int k = 0, o = 0; k < theta.Length; k++)
            {
                if (k != j)
                {
                    theta[k] = Math.Abs(values[o++]);
                    rest += theta[k] * theta[k];
                }
            }

            theta[j] = Math.Sqrt(share * (1 + rest) / (1 - share));
            return objective(theta);
        }

        if (others.Length == 0)
        {
            return Evaluate(others);
        }

        if (others.Length == 1)
        {
            // Brent's minimisation over the other factor's θ, from the last optimum (the profile moves smoothly with the share).
            double start = others[0];
            var (at, value) = BrentMinimum(t => Evaluate(new[] { t }), start, Math.Max(0.02 * start, 0.001));
            others[0] = at;
            return value;
        }

        var simplex = new MathNet.Numerics.Optimization.NelderMeadSimplex(1e-10, 2000);
        var function = MathNet.Numerics.Optimization.ObjectiveFunction.Value(v => Evaluate(v.ToArray()));
        var minimum = simplex.FindMinimum(function, MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(others));
        minimum.MinimizingPoint.Select(Math.Abs).ToArray().CopyTo(others, 0);
        return minimum.FunctionInfoAtMinimum.Value;
    }

    /// <summary>
    /// Minimises f over [0, ∞) from <paramref name="start"/>: a bracket is found by stepping downhill (doubling the
    /// step, from a first step of 2 % of the start: the optimum moves little between the shares the search visits), then
    /// Brent's parabolic-interpolation method (Brent 1973, chapter 5) narrows it to 1e-6 of θ. The criterion is flat at
    /// its minimum, so the profile's value is then exact to far below what the bounds need (an error of δ in θ moves it
    /// by about half the curvature times δ²); the tighter 1e-8 of an earlier version tripled the evaluations for bounds
    /// equal to 1e-8 (benchmarks/results/service.md).
    /// </summary>
    private static (double At, double Value) BrentMinimum(Func<double, double> f, double start, double step)
    {
        double x0 = Math.Max(start, 0), f0 = f(x0);
        double x1 = x0 + step, f1 = f(x1);
        double low, high, b, fb;
        if (f1 > f0)
        {
            double x2 = Math.Max(0, x0 - step), f2 = f(x2);
            if (f2 > f0 || x2 == x0)
            {
                (low, high, b, fb) = (x2, x1, x0, f0);   // the start is bracketed on both sides
            }
            else
            {
                (low, high, b, fb) = Walk(x0, x2, f2, -step);
            }
        }
        else
        {
            (low, high, b, fb) = Walk(x0, x1, f1, step);
        }

        // Steps on downhill, doubling, until the function rises or 0 is reached: the bracket is [previous, next] around the best.
        (double, double, double, double) Walk(double previous, double current, double value, double h)
        {
            for (int i = 0; i < 60; i++)
            {
                if (current <= 0)
                {
                    return (0, previous, 0, value);
                }

                h *= 2;
                double next = Math.Max(0, current + h), fnext = f(next);
                if (fnext > value)
                {
                    return (Math.Min(previous, next), Math.Max(previous, next), current, value);
                }

                (previous, current, value) = (current, next, fnext);
            }

            return (Math.Min(previous, current), Math.Max(previous, current), current, value);
        }

        // Brent's method on [low, high] with b the best point so far.
        const double Golden = 0.3819660112501051;
        double x = b, w = b, v = b, fx = fb, fw = fb, fv = fb, d = 0, e = 0;
        for (int i = 0; i < 100; i++)
        {
            double middle = 0.5 * (low + high), tolerance = (1e-6 * Math.Abs(x)) + 1e-10;
            if (Math.Abs(x - middle) <= (2 * tolerance) - (0.5 * (high - low)))
            {
                break;
            }

            bool golden = true;
            if (Math.Abs(e) > tolerance)
            {
                double r = (x - w) * (fx - fv), q = (x - v) * (fx - fw), p = ((x - v) * q) - ((x - w) * r);
                q = 2 * (q - r);
                if (q > 0)
                {
                    p = -p;
                }

                q = Math.Abs(q);
                if (Math.Abs(p) < Math.Abs(0.5 * q * e) && p > q * (low - x) && p < q * (high - x))
                {
                    e = d;
                    d = p / q;
                    golden = false;
                    if ((x + d) - low < 2 * tolerance || high - (x + d) < 2 * tolerance)
                    {
                        d = middle >= x ? tolerance : -tolerance;
                    }
                }
            }

            if (golden)
            {
                e = (x >= middle ? low : high) - x;
                d = Golden * e;
            }

            double u = Math.Abs(d) >= tolerance ? x + d : x + (d > 0 ? tolerance : -tolerance);
            double fu = f(u);
            if (fu <= fx)
            {
                (low, high) = u >= x ? (x, high) : (low, x);
                (v, fv, w, fw, x, fx) = (w, fw, x, fx, u, fu);
            }
            else
            {
                (low, high) = u < x ? (u, high) : (low, u);
                if (fu <= fw || w == x)
                {
                    (v, fv, w, fw) = (w, fw, u, fu);
                }
                else if (fu <= fv || v == x || v == w)
                {
                    (v, fv) = (u, fu);
                }
            }
        }

        return (x, fx);
    }
}
