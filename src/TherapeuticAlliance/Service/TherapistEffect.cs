using System.Globalization;

namespace TherapeuticAlliance.Service;

/// <summary>
/// One therapist's case-mix-adjusted effect: the conditional mode of the therapist's random intercept (in the measure's
/// points, relative to the mean of the therapist's site when sites are modelled, else of the service), its interval
/// (mode ± z × conditional SD, lme4's <c>ranef(condVar = TRUE)</c>), and the classification the interval supports.
/// </summary>
/// <param name="Therapist">The therapist's key, as given (a data value: shown in tables and the report, never in messages).</param>
/// <param name="Site">The site of the therapist's clients' latest sessions (the most frequent), or <see langword="null"/>.</param>
/// <param name="Clients">How many of the therapist's clients the model used.</param>
/// <param name="Effect">The adjusted effect, positive = better than average (the sign is turned for a measure where lower is better); <see langword="null"/> when withheld.</param>
/// <param name="Lower">The interval's lower bound, in the same orientation; <see langword="null"/> when withheld.</param>
/// <param name="Upper">The interval's upper bound; <see langword="null"/> when withheld.</param>
/// <param name="Classification">Above or below average only when the interval excludes 0; withheld under the disclosure policy.</param>
/// <param name="Reliability">The reliability of the therapist's mean, τ²/(τ² + σ²/n) (Raudenbush &amp; Bryk 2002, the reliability of a level-2 unit's mean); <see langword="null"/> when withheld.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record TherapistEffect(string Therapist, string? Site, int Clients, double? Effect, double? Lower, double? Upper, EffectClassification Classification, double? Reliability)
{
    /// <summary>Returns the figures without the therapist's key.</summary>
    /// <returns>Text such as <c>therapist effect: +1.20 (−0.40 to 2.80), average, 24 clients</c>.</returns>
    public override string ToString() => Effect is { } e
        ? string.Format(CultureInfo.InvariantCulture, "therapist effect: {0:+0.00;-0.00} ({1:0.00} to {2:0.00}), {3}, {4} clients", e, Lower, Upper, ServiceCodes.ToCode(Classification), Clients)
        : string.Format(CultureInfo.InvariantCulture, "therapist effect: withheld, {0} clients", Clients);
}
