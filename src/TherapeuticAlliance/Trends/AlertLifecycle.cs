using System;
using System.Collections.Generic;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>Derives an alert's status from whether its state still holds and from its lifecycle events.</summary>
/// <remarks>
/// The rule: an alert that is no longer raised is <see cref="AlertStatus.Resolved"/>, whatever was done with it. A raised
/// alert takes the status of its latest event (by <see cref="AlertLifecycleEvent.At"/>, ties in the order given):
/// acknowledged, dismissed, or snoozed while the snooze lasts (before its moment, or while the episode's latest session
/// is before its session), and open with no event, after a reopening, or once a snooze has run out. Pure functions;
/// thread-safe.
/// </remarks>
public static class AlertLifecycle
{
    /// <summary>Gets an alert's status.</summary>
    /// <param name="alert">The alert.</param>
    /// <param name="raised">Whether its state holds in the current run (a rule raised an alert of this identity).</param>
    /// <param name="events">Lifecycle events; those of other alerts are ignored.</param>
    /// <param name="asOf">The moment the status is for (snoozes until a moment end at it).</param>
    /// <param name="latestSession">The episode's latest session (snoozes until a session end when it is reached).</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="alert"/> or <paramref name="events"/> is, or contains, <see langword="null"/>.</exception>
    public static AlertStatus StatusOf(AlertIdentity alert, bool raised, IEnumerable<AlertLifecycleEvent> events, DateTimeOffset asOf, int latestSession)
    {
        Guard.Against.Null(alert);
        Guard.Against.Null(events);
        AlertLifecycleEvent? last = null;
        foreach (AlertLifecycleEvent e in events)
        {
            Guard.Against.Null(e, nameof(events));
            if (e.Alert.Equals(alert) && (last is null || e.At >= last.At))
            {
                last = e;
            }
        }

        if (!raised)
        {
            return AlertStatus.Resolved;
        }

        return last?.Action switch
        {
            AlertAction.Acknowledged => AlertStatus.Acknowledged,
            AlertAction.Dismissed => AlertStatus.Dismissed,
            AlertAction.Snoozed when (last.SnoozedUntil is { } until && asOf < until) || (last.SnoozedUntilSession is { } session && latestSession < session) => AlertStatus.Snoozed,
            _ => AlertStatus.Open,
        };
    }

    /// <summary>Gets the stable code of an action: <c>acknowledged</c>, <c>dismissed</c>, <c>snoozed</c>, <c>reopened</c>.</summary>
    /// <param name="action">The action.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="action"/> is not defined.</exception>
    public static string ToCode(AlertAction action) => action switch
    {
        AlertAction.Acknowledged => "acknowledged",
        AlertAction.Dismissed => "dismissed",
        AlertAction.Snoozed => "snoozed",
        AlertAction.Reopened => "reopened",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "The action is not defined."),
    };

    /// <summary>Gets the stable code of a status: <c>open</c>, <c>acknowledged</c>, <c>snoozed</c>, <c>dismissed</c>, <c>resolved</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="status"/> is not defined.</exception>
    public static string ToCode(AlertStatus status) => status switch
    {
        AlertStatus.Open => "open",
        AlertStatus.Acknowledged => "acknowledged",
        AlertStatus.Snoozed => "snoozed",
        AlertStatus.Dismissed => "dismissed",
        AlertStatus.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "The status is not defined."),
    };

    /// <summary>Parses a status code written by <see cref="ToCode(AlertStatus)"/>.</summary>
    /// <param name="code">The code.</param>
    /// <param name="status">The status, when the code is one.</param>
    /// <returns>Whether the code is a status's.</returns>
    public static bool TryParse(string? code, out AlertStatus status)
    {
        foreach (AlertStatus candidate in new[] { AlertStatus.Open, AlertStatus.Acknowledged, AlertStatus.Snoozed, AlertStatus.Dismissed, AlertStatus.Resolved })
        {
            if (string.Equals(code, ToCode(candidate), StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = AlertStatus.Open;
        return false;
    }

    /// <summary>Parses an action code written by <see cref="ToCode(AlertAction)"/>.</summary>
    /// <param name="code">The code.</param>
    /// <param name="action">The action, when the code is one.</param>
    /// <returns>Whether the code is an action's.</returns>
    public static bool TryParse(string? code, out AlertAction action)
    {
        foreach (AlertAction candidate in new[] { AlertAction.Acknowledged, AlertAction.Dismissed, AlertAction.Snoozed, AlertAction.Reopened })
        {
            if (string.Equals(code, ToCode(candidate), StringComparison.Ordinal))
            {
                action = candidate;
                return true;
            }
        }

        action = AlertAction.Acknowledged;
        return false;
    }
}
