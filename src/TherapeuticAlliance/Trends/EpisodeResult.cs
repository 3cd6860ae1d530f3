using System;
using OneOf;

namespace TherapeuticAlliance.Trends;

/// <summary>The outcome of building an episode: an <see cref="Episode"/> or an <see cref="InvalidEpisode"/>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class EpisodeResult : OneOfBase<Episode, InvalidEpisode>, IAllianceResult<Episode>
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

    /// <inheritdoc/>
    public bool IsSuccess => IsT0;

    /// <inheritdoc/>
    public IAllianceError? Error => Match<IAllianceError?>(_ => null, e => e);

    /// <summary>Returns the episode, or throws when the scores could not form one.</summary>
    /// <returns>The episode.</returns>
    /// <exception cref="AllianceErrorException">Thrown when the result is an error; the exception carries it, and its message is the error's message.</exception>
    public Episode GetValueOrThrow() => IsT0 ? AsT0 : throw new AllianceErrorException(Error!);
}
