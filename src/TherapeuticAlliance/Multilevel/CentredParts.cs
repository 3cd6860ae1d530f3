using System.Collections.Immutable;

namespace TherapeuticAlliance.Multilevel;

/// <summary>A predictor split into its within-group and between-group parts (<see cref="Centring.GroupMean"/>).</summary>
/// <param name="Within">Each row's deviation from its group's mean (person-mean or therapist-mean centring); NaN where the value or the group is missing.</param>
/// <param name="Between">Each row's group mean, centred as asked (<see cref="BetweenCentring"/>); NaN where the group is missing or has no value.</param>
/// <remarks>Immutable and thread-safe. Within + Between is the value less the grand mean (or the value, with <see cref="BetweenCentring.None"/>).</remarks>
public sealed record CentredParts(ImmutableArray<double> Within, ImmutableArray<double> Between);
