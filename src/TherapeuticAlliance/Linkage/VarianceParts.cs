using System.Globalization;

namespace TherapeuticAlliance.Linkage;

/// <summary>
/// How a measure's session-to-session variance divides: the shares of its total sum of squares about the grand mean
/// that lie within clients, between clients of one therapist, and between therapists (a nested analysis of variance
/// over sessions; <see cref="Multilevel.Centring.Nested"/>'s parts). Without therapists, the between-client share is
/// everything not within clients and <see cref="BetweenTherapists"/> is NaN.
/// </summary>
/// <param name="Observations">The ratings counted.</param>
/// <param name="Clients">The clients among them.</param>
/// <param name="Therapists">The therapists among them (0 when the series carry none).</param>
/// <param name="TotalSumOfSquares">The sum of squared deviations from the grand mean, in squared points.</param>
/// <param name="WithinClients">The share within clients, 0 to 1 (NaN when the total is 0).</param>
/// <param name="BetweenClients">The share between clients (of one therapist, when there are therapists), 0 to 1.</param>
/// <param name="BetweenTherapists">The share between therapists, 0 to 1, or NaN without therapists.</param>
/// <remarks>
/// These are descriptive shares of the observed variance, each session weighing equally; a model-based intraclass
/// correlation, which separates true between-client variance from sampling noise in client means, comes from
/// <c>LinearMixedModel.Fit("srs ~ 1 + (1 | client)", frame)</c>. Immutable and thread-safe.
/// </remarks>
public sealed record VarianceParts(int Observations, int Clients, int Therapists, double TotalSumOfSquares, double WithinClients, double BetweenClients, double BetweenTherapists)
{
    /// <summary>Returns the shares, never an identifier.</summary>
    /// <returns>Text such as <c>variance parts: 62.1 % within clients, 30.2 % between clients, 7.7 % between therapists (1200 ratings)</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "variance parts: {0:0.0} % within clients, {1:0.0} % between clients, {2:0.0} % between therapists ({3} ratings)", WithinClients * 100, BetweenClients * 100, BetweenTherapists * 100, Observations);
}
