using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Reports;

/// <summary>
/// The alerts of one run with their status: every alert the run raised, each with its stable
/// <see cref="AlertIdentity"/> and the status its lifecycle events give it, and every alert that has events but was not
/// raised this time (<see cref="AlertStatus.Resolved"/>: its state has ended). Triage reads it
/// (<see cref="CaseloadTriage.Episodes(IEnumerable{AllianceReport}, AlertBook)"/>): an acknowledged alert counts at
/// "watch", a snoozed or dismissed one is listed apart; <see cref="LoadBy"/> gives each clinician's alert load.
/// </summary>
/// <remarks>
/// <para>Events are the host's to store (they are immutable facts; a database table of them is enough). Statuses are
/// derived, never stored: run the analysis, <see cref="Track"/> with the events, and the same state keeps its identity
/// and its status across runs (<see cref="AlertIdentity"/>).</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class AlertBook
{
    private readonly Dictionary<AlertIdentity, TrackedAlert> _byIdentity;

    private AlertBook(ImmutableArray<TrackedAlert> alerts)
    {
        Alerts = alerts;
        _byIdentity = new Dictionary<AlertIdentity, TrackedAlert>();
        foreach (TrackedAlert alert in alerts)
        {
            _byIdentity[alert.Identity] = alert;
        }
    }

    /// <summary>Gets an empty book: no alert, no event.</summary>
    public static AlertBook Empty { get; } = new(ImmutableArray<TrackedAlert>.Empty);

    /// <summary>Gets the alerts: those raised in the run, in the order of the reports and their alerts, then the resolved ones that have events, in order of their fingerprints.</summary>
    public ImmutableArray<TrackedAlert> Alerts { get; }

    /// <summary>Tracks the alerts of a run against their lifecycle events.</summary>
    /// <param name="reports">The run's reports (every episode analysed).</param>
    /// <param name="events">The lifecycle events stored so far, of any alerts (those of alerts not raised make them resolved).</param>
    /// <param name="asOf">The moment the statuses are for (snoozes until a moment end at it).</param>
    /// <returns>The book.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is, or contains, <see langword="null"/>.</exception>
    /// <remarks>Linear in alerts and events. A rule raising two alerts of one identity in one episode (the same code and onset) is tracked once, with the more severe.</remarks>
    public static AlertBook Track(IEnumerable<AllianceReport> reports, IEnumerable<AlertLifecycleEvent> events, DateTimeOffset asOf)
    {
        Guard.Against.Null(reports);
        Guard.Against.Null(events);
        var byAlert = new Dictionary<AlertIdentity, List<AlertLifecycleEvent>>();
        foreach (AlertLifecycleEvent e in events)
        {
            Guard.Against.Null(e, nameof(events));
            if (!byAlert.TryGetValue(e.Alert, out List<AlertLifecycleEvent>? list))
            {
                byAlert[e.Alert] = list = new List<AlertLifecycleEvent>();
            }

            list.Add(e);
        }

        var raised = new List<TrackedAlert>();
        var seen = new Dictionary<AlertIdentity, int>();
        foreach (AllianceReport report in reports)
        {
            Guard.Against.Null(report, nameof(reports));
            Episode episode = report.Episode;
            int latest = episode.Scores[episode.Count - 1].Occasion.SessionNumber;
            foreach (Alert alert in report.Alerts)
            {
                var identity = AlertIdentity.Of(episode, alert);
                IReadOnlyList<AlertLifecycleEvent> own = byAlert.TryGetValue(identity, out List<AlertLifecycleEvent>? list) ? list : Array.Empty<AlertLifecycleEvent>();
                var tracked = new TrackedAlert(identity, alert, AlertLifecycle.StatusOf(identity, true, own, asOf, latest), Last(own))
                {
                    Therapist = episode.CurrentKey(CareKeyKind.Therapist),
                    Site = episode.CurrentKey(CareKeyKind.Site),
                    Team = episode.CurrentKey(CareKeyKind.Team),
                };
                if (seen.TryGetValue(identity, out int at))
                {
                    if (alert.Severity > raised[at].Alert!.Severity)
                    {
                        raised[at] = tracked;
                    }

                    continue;
                }

                seen[identity] = raised.Count;
                raised.Add(tracked);
            }
        }

        IEnumerable<TrackedAlert> resolved = byAlert
            .Where(pair => !seen.ContainsKey(pair.Key))
            .Select(pair => new TrackedAlert(pair.Key, null, AlertStatus.Resolved, Last(pair.Value)))
            .OrderBy(t => t.Identity.Fingerprint, StringComparer.Ordinal);
        return new AlertBook(raised.Concat(resolved).ToImmutableArray());
    }

    /// <summary>Gets an alert's status in this run: <see cref="AlertStatus.Resolved"/> for an identity the run did not raise.</summary>
    /// <param name="identity">The alert's identity.</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="identity"/> is <see langword="null"/>.</exception>
    public AlertStatus StatusOf(AlertIdentity identity) =>
        _byIdentity.TryGetValue(Guard.Against.Null(identity), out TrackedAlert? tracked) ? tracked.Status : AlertStatus.Resolved;

    /// <summary>Gets the tracked alert of an identity, or <see langword="null"/> when the book has none.</summary>
    /// <param name="identity">The alert's identity.</param>
    /// <returns>The tracked alert, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="identity"/> is <see langword="null"/>.</exception>
    public TrackedAlert? Find(AlertIdentity identity) => _byIdentity.TryGetValue(Guard.Against.Null(identity), out TrackedAlert? tracked) ? tracked : null;

    /// <summary>Gets the alert load per therapist, site or team: the alerts raised in the run by status, and the clients with an open or acknowledged alert, most open act alerts first.</summary>
    /// <param name="kind">Therapist (a clinician's load), site or team; the key named at each episode's latest session.</param>
    /// <returns>One line per key (a line with a <see langword="null"/> key for episodes naming none), ordered by open act alerts, then open alerts, then key.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="kind"/> is not defined.</exception>
    public ImmutableArray<AlertLoad> LoadBy(CareKeyKind kind)
    {
        _ = CareKeys.None.Get(kind);
        return Alerts
            .Where(a => a.Status != AlertStatus.Resolved)
            .GroupBy(a => kind switch { CareKeyKind.Therapist => a.Therapist, CareKeyKind.Site => a.Site, _ => a.Team }, StringComparer.Ordinal)
            .Select(g => new AlertLoad(
                g.Key,
                g.Count(a => a.Status == AlertStatus.Open && a.Alert!.Severity == AlertSeverity.Act),
                g.Count(a => a.Status == AlertStatus.Open && a.Alert!.Severity == AlertSeverity.Watch),
                g.Count(a => a.Status == AlertStatus.Acknowledged),
                g.Count(a => a.Status == AlertStatus.Snoozed),
                g.Count(a => a.Status == AlertStatus.Dismissed),
                g.Where(a => a.Status is AlertStatus.Open or AlertStatus.Acknowledged).Select(a => a.Identity.EpisodeId).Distinct(StringComparer.Ordinal).Count()))
            .OrderByDescending(l => l.OpenAct)
            .ThenByDescending(l => l.Open)
            .ThenBy(l => l.Key, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    private static AlertLifecycleEvent? Last(IReadOnlyList<AlertLifecycleEvent> events)
    {
        AlertLifecycleEvent? last = null;
        foreach (AlertLifecycleEvent e in events)
        {
            if (last is null || e.At >= last.At)
            {
                last = e;
            }
        }

        return last;
    }
}
