namespace TherapeuticAlliance.Multilevel;

/// <summary>
/// A profile-likelihood confidence interval of one variance parameter, as lme4's
/// <c>confint(fit, method = "profile", oldNames = FALSE)</c> names and computes it (<see cref="MixedModelFit.ProfileConfidenceIntervals"/>).
/// </summary>
/// <param name="Parameter">lme4's name: <c>sd_(Intercept)|therapist</c> for a grouping factor's intercept SD, <c>sigma</c> for the residual SD.</param>
/// <param name="Estimate">The maximum-likelihood estimate the profile is centred on (lme4 profiles the ML deviance, for REML fits too).</param>
/// <param name="Lower">The lower bound, in the response's units; 0 when the profile does not rise enough before the boundary.</param>
/// <param name="Upper">The upper bound.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ProfileInterval(string Parameter, double Estimate, double Lower, double Upper);
