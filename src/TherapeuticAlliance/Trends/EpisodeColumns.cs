using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// A caseload as score columns: every episode's session numbers and scores back to back in two arrays, with the
/// offset where each episode starts; the columnar form <see cref="CaseloadTrends.Scan"/> reads with no object per
/// episode or score.
/// </summary>
/// <remarks>
/// <para>Episode <c>e</c> holds the scores at positions <c>offsets[e]</c> to <c>offsets[e + 1] − 1</c>, in session
/// order. Scores are in points of one metric (for example the SRS sum, 0–40), as <see cref="Episode.Values"/> gives
/// them; build one from episodes with <see cref="FromEpisodes"/> or from columns read elsewhere (Arrow, Parquet) with
/// <see cref="Create"/>.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
internal sealed class EpisodeColumns
{
    /// <summary>The largest score magnitude accepted: 7.9e28, within <see cref="decimal"/>'s range, in which the drop rule compares scores (every score from an assessment is a decimal).</summary>
    public const double MaximumMagnitude = 7.9e28;

    private readonly int[] _offsets;
    private readonly double[] _sessions;
    private readonly double[] _values;

    private EpisodeColumns(int[] offsets, double[] sessions, double[] values)
    {
        _offsets = offsets;
        _sessions = sessions;
        _values = values;
    }

    /// <summary>Gets the number of episodes.</summary>
    public int EpisodeCount => _offsets.Length - 1;

    /// <summary>Gets the number of scores over all episodes.</summary>
    public int ScoreCount => _values.Length;

    /// <summary>Builds the columns from arrays the caller filled (copied, so the caller may reuse them).</summary>
    /// <param name="offsets">Where each episode starts, then the total: <c>EpisodeCount + 1</c> values from 0, each episode holding at least one score.</param>
    /// <param name="sessions">Each score's session number, 0 or more, strictly increasing within an episode.</param>
    /// <param name="values">Each score, finite and at most <see cref="MaximumMagnitude"/> in magnitude, in points of the episodes' metric.</param>
    /// <returns>The columns.</returns>
    /// <exception cref="ArgumentException">Thrown when the arrays' lengths disagree, an offset does not increase, a session number is negative or not increasing within its episode, or a score is not finite or beyond <see cref="MaximumMagnitude"/>; the message names the position, never a value.</exception>
    public static EpisodeColumns Create(ReadOnlySpan<int> offsets, ReadOnlySpan<int> sessions, ReadOnlySpan<double> values)
    {
        if (offsets.Length < 1 || offsets[0] != 0 || offsets[offsets.Length - 1] != values.Length)
        {
            throw new ArgumentException("The offsets start at 0 and end at the number of scores.", nameof(offsets));
        }

        if (sessions.Length != values.Length)
        {
            throw new ArgumentException("Give one session number per score.", nameof(sessions));
        }

        for (int e = 1; e < offsets.Length; e++)
        {
            if (offsets[e] <= offsets[e - 1] || offsets[e] > values.Length)
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Episode {0} has no score or runs past the scores: every offset must exceed the one before it and none the number of scores.", e - 1), nameof(offsets));
            }
        }

        for (int e = 1; e < offsets.Length; e++)
        {
            for (int i = offsets[e - 1]; i < offsets[e]; i++)
            {
                if (sessions[i] < 0 || (i > offsets[e - 1] && sessions[i] <= sessions[i - 1]))
                {
                    throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Score {0} (episode {1}) has a negative session number or one not after the score before it.", i, e - 1), nameof(sessions));
                }

                if (!(Math.Abs(values[i]) <= MaximumMagnitude))
                {
                    throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Score {0} (episode {1}) is not a finite number within ±7.9e28.", i, e - 1), nameof(values));
                }
            }
        }

        var converted = new double[sessions.Length];
        for (int i = 0; i < converted.Length; i++)
        {
            converted[i] = sessions[i];
        }

        return new EpisodeColumns(offsets.ToArray(), converted, values.ToArray());
    }

    /// <summary>Builds the columns from episodes, in the order given.</summary>
    /// <param name="episodes">The episodes.</param>
    /// <returns>The columns.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episodes"/> is or contains <see langword="null"/>.</exception>
    public static EpisodeColumns FromEpisodes(IEnumerable<Episode> episodes)
    {
        Guard.Against.Null(episodes);
        Episode[] all = episodes.Select(e => Guard.Against.Null(e, nameof(episodes))).ToArray();
        var offsets = new int[all.Length + 1];
        for (int e = 0; e < all.Length; e++)
        {
            offsets[e + 1] = checked(offsets[e] + all[e].Count);
        }

        var sessions = new double[offsets[all.Length]];
        var values = new double[sessions.Length];
        for (int e = 0; e < all.Length; e++)
        {
            all[e].Sessions.CopyTo(sessions.AsSpan(offsets[e]));
            all[e].Values.CopyTo(values.AsSpan(offsets[e]));
        }

        return new EpisodeColumns(offsets, sessions, values);
    }

    /// <summary>Gets an episode's scores, in session order.</summary>
    /// <param name="episode">The episode's index, 0 to <see cref="EpisodeCount"/> − 1.</param>
    /// <returns>The scores.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="episode"/> is not an episode's index.</exception>
    public ReadOnlySpan<double> GetValues(int episode) => _values.AsSpan(Start(episode), Length(episode));

    /// <summary>Gets an episode's session numbers (as doubles, the regressor of its trajectory), in order.</summary>
    /// <param name="episode">The episode's index, 0 to <see cref="EpisodeCount"/> − 1.</param>
    /// <returns>The session numbers.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="episode"/> is not an episode's index.</exception>
    public ReadOnlySpan<double> GetSessions(int episode) => _sessions.AsSpan(Start(episode), Length(episode));

    /// <summary>Returns the counts; no score.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} episodes, {1} scores", EpisodeCount, ScoreCount);

    private int Start(int episode) => episode >= 0 && episode < EpisodeCount ? _offsets[episode] : throw new ArgumentOutOfRangeException(nameof(episode), episode, "Not an episode's index.");

    private int Length(int episode) => _offsets[episode + 1] - _offsets[episode];
}
