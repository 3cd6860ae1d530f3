using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>Groups scores or assessments into episodes: one per episode identifier, perspective and instrument.</summary>
/// <remarks>This type is thread-safe.</remarks>
public static class Episodes
{
    /// <summary>Groups scores into episodes by episode identifier, perspective and instrument, each sorted by session.</summary>
    /// <param name="scores">Scores paired with the caller's episode identifier, in any order.</param>
    /// <param name="handling">What a duplicated or out-of-order session does; see <see cref="Episode.Create"/>. Default: the episode is rejected.</param>
    /// <remarks>Each episode's cutoff is the one its scores carry (<see cref="AllianceScore.Cutoff"/>): no instrument is looked up.</remarks>
    /// <returns>One result per group, ordered by identifier (ordinal), perspective and instrument.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="scores"/>, an identifier or a score is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="handling"/> is not a defined value.</exception>
    public static ImmutableArray<EpisodeResult> FromScores(IEnumerable<(string EpisodeId, AllianceScore Score)> scores, InconsistentSessionHandling handling = InconsistentSessionHandling.RejectEpisode)
    {
        Guard.Against.Null(scores);
        CheckHandling(handling);
        return scores
            .Select(s => (Id: Guard.Against.Null(s.EpisodeId, nameof(scores)), Score: Guard.Against.Null(s.Score, nameof(scores))))
            .GroupBy(s => (s.Id, s.Score.Perspective, s.Score.Provenance.InstrumentId))
            .OrderBy(g => g.Key.Id, StringComparer.Ordinal).ThenBy(g => g.Key.Perspective).ThenBy(g => g.Key.InstrumentId, StringComparer.Ordinal)
            .Select(g => Episode.CreateCore(
                g.Key.Id,
                g.Select(s => s.Score).ToArray(),
                null,
                handling,
                ImmutableArray<EpisodeProblem>.Empty))
            .ToImmutableArray();
    }

    /// <summary>Scores assessments and groups them into episodes by episode identifier, perspective and instrument.</summary>
    /// <param name="assessments">Assessments paired with the caller's episode identifier, in any order.</param>
    /// <param name="strategy">The scoring strategy.</param>
    /// <param name="handling">
    /// What an unscorable, duplicated or out-of-order session does: by default the episode is rejected (an
    /// <see cref="InvalidEpisode"/> naming the session); with <see cref="InconsistentSessionHandling.ExcludeSession"/> the
    /// session is left out and listed in <see cref="Episode.ExcludedSessions"/>.
    /// </param>
    /// <returns>One result per group, ordered by identifier (ordinal), perspective and instrument.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument, an identifier or an assessment is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="handling"/> is not a defined value.</exception>
    public static ImmutableArray<EpisodeResult> FromAssessments(IEnumerable<(string EpisodeId, Assessment Assessment)> assessments, IScoringStrategy strategy, InconsistentSessionHandling handling = InconsistentSessionHandling.RejectEpisode)
    {
        Guard.Against.Null(assessments);
        Guard.Against.Null(strategy);
        CheckHandling(handling);
        return assessments
            .Select(a => (Id: Guard.Against.Null(a.EpisodeId, nameof(assessments)), Assessment: Guard.Against.Null(a.Assessment, nameof(assessments))))
            .GroupBy(a => (a.Id, a.Assessment.Perspective, InstrumentId: a.Assessment.Instrument.Id))
            .OrderBy(g => g.Key.Id, StringComparer.Ordinal).ThenBy(g => g.Key.Perspective).ThenBy(g => g.Key.InstrumentId, StringComparer.Ordinal)
            .Select(g =>
            {
                var scored = g.Select(a => (a.Assessment, Result: strategy.Score(a.Assessment))).ToList();
                ImmutableArray<EpisodeProblem> unscorable = scored
                    .Where(s => !s.Result.IsSuccess)
                    .Select(s => new EpisodeProblem(
                        EpisodeProblemKind.UnscorableSession,
                        s.Assessment.Occasion.SessionNumber,
                        string.Format(CultureInfo.InvariantCulture, "Session {0} could not be scored: {1}", s.Assessment.Occasion.SessionNumber, s.Result.Error?.Message)))
                    .ToImmutableArray();
                ScoreCutoff? cutoff = null;
                if (handling == InconsistentSessionHandling.ExcludeSession)
                {
                    return Episode.CreateCore(g.Key.Id, scored.Where(s => s.Result.IsSuccess).Select(s => s.Result.AsT0).ToArray(), cutoff, handling, unscorable);
                }

                return unscorable.IsEmpty
                    ? Episode.CreateCore(g.Key.Id, scored.Select(s => s.Result.AsT0).ToArray(), cutoff, handling, unscorable)
                    : new InvalidEpisode(unscorable);
            })
            .ToImmutableArray();
    }

    internal static void CheckHandling(InconsistentSessionHandling handling, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(handling))] string? name = null) =>
        Guard.Against.InvalidInput(handling, name!, static h => h is InconsistentSessionHandling.RejectEpisode or InconsistentSessionHandling.ExcludeSession, "Unknown handling of inconsistent sessions.");
}
