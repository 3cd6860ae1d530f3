namespace TherapeuticAlliance.Trends;

/// <summary>What a clinician did with an alert (<see cref="AlertLifecycleEvent"/>).</summary>
public enum AlertAction
{
    /// <summary>Seen and being dealt with: the alert stays while its state lasts, at "watch" rather than "act" (<see cref="AlertStatus.Acknowledged"/>).</summary>
    Acknowledged = 0,

    /// <summary>Judged not to need action, with a reason: listed apart from the caseload's attention (<see cref="AlertStatus.Dismissed"/>).</summary>
    Dismissed = 1,

    /// <summary>Set aside until a date or a session: listed apart until then, open again after (<see cref="AlertStatus.Snoozed"/>).</summary>
    Snoozed = 2,

    /// <summary>Undoes an earlier acknowledgement, dismissal or snooze: the alert is open again.</summary>
    Reopened = 3,
}
