using System.Collections.Immutable;
using System.Globalization;

namespace TherapeuticAlliance.Linkage;

/// <summary>
/// The paired alliance split into its within-client and between parts (<see cref="AllianceLinkage.Decompose"/>), one
/// value per pair (aligned with <see cref="PairedSeries.Pairs"/>), and how each measure's variance divides within and
/// between clients and therapists. Every client mean is over all the client's ratings, paired or not.
/// </summary>
/// <remarks>Immutable and thread-safe. <see cref="ToString"/> shows counts and shares only.</remarks>
public sealed class LinkageDecomposition
{
    internal LinkageDecomposition(ImmutableArray<double> within, ImmutableArray<double> between, ImmutableArray<double> betweenClients, ImmutableArray<double> betweenTherapists, VarianceParts alliance, VarianceParts outcome)
    {
        AllianceWithin = within;
        AllianceBetween = between;
        AllianceBetweenClients = betweenClients;
        AllianceBetweenTherapists = betweenTherapists;
        Alliance = alliance;
        Outcome = outcome;
    }

    /// <summary>Gets, per pair, the alliance less the client's mean alliance (person-mean centring): the within-client part, in points.</summary>
    public ImmutableArray<double> AllianceWithin { get; }

    /// <summary>Gets, per pair, the client's mean alliance less the mean of all clients' means: the between-client part, in points (the lagged model's <c>alliance_between</c>, as the oracle's <c>srs_between</c>).</summary>
    public ImmutableArray<double> AllianceBetween { get; }

    /// <summary>Gets, per pair, the client's mean alliance less their therapist's mean (means over sessions); NaN where the series carry no therapist.</summary>
    public ImmutableArray<double> AllianceBetweenClients { get; }

    /// <summary>Gets, per pair, the therapist's mean alliance less the grand mean (means over sessions); NaN where the series carry no therapist.</summary>
    public ImmutableArray<double> AllianceBetweenTherapists { get; }

    /// <summary>Gets how the alliance ratings' variance divides.</summary>
    public VarianceParts Alliance { get; }

    /// <summary>Gets how the outcome ratings' variance divides.</summary>
    public VarianceParts Outcome { get; }

    /// <summary>Returns the shares, never an identifier.</summary>
    /// <returns>Text such as <c>linkage decomposition: 1024 pairs; alliance 40.0 % within clients; outcome 35.2 % within clients</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "linkage decomposition: {0} pairs; alliance {1:0.0} % within clients; outcome {2:0.0} % within clients", AllianceWithin.Length, Alliance.WithinClients * 100, Outcome.WithinClients * 100);
}
