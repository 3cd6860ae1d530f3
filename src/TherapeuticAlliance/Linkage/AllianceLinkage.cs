using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Linkage;

/// <summary>
/// Links a client's alliance series with their outcome series, session by session: does this session's alliance predict
/// the next session's outcome, within the client (Flückiger et al. 2020; Zilcha-Mano 2017)? This type pairs the series;
/// the rules for missed sessions and for measures given every few sessions are <see cref="PairingRule"/>'s.
/// </summary>
/// <remarks>Thread-safe: every method is pure.</remarks>
public static partial class AllianceLinkage
{
    /// <summary>
    /// Pairs each client's client-rated alliance series with their client-rated outcome series: for each alliance rating
    /// at session t, the outcome score the rule finds (<see cref="LinkageOptions.Rule"/>, <see cref="LinkageOptions.Lag"/>),
    /// and the outcome at session t itself when given. Series of other perspectives and instruments are ignored.
    /// </summary>
    /// <param name="series">Clients' series (any order; a client's alliance and outcome series share its identifier, <see cref="Episode.Id"/>).</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LinkageOptions.Default"/>.</param>
    /// <returns>The pairs, by client in the order their alliance series first appear, then by session; and the counts of what did not pair.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="series"/> is or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="options"/> break their rules, or a client has two client-rated series of one instrument.</exception>
    public static PairedSeries Pair(IEnumerable<Episode> series, LinkageOptions? options = null)
    {
        Guard.Against.Null(series);
        options ??= LinkageOptions.Default;
        options.Validate(nameof(options));
        var alliances = new List<Episode>();
        var outcomes = new Dictionary<string, Episode>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Episode episode in series)
        {
            Guard.Against.Null(episode, nameof(series));
            if (episode.Perspective != Perspective.Client || episode.Count == 0)
            {
                continue;
            }

            bool alliance = string.Equals(episode.InstrumentId, options.AllianceInstrument, StringComparison.OrdinalIgnoreCase);
            bool outcome = string.Equals(episode.InstrumentId, options.OutcomeInstrument, StringComparison.OrdinalIgnoreCase);
            if (!alliance && !outcome)
            {
                continue;
            }

            Guard.Against.InvalidInput(episode, nameof(series), e => seen.Add((alliance ? "a:" : "o:") + e.Id), "A client has two client-rated series of one instrument; give one series per client and instrument.");
            if (alliance)
            {
                alliances.Add(episode);
            }
            else
            {
                outcomes[episode.Id] = episode;
            }
        }

        // Sized once: on a large caseload, builders that grow by doubling allocate on the large-object heap again and
        // again, and each such allocation can start a full collection of the caller's whole caseload.
        int allianceTotal = alliances.Sum(a => a.Count);
        int outcomeTotal = alliances.Sum(a => outcomes.TryGetValue(a.Id, out Episode? o) ? o.Count : 0);
        var allianceRows = ImmutableArray.CreateBuilder<RatingRow>(allianceTotal);
        var outcomeRows = ImmutableArray.CreateBuilder<RatingRow>(outcomeTotal);
        var pairRows = new List<int>(allianceTotal);
        var pairOutcome = new List<int>(allianceTotal);
        var pairOutcomeNow = new List<int>(allianceTotal);
        var outcomeSeries = ImmutableArray.CreateBuilder<Episode>();
        var clientIds = ImmutableArray.CreateBuilder<string>(alliances.Count);
        int ratings = 0, unpaired = 0, withPairs = 0, noOutcome = 0;
        foreach (Episode alliance in alliances)
        {
            int client = clientIds.Count;
            clientIds.Add(alliance.Id);
            ratings += alliance.Count;
            int firstRow = allianceRows.Count;
            bool allianceCare = !alliance.Care.IsDefaultOrEmpty;
            for (int i = 0; i < alliance.Count; i++)
            {
                CareKeys care = allianceCare ? alliance.Care[i] : CareKeys.None;
                allianceRows.Add(new RatingRow(client, care.Therapist, care.Site, alliance.Scores[i].Occasion.SessionNumber, (double)alliance.Scores[i].Value));
            }

            if (!outcomes.TryGetValue(alliance.Id, out Episode? outcome))
            {
                noOutcome++;
                unpaired += alliance.Count;
                continue;
            }

            // The outcome's sessions in order (an episode's sessions ascend), and each session's total.
            outcomeSeries.Add(outcome);
            int[] sessions = new int[outcome.Count];
            int firstOutcome = outcomeRows.Count;
            bool outcomeCare = !outcome.Care.IsDefaultOrEmpty;
            for (int i = 0; i < outcome.Count; i++)
            {
                sessions[i] = outcome.Scores[i].Occasion.SessionNumber;
                CareKeys care = outcomeCare ? outcome.Care[i] : CareKeys.None;
                outcomeRows.Add(new RatingRow(client, care.Therapist, care.Site, sessions[i], (double)outcome.Scores[i].Value));
            }

            int before = pairRows.Count;
            for (int i = 0; i < alliance.Count; i++)
            {
                RatingRow row = allianceRows[firstRow + i];
                int t = row.Session;
                int target = Target(t, sessions, options);
                if (target < 0)
                {
                    unpaired++;
                    continue;
                }

                int now = Array.BinarySearch(sessions, t);
                pairRows.Add(firstRow + i);
                pairOutcome.Add(firstOutcome + target);
                pairOutcomeNow.Add(now >= 0 ? firstOutcome + now : -1);
            }

            withPairs += pairRows.Count > before ? 1 : 0;
        }

        return new PairedSeries(options, alliances.Count, withPairs, ratings, unpaired, noOutcome, allianceRows.MoveToImmutable(), outcomeRows.MoveToImmutable(), pairRows.ToArray(), pairOutcome.ToArray(), pairOutcomeNow.ToArray(), outcomeSeries.ToImmutable(), clientIds.MoveToImmutable());
    }

    /// <summary>The index in <paramref name="sessions"/> of the outcome session the rule pairs session t with, or −1.</summary>
    private static int Target(int t, int[] sessions, LinkageOptions options)
    {
        if (options.Rule == PairingRule.SessionNumber || options.Lag == 0)
        {
            int at = Array.BinarySearch(sessions, t + options.Lag);
            return at >= 0 ? at : -1;
        }

        // The lag-th outcome administration after session t, within the maximum gap.
        int after = Array.BinarySearch(sessions, t + 1);
        int first = after >= 0 ? after : ~after;
        int index = first + options.Lag - 1;
        return index < sessions.Length && sessions[index] - t <= options.MaximumGap ? index : -1;
    }
}
