namespace TherapeuticAlliance.Multilevel;

/// <summary>
/// One entry of lme4's <c>VarCorr</c> in the tidy layout of <c>as.data.frame(VarCorr(fit))</c>: a variance
/// (<see cref="Term2"/> null) or a covariance of two terms of one grouping factor, or the residual
/// (<see cref="Group"/> <c>Residual</c>).
/// </summary>
/// <param name="Group">The grouping factor (<c>therapist</c>, <c>therapist:site</c>) or <c>Residual</c>.</param>
/// <param name="Term1">The term (<c>(Intercept)</c>, a slope's column), or null for the residual.</param>
/// <param name="Term2">The second term of a covariance, or null for a variance.</param>
/// <param name="Variance">The variance or covariance (lme4's <c>vcov</c> column).</param>
/// <param name="StandardDeviation">The SD (square root of a variance) or, for a covariance, the correlation (lme4's <c>sdcor</c> column).</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record VarianceComponent(string Group, string? Term1, string? Term2, double Variance, double StandardDeviation);
