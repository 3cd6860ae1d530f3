namespace TherapeuticAlliance.Trends;

/// <summary>An alert's current status, derived from whether its state still holds and from its lifecycle events (<see cref="AlertLifecycle.StatusOf"/>).</summary>
public enum AlertStatus
{
    /// <summary>Raised, and nobody has acted on it (or it was reopened, or its snooze ran out).</summary>
    Open = 0,

    /// <summary>Raised and acknowledged: triage counts it at "watch".</summary>
    Acknowledged = 1,

    /// <summary>Raised and snoozed until a date or session not yet reached: listed apart.</summary>
    Snoozed = 2,

    /// <summary>Raised and dismissed with a reason: listed apart.</summary>
    Dismissed = 3,

    /// <summary>No longer raised: the state it flagged has ended (whatever was done with it).</summary>
    Resolved = 4,
}
