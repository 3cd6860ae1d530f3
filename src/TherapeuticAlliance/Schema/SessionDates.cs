using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace TherapeuticAlliance.Schema;

/// <summary>
/// The one rule for a session's date in text, as every reader (CSV, Parquet and Arrow text columns, tidy tables) parses
/// it and every writer formats it: ISO 8601, a date (<c>2026-03-02</c>) or a date and time with <c>T</c> or a space
/// between them, minutes, seconds and fractions optional, with or without an offset (<c>Z</c>, <c>+01:00</c>).
/// </summary>
/// <remarks>
/// A date and time without an offset is taken as UTC, whatever the machine's time zone. A date and time with an offset
/// keeps it: the session's calendar date is the date the file states (<c>2026-01-06T00:30:00+01:00</c> is a session
/// on 6 January), never the date after conversion to UTC. This type is thread-safe.
/// </remarks>
public static class SessionDates
{
    /// <summary>Gets the accepted formats, in .NET custom format strings (invariant culture).</summary>
    public static ImmutableArray<string> IsoFormats { get; } = ImmutableArray.Create(
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK");

    /// <summary>Gets the format <see cref="Format"/> writes a date without a time of day in: <c>yyyy-MM-dd</c>.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Gets the format <see cref="Format"/> writes a date with a time of day or an offset in: <c>yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz</c>.</summary>
    public const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    /// <summary>Gets what a message says is expected of a date cell.</summary>
    public const string Expected = "an ISO 8601 date such as 2026-03-02, or a date and time such as 2026-03-02T10:15 or 2026-03-02 10:15:00 (with Z or an offset such as +01:00 when not UTC)";

    private static readonly string[] Formats = IsoFormats.ToArray();

    /// <summary>Parses a date cell.</summary>
    /// <param name="text">The cell's text; <see langword="null"/> or empty is no date, which is valid.</param>
    /// <param name="date">The date, or <see langword="null"/> when the cell is empty or not a date.</param>
    /// <param name="customFormat">A .NET custom format the file uses instead (such as <c>dd/MM/yyyy</c>), or <see langword="null"/> for <see cref="IsoFormats"/>.</param>
    /// <returns><see langword="true"/> when the cell is empty or a date; <see langword="false"/> when it is text that is not one.</returns>
    public static bool TryParse(string? text, out DateTimeOffset? date, string? customFormat = null)
    {
        date = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        bool parsed = customFormat is null
            ? DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value)
            : DateTimeOffset.TryParseExact(text, customFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
        if (parsed)
        {
            date = value;
        }

        return parsed;
    }

    /// <summary>Formats a session's date so that <see cref="TryParse"/> reads it back equal: <see cref="DateFormat"/> at midnight UTC, else <see cref="DateTimeFormat"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The text.</returns>
    public static string Format(DateTimeOffset date) =>
        date.Offset == TimeSpan.Zero && date.TimeOfDay == TimeSpan.Zero
            ? date.ToString(DateFormat, CultureInfo.InvariantCulture)
            : date.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
}
