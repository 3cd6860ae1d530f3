using System.Globalization;
using System.Text;

namespace TherapeuticAlliance.Columnar;

/// <summary>Column names as they may appear in a message: they come from the file, so control and format characters are replaced and the length is capped.</summary>
internal static class Names
{
    private const int MaximumLength = 64;

    internal static string Clean(string name)
    {
        var builder = new StringBuilder(System.Math.Min(name.Length, MaximumLength + 1));
        foreach (char c in name)
        {
            if (builder.Length == MaximumLength)
            {
                builder.Append('…');
                break;
            }

            UnicodeCategory category = char.GetUnicodeCategory(c);
            builder.Append(category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator || char.IsSurrogate(c) ? '?' : c);
        }

        return builder.ToString();
    }
}
