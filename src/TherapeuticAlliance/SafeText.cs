using System;
using System.Globalization;
using System.Text;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance;

/// <summary>
/// Makes text from outside (a file's name, a column header, a note read from a partial) safe to write into a message
/// or a page line: the one rule every reader and the command line use.
/// </summary>
/// <remarks>This type is thread-safe.</remarks>
public static class SafeText
{
    /// <summary>Replaces control, format, line and paragraph separator characters and lone surrogates with '?', and cuts the text to <paramref name="maxLength"/> characters (an ellipsis marks a cut).</summary>
    /// <param name="text">The text.</param>
    /// <param name="maxLength">The most characters kept before the ellipsis; 1 or more.</param>
    /// <returns>The cleaned text.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="maxLength"/> is less than 1.</exception>
    public static string Clean(string text, int maxLength)
    {
        Guard.Against.Null(text);
        Guard.Against.NegativeOrZero(maxLength);
        var builder = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        foreach (char c in text)
        {
            if (builder.Length == maxLength)
            {
                builder.Append('\u2026');
                break;
            }

            UnicodeCategory category = char.GetUnicodeCategory(c);
            builder.Append(category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator || char.IsSurrogate(c) ? '?' : c);
        }

        return builder.ToString();
    }
}
