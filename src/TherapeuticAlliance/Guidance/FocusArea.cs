using System;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Guidance;

/// <summary>A focus area suggested to the clinician, with what triggered it.</summary>
/// <remarks>Worded as a prompt for reflection, not as clinical advice. This type is immutable and thread-safe.</remarks>
public sealed class FocusArea
{
    /// <summary>Initializes a new instance of the <see cref="FocusArea"/> class; for custom providers.</summary>
    /// <param name="practice">The practice.</param>
    /// <param name="prompt">The prompt for the clinician.</param>
    /// <param name="trigger">What triggered it: a dimension identifier or a finding's or alert's rule name.</param>
    /// <param name="reason">Why, in one sentence.</param>
    /// <exception cref="ArgumentException">Thrown when a text is null or blank.</exception>
    public FocusArea(ImprovementPractice practice, string prompt, string trigger, string reason)
    {
        Practice = practice;
        Prompt = Guard.Against.NullOrWhiteSpace(prompt);
        Trigger = Guard.Against.NullOrWhiteSpace(trigger);
        Reason = Guard.Against.NullOrWhiteSpace(reason);
    }

    /// <summary>Gets the practice.</summary>
    public ImprovementPractice Practice { get; }

    /// <summary>Gets the prompt for the clinician.</summary>
    public string Prompt { get; }

    /// <summary>Gets what triggered the focus area: a dimension identifier or a rule name.</summary>
    public string Trigger { get; }

    /// <summary>Gets why the focus area was suggested.</summary>
    public string Reason { get; }

    /// <summary>Returns the practice and prompt.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Practice}: {Prompt}";
}
