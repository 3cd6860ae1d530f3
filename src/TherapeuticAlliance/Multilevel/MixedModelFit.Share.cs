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

        double threshold = objective(Theta) + ChiSquared.InvCDF(1, level);
        double Profile(double share) => ProfiledAt(objective, j, share) - threshold;
        const double Top = 1 - 1e-9;
        double lower = Profile(0) <= 0 ? 0 : Root(Profile, 0, estimate);
        double upper = Profile(Top) <= 0 ? 1 : Root(Profile, estimate, Top);
        return new ProfileInterval("icc|" + group, estimate, lower, upper);
    }

    private static double Root(Func<double, double> f, double low, double high) =>
        Brent.TryFindRoot(f, low, high, 1e-10, 200, out double root) ? root : double.NaN;

    /// <summary>The criterion minimised over every θ but factor <paramref name="j"/>'s, with factor j's share held at <paramref name="share"/>.</summary>
    private double ProfiledAt(Func<IReadOnlyList<double>, double> objective, int j, double share)
    {
        var theta = Theta.ToArray();
        double Evaluate(double[] others)
        {
            double rest = 0;
            for (int k = 0, o = 0; k < theta.Length; k++)
            {
                if (k != j)
                {
                    theta[k] = Math.Abs(others[o++]);
                    rest += theta[k] * theta[k];
                }
            }

            theta[j] = Math.Sqrt(share * (1 + rest) / (1 - share));
            return objective(theta);
        }

        double[] start = Theta.Where((_, k) => k != j).ToArray();
        if (start.Length == 0)
        {
            return Evaluate(start);
        }

        if (start.Length == 1)
        {
            // Golden-section search over the other factor's θ on [0, b], b wide enough to hold its optimum.
            double bound = (10 * Math.Max(start[0], 0.1)) + 1;
            return GoldenMinimum(t => Evaluate(new[] { t }), 0, bound);
        }

        var simplex = new MathNet.Numerics.Optimization.NelderMeadSimplex(1e-10, 2000);
        var function = MathNet.Numerics.Optimization.ObjectiveFunction.Value(v => Evaluate(v.ToArray()));
        return simplex.FindMinimum(function, MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(start)).FunctionInfoAtMinimum.Value;
    }

    private static double GoldenMinimum(Func<double, double> f, double a, double b)
    {
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double c = b - (ratio * (b - a)), d = a + (ratio * (b - a));
        double fc = f(c), fd = f(d);
        for (int i = 0; i < 200 && b - a > 1e-10 * (1 + Math.Abs(a) + Math.Abs(b)); i++)
        {
            if (fc < fd)
            {
                (b, d, fd) = (d, c, fc);
                c = b - (ratio * (b - a));
                fc = f(c);
            }
            else
            {
                (a, c, fc) = (c, d, fd);
                d = a + (ratio * (b - a));
                fd = f(d);
            }
        }

        return Math.Min(Math.Min(fc, fd), Math.Min(f(a), f(b)));
    }
}
