using System.Collections.Generic;
using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// Represents an alert: the current state of an episode that a rule flags (for example "SRS below 36 at the latest
/// session", "unrepaired rupture since session 7", "reliable deterioration"), with the sessions concerned, a stable
/// code and a severity. The history behind it stays in the findings: a state that lasts many sessions is one alert.
/// </summary>
/// <remarks>An alert is a prompt to look, not a clinical judgement. Messages never contain identifiers. This type is immutable and thread-safe.</remarks>
public sealed class Alert
{
    /// <summary>Initializes a new instance of the <see cref="Alert"/> class, for an alert rule of your own.</summary>
    /// <param name="rule">The name of the rule that fired.</param>
    /// <param name="sessions">The session numbers concerned, in order.</param>
    /// <param name="message">A neutral description of what fired, without identifiers or free text.</param>
    /// <param name="signalsStrain">Whether the alert signals strain in the partnership (a falling or low alliance), which guidance answers by inviting the client's criticism of the work.</param>
    /// <param name="severity">How urgent the state is; the default is <see cref="AlertSeverity.Watch"/>.</param>
    /// <param name="code">The stable code of the state, lower-case and hyphenated; <see langword="null"/> for <paramref name="rule"/>.</param>
    /// <exception cref="System.ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="System.ArgumentException">Thrown when <paramref name="rule"/>, <paramref name="message"/> or <paramref name="code"/> is blank, or <paramref name="severity"/> is not defined.</exception>
    public Alert(string rule, IEnumerable<int> sessions, string message, bool signalsStrain = false, AlertSeverity severity = AlertSeverity.Watch, string? code = null)
    {
        Rule = Guard.Against.NullOrWhiteSpace(rule);
        Sessions = Guard.Against.Null(sessions).ToImmutableArray();
        Message = Guard.Against.NullOrWhiteSpace(message);
        SignalsStrain = signalsStrain;
        Severity = Guard.Against.InvalidInput(severity, nameof(severity), static s => s is AlertSeverity.Watch or AlertSeverity.Act, "The severity is not defined.");
        Code = code is null ? rule : Guard.Against.NullOrWhiteSpace(code);
    }

    /// <summary>Gets the stable code of the state flagged, such as <c>unrepaired-rupture</c>; a built-in rule's code does not change when the rule is registered under another name.</summary>
    public string Code { get; }

    /// <summary>Gets how urgent the state is.</summary>
    public AlertSeverity Severity { get; }

    /// <summary>Gets the name of the alert rule that fired, such as <see cref="AlertRules.BelowCutoffRule"/>.</summary>
    public string Rule { get; }

    /// <summary>Gets the sessions concerned.</summary>
    public ImmutableArray<int> Sessions { get; }

    /// <summary>Gets a neutral description of what fired.</summary>
    public string Message { get; }

    /// <summary>
    /// Gets whether the alert signals strain in the partnership. The built-in rules below cutoff, drop from the previous
    /// session, unrepaired rupture, declining slope and sudden loss do; the client–therapist discrepancy rule does not
    /// (a difference in views is not in itself strain).
    /// </summary>
    public bool SignalsStrain { get; }

    /// <summary>Returns the rule and message.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Rule}: {Message}";
}
