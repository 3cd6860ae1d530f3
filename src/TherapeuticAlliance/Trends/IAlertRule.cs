using System.Collections.Generic;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// Turns what is known about an episode (its scores, the detectors' findings and the other perspective's episode)
/// into alerts. The built-in rules implement it, and so can yours; <see cref="AlertRules"/> runs an ordered set of them.
/// </summary>
/// <remarks>
/// A rule has a stable <see cref="Name"/>, the <see cref="Alert.Rule"/> of the alerts it raises. It is deterministic and
/// thread-safe, returns no alert rather than throwing on data it does not apply to, and never puts identifiers or free
/// text into a message.
/// </remarks>
public interface IAlertRule
{
    /// <summary>Gets the rule's stable name, such as <c>below-cutoff</c>.</summary>
    string Name { get; }

    /// <summary>Evaluates the rule.</summary>
    /// <param name="context">The episode, its findings and the other perspective's episode.</param>
    /// <returns>The alerts raised, in session order; empty when the rule does not fire.</returns>
    IEnumerable<Alert> Evaluate(AlertContext context);
}
