using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Consortium;

/// <summary>
/// One site's scored administrations, arranged for its statistics: per instrument the assessments with item
/// responses (for alpha), per instrument the client–therapist pairs of totals (administrations both rated in one
/// session of one episode), and the episodes (for the caseload norms). What <see cref="SiteStatistics.FromData"/>
/// computes on and <see cref="SitePartial.Build"/> summarises.
/// </summary>
/// <remarks>
/// Holds the site's rows, identifiers included: it never leaves the site. Its <see cref="Notes"/> say what some
/// statistics leave out (totals-only administrations, episodes that could not be built), with counts and instrument
/// identifiers only. Immutable and thread-safe.
/// </remarks>
public sealed class SiteData
{
    private SiteData(
        ImmutableArray<(Instrument Instrument, ImmutableArray<Assessment> Assessments)> items,
        ImmutableArray<(string InstrumentId, ImmutableArray<(AllianceScore Client, AllianceScore Therapist)> Pairs)> pairs,
        ImmutableArray<Episode> episodes,
        ImmutableArray<string> instrumentIds,
        ImmutableArray<string> notes)
    {
        Items = items;
        Pairs = pairs;
        Episodes = episodes;
        InstrumentIds = instrumentIds;
        Notes = notes;
    }

    /// <summary>Gets the identifiers of every instrument the site scored, in ordinal order.</summary>
    public ImmutableArray<string> InstrumentIds { get; }

    /// <summary>Gets the episodes (one per episode, perspective and instrument; an inconsistent session left out), for the caseload norms.</summary>
    public ImmutableArray<Episode> Episodes { get; }

    /// <summary>Gets what the statistics leave out, as notes a person reads (no identifier but an instrument's, no value).</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>Gets, per instrument in ordinal order, the assessments with item responses.</summary>
    internal ImmutableArray<(Instrument Instrument, ImmutableArray<Assessment> Assessments)> Items { get; }

    /// <summary>Gets, per instrument in ordinal order, the client–therapist pairs of totals in episode and session order.</summary>
    internal ImmutableArray<(string InstrumentId, ImmutableArray<(AllianceScore Client, AllianceScore Therapist)> Pairs)> Pairs { get; }

    /// <summary>Arranges a site's scored administrations.</summary>
    /// <param name="scored">Each administration's episode identifier, score, and assessment (<see langword="null"/> for a reported total without item responses).</param>
    /// <returns>The site's data.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="scored"/>, an episode identifier or a score is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when an assessment's instrument or perspective is not its score's.</exception>
    public static SiteData FromScores(IEnumerable<(string Episode, AllianceScore Score, Assessment? Assessment)> scored)
    {
        Guard.Against.Null(scored);
        return FromScores(scored.Select(s => (s.Episode, s.Score, s.Assessment, CareKeys.None)));
    }

    /// <summary>Arranges a site's scored administrations with who treated and where (issue 28): the episodes get each session's keys (<see cref="Episode.Care"/>), so a partial can keep per-therapist statistics (<see cref="SitePartial.Therapists"/>).</summary>
    /// <param name="scored">Each administration's episode identifier, score, assessment (<see langword="null"/> for a reported total) and care keys (<see cref="CareKeys.None"/> when not recorded).</param>
    /// <returns>The site's data. A session whose administrations name different therapists, sites or teams keeps no keys, and a note counts such sessions.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="scored"/>, an episode identifier, a score or keys are <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when an assessment's instrument or perspective is not its score's.</exception>
    public static SiteData FromScores(IEnumerable<(string Episode, AllianceScore Score, Assessment? Assessment, CareKeys Keys)> scored)
    {
        Guard.Against.Null(scored);
        var care = new Dictionary<(string Episode, int Session), CareKeys?>();

        var items = new SortedDictionary<string, (Instrument Instrument, List<Assessment> Assessments)>(StringComparer.Ordinal);
        var totals = new Dictionary<(string Episode, int Session, string Instrument), Dictionary<Perspective, AllianceScore>>();
        var totalsOnly = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var all = new List<(string Episode, AllianceScore Score)>();
        var instruments = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (episode, score, assessment, keys) in scored)
        {
            Guard.Against.Null(episode, nameof(scored));
            Guard.Against.Null(score, nameof(scored));
            Guard.Against.Null(keys, nameof(scored));
            if (!keys.IsEmpty)
            {
                var at = (episode, score.Occasion.SessionNumber);
                // null marks a session whose administrations disagree: nothing says which keys are right.
                care[at] = !care.TryGetValue(at, out CareKeys? known) ? keys
                    : known is null || !known.ConflictsWith(keys).IsEmpty ? null
                    : known.Fill(keys);
            }

            string id = score.Provenance.InstrumentId;
            instruments.Add(id);
            all.Add((episode, score));
            if (assessment is null)
            {
                totalsOnly[id] = (totalsOnly.TryGetValue(id, out int n) ? n : 0) + 1;
            }
            else
            {
                if (assessment.Instrument.Id != id || assessment.Perspective != score.Perspective)
                {
                    throw new ArgumentException("An assessment is not the one its score was computed from.", nameof(scored));
                }

                if (!items.TryGetValue(id, out var group))
                {
                    items[id] = group = (assessment.Instrument, new List<Assessment>());
                }

                group.Assessments.Add(assessment);
            }

            var key = (episode, score.Occasion.SessionNumber, id);
            if (!totals.TryGetValue(key, out var perspectives))
            {
                totals[key] = perspectives = new Dictionary<Perspective, AllianceScore>();
            }

            perspectives[score.Perspective] = score;
        }

        // The caseload norms' episodes: an episode that cannot be built is left out of the norms only, and said so.
        var episodes = new List<Episode>();
        int unbuilt = 0;
        foreach (var group in all.GroupBy(s => (s.Episode, s.Score.Perspective, s.Score.Provenance.InstrumentId)))
        {
            EpisodeResult built = Episode.Create(group.Key.Episode, group.Select(s => s.Score), handling: InconsistentSessionHandling.ExcludeSession);
            if (built.IsT0)
            {
                Episode one = built.AsT0;
                episodes.Add(care.Count == 0 ? one : one.WithCare(one.Scores
                    .Where(s => care.TryGetValue((one.Id, s.Occasion.SessionNumber), out CareKeys? k) && k is not null)
                    .ToDictionary(s => s.Occasion.SessionNumber, s => care[(one.Id, s.Occasion.SessionNumber)]!)));
            }
            else
            {
                unbuilt++;
            }
        }

        var pairs = totals
            .Where(t => t.Value.ContainsKey(Perspective.Client) && t.Value.ContainsKey(Perspective.Therapist))
            .OrderBy(t => t.Key.Episode, StringComparer.Ordinal).ThenBy(t => t.Key.Session)
            .GroupBy(t => t.Key.Instrument, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(t => (Client: t.Value[Perspective.Client], Therapist: t.Value[Perspective.Therapist])).ToImmutableArray()))
            .ToImmutableArray();

        var notes = new List<string>();
        int conflicting = care.Count(c => c.Value is null);
        if (conflicting > 0)
        {
            notes.Add(string.Format(CultureInfo.InvariantCulture, "{0} session(s) name different therapists, sites or teams in their administrations; their keys are left unrecorded.", conflicting));
        }

        if (unbuilt > 0)
        {
            notes.Add(string.Format(CultureInfo.InvariantCulture, "{0} episode(s) could not be built (run analyze to see why) and are left out of the caseload norms; their administrations are in the other statistics.", unbuilt));
        }

        foreach (KeyValuePair<string, int> only in totalsOnly)
        {
            notes.Add(string.Format(CultureInfo.InvariantCulture, "{0}: {1} administration(s) give totals only (no items were seen); item statistics (alpha) skip them, the agreement of totals uses them.", only.Key, only.Value));
        }

        return new SiteData(
            items.Values.Select(v => (v.Instrument, v.Assessments.ToImmutableArray())).ToImmutableArray(),
            pairs,
            episodes.ToImmutableArray(),
            instruments.ToImmutableArray(),
            notes.ToImmutableArray());
    }
}
