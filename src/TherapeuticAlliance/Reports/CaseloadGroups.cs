using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Reports;

/// <summary>
/// A caseload grouped by therapist, site or team, as a clinic manager reads it: per group the clients, episodes,
/// clients by attention level, the mean alliance, the mean outcome change, and measurement completeness (the share
/// of clients with paired first and last outcome scores), under one <see cref="DisclosurePolicy"/>.
/// </summary>
/// <remarks>
/// <para>
/// A client belongs to the group of its current key (<see cref="EpisodeCare.CurrentKey"/> over its episodes, as
/// <see cref="CaseloadTriage.Clients"/> finds it): a client who changed therapist counts in the new therapist's
/// caseload. Clients with no key recorded form one group whose <see cref="CaseloadGroup.Key"/> is
/// <see langword="null"/>.
/// </para>
/// <para>
/// Definitions (design choices, stated so another tool can reproduce them): the mean alliance is the mean, over the
/// group's clients with a client-rated alliance episode, of the latest score's POMP (0–100, averaged over a client's
/// alliance instruments first); the mean outcome change is the mean, over clients with an outcome episode of two or
/// more scores, of the last minus the first score's POMP (averaged over a client's outcome instruments first);
/// measurement completeness is the share of the group's clients with such an episode (a first and a last outcome
/// score: NHS Talking Therapies' "paired scores"). POMP (Cohen et al. 1999) puts instruments of different ranges on
/// one scale.
/// </para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class CaseloadGroups
{
    private CaseloadGroups(CareKeyKind by, DisclosurePolicy policy, ImmutableArray<CaseloadGroup> groups)
    {
        By = by;
        Policy = policy;
        Groups = groups;
        WithheldStatistics = groups.Sum(g => g.WithheldStatistics);
        WithheldGroups = groups.Count(g => g.Withheld);
    }

    /// <summary>Gets the key the caseload is grouped by.</summary>
    public CareKeyKind By { get; }

    /// <summary>Gets the disclosure policy applied.</summary>
    public DisclosurePolicy Policy { get; }

    /// <summary>Gets the groups, ordered by key (ordinal), the group without a key last.</summary>
    public ImmutableArray<CaseloadGroup> Groups { get; }

    /// <summary>Gets how many statistics the policy withheld over all groups (each withheld cell counts once).</summary>
    public int WithheldStatistics { get; }

    /// <summary>Gets how many groups have fewer clients than the policy's minimum (every statistic of theirs is withheld).</summary>
    public int WithheldGroups { get; }

    /// <summary>Groups a caseload's reports.</summary>
    /// <param name="reports">The reports, for example from <see cref="EpisodeAnalyzer.AnalyzeCaseload(IEnumerable{Episode}, ReferenceNorms?, CaseloadNormUse)"/>.</param>
    /// <param name="by">The key to group by.</param>
    /// <param name="policy">The disclosure policy, or <see langword="null"/> for <see cref="DisclosurePolicy.Default"/>.</param>
    /// <returns>The groups.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="reports"/> is or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="by"/> is not defined.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="policy"/> breaks its rules (<see cref="DisclosurePolicy.Validate"/>).</exception>
    public static CaseloadGroups Summarise(IEnumerable<AllianceReport> reports, CareKeyKind by, DisclosurePolicy? policy = null)
    {
        Guard.Against.Null(reports);
        _ = CareKeys.None.Get(by);
        policy ??= DisclosurePolicy.Default;
        policy.Validate(nameof(policy));
        AllianceReport[] all = reports.Select(r => Guard.Against.Null(r, nameof(reports))).ToArray();
        ImmutableArray<TriageEntry> clients = CaseloadTriage.Clients(all);
        Dictionary<string, AttentionLevel> levels = clients.ToDictionary(e => e.EpisodeId, e => e.Level, StringComparer.Ordinal);
        Dictionary<string, string?> keys = clients.ToDictionary(e => e.EpisodeId, e => e.CareKey(by), StringComparer.Ordinal);
        var groups = all
            .GroupBy(r => keys[r.Episode.Id], StringComparer.Ordinal)
            .OrderBy(g => g.Key is null)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => SummariseGroup(g.Key, g.ToArray(), levels, policy))
            .ToImmutableArray();
        return new CaseloadGroups(by, policy, groups);
    }

    /// <summary>Says how many groups and statistics there are and what was withheld; no key appears.</summary>
    /// <returns>Text such as <c>6 groups by therapist; 2 groups and 18 statistics withheld (fewer than 10 people)</c>.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0} groups by {1}; {2} groups and {3} statistics withheld (fewer than {4} people)",
        Groups.Length,
        CareKeys.ToCode(By),
        WithheldGroups,
        WithheldStatistics,
        Policy.MinimumPeople);

    /// <summary>How many figures a group has (every one is withheld with the group).</summary>
    private const int FiguresPerGroup = 10;

    private static CaseloadGroup SummariseGroup(string? key, AllianceReport[] reports, Dictionary<string, AttentionLevel> levels, DisclosurePolicy policy)
    {
        string[] clients = reports.Select(r => r.Episode.Id).Distinct(StringComparer.Ordinal).ToArray();
        var alliance = reports
            .Where(r => r.Episode.Measure == MeasureKind.Alliance && r.Episode.Perspective == Perspective.Client)
            .GroupBy(r => r.Episode.Id, StringComparer.Ordinal)
            .Select(g => g.Average(r => (double)r.Episode.Scores[r.Episode.Count - 1].Pomp))
            .ToArray();
        var outcome = reports
            .Where(r => r.Episode.Measure == MeasureKind.Outcome && r.Episode.Count >= 2)
            .GroupBy(r => r.Episode.Id, StringComparer.Ordinal)
            .Select(g => g.Average(r => (double)(r.Episode.Scores[r.Episode.Count - 1].Pomp - r.Episode.Scores[0].Pomp)))
            .ToArray();
        if (!policy.Allows(clients.Length))
        {
            return new CaseloadGroup(key, null, null, null, null, null, null, null, null, null, null) { Withheld = true, WithheldStatistics = FiguresPerGroup };
        }

        int withheld = 0;
        int? Count(int count)
        {
            int? shown = policy.Count(count);
            withheld += shown is null ? 1 : 0;
            return shown;
        }

        // A mean over fewer people than the minimum is withheld with its count; a mean over nobody is no data, not withheld.
        (double? Mean, int? N) Mean(double[] values)
        {
            if (values.Length > 0 && !policy.Allows(values.Length))
            {
                withheld += 2;
                return (null, null);
            }

            return (values.Length > 0 ? values.Average() : null, Count(values.Length));
        }

        (double? meanAlliance, int? allianceClients) = Mean(alliance);
        (double? meanOutcome, int? outcomeClients) = Mean(outcome);
        int? shownClients = Count(clients.Length);
        int?[] levels3 = { Count(clients.Count(c => levels[c] == AttentionLevel.Act)), Count(clients.Count(c => levels[c] == AttentionLevel.Watch)), Count(clients.Count(c => levels[c] == AttentionLevel.None)) };
        if (levels3.Count(l => l is null) == 1)
        {
            // Complementary suppression: with the group's size shown, one withheld level would be the size minus the
            // other two, so the smallest of the other two is withheld as well.
            int other = Enumerable.Range(0, 3).Where(i => levels3[i] is not null).OrderBy(i => levels3[i]).First();
            levels3[other] = null;
            withheld++;
        }

        // The share with paired scores is the outcome count over the clients: shown only when the outcome count is,
        // and then from the counts as shown (rounded under a rounding policy), so it never discloses a withheld count.
        double? paired = outcomeClients is { } o && shownClients is { } n && n > 0 ? Math.Min(1.0, (double)o / n) : null;
        withheld += paired is null && outcome.Length > 0 ? 1 : 0;
        return new CaseloadGroup(
            key,
            shownClients,
            Count(reports.Length),
            levels3[0],
            levels3[1],
            levels3[2],
            meanAlliance,
            allianceClients,
            meanOutcome,
            outcomeClients,
            paired)
        {
            WithheldStatistics = withheld,
        };
    }
}
