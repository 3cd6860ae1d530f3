namespace TherapeuticAlliance.Trends;

/// <summary>How urgently an alert asks for a clinician's attention; a caseload's triage ranks episodes by it.</summary>
/// <remarks>
/// The levels are a design choice that follows the domain reference's advice on alert fatigue (§D: repeated and
/// low-value alerts lower uptake; a drop rule "defaults to advisory severity, not red"): <see cref="Act"/> is kept for
/// states that rest on a reliable-change criterion, <see cref="Watch"/> for practice rules and trends.
/// </remarks>
public enum AlertSeverity
{
    /// <summary>Worth a look at the next session: a practice rule or a trend (below the cutoff, a one-point drop, a declining slope).</summary>
    Watch = 1,

    /// <summary>Calls for action now: an unrepaired alliance rupture, or reliable deterioration of an outcome measure.</summary>
    Act = 2,
}
