namespace TherapeuticAlliance.Multilevel;

/// <summary>
/// A profile-likelihood confidence interval of one parameter of a linear mixed model (a random effect's SD or correlation, the residual SD, a fixed effect), as lme4's
/// <c>confint(fit, method = "profile", oldNames = FALSE)</c> names and computes it (<see cref="MixedModelFit.ProfileConfidenceIntervals"/>).
/// </summary>
/// <param name="Parameter">lme4's name: <c>sd_(Intercept)|therapist</c> for a grouping factor's intercept SD, <c>sd_log(session)|client</c> for a random slope's SD, <c>cor_log(session).(Intercept)|client</c> for their correlation, <c>sigma</c> for the residual SD, the term (<c>(Intercept)</c>, <c>pre</c>) for a fixed effect.</param>
/// <param name="Estimate">The maximum-likelihood estimate the profile is centred on (lme4 profiles the ML deviance, for REML fits too).</param>
/// <param name="Lower">The lower bound, in the parameter's units (the response's for an SD, a coefficient's for a fixed effect, none for a correlation); the boundary (0 for an SD, −1 for a correlation) when the profile does not rise enough before it; −∞ when the profile never reaches the level; NaN when its root could not be found.</param>
/// <param name="Upper">The upper bound, likewise (1 at a correlation's boundary, +∞ when never reached).</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ProfileInterval(string Parameter, double Estimate, double Lower, double Upper);
