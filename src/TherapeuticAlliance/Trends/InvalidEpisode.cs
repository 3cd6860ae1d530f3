using System.Collections.Immutable;
using System.Linq;

namespace TherapeuticAlliance.Trends;

/// <summary>The error case of <see cref="EpisodeResult"/>: the scores cannot form an episode.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class InvalidEpisode : IAllianceError
{
    internal InvalidEpisode(ImmutableArray<EpisodeProblem> problems) => Problems = problems;

    /// <summary>Gets every problem found.</summary>
    public ImmutableArray<EpisodeProblem> Problems { get; }

    /// <inheritdoc/>
#pragma warning disable CA1822 // An instance member, as the IAllianceError contract requires.
    public string Code => "invalid-episode";
#pragma warning restore CA1822

    /// <summary>Gets all problem messages joined into one.</summary>
    public string Message => string.Join(" ", Problems.Select(p => p.Message));

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}
