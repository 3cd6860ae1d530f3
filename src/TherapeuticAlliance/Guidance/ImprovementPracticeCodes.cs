using System;

namespace TherapeuticAlliance.Guidance;

/// <summary>
/// The stable codes of the improvement practices, as reports write them: <c>joint-goals</c>, <c>honest-communication</c>,
/// <c>interest-in-experiences</c>, <c>support</c>, <c>openness-to-criticism</c>, <c>respect-for-autonomy</c>,
/// <c>safe-setting</c>.
/// </summary>
/// <remarks>Codes are case-sensitive. <see cref="ToCode"/> throws on an undefined value. This type is thread-safe.</remarks>
public static class ImprovementPracticeCodes
{
    private static readonly ImprovementPractice[] Values = { ImprovementPractice.JointGoals, ImprovementPractice.HonestCommunication, ImprovementPractice.InterestInExperiences, ImprovementPractice.Support, ImprovementPractice.OpennessToCriticism, ImprovementPractice.RespectForAutonomy, ImprovementPractice.SafeSetting };

    /// <summary>Returns the code of a practice.</summary>
    /// <param name="value">The practice.</param>
    /// <returns>The code, such as <c>joint-goals</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="value"/> is not a defined practice.</exception>
    public static string ToCode(ImprovementPractice value) => value switch
    {
        ImprovementPractice.JointGoals => "joint-goals",
        ImprovementPractice.HonestCommunication => "honest-communication",
        ImprovementPractice.InterestInExperiences => "interest-in-experiences",
        ImprovementPractice.Support => "support",
        ImprovementPractice.OpennessToCriticism => "openness-to-criticism",
        ImprovementPractice.RespectForAutonomy => "respect-for-autonomy",
        ImprovementPractice.SafeSetting => "safe-setting",
        _ => throw new ArgumentOutOfRangeException(nameof(value), "The value is not defined by its enumeration."),
    };

    /// <summary>Reads a practice's code.</summary>
    /// <param name="code">The code.</param>
    /// <param name="value">The practice, when the code is one.</param>
    /// <returns>Whether <paramref name="code"/> is a practice's code.</returns>
    public static bool TryParse(string? code, out ImprovementPractice value) => AllianceCodes.TryParse(code, Values, ToCode, out value);
}
