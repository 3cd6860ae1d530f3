using System.Collections.Immutable;

namespace TherapeuticAlliance.Scoring;

/// <summary>Configures a <see cref="WeightedScoringStrategy"/>: weights per item or per subscale.</summary>
/// <remarks>
/// Give <see cref="ItemWeights"/> or <see cref="SubscaleWeights"/>, not both. Weights are positive; items or subscales
/// not listed weigh 1, so empty options give the plain mean. Options are immutable; the strategy validates them at
/// construction.
/// </remarks>
public sealed record WeightedScoringOptions
{
    /// <summary>Gets the weight of each item, by item identifier.</summary>
    /// <value>Positive weights of at most 1,000,000; unlisted items weigh 1. The default value is empty.</value>
    public ImmutableDictionary<string, decimal> ItemWeights { get; init; } = ImmutableDictionary<string, decimal>.Empty;

    /// <summary>Gets the weight of each subscale, by subscale dimension identifier; the total is then the weighted mean of the subscale means.</summary>
    /// <value>Positive weights of at most 1,000,000; unlisted subscales weigh 1. The default value is empty.</value>
    public ImmutableDictionary<string, decimal> SubscaleWeights { get; init; } = ImmutableDictionary<string, decimal>.Empty;

    /// <summary>Gets the identifier of the only instrument the weights are meant for.</summary>
    /// <value><see langword="null"/> to accept any instrument that has every weighted item or subscale. The default value is <see langword="null"/>.</value>
    public string? InstrumentId { get; init; }

    /// <summary>Gets the missing-data policy to apply.</summary>
    /// <value><see langword="null"/> to use each instrument's default policy. The default value is <see langword="null"/>.</value>
    public MissingDataPolicy? MissingDataPolicy { get; init; }

    /// <summary>Gets the name the strategy reports and is registered under.</summary>
    /// <value><see langword="null"/> for <c>weighted</c>. The default value is <see langword="null"/>.</value>
    public string? Name { get; init; }
}
