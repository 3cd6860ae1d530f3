using System.Collections.Immutable;

namespace TherapeuticAlliance.Schema;

/// <summary>
/// The one list of statistic and scope names the library's statistics rows use (<see cref="RowSchemas.Statistics"/>):
/// R's names where R has them (<c>psych::alpha</c>'s <c>raw_alpha</c> and <c>std.alpha</c>, <c>psych::ICC</c>'s
/// <c>ICC2</c>, <c>ICC3</c>), so a table joins R output without renaming.
/// </summary>
/// <remarks>This type is thread-safe.</remarks>
public static class StatisticNames
{
    /// <summary>Cronbach's alpha from the covariances: <c>raw_alpha</c> (<c>psych::alpha</c>).</summary>
    public const string RawAlpha = "raw_alpha";

    /// <summary>Alpha from the correlations: <c>std.alpha</c> (<c>psych::alpha</c>).</summary>
    public const string StandardizedAlpha = "std.alpha";

    /// <summary>Two-way random, absolute agreement, single rater: <c>ICC2</c> (<c>psych::ICC</c>).</summary>
    public const string Icc2 = "ICC2";

    /// <summary>Two-way mixed, consistency, single rater: <c>ICC3</c> (<c>psych::ICC</c>).</summary>
    public const string Icc3 = "ICC3";

    /// <summary>Pearson's correlation: <c>r</c> (<c>stats::cor</c>).</summary>
    public const string PearsonR = "r";

    /// <summary>The Bland–Altman bias, the mean difference first minus second: <c>bias</c>.</summary>
    public const string Bias = "bias";

    /// <summary>A mean: <c>mean</c>.</summary>
    public const string Mean = "mean";

    /// <summary>A sample standard deviation (n − 1): <c>sd</c>.</summary>
    public const string StandardDeviation = "sd";

    /// <summary>A caseload norm's SD of intake scores: <c>baseline_sd</c>.</summary>
    public const string BaselineStandardDeviation = "baseline_sd";

    /// <summary>A caseload norm's robust SD of change: <c>change_sd</c>.</summary>
    public const string ChangeStandardDeviation = "change_sd";

    /// <summary>ICC(1,1): one-way random, single rater: <c>ICC1</c> (<c>psych::ICC</c>).</summary>
    public const string Icc1 = "ICC1";

    /// <summary>ICC(1,k): one-way random, mean of k raters: <c>ICC1k</c> (<c>psych::ICC</c>).</summary>
    public const string Icc1k = "ICC1k";

    /// <summary>ICC(2,k): two-way random, absolute agreement, mean of k raters: <c>ICC2k</c> (<c>psych::ICC</c>).</summary>
    public const string Icc2k = "ICC2k";

    /// <summary>ICC(3,k): two-way mixed, consistency, mean of k raters: <c>ICC3k</c> (<c>psych::ICC</c>).</summary>
    public const string Icc3k = "ICC3k";

    /// <summary>The mean inter-item correlation: <c>average_r</c> (<c>psych::alpha</c>).</summary>
    public const string AverageR = "average_r";

    /// <summary>The number of items analysed: <c>n_items</c>.</summary>
    public const string ItemCount = "n_items";

    /// <summary>The complete rows used: <c>n_used</c>.</summary>
    public const string RowsUsed = "n_used";

    /// <summary>The rows (or pairs) left out for a missing value: <c>n_dropped</c>.</summary>
    public const string RowsDropped = "n_dropped";

    /// <summary>Raw alpha with the item left out: <c>alpha_if_deleted</c> (<c>psych::alpha (alpha.drop$raw_alpha)</c>).</summary>
    public const string AlphaIfDeleted = "alpha_if_deleted";

    /// <summary>The item's correlation with the sum of the other items: <c>r.drop</c> (<c>psych::alpha (item.stats$r.drop)</c>).</summary>
    public const string ItemRestCorrelation = "r.drop";

    /// <summary>An item left out for having no variance (its name in item): <c>dropped_no_variance</c> (<c>psych::alpha</c>).</summary>
    public const string DroppedNoVariance = "dropped_no_variance";

    /// <summary>A scale that could not be computed (its error code in item): <c>error</c>.</summary>
    public const string Error = "error";

    /// <summary>An ICC form's value (the form in type): <c>icc</c> (<c>psych::ICC (ICC)</c>).</summary>
    public const string Icc = "icc";

    /// <summary>The ICC form's F statistic: <c>F</c> (<c>psych::ICC (F)</c>).</summary>
    public const string F = "F";

    /// <summary>The F test's numerator degrees of freedom: <c>df1</c> (<c>psych::ICC (df1)</c>).</summary>
    public const string Df1 = "df1";

    /// <summary>The F test's denominator degrees of freedom: <c>df2</c> (<c>psych::ICC (df2)</c>).</summary>
    public const string Df2 = "df2";

    /// <summary>The F test's p value: <c>p</c> (<c>psych::ICC (p)</c>).</summary>
    public const string P = "p";

    /// <summary>The confidence interval's lower bound: <c>lower</c> (<c>psych::ICC (lower bound)</c>).</summary>
    public const string Lower = "lower";

    /// <summary>The confidence interval's upper bound: <c>upper</c> (<c>psych::ICC (upper bound)</c>).</summary>
    public const string Upper = "upper";

    /// <summary>The number of targets (rows): <c>targets</c> (<c>psych::ICC (n.obs)</c>).</summary>
    public const string Targets = "targets";

    /// <summary>The number of raters (columns): <c>raters</c> (<c>psych::ICC (n.judge)</c>).</summary>
    public const string Raters = "raters";

    /// <summary>The confidence level of the intervals: <c>confidence</c>.</summary>
    public const string Confidence = "confidence";

    /// <summary>The mean square between targets: <c>ms_between_targets</c> (<c>psych::ICC (summary MSB)</c>).</summary>
    public const string MeanSquareBetweenTargets = "ms_between_targets";

    /// <summary>The mean square within targets: <c>ms_within_targets</c> (<c>psych::ICC (summary MSW)</c>).</summary>
    public const string MeanSquareWithinTargets = "ms_within_targets";

    /// <summary>The mean square of raters: <c>ms_raters</c> (<c>psych::ICC (summary MSJ)</c>).</summary>
    public const string MeanSquareRaters = "ms_raters";

    /// <summary>The residual mean square: <c>ms_error</c> (<c>psych::ICC (summary MSE)</c>).</summary>
    public const string MeanSquareError = "ms_error";

    /// <summary>Bland–Altman's lower limit of agreement, bias − multiplier × sd: <c>lower_limit</c>.</summary>
    public const string LowerLimit = "lower_limit";

    /// <summary>Bland–Altman's upper limit of agreement, bias + multiplier × sd: <c>upper_limit</c>.</summary>
    public const string UpperLimit = "upper_limit";

    /// <summary>The limits' multiplier (1.96 by default): <c>multiplier</c>.</summary>
    public const string Multiplier = "multiplier";

    /// <summary>The number of complete pairs: <c>pairs</c>.</summary>
    public const string Pairs = "pairs";

    /// <summary>The scope of an instrument's total: <c>total</c>.</summary>
    public const string TotalScope = "total";

    /// <summary>The scope of client–therapist agreement on totals: <c>client-therapist</c>.</summary>
    public const string ClientTherapistScope = "client-therapist";

    /// <summary>The prefix of a score summary's scope, followed by the score column (<c>scores/total</c>).</summary>
    public const string ScoresScopePrefix = "scores/";

    /// <summary>The prefix of a caseload norm's scope, followed by perspective (or <c>all</c>) and metric (<c>norm/client/sum</c>).</summary>
    public const string NormScopePrefix = "norm/";

    /// <summary>The perspective part of a norm's scope that pools every perspective: <c>all</c>.</summary>
    public const string AllPerspectives = "all";

    /// <summary>A mixed model's REML criterion at convergence (lme4's <c>REMLcrit</c>; REML fits only).</summary>
    public const string RemlCriterion = "REMLcrit";

    /// <summary>A mixed model's deviance, −2 log-likelihood (lme4's <c>deviance</c>; maximum-likelihood fits only).</summary>
    public const string Deviance = "deviance";

    /// <summary>A model's log-likelihood (R's <c>logLik</c>; the REML one for REML fits).</summary>
    public const string LogLikelihood = "logLik";

    /// <summary>Akaike's information criterion (R's <c>AIC</c>).</summary>
    public const string Aic = "AIC";

    /// <summary>The Bayesian information criterion (R's <c>BIC</c>).</summary>
    public const string Bic = "BIC";

    /// <summary>The number of observations a model used (R's <c>nobs</c>).</summary>
    public const string Observations = "nobs";

    /// <summary>The number of levels of a grouping factor (lme4's <c>ngrps</c>; the factor in <c>group</c>).</summary>
    public const string GroupCount = "ngrps";

    /// <summary>The residual standard deviation (lme4's <c>sigma</c>).</summary>
    public const string Sigma = "sigma";

    /// <summary>Whether the fit is singular, on the boundary of its parameter space: 1 or 0 (lme4's <c>isSingular</c>).</summary>
    public const string IsSingular = "isSingular";

    /// <summary>The number of times the optimiser evaluated the criterion.</summary>
    public const string OptimizerEvaluations = "optimizer_evaluations";

    /// <summary>The norm of the criterion's gradient at the optimum over the free parameters (lme4's <c>optinfo$derivs</c>).</summary>
    public const string FinalGradient = "final_gradient";

    /// <summary>Gets every statistic name above.</summary>
    public static ImmutableArray<string> All { get; } = ImmutableArray.Create(
        RawAlpha, StandardizedAlpha, Icc2, Icc3, PearsonR, Bias, Mean, StandardDeviation, BaselineStandardDeviation, ChangeStandardDeviation,
        Icc1, Icc1k, Icc2k, Icc3k, AverageR, ItemCount, RowsUsed, RowsDropped, AlphaIfDeleted, ItemRestCorrelation, DroppedNoVariance, Error, Icc, F, Df1, Df2, P, Lower, Upper, Targets, Raters, Confidence, MeanSquareBetweenTargets, MeanSquareWithinTargets, MeanSquareRaters, MeanSquareError, LowerLimit, UpperLimit, Multiplier, Pairs,
        RemlCriterion, Deviance, LogLikelihood, Aic, Bic, Observations, GroupCount, Sigma, IsSingular, OptimizerEvaluations, FinalGradient);

    /// <summary>Returns a norm's scope.</summary>
    /// <param name="perspective">The perspective, or <see langword="null"/> for every perspective.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>Text such as <c>norm/client/sum</c>.</returns>
    public static string NormScope(Perspective? perspective, ScoreMetric metric) =>
        NormScopePrefix + (perspective is { } p ? AllianceCodes.ToCode(p) : AllPerspectives) + "/" + AllianceCodes.ToCode(metric);
}
