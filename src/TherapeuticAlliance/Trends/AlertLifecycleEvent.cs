using System;
using System.Globalization;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// One immutable event in an alert's life: acknowledged, dismissed with a reason, snoozed until a date or a session, or
/// reopened. An alert's status is derived from its events and from whether its state still holds
/// (<see cref="AlertLifecycle.StatusOf"/>); events are never edited, only added.
/// </summary>
/// <remarks>
/// Create events with <see cref="Acknowledge"/>, <see cref="Dismiss"/>, <see cref="SnoozeUntil(AlertIdentity, DateTimeOffset, DateTimeOffset, string?)"/>,
/// <see cref="SnoozeUntilSession"/> and <see cref="Reopen"/>. <see cref="Actor"/> (who acted) and <see cref="Reason"/> are
/// the host's own values, stored as given and never printed: <see cref="ToString"/> shows the action, the alert's code
/// and onset and the time only. This type is immutable and thread-safe.
/// </remarks>
public sealed class AlertLifecycleEvent
{
    private AlertLifecycleEvent(AlertIdentity alert, AlertAction action, DateTimeOffset at, string? actor, string? reason, DateTimeOffset? snoozedUntil, int? snoozedUntilSession)
    {
        Alert = alert;
        Action = action;
        At = at;
        Actor = actor;
        Reason = reason;
        SnoozedUntil = snoozedUntil;
        SnoozedUntilSession = snoozedUntilSession;
    }

    /// <summary>Gets the alert acted on.</summary>
    public AlertIdentity Alert { get; }

    /// <summary>Gets what was done.</summary>
    public AlertAction Action { get; }

    /// <summary>Gets when it was done; events of one alert apply in this order (ties in the order given).</summary>
    public DateTimeOffset At { get; }

    /// <summary>Gets who acted, in the host's own terms (a user or clinician key), or <see langword="null"/>. Never printed or logged by the library.</summary>
    public string? Actor { get; }

    /// <summary>Gets why an alert was dismissed, in the host's own terms (a reason code is best); <see langword="null"/> for the other actions. Never printed or logged by the library.</summary>
    public string? Reason { get; }

    /// <summary>Gets the moment a snooze ends (the alert is open again from it), or <see langword="null"/>.</summary>
    public DateTimeOffset? SnoozedUntil { get; }

    /// <summary>Gets the session a snooze lasts until: the alert is open again once the episode's latest session reaches it, or <see langword="null"/>.</summary>
    public int? SnoozedUntilSession { get; }

    /// <summary>Creates an acknowledgement.</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="at">When.</param>
    /// <param name="actor">Who, or <see langword="null"/>.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="alert"/> is <see langword="null"/>.</exception>
    public static AlertLifecycleEvent Acknowledge(AlertIdentity alert, DateTimeOffset at, string? actor = null) =>
        new(Guard.Against.Null(alert), AlertAction.Acknowledged, at, actor, null, null, null);

    /// <summary>Creates a dismissal with its reason.</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="at">When.</param>
    /// <param name="reason">Why; required (a reason code of the host's is best: it is stored, never printed).</param>
    /// <param name="actor">Who, or <see langword="null"/>.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="alert"/> or <paramref name="reason"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="reason"/> is blank.</exception>
    public static AlertLifecycleEvent Dismiss(AlertIdentity alert, DateTimeOffset at, string reason, string? actor = null) =>
        new(Guard.Against.Null(alert), AlertAction.Dismissed, at, actor, Guard.Against.NullOrWhiteSpace(reason), null, null);

    /// <summary>Creates a snooze until a moment.</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="at">When.</param>
    /// <param name="until">When the alert opens again; later than <paramref name="at"/>.</param>
    /// <param name="actor">Who, or <see langword="null"/>.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="alert"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="until"/> is not later than <paramref name="at"/>.</exception>
    public static AlertLifecycleEvent SnoozeUntil(AlertIdentity alert, DateTimeOffset at, DateTimeOffset until, string? actor = null)
    {
        Guard.Against.InvalidInput(until, nameof(until), u => u > at, "A snooze ends after it starts.");
        return new(Guard.Against.Null(alert), AlertAction.Snoozed, at, actor, null, until, null);
    }

    /// <summary>Creates a snooze until a session: the alert opens again once the episode's latest session reaches it.</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="at">When.</param>
    /// <param name="session">The session; after the alert's onset.</param>
    /// <param name="actor">Who, or <see langword="null"/>.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="alert"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="session"/> is not after the alert's onset.</exception>
    public static AlertLifecycleEvent SnoozeUntilSession(AlertIdentity alert, DateTimeOffset at, int session, string? actor = null)
    {
        Guard.Against.Null(alert);
        Guard.Against.InvalidInput(session, nameof(session), s => s > alert.Onset, "A snooze lasts until a session after the alert's onset.");
        return new(alert, AlertAction.Snoozed, at, actor, null, null, session);
    }

    /// <summary>Creates a reopening, which undoes an acknowledgement, dismissal or snooze.</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="at">When.</param>
    /// <param name="actor">Who, or <see langword="null"/>.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="alert"/> is <see langword="null"/>.</exception>
    public static AlertLifecycleEvent Reopen(AlertIdentity alert, DateTimeOffset at, string? actor = null) =>
        new(Guard.Against.Null(alert), AlertAction.Reopened, at, actor, null, null, null);

    /// <summary>Returns the action, the alert (code and onset, no identifier) and the time; never the actor or reason.</summary>
    /// <returns>For example <c>acknowledged: not-on-track on ors/client since session 4 at 2026-03-02T09:00:00.0000000+00:00</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}: {1} at {2:O}", AlertLifecycle.ToCode(Action), Alert, At);
}
