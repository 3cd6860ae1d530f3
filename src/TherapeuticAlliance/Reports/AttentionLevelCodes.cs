using System;

namespace TherapeuticAlliance.Reports;

/// <summary>The stable codes of the attention levels, as the triage list writes them: <c>none</c>, <c>watch</c>, <c>act</c>.</summary>
/// <remarks>Codes are case-sensitive. <see cref="ToCode"/> throws on an undefined value. This type is thread-safe.</remarks>
public static class AttentionLevelCodes
{
    private static readonly AttentionLevel[] Values = { AttentionLevel.None, AttentionLevel.Watch, AttentionLevel.Act };

    /// <summary>Returns the code of an attention level.</summary>
    /// <param name="value">The level.</param>
    /// <returns>The code: <c>none</c>, <c>watch</c> or <c>act</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="value"/> is not a defined level.</exception>
    public static string ToCode(AttentionLevel value) => value switch
    {
        AttentionLevel.None => "none",
        AttentionLevel.Watch => "watch",
        AttentionLevel.Act => "act",
        _ => throw new ArgumentOutOfRangeException(nameof(value), "The value is not defined by its enumeration."),
    };

    /// <summary>Reads an attention level's code.</summary>
    /// <param name="code">The code.</param>
    /// <param name="value">The level, when the code is one.</param>
    /// <returns>Whether <paramref name="code"/> is a level's code.</returns>
    public static bool TryParse(string? code, out AttentionLevel value) => AllianceCodes.TryParse(code, Values, ToCode, out value);
}
