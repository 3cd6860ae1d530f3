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

        var pairs = ImmutableArray.CreateBuilder<SessionPair>();
        var allianceRows = ImmutableArray.CreateBuilder<RatingRow>();
        var outcomeRows = ImmutableArray.CreateBuilder<RatingRow>();
        var pairRows = ImmutableArray.CreateBuilder<int>();
        var outcomeSeries = ImmutableArray.CreateBuilder<Episode>();
        int ratings = 0, unpaired = 0, withPairs = 0, noOutcome = 0;
        foreach (Episode alliance in alliances)
        {
            ratings += alliance.Count;
            int firstRow = allianceRows.Count;
            for (int i = 0; i < alliance.Count; i++)
            {
                allianceRows.Add(new RatingRow(alliance.Id, alliance.Care.IsDefaultOrEmpty ? null : alliance.Care[i].Therapist, alliance.Scores[i].Occasion.SessionNumber, (double)alliance.Scores[i].Value));
            }

            if (!outcomes.TryGetValue(alliance.Id, out Episode? outcome))
            {
                noOutcome++;
                unpaired += alliance.Count;
                continue;
            }

            outcomeSeries.Add(outcome);
            for (int i = 0; i < outcome.Count; i++)
            {
                outcomeRows.Add(new RatingRow(outcome.Id, outcome.Care.IsDefaultOrEmpty ? null : outcome.Care[i].Therapist, outcome.Scores[i].Occasion.SessionNumber, (double)outcome.Scores[i].Value));
            }

            // The outcome's sessions in order, and each session's total.
            int[] sessions = outcome.Scores.Select(s => s.Occasion.SessionNumber).ToArray();
            var bySession = new Dictionary<int, double>();
            for (int i = 0; i < sessions.Length; i++)
            {
                bySession[sessions[i]] = (double)outcome.Scores[i].Value;
            }

            int before = pairs.Count;
            for (int i = 0; i < alliance.Count; i++)
            {
                int t = alliance.Scores[i].Occasion.SessionNumber;
                int? target = Target(t, sessions, bySession, options);
                if (target is not { } at)
                {
                    unpaired++;
                    continue;
                }

                CareKeys care = alliance.Care.IsDefaultOrEmpty ? CareKeys.None : alliance.Care[i];
                pairRows.Add(firstRow + i);
                pairs.Add(new SessionPair(alliance.Id, care.Therapist, care.Site, t, (double)alliance.Scores[i].Value, bySession.TryGetValue(t, out double now) ? now : null, at, bySession[at]));
            }

            withPairs += pairs.Count > before ? 1 : 0;
        }

        return new PairedSeries(options, pairs.ToImmutable(), alliances.Count, withPairs, ratings, unpaired, noOutcome, allianceRows.ToImmutable(), outcomeRows.ToImmutable(), pairRows.ToImmutable(), outcomeSeries.ToImmutable());
    }

    /// <summary>The outcome session the rule pairs session t with, or null.</summary>
    private static int? Target(int t, int[] sessions, Dictionary<int, double> bySession, LinkageOptions options)
    {
        if (options.Rule == PairingRule.SessionNumber || options.Lag == 0)
        {
            return bySession.ContainsKey(t + options.Lag) ? t + options.Lag : null;
        }

        // The lag-th outcome administration after session t, within the maximum gap.
        int after = Array.BinarySearch(sessions, t + 1);
        int first = after >= 0 ? after : ~after;
        int index = first + options.Lag - 1;
        return index < sessions.Length && sessions[index] - t <= options.MaximumGap ? sessions[index] : null;
    }
}
