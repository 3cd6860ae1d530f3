using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Multilevel;

/// <summary>
/// A fitted linear mixed model (<see cref="LinearMixedModel.Fit(string, ModelFrame, bool)"/>): what lme4's and lmerTest's <c>summary</c>,
/// <c>VarCorr</c>, <c>ranef(condVar = TRUE)</c>, <c>logLik</c>, <c>AIC</c> and <c>BIC</c> give, under lme4's names.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. Level labels appear only in <see cref="ConditionalModes"/>; <see cref="ToString"/>
/// and <see cref="Summary"/> never show them.</para>
/// </remarks>
public sealed partial class MixedModelFit
{
    private readonly Lazy<ImmutableArray<FixedEffect>> _fixedEffects;

    internal MixedModelFit(string formula, bool reml, Lazy<ImmutableArray<FixedEffect>> fixedEffects, ImmutableArray<VarianceComponent> components, double residualVariance, ImmutableArray<KeyValuePair<string, int>> groups, int observations, double criterion, int parameters, bool singular, ImmutableArray<ConditionalMode> modes, ImmutableArray<double> theta, int evaluations, double gradient)
    {
        Formula = formula;
        Reml = reml;
        _fixedEffects = fixedEffects;
        VarianceComponents = components;
        ResidualVariance = residualVariance;
        Groups = groups;
        Observations = observations;
        Criterion = criterion;
        Parameters = parameters;
        IsSingular = singular;
        ConditionalModes = modes;
        Theta = theta;
        Evaluations = evaluations;
        FinalGradient = gradient;
    }

    /// <summary>
    /// Gets the fitted values Xβ̂ + Zb̂ (lme4's <c>fitted</c>: fixed effects plus every conditional mode), one per row of
    /// the frame, in its order; NaN at a row left out for a missing value (R's <c>na.exclude</c> layout).
    /// </summary>
    public ImmutableArray<double> Fitted { get; internal init; } = ImmutableArray<double>.Empty;

    /// <summary>Gets the residuals y − <see cref="Fitted"/> (lme4's <c>residuals</c>, type <c>response</c>), one per row of the frame; NaN where a row was left out.</summary>
    public ImmutableArray<double> Residuals { get; internal init; } = ImmutableArray<double>.Empty;

    /// <summary>Gets the number of the frame's rows left out because a column the model uses is missing there (NaN, or a null label), as R's <c>na.omit</c> does; 0 when none.</summary>
    public int OmittedRows { get; internal init; }

    /// <summary>Gets how profile intervals are computed (the engine's <c>ProfileIntervals</c>).</summary>
    internal Func<double, (string Name, double Estimate, double Lower, double Upper)[]>? Profiler { get; init; }

    /// <summary>Gets the fit's criterion (REML criterion or deviance, as <see cref="Reml"/>) at any θ in the engine's order, σ and β profiled out.</summary>
    internal Func<IReadOnlyList<double>, double>? Objective { get; init; }

    /// <summary>
    /// Computes profile-likelihood confidence intervals of every parameter, as lme4's
    /// <c>confint(fit, method = "profile", oldNames = FALSE)</c>: each random effect's SD and, for a term with a random
    /// slope, each correlation; the residual SD; and each fixed effect. lme4 profiles the ML deviance, also for a REML
    /// fit (Bates et al. 2015, section 5.1); so does this, and <see cref="ProfileInterval.Estimate"/> is the ML estimate.
    /// A variance parameter is profiled with the other variance parameters optimised (on the SD and correlation scale,
    /// lme4's <c>devfun2</c>); a fixed effect is held at a value while θ is optimised (the other coefficients and σ
    /// profiled out). lme4 interpolates its profile with splines and inverts the spline; this finds the roots of the
    /// profile itself, so the two agree to the spline's accuracy (about 1e-5 relative on the oracle models).
    /// Each interval costs a few hundred refits with one parameter held: about a second on 10⁴ rows with a random
    /// slope, longer on large data.
    /// </summary>
    /// <param name="level">The confidence level, between 0 and 1 exclusive; 0.95 by default.</param>
    /// <returns>
    /// Per grouping factor (formula order of <see cref="Groups"/>) its SDs and correlations in lme4's order
    /// (<c>sd_(Intercept)|client</c>, <c>cor_log(session).(Intercept)|client</c>, <c>sd_log(session)|client</c>), then
    /// <c>sigma</c>, then each fixed effect by its <see cref="FixedEffect.Term"/>. An SD whose profile stays within the
    /// interval at 0 has lower bound 0 (as lme4); a correlation whose profile stays within it at ±1 has that bound; a
    /// bound the profile never reaches is infinite; NaN where the profile could not be followed. A fit from merged
    /// partials profiles the same way (the cross-products are all it needs).
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="level"/> is not strictly between 0 and 1.</exception>
    public ImmutableArray<ProfileInterval> ProfileConfidenceIntervals(double level = 0.95)
    {
        Guard.Against.OutOfRange(level, nameof(level), double.Epsilon, 1 - 1e-12);
        if (Profiler?.Invoke(level) is not { } intervals)
        {
            return ImmutableArray<ProfileInterval>.Empty;
        }

        // The engine orders factors by size; the fit by the formula. Its variance parameters come before sigma, the fixed effects after.
        int sigma = Array.FindIndex(intervals, i => i.Name == "sigma");
        return Groups.SelectMany(g => intervals.Take(sigma).Where(i => i.Name.EndsWith("|" + g.Key, StringComparison.Ordinal)))
            .Concat(intervals.Skip(sigma))
            .Select(i => new ProfileInterval(i.Name, i.Estimate, i.Lower, i.Upper)).ToImmutableArray();
    }

    /// <summary>Gets the formula fitted, as given.</summary>
    public string Formula { get; }

    /// <summary>Gets whether the fit is REML (lme4's default) rather than maximum likelihood.</summary>
    public bool Reml { get; }

    /// <summary>
    /// Gets the fixed effects, in the model matrix's order, with Satterthwaite's df and p-values. Those are computed on
    /// first read (a numerical Hessian of the deviance: about 150 evaluations of the criterion, as lmerTest's summary
    /// does after lme4's lmer), once, thread-safely.
    /// </summary>
    public ImmutableArray<FixedEffect> FixedEffects => _fixedEffects.Value;

    /// <summary>Gets the variance components (lme4's <c>as.data.frame(VarCorr(fit))</c> order: each group's variances, then its covariances; the residual last).</summary>
    public ImmutableArray<VarianceComponent> VarianceComponents { get; }

    /// <summary>Gets the residual variance σ² (lme4's <c>sigma(fit)^2</c>).</summary>
    public double ResidualVariance { get; }

    /// <summary>Gets each grouping factor's number of levels (lme4's <c>ngrps</c>).</summary>
    public ImmutableArray<KeyValuePair<string, int>> Groups { get; }

    /// <summary>Gets the number of observations (lme4's <c>nobs</c>).</summary>
    public int Observations { get; }

    /// <summary>Gets the optimised criterion: the REML criterion of a REML fit, the deviance (−2 log-likelihood) of an ML fit.</summary>
    public double Criterion { get; }

    /// <summary>Gets the number of parameters: fixed effects, covariance parameters and the residual SD (lme4's <c>df</c> of <c>logLik</c>).</summary>
    public int Parameters { get; }

    /// <summary>Gets the log-likelihood (lme4's <c>logLik</c>: of the REML criterion for a REML fit).</summary>
    public double LogLikelihood => -Criterion / 2;

    /// <summary>Gets Akaike's information criterion, −2 log L + 2 k (lme4's <c>AIC</c>).</summary>
    public double Aic => Criterion + (2.0 * Parameters);

    /// <summary>Gets the Bayesian information criterion, −2 log L + k ln n (lme4's <c>BIC</c>).</summary>
    public double Bic => Criterion + (Parameters * Math.Log(Observations));

    /// <summary>Gets whether the fit is on the boundary (a variance estimated as zero, or a correlation of ±1): lme4's "boundary (singular) fit". Such a fit is not a converged interior fit; simplify the random effects.</summary>
    public bool IsSingular { get; }

    /// <summary>Gets the conditional modes of every random effect, with their conditional SDs.</summary>
    public ImmutableArray<ConditionalMode> ConditionalModes { get; }

    /// <summary>Gets the relative covariance parameters θ at the optimum (lme4's <c>getME(fit, "theta")</c>).</summary>
    public ImmutableArray<double> Theta { get; }

    /// <summary>Gets the optimiser's description: Nelder–Mead from lme4's start (θ = identity factors), then Newton steps on central differences.</summary>
#pragma warning disable CA1822 // Part of the fit's provenance, read with it.
    public string Optimizer => "Nelder-Mead (MathNet.Numerics, tolerance 1e-7), then Newton steps on central differences until their predicted decrease is below 1e-11 of the criterion";
#pragma warning restore CA1822

    /// <summary>Gets how many times the criterion was evaluated.</summary>
    public int Evaluations { get; }

    /// <summary>Gets the norm of the criterion's gradient over the free θ at the optimum (central differences).</summary>
    public double FinalGradient { get; }

    /// <summary>
    /// Gets the intraclass correlation of a grouping factor: its intercept variance over the sum of every
    /// factor's intercept variance and the residual variance (the share of variance between its levels; for
    /// <c>post ~ pre + (1 | therapist)</c>, the therapist effect of Saxon and Barkham 2012).
    /// </summary>
    /// <param name="group">The grouping factor, as in <see cref="Groups"/>.</param>
    /// <returns>The ICC, from 0 to 1.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="group"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the model has no random intercept of <paramref name="group"/>.</exception>
    public double IntraclassCorrelation(string group)
    {
        Guard.Against.Null(group);
        VarianceComponent? own = VarianceComponents.FirstOrDefault(c => c.Group == group && c.Term1 == "(Intercept)" && c.Term2 is null);
        Guard.Against.InvalidInput(own, nameof(group), o => o is not null, "The model has no random intercept of this grouping factor.");
        double total = VarianceComponents.Where(c => c.Term1 == "(Intercept)" && c.Term2 is null).Sum(c => c.Variance) + ResidualVariance;
        return own!.Variance / total;
    }

    /// <summary>
    /// Writes the fit in the layout of lmerTest's <c>summary</c>: the method, the criterion, the random effects, the
    /// number of observations and groups, and the fixed-effects table with Satterthwaite's df; with
    /// <paramref name="profileLevel"/>, then the profile intervals of every parameter in the layout of lme4's
    /// <c>confint(fit, method = "profile", oldNames = FALSE)</c> (<see cref="ProfileConfidenceIntervals"/>).
    /// </summary>
    /// <param name="profileLevel">The profile intervals' confidence level, strictly between 0 and 1; null (the default) for none, as <c>summary</c>.</param>
    /// <returns>The text (lines end with \n; numbers invariant).</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="profileLevel"/> is not strictly between 0 and 1.</exception>
    public string Summary(double? profileLevel = null)
    {
        ImmutableArray<ProfileInterval> intervals = profileLevel is { } level ? ProfileConfidenceIntervals(level) : ImmutableArray<ProfileInterval>.Empty;
        var text = new StringBuilder();
        text.Append(Reml ? "Linear mixed model fit by REML. t-tests use Satterthwaite's method\n" : "Linear mixed model fit by maximum likelihood. t-tests use Satterthwaite's method\n");
        text.Append("Formula: ").Append(Formula).Append("\n\n");
        text.Append(Reml
            ? string.Format(CultureInfo.InvariantCulture, "REML criterion at convergence: {0:0.0}\n\n", Criterion)
            : string.Format(CultureInfo.InvariantCulture, "     AIC      BIC   logLik deviance\n{0,8:0.0} {1,8:0.0} {2,8:0.0} {3,8:0.0}\n\n", Aic, Bic, LogLikelihood, Criterion));
        // Columns as wide as their longest entry, as lme4 prints them.
        int groupWidth = Math.Max(6, VarianceComponents.Max(c => c.Group.Length));
        int nameWidth = Math.Max(11, VarianceComponents.Max(c => (c.Term1 ?? string.Empty).Length));
        text.Append("Random effects:\n ").Append("Groups".PadRight(groupWidth)).Append(' ').Append("Name".PadRight(nameWidth)).Append(" Variance Std.Dev. Corr\n");
        // One row per variance; the group named on its first row only; a slope's correlations with the terms above it
        // in the Corr column, as lme4's print of VarCorr.
        string? previous = null;
        foreach (VarianceComponent c in VarianceComponents.Where(c => c.Term2 is null))
        {
            string correlations = string.Join(" ", VarianceComponents.Where(o => o.Group == c.Group && o.Term2 == c.Term1).Select(o => o.StandardDeviation.ToString("0.00", CultureInfo.InvariantCulture)));
            text.Append(' ').Append((c.Group == previous ? string.Empty : c.Group).PadRight(groupWidth)).Append(' ').Append((c.Term1 ?? string.Empty).PadRight(nameWidth))
                .Append(string.Format(CultureInfo.InvariantCulture, " {0,8:0.####} {1,8:0.####} {2}", c.Variance, c.StandardDeviation, correlations).TrimEnd()).Append('\n');
            previous = c.Group;
        }

        text.Append(string.Format(CultureInfo.InvariantCulture, "Number of obs: {0}, groups:  {1}\n\n", Observations, string.Join("; ", Groups.Select(g => g.Key + ", " + g.Value.ToString(CultureInfo.InvariantCulture)))));
        // The term column as wide as the longest term; p below R's 2.2e-16 printed as R prints it.
        int termWidth = Math.Max(12, FixedEffects.Max(f => f.Term.Length));
        text.Append("Fixed effects:\n").Append(string.Empty.PadRight(termWidth)).Append("   Estimate Std. Error        df t value Pr(>|t|)\n");
        foreach (FixedEffect f in FixedEffects)
        {
            string p = f.PValue < 2.2e-16 ? "< 2e-16" : f.PValue.ToString("0.###e+00", CultureInfo.InvariantCulture);
            text.Append(f.Term.PadRight(termWidth)).Append(string.Format(CultureInfo.InvariantCulture, " {0,10:0.####e+00} {1,10:0.####e+00} {2,9:0.##} {3,7:0.###} {4,8}\n", f.Estimate, f.StandardError, f.DegreesOfFreedom, f.TValue, p));
        }

        if (IsSingular)
        {
            text.Append("boundary (singular) fit: see help('isSingular')\n");
        }

        if (!intervals.IsEmpty)
        {
            // confint's layout: the parameter, then the lower and upper percentiles (2.5 % and 97.5 % at 0.95).
            int width = intervals.Max(i => i.Parameter.Length);
            string Percent(double tail) => (100 * tail).ToString("0.###", CultureInfo.InvariantCulture) + " %";
            text.Append("\nProfile confidence intervals (ML deviance, as confint(fit, method = \"profile\")):\n")
                .Append(string.Empty.PadRight(width)).Append(string.Format(CultureInfo.InvariantCulture, " {0,11} {1,11}\n", Percent((1 - profileLevel!.Value) / 2), Percent((1 + profileLevel.Value) / 2)));
            foreach (ProfileInterval i in intervals)
            {
                text.Append(i.Parameter.PadRight(width)).Append(string.Format(CultureInfo.InvariantCulture, " {0,11:0.######} {1,11:0.######}\n", i.Lower, i.Upper));
            }
        }

        return text.ToString();
    }

    /// <summary>Returns the model's shape and fit, never a level.</summary>
    /// <returns>Text such as <c>linear mixed model (REML): 1521 observations, 2 fixed effects, 1 grouping factor, criterion 10382.05</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "linear mixed model ({0}): {1} observations, {2} fixed effects, {3} grouping factor(s), criterion {4:0.00}{5}", Reml ? "REML" : "ML", Observations, FixedEffects.Length, Groups.Length, Criterion, IsSingular ? ", singular" : string.Empty);
}
