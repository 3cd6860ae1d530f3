using System.Globalization;

namespace TherapeuticAlliance.Service;

/// <summary>
/// A grouping factor's share of the variance of a measure (its intraclass correlation, the "therapist effect" of the
/// literature), with its profile-likelihood interval (<see cref="Multilevel.MixedModelFit.IntraclassCorrelationInterval"/>).
/// </summary>
/// <param name="Group">The grouping factor: <c>therapist</c> or <c>site</c>.</param>
/// <param name="Share">The share, 0 to 1 (its variance over the sum of every factor's and the residual variance).</param>
/// <param name="Lower">The interval's lower bound, 0 to 1; NaN when the profile could not be followed.</param>
/// <param name="Upper">The interval's upper bound, 0 to 1; NaN likewise.</param>
/// <param name="Level">The interval's confidence level.</param>
/// <param name="Levels">How many therapists (or sites) the model estimated it over.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record VarianceShare(string Group, double Share, double Lower, double Upper, double Level, int Levels)
{
    /// <summary>Returns the share and interval as percentages.</summary>
    /// <returns>Text such as <c>therapist: 7.0 % (3.7 to 12.5 %)</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}: {1:0.0} % ({2:0.0} to {3:0.0} %)", Group, 100 * Share, 100 * Lower, 100 * Upper);
}
