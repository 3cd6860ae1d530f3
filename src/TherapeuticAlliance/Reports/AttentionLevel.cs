namespace TherapeuticAlliance.Reports;

/// <summary>How much of a clinician's attention an episode or a client needs now, from its alerts' severities.</summary>
public enum AttentionLevel
{
    /// <summary>No alert: nothing to look at now.</summary>
    None = 1,

    /// <summary>At least one <see cref="Trends.AlertSeverity.Watch"/> alert and none that calls for action.</summary>
    Watch = 2,

    /// <summary>At least one <see cref="Trends.AlertSeverity.Act"/> alert.</summary>
    Act = 3,
}
