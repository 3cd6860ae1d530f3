using System.Collections.Immutable;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>A model fitted by an <see cref="IExpectedResponseModelFactory"/>, with the episodes used and those left out.</summary>
/// <param name="Model">The model.</param>
/// <param name="EpisodesUsed">The number of episodes the model was fitted on.</param>
/// <param name="Excluded">The episodes left out, by position, with reasons.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record FittedExpectedResponse(IExpectedResponseModel Model, int EpisodesUsed, ImmutableArray<ExcludedEpisode> Excluded);
