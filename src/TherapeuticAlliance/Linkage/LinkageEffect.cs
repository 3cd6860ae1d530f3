using System.Globalization;

namespace TherapeuticAlliance.Linkage;

/// <summary>
/// One effect of alliance on outcome from a linkage model: the fixed effect's estimate in the instruments' units (outcome
/// points per alliance point), its standard error, Satterthwaite degrees of freedom and p-value (lmerTest), its t
/// interval at <see cref="Level"/>, and the same standardised.
/// </summary>
/// <param name="Term">The model term (<c>alliance_within</c>, <c>alliance_between</c>, ...).</param>
/// <param name="Estimate">The estimate, outcome points per alliance point.</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="DegreesOfFreedom">Satterthwaite's degrees of freedom (lmerTest).</param>
/// <param name="PValue">The two-sided p-value of its t test.</param>
/// <param name="Lower">The interval's lower bound: estimate − t(df, (1 + level)/2) · SE.</param>
/// <param name="Upper">The interval's upper bound.</param>
/// <param name="Level">The interval's confidence level.</param>
/// <param name="Scale">What one standardised unit is, in outcome points per alliance point: the effect is divided by it (the outcome's SD over the predictor's SD, at the effect's level).</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record LinkageEffect(string Term, double Estimate, double StandardError, double DegreesOfFreedom, double PValue, double Lower, double Upper, double Level, double Scale)
{
    /// <summary>Gets the standardised estimate: <see cref="Estimate"/> / <see cref="Scale"/> (the change in outcome SDs per alliance SD).</summary>
    public double Standardised => Estimate / Scale;

    /// <summary>Gets the standardised interval's lower bound.</summary>
    public double StandardisedLower => Lower / Scale;

    /// <summary>Gets the standardised interval's upper bound.</summary>
    public double StandardisedUpper => Upper / Scale;

    /// <summary>Returns the effect's figures.</summary>
    /// <returns>Text such as <c>alliance_within: 0.314 (95 % CI 0.293 to 0.336), standardised 0.121, p = 2.4E-175</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}: {1:0.000} ({2:0.#} % CI {3:0.000} to {4:0.000}), standardised {5:0.000}, p = {6:G3}", Term, Estimate, Level * 100, Lower, Upper, Standardised, PValue);
}
