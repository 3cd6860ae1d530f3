using System;

namespace TherapeuticAlliance.Trends;

/// <summary>The stable codes of the alert severities, as reports and the command line write them: <c>watch</c>, <c>act</c>.</summary>
/// <remarks>Codes are case-sensitive. <see cref="ToCode"/> throws on an undefined value. This type is thread-safe.</remarks>
public static class AlertSeverityCodes
{
    private static readonly AlertSeverity[] Values = { AlertSeverity.Watch, AlertSeverity.Act };

    /// <summary>Returns the code of a severity.</summary>
    /// <param name="value">The severity.</param>
    /// <returns>The code: <c>watch</c> or <c>act</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="value"/> is not a defined severity.</exception>
    public static string ToCode(AlertSeverity value) => value switch
    {
        AlertSeverity.Watch => "watch",
        AlertSeverity.Act => "act",
        _ => throw new ArgumentOutOfRangeException(nameof(value), "The value is not defined by its enumeration."),
    };

    /// <summary>Reads a severity's code.</summary>
    /// <param name="code">The code.</param>
    /// <param name="value">The severity, when the code is one.</param>
    /// <returns>Whether <paramref name="code"/> is a severity's code.</returns>
    public static bool TryParse(string? code, out AlertSeverity value) => AllianceCodes.TryParse(code, Values, ToCode, out value);
}
