using System.Collections.Immutable;
using System.Globalization;

namespace TherapeuticAlliance.Multilevel;

/// <summary>A session-level predictor split three ways by <see cref="Centring.Nested"/>: within clients, between clients of one therapist, and between therapists, one value per row each.</summary>
/// <param name="Within">The value less the client's mean.</param>
/// <param name="BetweenClients">The client's mean less their therapist's mean.</param>
/// <param name="BetweenTherapists">The therapist's mean less the grand mean.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record NestedCentredParts(ImmutableArray<double> Within, ImmutableArray<double> BetweenClients, ImmutableArray<double> BetweenTherapists)
{
    /// <summary>Returns the number of rows, never a value.</summary>
    /// <returns>Text such as <c>nested centred parts: 1200 rows</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "nested centred parts: {0} rows", Within.Length);
}
