using System.Collections.Immutable;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>A fitted expected-response model, with the episodes used and those left out.</summary>
/// <param name="Model">The model.</param>
/// <param name="EpisodesUsed">The number of episodes the model was fitted on.</param>
/// <param name="Excluded">The episodes left out, with reasons.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ExpectedResponseFit(ExpectedResponseModel Model, int EpisodesUsed, ImmutableArray<ExcludedEpisode> Excluded);
