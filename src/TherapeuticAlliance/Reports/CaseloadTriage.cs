using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Reports;

/// <summary>
/// Ranks a caseload for a clinician's attention: each episode and each client gets an <see cref="AttentionLevel"/>
/// (act, watch or none) with its reasons (alert codes) and latest session, most urgent first.
/// </summary>
/// <remarks>
/// <para>An episode's level is the highest <see cref="Alert.Severity"/> among its alerts; a client's is the highest
/// over its episodes. Order (a design choice): level, then the number of distinct alert codes that call for action
/// (one event seen on several instruments counts once), then the number of reasons, then the most recent latest session, then the identifier (ordinal), so the list is
/// deterministic.</para>
/// <para>This type is thread-safe.</para>
/// </remarks>
public static partial class CaseloadTriage
{
    /// <summary>Ranks the episodes of a caseload.</summary>
    /// <param name="reports">The caseload's reports, for example from <see cref="EpisodeAnalyzer.AnalyzeCaseload(IEnumerable{Trends.Episode}, Trends.ReferenceNorms?, CaseloadNormUse)"/>.</param>
    /// <returns>One entry per report, most urgent first.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="reports"/> is or contains <see langword="null"/>.</exception>
    public static ImmutableArray<TriageEntry> Episodes(IEnumerable<AllianceReport> reports)
    {
        Guard.Against.Null(reports);
        return Order(reports.Select(r => Guard.Against.Null(r, nameof(reports))).Select(r => WithCare(Entry(r.Episode.Id, r.Episode.InstrumentId, r.Episode.Perspective, r.Alerts.Select(a => (a.Severity, a.Code)), LatestSession(r.Episode)), r.Episode)));
    }

    /// <summary>
    /// Ranks episodes as <see cref="Episodes(IEnumerable{AllianceReport})"/> does, reading each alert's status from a
    /// book (alert lifecycle, issue 33): an open alert counts at its severity, an acknowledged one at "watch" at most,
    /// and a snoozed or dismissed one not at all: it is listed apart in <see cref="TriageEntry.SetAside"/>.
    /// </summary>
    /// <param name="reports">The reports of the run.</param>
    /// <param name="book">The run's alerts and statuses, from <see cref="AlertBook.Track"/> on the same reports; an alert the book does not hold counts as open.</param>
    /// <returns>One entry per report, most urgent first.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is, or contains, <see langword="null"/>.</exception>
    public static ImmutableArray<TriageEntry> Episodes(IEnumerable<AllianceReport> reports, AlertBook book)
    {
        Guard.Against.Null(reports);
        Guard.Against.Null(book);
        return Order(reports.Select(r => Guard.Against.Null(r, nameof(reports))).Select(r =>
        {
            var statuses = r.Alerts.Select(a => (Alert: a, Status: book.StatusOf(AlertIdentity.Of(r.Episode, a)), a.Code)).ToList();
            TriageEntry entry = Entry(r.Episode.Id, r.Episode.InstrumentId, r.Episode.Perspective, Counted(statuses), LatestSession(r.Episode));
            return WithCare(entry with { SetAside = SetAside(statuses) }, r.Episode);
        }));
    }

    /// <summary>
    /// Ranks clients as <see cref="Clients(IEnumerable{AllianceReport})"/> does, reading each alert's status from a book
    /// as <see cref="Episodes(IEnumerable{AllianceReport}, AlertBook)"/> does.
    /// </summary>
    /// <param name="reports">The reports of the run.</param>
    /// <param name="book">The run's alerts and statuses; an alert the book does not hold counts as open.</param>
    /// <returns>One entry per client, most urgent first.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is, or contains, <see langword="null"/>.</exception>
    public static ImmutableArray<TriageEntry> Clients(IEnumerable<AllianceReport> reports, AlertBook book)
    {
        Guard.Against.Null(reports);
        Guard.Against.Null(book);
        return Order(reports
            .Select(r => Guard.Against.Null(r, nameof(reports)))
            .GroupBy(r => r.Episode.Id, StringComparer.Ordinal)
            .Select(g =>
            {
                var statuses = g.SelectMany(r => r.Alerts.Select(a => (Alert: a, Status: book.StatusOf(AlertIdentity.Of(r.Episode, a)), Code: r.Episode.InstrumentId + "/" + AllianceCodes.ToCode(r.Episode.Perspective) + ":" + a.Code))).ToList();
                TriageEntry entry = Entry(g.Key, null, null, Counted(statuses), g.Max(r => LatestSession(r.Episode)));
                return WithCare(entry with { SetAside = SetAside(statuses) }, g.Select(r => r.Episode).ToArray());
            }));
    }

    /// <summary>The severity an alert counts at under its status: its own when open, watch at most when acknowledged, none when set aside.</summary>
    private static AlertSeverity? Weight(AlertStatus status, Alert alert) => status switch
    {
        AlertStatus.Open or AlertStatus.Resolved => alert.Severity,
        AlertStatus.Acknowledged => AlertSeverity.Watch,
        _ => null,
    };

    /// <summary>The alerts that count, at the severity their status gives, with their reason codes.</summary>
    private static IEnumerable<(AlertSeverity Severity, string Code)> Counted(List<(Alert Alert, AlertStatus Status, string Code)> statuses) =>
        statuses.Where(s => Weight(s.Status, s.Alert) is not null).Select(s => (Weight(s.Status, s.Alert)!.Value, s.Code));

    /// <summary>The reason codes of the snoozed and dismissed alerts, each with its status.</summary>
    private static ImmutableArray<string> SetAside(List<(Alert Alert, AlertStatus Status, string Code)> statuses) =>
        statuses.Where(s => s.Status is AlertStatus.Snoozed or AlertStatus.Dismissed).Select(s => s.Code + " (" + AlertLifecycle.ToCode(s.Status) + ")").Distinct(StringComparer.Ordinal).ToImmutableArray();

    /// <summary>Ranks the clients of a caseload: one entry per episode identifier, over all its instruments and perspectives.</summary>
    /// <param name="reports">The caseload's reports.</param>
    /// <returns>One entry per client, most urgent first; reasons name their instrument and perspective.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="reports"/> is or contains <see langword="null"/>.</exception>
    public static ImmutableArray<TriageEntry> Clients(IEnumerable<AllianceReport> reports)
    {
        Guard.Against.Null(reports);
        return Order(reports
            .Select(r => Guard.Against.Null(r, nameof(reports)))
            .GroupBy(r => r.Episode.Id, StringComparer.Ordinal)
            .Select(g => WithCare(
                Entry(
                    g.Key,
                    null,
                    null,
                    g.SelectMany(r => r.Alerts.Select(a => (a.Severity, r.Episode.InstrumentId + "/" + AllianceCodes.ToCode(r.Episode.Perspective) + ":" + a.Code))),
                    g.Max(r => LatestSession(r.Episode))),
                g.Select(r => r.Episode).ToArray())));
    }

    /// <summary>Keeps the entries whose current key of one kind is the one given: a therapist's own attention list, or a site's.</summary>
    /// <param name="entries">Entries from <see cref="Episodes(System.Collections.Generic.IEnumerable{AllianceReport})"/> or <see cref="Clients(System.Collections.Generic.IEnumerable{AllianceReport})"/>, in attention order.</param>
    /// <param name="kind">Which key.</param>
    /// <param name="key">The key (ordinal comparison).</param>
    /// <returns>The entries whose key matches, in the same order.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="entries"/> or <paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="kind"/> is not defined.</exception>
    public static ImmutableArray<TriageEntry> For(IEnumerable<TriageEntry> entries, CareKeyKind kind, string key)
    {
        Guard.Against.Null(entries);
        Guard.Against.Null(key);
        _ = CareKeys.None.Get(kind);
        return entries.Where(e => string.Equals(Guard.Against.Null(e, nameof(entries)).CareKey(kind), key, StringComparison.Ordinal)).ToImmutableArray();
    }

    /// <summary>Takes the current keys of the client from one episode: the one with the latest session that records any key (the first such in the caller's order on a tie), so the therapist and site shown were recorded together.</summary>
    private static TriageEntry WithCare(TriageEntry entry, params Episode[] episodes)
    {
        Episode? keyed = episodes.OrderByDescending(LatestSession).FirstOrDefault(e => e.Care.Any(c => !c.IsEmpty));
        return keyed is null ? entry : entry with { Therapist = keyed.CurrentKey(CareKeyKind.Therapist), Site = keyed.CurrentKey(CareKeyKind.Site), Team = keyed.CurrentKey(CareKeyKind.Team) };
    }

    private static int LatestSession(Episode episode) => episode.Scores[episode.Count - 1].Occasion.SessionNumber;

    private static TriageEntry Entry(string id, string? instrument, Perspective? perspective, IEnumerable<(AlertSeverity Severity, string Code)> alerts, int latest)
    {
        var reasons = alerts
            .GroupBy(a => a.Code, StringComparer.Ordinal)
            .Select(g => (Code: g.Key, Severity: g.Max(a => a.Severity)))
            .OrderByDescending(a => a.Severity)
            .ToList();
        AttentionLevel level = reasons.Count == 0 ? AttentionLevel.None
            : reasons[0].Severity == AlertSeverity.Act ? AttentionLevel.Act
            : AttentionLevel.Watch;
        return new TriageEntry(id, instrument, perspective, level, reasons.Select(r => r.Code).ToImmutableArray(), latest)
        {
            // One event seen on several instruments (a rupture on the SRS and the WAI-SR) counts once for the ranking.
            ActReasons = reasons.Where(r => r.Severity == AlertSeverity.Act).Select(r => r.Code.Substring(r.Code.IndexOf(':') + 1)).Distinct(StringComparer.Ordinal).Count(),
        };
    }

    /// <summary>
    /// Ranks entries computed in batches (a caseload streamed one client at a time through <see cref="Clients(System.Collections.Generic.IEnumerable{AllianceReport})"/> or
    /// <see cref="Episodes(System.Collections.Generic.IEnumerable{AllianceReport})"/>) into the order those methods give over the whole caseload.
    /// </summary>
    /// <param name="entries">The entries.</param>
    /// <returns>The entries, most urgent first.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="entries"/> is or contains <see langword="null"/>.</exception>
    public static ImmutableArray<TriageEntry> Rank(IEnumerable<TriageEntry> entries)
    {
        Guard.Against.Null(entries);
        return Order(entries.Select(e => Guard.Against.Null(e, nameof(entries))));
    }

    private static ImmutableArray<TriageEntry> Order(IEnumerable<TriageEntry> entries) =>
        entries
            .OrderByDescending(e => e.Level)
            .ThenByDescending(e => e.ActReasons)
            .ThenByDescending(e => e.Reasons.Length)
            .ThenByDescending(e => e.LatestSession)
            .ThenBy(e => e.EpisodeId, StringComparer.Ordinal)
            .ThenBy(e => e.InstrumentId, StringComparer.Ordinal)
            .ThenBy(e => e.Perspective)
            .ToImmutableArray();
}
