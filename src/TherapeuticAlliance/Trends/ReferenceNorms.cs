using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// The reference norms episodes are judged against, by instrument, perspective and metric: norms the caller supplies
/// (published or local) and norms computed from the caseload being analysed. A caller's norm wins over the caseload's.
/// </summary>
/// <remarks>
/// <para>A caseload norm is the mean and SD (n − 1) of <b>all scores</b> of the episodes of one instrument, perspective
/// and metric (the pooled level SD), and a robust scale of all their session-to-session changes (median absolute change
/// / 0.6745; the change SD the rupture rule uses by default, <see cref="RuptureVariability.SessionChanges"/>). Gumz et al. (2012) combine intra- and inter-individual variability without saying
/// which inter-individual SD they mean; the pooled level SD is the reading the domain reference proposes (an inference,
/// flagged there as such), because their rationale speaks of stable and fluctuating <i>courses</i>.</para>
/// <para>A caseload norm needs at least <see cref="MinimumEpisodes"/> episodes and <see cref="MinimumScores"/> scores
/// (a design choice: fewer cannot show between-client variability); smaller groups get no caseload norm, and the rules
/// fall back to the client's own series.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class ReferenceNorms
{
    /// <summary>The fewest episodes a caseload norm is computed from: 3 (a design choice).</summary>
    public const int MinimumEpisodes = 3;

    /// <summary>The fewest scores a caseload norm is computed from: 10 (a design choice).</summary>
    public const int MinimumScores = 10;

    private readonly ImmutableDictionary<(string InstrumentId, Perspective? Perspective, ScoreMetric Metric), ReferenceNorm> _caller;
    private readonly ImmutableDictionary<(string InstrumentId, Perspective? Perspective, ScoreMetric Metric), ReferenceNorm> _caseload;

    private ReferenceNorms(
        ImmutableDictionary<(string InstrumentId, Perspective? Perspective, ScoreMetric Metric), ReferenceNorm> caller,
        ImmutableDictionary<(string InstrumentId, Perspective? Perspective, ScoreMetric Metric), ReferenceNorm> caseload)
    {
        _caller = caller;
        _caseload = caseload;
    }

    /// <summary>Gets an empty set: every episode is judged against its own series only.</summary>
    public static ReferenceNorms Empty { get; } = new(
        ImmutableDictionary<(string, Perspective?, ScoreMetric), ReferenceNorm>.Empty,
        ImmutableDictionary<(string, Perspective?, ScoreMetric), ReferenceNorm>.Empty);

    /// <summary>Gets the number of norms held (the caller's and the caseload's).</summary>
    public int Count => _caller.Count + _caseload.Count;

    /// <summary>Gets the norms computed from a caseload, by instrument, perspective and metric (the caller's norms are not listed).</summary>
    public IReadOnlyDictionary<(string InstrumentId, Perspective? Perspective, ScoreMetric Metric), ReferenceNorm> CaseloadNorms => _caseload;

    /// <summary>Computes the caseload norms of a set of episodes: one per instrument, perspective and metric with enough data.</summary>
    /// <param name="episodes">The caseload's episodes.</param>
    /// <returns>The norms (source <see cref="NormSource.Caseload"/>).</returns>
    /// <remarks>The rules are those of <see cref="CaseloadNormStatistics.ToReferenceNorms"/>, which gives the same norms from sites' merged partials.</remarks>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episodes"/> is or contains <see langword="null"/>.</exception>
    public static ReferenceNorms FromCaseload(IEnumerable<Episode> episodes)
    {
        Guard.Against.Null(episodes);
        return CaseloadNormStatistics.All(episodes).ToReferenceNorms();
    }

    /// <summary>Returns a copy with the caseload norms of a set of episodes in place of any held; the caller's norms stay and still win.</summary>
    /// <param name="episodes">The caseload's episodes.</param>
    /// <returns>The new set: this set's caller norms, and the caseload norms of <paramref name="episodes"/> (<see cref="FromCaseload"/>).</returns>
    /// <remarks>Use it to ask for caseload norms beside your own (the CLI's <c>--caseload-norms</c> with <c>--norm</c>): a caller's norm lacking a change SD takes the caseload's (<see cref="Find"/>).</remarks>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episodes"/> is or contains <see langword="null"/>.</exception>
    public ReferenceNorms WithCaseload(IEnumerable<Episode> episodes) => WithCaseload(episodes, MinimumEpisodes);

    /// <summary>Returns a copy with the caseload norms of the groups (instrument, perspective, metric) that have at least <paramref name="minimumEpisodes"/> episodes; the caller's norms stay and still win.</summary>
    /// <param name="episodes">The caseload's episodes.</param>
    /// <param name="minimumEpisodes">The fewest episodes a group needs for a caseload norm; at least <see cref="MinimumEpisodes"/> (smaller values count as it).</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episodes"/> is or contains <see langword="null"/>.</exception>
    public ReferenceNorms WithCaseload(IEnumerable<Episode> episodes, int minimumEpisodes)
    {
        Guard.Against.Null(episodes);
        return new ReferenceNorms(_caller, CaseloadNormStatistics.FromCaseload(episodes, Math.Max(minimumEpisodes, MinimumEpisodes)).ToReferenceNorms()._caseload);
    }

    /// <summary>The caseload norms <see cref="CaseloadNormStatistics.ToReferenceNorms"/> computed, with no caller's norm.</summary>
    internal static ReferenceNorms FromCaseloadNorms(ImmutableDictionary<(string InstrumentId, Perspective? Perspective, ScoreMetric Metric), ReferenceNorm> caseload) =>
        new(ImmutableDictionary<(string, Perspective?, ScoreMetric), ReferenceNorm>.Empty, caseload);

    /// <summary>Returns a copy with a norm of the caller's, which wins over the caseload's for the same instrument and metric.</summary>
    /// <param name="instrumentId">The instrument's identifier.</param>
    /// <param name="metric">The metric of the norm's mean and SD.</param>
    /// <param name="norm">The norm; its <see cref="ReferenceNorm.Source"/> should be <see cref="NormSource.Caller"/>.</param>
    /// <param name="perspective">The perspective it applies to; <see langword="null"/> for every perspective.</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="instrumentId"/> or <paramref name="norm"/> is <see langword="null"/>.</exception>
    public ReferenceNorms With(string instrumentId, ScoreMetric metric, ReferenceNorm norm, Perspective? perspective = null)
    {
        Guard.Against.Null(instrumentId);
        Guard.Against.Null(norm);
        return new ReferenceNorms(_caller.SetItem((instrumentId, perspective, metric), norm), _caseload);
    }

    /// <summary>Finds the norm an episode is judged against: the caller's for its perspective, then the caller's for every perspective, then the caseload's; a caller's norm lacking a change SD takes the caseload's.</summary>
    /// <param name="episode">The episode.</param>
    /// <returns>The norm, or <see langword="null"/> when there is none.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episode"/> is <see langword="null"/>.</exception>
    public ReferenceNorm? Find(Episode episode)
    {
        Guard.Against.Null(episode);
        _caseload.TryGetValue((episode.InstrumentId, episode.Perspective, episode.Metric), out ReferenceNorm? caseload);
        return _caller.TryGetValue((episode.InstrumentId, episode.Perspective, episode.Metric), out ReferenceNorm? exact) ? exact.Complete(caseload)
            : _caller.TryGetValue((episode.InstrumentId, null, episode.Metric), out ReferenceNorm? any) ? any.Complete(caseload)
            : caseload;
    }
}
