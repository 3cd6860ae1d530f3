using System.Collections.Generic;
using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>Represents an alert: a rule over the findings of an episode that fired, with the sessions concerned.</summary>
/// <remarks>An alert is a prompt to look, not a clinical judgement. Messages never contain identifiers. This type is immutable and thread-safe.</remarks>
public sealed class Alert
{
    /// <summary>Initializes a new instance of the <see cref="Alert"/> class, for an alert rule of your own.</summary>
    /// <param name="rule">The name of the rule that fired.</param>
    /// <param name="sessions">The session numbers concerned, in order.</param>
    /// <param name="message">A neutral description of what fired, without identifiers or free text.</param>
    /// <param name="signalsStrain">Whether the alert signals strain in the partnership (a falling or low alliance), which guidance answers by inviting the client's criticism of the work.</param>
    /// <exception cref="System.ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="System.ArgumentException">Thrown when <paramref name="rule"/> or <paramref name="message"/> is blank.</exception>
    public Alert(string rule, IEnumerable<int> sessions, string message, bool signalsStrain = false)
    {
        Rule = Guard.Against.NullOrWhiteSpace(rule);
        Sessions = Guard.Against.Null(sessions).ToImmutableArray();
        Message = Guard.Against.NullOrWhiteSpace(message);
        SignalsStrain = signalsStrain;
    }

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
