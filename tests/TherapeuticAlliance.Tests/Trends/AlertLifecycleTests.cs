using System.Collections.Immutable;
using FsCheck;
using FsCheck.Xunit;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Tests.Care;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Trends;

/// <summary>
/// Issue 33, part 1: alerts with a stable identity across runs and an immutable lifecycle (acknowledged, dismissed with
/// a reason, snoozed until a date or session, reopened, resolved when the state ends) that triage reads, and each
/// clinician's alert load.
/// </summary>
public class AlertLifecycleTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>An SRS below the cutoff (36) from session 3 on: a "below-cutoff" watch alert since session 3.</summary>
    private static Episode LowAlliance(string id, string therapist, params double[] totals) =>
        CareKeysTests.Named(id, TrendTestData.Srs(totals), Enumerable.Repeat((therapist, "north"), totals.Length).ToArray());

    /// <summary>An ORS that falls by 15 points: reliable deterioration, an "act" alert from the intake on.</summary>
    private static Episode Deteriorating(string id, string therapist, params double[] totals)
    {
        Episode template = TrendTestData.Ors(totals);
        Episode episode = Episode.Create(id, template.Scores, template.Cutoff).GetValueOrThrow();
        return episode.WithCare(episode.Scores.ToDictionary(s => s.Occasion.SessionNumber, _ => new CareKeys(therapist, "north")));
    }

    private static ImmutableArray<AllianceReport> Run(params Episode[] episodes) => EpisodeAnalyzer.Default.AnalyzeCaseload(episodes);

    [Fact]
    public void TheSameState_IsTheSameAlert_AcrossRunsOfTheSameData_AndAsSessionsAreAdded()
    {
        AlertIdentity[] first = AlertBook.Track(Run(LowAlliance("A", "T1", 38, 38, 33, 32)), Array.Empty<AlertLifecycleEvent>(), Monday).Alerts.Select(a => a.Identity).ToArray();
        AlertIdentity[] again = AlertBook.Track(Run(LowAlliance("A", "T1", 38, 38, 33, 32)), Array.Empty<AlertLifecycleEvent>(), Monday).Alerts.Select(a => a.Identity).ToArray();
        Assert.NotEmpty(first);
        Assert.Equal(first, again);
        Assert.Equal(first.Select(i => i.Fingerprint), again.Select(i => i.Fingerprint));

        // One more low session: the state lasts, so the below-cutoff alert keeps its identity (onset 3).
        AlertIdentity below = first.Single(i => i.Code == "below-cutoff");
        Assert.Equal(("A", "srs", Perspective.Client, 3), (below.EpisodeId, below.InstrumentId, below.Perspective, below.Onset));
        AlertBook later = AlertBook.Track(Run(LowAlliance("A", "T1", 38, 38, 33, 32, 31)), Array.Empty<AlertLifecycleEvent>(), Monday);
        Assert.Contains(later.Alerts, a => a.Identity.Equals(below));

        // The state ends (back above 36) and begins again (two low sessions, as the rule asks): a new onset, a new alert.
        AlertBook relapse = AlertBook.Track(Run(LowAlliance("A", "T1", 38, 38, 33, 32, 37, 38, 34, 33)), Array.Empty<AlertLifecycleEvent>(), Monday);
        Assert.Equal(7, relapse.Alerts.Single(a => a.Identity.Code == "below-cutoff").Identity.Onset);
    }

    [Fact]
    public void TheFingerprint_IsStableAcrossVersionsAndPlatforms_AndCarriesNoIdentifier()
    {
        var identity = new AlertIdentity("C001", "srs", Perspective.Client, "below-cutoff", 3);

        // SHA-256 of "4:C0013:srs6:client12:below-cutoff1:3", first 16 bytes (printf '%s' ... | sha256sum | cut -c1-32).
        Assert.Matches("^[0-9a-f]{32}$", identity.Fingerprint);
        Assert.Equal(Sha256Prefix("4:C0013:srs6:client12:below-cutoff1:3"), identity.Fingerprint);
        Assert.Equal(identity.Fingerprint, new AlertIdentity("C001", "srs", Perspective.Client, "below-cutoff", 3).Fingerprint);
        Assert.NotEqual(identity.Fingerprint, new AlertIdentity("C001", "srs", Perspective.Client, "below-cutoff", 4).Fingerprint);
        Assert.DoesNotContain("C001", identity.Fingerprint + identity + new TrackedAlert(identity, null, AlertStatus.Resolved, null), StringComparison.Ordinal);
        Assert.Equal("below-cutoff on srs/client since session 3", identity.ToString());

        // Equality is by every part; a set keys on it.
        var parts = new[]
        {
            identity,
            new AlertIdentity("C002", "srs", Perspective.Client, "below-cutoff", 3),
            new AlertIdentity("C001", "ors", Perspective.Client, "below-cutoff", 3),
            new AlertIdentity("C001", "srs", Perspective.Therapist, "below-cutoff", 3),
            new AlertIdentity("C001", "srs", Perspective.Client, "not-on-track", 3),
            new AlertIdentity("C001", "srs", Perspective.Client, "below-cutoff", 4),
        };
        Assert.Equal(parts.Length, new HashSet<AlertIdentity>(parts).Count);
        Assert.All(parts.Skip(1), other => Assert.False(identity.Equals(other) || identity == other || other.Equals((object)identity)));
        var same = new AlertIdentity("C001", "srs", Perspective.Client, "below-cutoff", 3);
        Assert.True(identity == same && !(identity != same) && identity.Equals((object)same) && identity.GetHashCode() == same.GetHashCode());
        Assert.Contains(same, new HashSet<AlertIdentity>(parts));
        Assert.False(identity.Equals(null) || identity == null || null == identity);
        Assert.True((AlertIdentity?)null == null);
        Assert.Equal(7, AlertIdentity.Of(TrendTestData.Srs(30, 31), new Alert("r", new[] { 9, 7, 8 }, "m")).Onset);
        Assert.Equal(0, AlertIdentity.Of(TrendTestData.Srs(30, 31), new Alert("r", Array.Empty<int>(), "m")).Onset);
        Assert.Equal(0, AlertIdentity.Of(TrendTestData.Srs(30, 31), new Alert("r", new[] { -2, 5 }, "m")).Onset);   // a rule of one's own naming no real session

        Assert.Throws<ArgumentException>(() => new AlertIdentity(" ", "srs", Perspective.Client, "c", 1));
        Assert.Contains("The perspective is not defined.", Assert.Throws<ArgumentException>(() => new AlertIdentity("e", "srs", (Perspective)9, "c", 1)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("alert", () => AlertIdentity.Of(TrendTestData.Srs(30, 31), null!));
        Assert.Throws<ArgumentException>(() => new AlertIdentity("e", "srs", Perspective.Client, "c", -1));
        Assert.Throws<ArgumentNullException>(() => AlertIdentity.Of(null!, new Alert("r", new[] { 1 }, "m")));
    }

    private static string Sha256Prefix(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..32].ToLowerInvariant();

    [Fact]
    public void Events_GiveTheStatus_LatestFirst_SnoozesEnd_AndAnEndedStateIsResolved()
    {
        var alert = new AlertIdentity("A", "srs", Perspective.Client, "below-cutoff", 3);
        Assert.Equal(AlertStatus.Open, AlertLifecycle.StatusOf(alert, true, Array.Empty<AlertLifecycleEvent>(), Monday, 4));
        var acknowledged = AlertLifecycleEvent.Acknowledge(alert, Monday, "u1");
        Assert.Equal(AlertStatus.Acknowledged, AlertLifecycle.StatusOf(alert, true, new[] { acknowledged }, Monday, 4));
        var dismissed = AlertLifecycleEvent.Dismiss(alert, Monday.AddHours(1), "not-clinically-relevant", "u1");
        Assert.Equal(AlertStatus.Dismissed, AlertLifecycle.StatusOf(alert, true, new[] { dismissed, acknowledged }, Monday.AddDays(1), 4));   // by time, not by order
        Assert.Equal(AlertStatus.Open, AlertLifecycle.StatusOf(alert, true, new[] { acknowledged, dismissed, AlertLifecycleEvent.Reopen(alert, Monday.AddHours(2)) }, Monday.AddDays(1), 4));

        var untilFriday = AlertLifecycleEvent.SnoozeUntil(alert, Monday, Monday.AddDays(4));
        Assert.Equal(AlertStatus.Snoozed, AlertLifecycle.StatusOf(alert, true, new[] { untilFriday }, Monday.AddDays(3), 4));
        Assert.Equal(AlertStatus.Open, AlertLifecycle.StatusOf(alert, true, new[] { untilFriday }, Monday.AddDays(4), 4));
        var untilSession6 = AlertLifecycleEvent.SnoozeUntilSession(alert, Monday, 6);
        Assert.Equal(AlertStatus.Snoozed, AlertLifecycle.StatusOf(alert, true, new[] { untilSession6 }, Monday.AddDays(30), 5));
        Assert.Equal(AlertStatus.Open, AlertLifecycle.StatusOf(alert, true, new[] { untilSession6 }, Monday, 6));

        // Whatever was done, a state that no longer holds is resolved; other alerts' events do not count.
        Assert.Equal(AlertStatus.Resolved, AlertLifecycle.StatusOf(alert, false, new[] { dismissed }, Monday, 4));
        var other = new AlertIdentity("A", "srs", Perspective.Client, "below-cutoff", 4);
        Assert.Equal(AlertStatus.Open, AlertLifecycle.StatusOf(other, true, new[] { dismissed }, Monday, 4));

        // Guards: a reason is required, a snooze ends after it starts and after the onset; no event prints its actor or reason.
        Assert.Throws<ArgumentException>(() => AlertLifecycleEvent.Dismiss(alert, Monday, " "));
        Assert.Contains("A snooze ends after it starts.", Assert.Throws<ArgumentException>(() => AlertLifecycleEvent.SnoozeUntil(alert, Monday, Monday)).Message, StringComparison.Ordinal);
        Assert.Contains("A snooze lasts until a session after the alert's onset.", Assert.Throws<ArgumentException>(() => AlertLifecycleEvent.SnoozeUntilSession(alert, Monday, 3)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("alert", () => AlertLifecycleEvent.SnoozeUntilSession(null!, Monday, 3));
        Assert.Throws<ArgumentNullException>("alert", () => AlertLifecycleEvent.SnoozeUntil(null!, Monday, Monday.AddDays(1)));
        Assert.Throws<ArgumentNullException>("alert", () => AlertLifecycleEvent.Acknowledge(null!, Monday));
        Assert.Throws<ArgumentNullException>("alert", () => AlertLifecycleEvent.Reopen(null!, Monday));
        Assert.Throws<ArgumentNullException>("alert", () => AlertLifecycle.StatusOf(null!, true, Array.Empty<AlertLifecycleEvent>(), Monday, 4));
        Assert.Throws<ArgumentNullException>("events", () => AlertLifecycle.StatusOf(alert, true, null!, Monday, 4));
        Assert.Throws<ArgumentNullException>("events", () => AlertLifecycle.StatusOf(alert, true, new AlertLifecycleEvent[] { null! }, Monday, 4));
        Assert.Equal("dismissed: below-cutoff on srs/client since session 3 at 2026-03-02T10:00:00.0000000+00:00", dismissed.ToString());
        Assert.All(new[] { acknowledged, dismissed, untilFriday, untilSession6 }, e => Assert.DoesNotContain("u1", e.ToString(), StringComparison.Ordinal));
        Assert.All(Enum.GetValues<AlertStatus>(), s => Assert.True(AlertLifecycle.TryParse(AlertLifecycle.ToCode(s), out AlertStatus back) && back == s));
        Assert.All(Enum.GetValues<AlertAction>(), a => Assert.True(AlertLifecycle.TryParse(AlertLifecycle.ToCode(a), out AlertAction back) && back == a));
        Assert.False(AlertLifecycle.TryParse("Open", out AlertStatus _));
        Assert.False(AlertLifecycle.TryParse("Acknowledged", out AlertAction _));
        Assert.False(AlertLifecycle.TryParse(null, out AlertAction _));
        Assert.Equal(new[] { "open", "acknowledged", "snoozed", "dismissed", "resolved" }, new[] { AlertStatus.Open, AlertStatus.Acknowledged, AlertStatus.Snoozed, AlertStatus.Dismissed, AlertStatus.Resolved }.Select(AlertLifecycle.ToCode));
        Assert.Equal(new[] { "acknowledged", "dismissed", "snoozed", "reopened" }, new[] { AlertAction.Acknowledged, AlertAction.Dismissed, AlertAction.Snoozed, AlertAction.Reopened }.Select(AlertLifecycle.ToCode));
        Assert.Throws<ArgumentOutOfRangeException>(() => AlertLifecycle.ToCode((AlertStatus)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => AlertLifecycle.ToCode((AlertAction)9));

        // The events keep what they were given.
        Assert.Equal((AlertAction.Dismissed, "not-clinically-relevant", "u1", (DateTimeOffset?)null, (int?)null), (dismissed.Action, dismissed.Reason, dismissed.Actor, dismissed.SnoozedUntil, dismissed.SnoozedUntilSession));
        Assert.Equal((AlertAction.Snoozed, (DateTimeOffset?)Monday.AddDays(4), (int?)null, (string?)null), (untilFriday.Action, untilFriday.SnoozedUntil, untilFriday.SnoozedUntilSession, untilFriday.Reason));
        Assert.Equal((AlertAction.Snoozed, (DateTimeOffset?)null, (int?)6), (untilSession6.Action, untilSession6.SnoozedUntil, untilSession6.SnoozedUntilSession));
        Assert.Equal((AlertAction.Acknowledged, Monday, alert), (acknowledged.Action, acknowledged.At, acknowledged.Alert));

        // Equal events at the same moment: the later given wins.
        Assert.Equal(AlertStatus.Acknowledged, AlertLifecycle.StatusOf(alert, true, new[] { AlertLifecycleEvent.Dismiss(alert, Monday, "r"), AlertLifecycleEvent.Acknowledge(alert, Monday) }, Monday, 4));
        Assert.Equal(AlertStatus.Dismissed, AlertLifecycle.StatusOf(alert, true, new[] { AlertLifecycleEvent.Acknowledge(alert, Monday), AlertLifecycleEvent.Dismiss(alert, Monday, "r") }, Monday, 4));
    }

    [Property(MaxTest = 200)]
    public bool TheStatus_IsTheLatestEvents_WhateverOrderTheEventsComeIn(PositiveInt[] minutes, bool raised)
    {
        // Law: the status depends on the set of events, not on the order they are given (ties aside: distinct times here).
        var alert = new AlertIdentity("A", "srs", Perspective.Client, "below-cutoff", 3);
        int[] distinct = minutes.Select(m => m.Get % 10_000).Distinct().ToArray();
        AlertLifecycleEvent[] events = distinct.Select((m, i) => (i % 3) switch
        {
            0 => AlertLifecycleEvent.Acknowledge(alert, Monday.AddMinutes(m)),
            1 => AlertLifecycleEvent.Dismiss(alert, Monday.AddMinutes(m), "r"),
            _ => AlertLifecycleEvent.Reopen(alert, Monday.AddMinutes(m)),
        }).ToArray();
        AlertStatus forward = AlertLifecycle.StatusOf(alert, raised, events, Monday.AddDays(30), 9);
        AlertStatus backward = AlertLifecycle.StatusOf(alert, raised, events.Reverse(), Monday.AddDays(30), 9);
        AlertStatus expected = !raised ? AlertStatus.Resolved
            : events.Length == 0 ? AlertStatus.Open
            : events.MaxBy(e => e.At)!.Action switch { AlertAction.Acknowledged => AlertStatus.Acknowledged, AlertAction.Dismissed => AlertStatus.Dismissed, _ => AlertStatus.Open };
        return forward == backward && forward == expected;
    }

    [Fact]
    public void Triage_ReadsTheStatus_AcknowledgedDropsToWatch_DismissedIsListedApart_AndTheLoadCountsPerClinician()
    {
        ImmutableArray<AllianceReport> reports = Run(Deteriorating("MRN-A", "T1", 30, 26, 20, 15), Deteriorating("MRN-B", "T1", 31, 25, 19, 14), LowAlliance("MRN-C", "T2", 38, 38, 33, 32));
        ImmutableArray<TriageEntry> before = CaseloadTriage.Episodes(reports);
        Assert.Equal(AttentionLevel.Act, before.Single(e => e.EpisodeId == "MRN-A").Level);
        Assert.Equal(before, CaseloadTriage.Episodes(reports, AlertBook.Empty), new TriageComparer());    // no book: every alert open

        AlertBook untouched = AlertBook.Track(reports, Array.Empty<AlertLifecycleEvent>(), Monday);
        TrackedAlert a = untouched.Alerts.First(t => t.Identity.EpisodeId == "MRN-A" && t.Alert!.Severity == AlertSeverity.Act);
        TrackedAlert b = untouched.Alerts.First(t => t.Identity.EpisodeId == "MRN-B" && t.Alert!.Severity == AlertSeverity.Act);
        Assert.All(untouched.Alerts, t => Assert.Equal(AlertStatus.Open, t.Status));

        var events = untouched.Alerts.Where(t => t.Identity.EpisodeId == "MRN-A").Select(t => AlertLifecycleEvent.Acknowledge(t.Identity, Monday, "u1"))
            .Concat(untouched.Alerts.Where(t => t.Identity.EpisodeId == "MRN-B").Select(t => AlertLifecycleEvent.Dismiss(t.Identity, Monday, "already-addressed", "u1")))
            .Append(AlertLifecycleEvent.Acknowledge(new AlertIdentity("Z", "ors", Perspective.Client, "not-on-track", 2), Monday))   // an alert this run no longer raises
            .ToArray();
        AlertBook book = AlertBook.Track(reports, events, Monday.AddHours(1));
        Assert.Equal(AlertStatus.Acknowledged, book.StatusOf(a.Identity));
        Assert.Equal(AlertStatus.Dismissed, book.StatusOf(b.Identity));
        Assert.Equal(AlertStatus.Resolved, book.Alerts.Last().Status);
        Assert.Null(book.Alerts.Last().Alert);
        Assert.Equal(AlertStatus.Resolved, book.StatusOf(new AlertIdentity("nobody", "srs", Perspective.Client, "x", 1)));

        ImmutableArray<TriageEntry> after = CaseloadTriage.Episodes(reports, book);
        TriageEntry entryA = after.Single(e => e.EpisodeId == "MRN-A");
        TriageEntry entryB = after.Single(e => e.EpisodeId == "MRN-B");
        Assert.Equal(AttentionLevel.Watch, entryA.Level);                     // acknowledged: drops to watch, reasons kept
        Assert.Equal(before.Single(e => e.EpisodeId == "MRN-A").Reasons.ToArray(), entryA.Reasons.ToArray());
        Assert.Equal(AttentionLevel.None, entryB.Level);                      // dismissed: listed apart
        Assert.Empty(entryB.Reasons);
        Assert.Contains(b.Identity.Code + " (dismissed)", entryB.SetAside);
        Assert.Equal("MRN-B", after[^1].EpisodeId);                               // the dismissed client now ranks last
        Assert.Equal("MRN-A", before[0].EpisodeId);
        TriageEntry clientB = CaseloadTriage.Clients(reports, book).Single(e => e.EpisodeId == "MRN-B");
        Assert.Contains("ors/client:" + b.Identity.Code + " (dismissed)", clientB.SetAside);

        // Per-clinician load: T1 has nothing open (one acknowledged client, one dismissed), T2 one open watch.
        ImmutableArray<AlertLoad> load = book.LoadBy(CareKeyKind.Therapist);
        AlertLoad t1 = load.Single(l => l.Key == "T1");
        AlertLoad t2 = load.Single(l => l.Key == "T2");
        Assert.Equal((0, 0, book.Alerts.Count(t => t.Identity.EpisodeId == "MRN-A"), 0, book.Alerts.Count(t => t.Identity.EpisodeId == "MRN-B"), 1), (t1.OpenAct, t1.OpenWatch, t1.Acknowledged, t1.Snoozed, t1.Dismissed, t1.Clients));
        Assert.True(t2.OpenWatch >= 1);
        Assert.Equal("T2", load[0].Key);
        Assert.Single(book.LoadBy(CareKeyKind.Site));
        Assert.Throws<ArgumentOutOfRangeException>(() => book.LoadBy((CareKeyKind)9));
        Assert.All(book.Alerts.Select(t => t.ToString()).Concat(events.Select(e => e.ToString())).Concat(load.Select(l => l.ToString())), text =>
        {
            Assert.DoesNotContain("MRN", text, StringComparison.Ordinal);
            Assert.DoesNotContain("u1", text, StringComparison.Ordinal);
            Assert.DoesNotContain("already-addressed", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void TheHtmlReport_ReadsTheStatus_InTheAttentionListAndEachClientsAlerts_WithoutTheActorOrReason()
    {
        ImmutableArray<AllianceReport> reports = Run(Deteriorating("MRN-A", "T1", 30, 26, 20, 15), Deteriorating("MRN-B", "T1", 31, 25, 19, 14));
        AlertBook untouched = AlertBook.Track(reports, Array.Empty<AlertLifecycleEvent>(), Monday);
        AlertLifecycleEvent[] events = untouched.Alerts.Select(t => t.Identity.EpisodeId == "MRN-A"
            ? AlertLifecycleEvent.Acknowledge(t.Identity, Monday, "clinician-17")
            : AlertLifecycleEvent.Dismiss(t.Identity, Monday, "reason-code-9", "clinician-17")).ToArray();

        string Page(CaseloadReportOptions options)
        {
            var pages = new Dictionary<string, StringWriter>();
            CaseloadHtmlReport.Write("r.html", name => pages[name] = new StringWriter(), reports, options);
            return pages["r.html"].ToString();
        }

        string before = Page(new CaseloadReportOptions { Generated = Monday });
        string after = Page(new CaseloadReportOptions { Generated = Monday.AddHours(1), AlertEvents = events });
        Assert.DoesNotContain("<span class=\"status\">", before, StringComparison.Ordinal);
        Assert.Contains("<span class=\"status\">acknowledged.</span>", after, StringComparison.Ordinal);
        Assert.Contains("<span class=\"status\">dismissed.</span>", after, StringComparison.Ordinal);
        Assert.Contains(", acknowledged (", after, StringComparison.Ordinal);          // the attention list's reason says so
        Assert.DoesNotContain("clinician-17", after, StringComparison.Ordinal);
        Assert.DoesNotContain("reason-code-9", after, StringComparison.Ordinal);
        Assert.True(Regex(before, "badge act") > Regex(after, "badge act"), "acknowledged and dismissed alerts no longer count at act");

        // Events for a moment after the report's: a snooze that has not begun to run out is honoured as of AlertsAsOf.
        AlertLifecycleEvent[] snoozed = untouched.Alerts.Select(t => AlertLifecycleEvent.SnoozeUntil(t.Identity, Monday, Monday.AddDays(7))).ToArray();
        Assert.Contains("<span class=\"status\">snoozed.</span>", Page(new CaseloadReportOptions { Generated = Monday.AddDays(1), AlertEvents = snoozed }), StringComparison.Ordinal);
        Assert.DoesNotContain("<span class=\"status\">", Page(new CaseloadReportOptions { Generated = Monday.AddDays(1), AlertEvents = snoozed, AlertsAsOf = Monday.AddDays(8) }), StringComparison.Ordinal);
    }

    private static int Regex(string text, string pattern) => System.Text.RegularExpressions.Regex.Count(text, pattern);

    private sealed class TriageComparer : IEqualityComparer<TriageEntry>
    {
        public bool Equals(TriageEntry? x, TriageEntry? y) =>
            x is not null && y is not null && x.EpisodeId == y.EpisodeId && x.Level == y.Level && x.Reasons.SequenceEqual(y.Reasons) && x.LatestSession == y.LatestSession && x.ActReasons == y.ActReasons;

        public int GetHashCode(TriageEntry obj) => obj.EpisodeId.GetHashCode(StringComparison.Ordinal);
    }
}
