using System;
using OneOf;

namespace TherapeuticAlliance.Trends;

/// <summary>The outcome of building an episode: an <see cref="Episode"/> or an <see cref="InvalidEpisode"/>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class EpisodeResult : AllianceResult<Episode, InvalidEpisode>
{
    private EpisodeResult(OneOf<Episode, InvalidEpisode> value)
        : base(value)
    {
    }

    /// <summary>Wraps an episode.</summary>
    /// <param name="episode">The episode.</param>
    public static implicit operator EpisodeResult(Episode episode) => new(episode);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator EpisodeResult(InvalidEpisode error) => new(error);
}
