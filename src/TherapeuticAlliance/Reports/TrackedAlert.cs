using System.Globalization;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Reports;

/// <summary>An alert with its identity and current status in one run (<see cref="AlertBook"/>).</summary>
/// <param name="Identity">The alert's stable identity.</param>
/// <param name="Alert">The alert as raised in this run; <see langword="null"/> when <see cref="Status"/> is <see cref="AlertStatus.Resolved"/>.</param>
/// <param name="Status">The status derived from the run and the alert's events (<see cref="AlertLifecycle.StatusOf"/>).</param>
/// <param name="LastEvent">The alert's latest lifecycle event, or <see langword="null"/>.</param>
/// <remarks>Immutable and thread-safe. <see cref="ToString"/> carries no identifier, actor or reason.</remarks>
public sealed record TrackedAlert(AlertIdentity Identity, Alert? Alert, AlertStatus Status, AlertLifecycleEvent? LastEvent)
{
    /// <summary>Gets the therapist named at the episode's latest session, or <see langword="null"/>.</summary>
    public string? Therapist { get; init; }

    /// <summary>Gets the site named at the episode's latest session, or <see langword="null"/>.</summary>
    public string? Site { get; init; }

    /// <summary>Gets the team named at the episode's latest session, or <see langword="null"/>.</summary>
    public string? Team { get; init; }

    /// <summary>
    /// Gets the severity triage counts the alert at: its own when open, at most <see cref="AlertSeverity.Watch"/> when
    /// acknowledged, and none (<see langword="null"/>) when snoozed, dismissed or resolved.
    /// </summary>
    public AlertSeverity? CountedSeverity => Status switch
    {
        AlertStatus.Open => Alert?.Severity,
        AlertStatus.Acknowledged => Alert is null ? null : AlertSeverity.Watch,
        _ => null,
    };

    /// <summary>Returns the identity (code, instrument, perspective, onset) and the status; never the episode's identifier.</summary>
    /// <returns>For example <c>unrepaired-rupture on srs/client since session 5: acknowledged</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}: {1}", Identity, AlertLifecycle.ToCode(Status));
}
