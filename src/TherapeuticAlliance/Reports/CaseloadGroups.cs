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
/// <see cref="CaseloadTriage.Clients(System.Collections.Generic.IEnumerable{AllianceReport})"/> finds it): a client who changed therapist counts in the new therapist's
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
        var accumulator = new Accumulator(by, policy, nameof(policy));
        foreach (var client in reports.Select(r => Guard.Against.Null(r, nameof(reports))).GroupBy(r => r.Episode.Id, StringComparer.Ordinal))
        {
            accumulator.Add(client.ToArray());
        }

        return accumulator.ToGroups();
    }

    /// <summary>Groups a caseload that arrives one client at a time, in memory that grows with the number of groups, not of clients or sessions (a caseload streamed from a file grouped by client).</summary>
    /// <param name="clients">Each element is every report of one client (all its instruments and perspectives); a client given twice counts twice.</param>
    /// <param name="by">The key to group by.</param>
    /// <param name="policy">The disclosure policy, or <see langword="null"/> for <see cref="DisclosurePolicy.Default"/>.</param>
    /// <returns>The groups: the same as <see cref="Summarise"/> over all the reports.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="clients"/> is or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="by"/> is not defined.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="policy"/> breaks its rules, or an element is empty or holds the reports of more than one client.</exception>
    public static CaseloadGroups SummariseClients(IEnumerable<IReadOnlyList<AllianceReport>> clients, CareKeyKind by, DisclosurePolicy? policy = null)
    {
        Guard.Against.Null(clients);
        var accumulator = new Accumulator(by, policy, nameof(policy));
        foreach (IReadOnlyList<AllianceReport> client in clients)
        {
            accumulator.Add(Client(client, nameof(clients)));
        }

        return accumulator.ToGroups();
    }

    /// <summary>Checks that a batch is one client's reports: not empty, no null, one identifier.</summary>
    internal static IReadOnlyList<AllianceReport> Client(IReadOnlyList<AllianceReport>? client, string parameter)
    {
        Guard.Against.Null(client, parameter);
        Guard.Against.InvalidInput(client, parameter, c => c.Count > 0, "Each client needs at least one report.");
        string id = Guard.Against.Null(client[0], parameter).Episode.Id;
        Guard.Against.InvalidInput(client, parameter, c => c.All(r => r is not null && string.Equals(r.Episode.Id, id, StringComparison.Ordinal)), "Each element holds the reports of one client (one identifier).");
        return client;
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

    /// <summary>One group's running counts and sums: its size does not grow with its clients.</summary>
    private sealed class Tally
    {
        internal int Clients;
        internal int Episodes;
        internal int Act;
        internal int Watch;
        internal int None;
        internal double AllianceSum;
        internal int AllianceClients;
        internal double OutcomeSum;
        internal int OutcomeClients;
    }

    /// <summary>Adds clients one at a time to their groups' tallies (not thread-safe: one caller at a time).</summary>
    internal sealed class Accumulator
    {
        private readonly CareKeyKind _by;
        private readonly DisclosurePolicy _policy;
        private readonly Dictionary<string, Tally> _groups = new(StringComparer.Ordinal);
        private Tally? _unkeyed;

        internal Accumulator(CareKeyKind by, DisclosurePolicy? policy, string parameter)
        {
            _ = CareKeys.None.Get(by);
            _policy = policy ?? DisclosurePolicy.Default;
            _policy.Validate(parameter);
            _by = by;
        }

        /// <summary>Adds one client: every report of one identifier.</summary>
        internal void Add(IReadOnlyList<AllianceReport> client)
        {
            TriageEntry entry = CaseloadTriage.Clients(client)[0];
            string? key = entry.CareKey(_by);
            Tally tally = key is null ? _unkeyed ??= new Tally() : _groups.TryGetValue(key, out Tally? found) ? found : _groups[key] = new Tally();
            checked
            {
                tally.Clients++;
                tally.Episodes += client.Count;
            }

            switch (entry.Level)
            {
                case AttentionLevel.Act: tally.Act++; break;
                case AttentionLevel.Watch: tally.Watch++; break;
                default: tally.None++; break;
            }

            // The client's own value first (averaged over its instruments), then the group's mean over clients.
            double[] alliance = client.Where(r => r.Episode.Measure == MeasureKind.Alliance && r.Episode.Perspective == Perspective.Client)
                .Select(r => (double)r.Episode.Scores[r.Episode.Count - 1].Pomp).ToArray();
            if (alliance.Length > 0)
            {
                tally.AllianceSum += alliance.Average();
                tally.AllianceClients++;
            }

            double[] outcome = client.Where(r => r.Episode.Measure == MeasureKind.Outcome && r.Episode.Count >= 2)
                .Select(r => (double)(r.Episode.Scores[r.Episode.Count - 1].Pomp - r.Episode.Scores[0].Pomp)).ToArray();
            if (outcome.Length > 0)
            {
                tally.OutcomeSum += outcome.Average();
                tally.OutcomeClients++;
            }
        }

        /// <summary>The groups so far, ordered by key (ordinal), the group without a key last.</summary>
        internal CaseloadGroups ToGroups()
        {
            var groups = _groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => SummariseGroup(g.Key, g.Value, _policy));
            if (_unkeyed is not null)
            {
                groups = groups.Append(SummariseGroup(null, _unkeyed, _policy));
            }

            return new CaseloadGroups(_by, _policy, groups.ToImmutableArray());
        }
    }

    private static CaseloadGroup SummariseGroup(string? key, Tally tally, DisclosurePolicy policy)
    {
        if (!policy.Allows(tally.Clients))
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
        (double? Mean, int? N) Mean(double sum, int n)
        {
            if (n > 0 && !policy.Allows(n))
            {
                withheld += 2;
                return (null, null);
            }

            return (n > 0 ? sum / n : null, Count(n));
        }

        (double? meanAlliance, int? allianceClients) = Mean(tally.AllianceSum, tally.AllianceClients);
        (double? meanOutcome, int? outcomeClients) = Mean(tally.OutcomeSum, tally.OutcomeClients);
        int? shownClients = Count(tally.Clients);
        int?[] levels3 = { Count(tally.Act), Count(tally.Watch), Count(tally.None) };
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
        withheld += paired is null && tally.OutcomeClients > 0 ? 1 : 0;
        return new CaseloadGroup(
            key,
            shownClients,
            Count(tally.Episodes),
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
