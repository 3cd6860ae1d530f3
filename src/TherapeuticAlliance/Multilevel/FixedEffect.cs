namespace TherapeuticAlliance.Multilevel;

/// <summary>One fixed-effect coefficient as lme4's and lmerTest's <c>summary</c> print it.</summary>
/// <param name="Term">The model-matrix column, named as lme4 names it (<c>(Intercept)</c>, <c>pre</c>, <c>log(session)</c>, <c>siteS02</c>, <c>pre:alliance</c>).</param>
/// <param name="Estimate">The estimate, in the response's units per unit of the term.</param>
/// <param name="StandardError">Its standard error (lme4's <c>vcov</c>).</param>
/// <param name="DegreesOfFreedom">Satterthwaite's denominator degrees of freedom (lmerTest's method).</param>
/// <param name="TValue">Estimate over standard error.</param>
/// <param name="PValue">The two-sided p-value from Student's t on <paramref name="DegreesOfFreedom"/>.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record FixedEffect(string Term, double Estimate, double StandardError, double DegreesOfFreedom, double TValue, double PValue);
