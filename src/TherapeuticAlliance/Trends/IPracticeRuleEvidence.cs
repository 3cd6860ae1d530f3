using System.Collections.Immutable;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// The evidence of a feedback-informed practice rule met at a session (such as a drop from the previous session), as
/// the built-in drop-from-previous alert (<see cref="DropFromPreviousAlertRule"/>) reads it: any finding that implements
/// this interface feeds it, the built-in <see cref="PracticeRuleFinding"/> and a site's own rule alike.
/// </summary>
/// <remarks>An implementation is immutable and thread-safe, as every finding is.</remarks>
public interface IPracticeRuleEvidence
{
    /// <summary>Gets which rule was met.</summary>
    PracticeRule Kind { get; }

    /// <summary>Gets the sessions the rule concerns, in order (for a drop: the previous session, then the session of the drop).</summary>
    ImmutableArray<int> Sessions { get; }

    /// <summary>Gets a one-sentence summary, the alert's message.</summary>
    string Summary { get; }
}
