using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// Who treated an episode and where, from its sessions' <see cref="Episode.Care"/>: the current therapist, site and
/// team (those of the latest session that records one, so a client who changed therapist belongs to the new one's
/// caseload) and every one in order of first session.
/// </summary>
/// <remarks>This type is thread-safe.</remarks>
public static class EpisodeCare
{
    /// <summary>Returns the key of the latest session that records one.</summary>
    /// <param name="episode">The episode.</param>
    /// <param name="kind">Which key.</param>
    /// <returns>The key, or <see langword="null"/> when no session records one.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episode"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="kind"/> is not defined.</exception>
    public static string? CurrentKey(this Episode episode, CareKeyKind kind)
    {
        Guard.Against.Null(episode);
        for (int i = episode.Care.Length - 1; i >= 0; i--)
        {
            if (episode.Care[i].Get(kind) is { } key)
            {
                return key;
            }
        }

        _ = CareKeys.None.Get(kind);
        return null;
    }

    /// <summary>Returns every distinct key of one kind the episode's sessions record, in order of first session.</summary>
    /// <param name="episode">The episode.</param>
    /// <param name="kind">Which key.</param>
    /// <returns>The keys; empty when none is recorded. More than one therapist means a change of therapist.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episode"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="kind"/> is not defined.</exception>
    public static ImmutableArray<string> AllKeys(this Episode episode, CareKeyKind kind)
    {
        Guard.Against.Null(episode);
        _ = CareKeys.None.Get(kind);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return episode.Care.Select(c => c.Get(kind)).OfType<string>().Where(seen.Add).ToImmutableArray();
    }
}
