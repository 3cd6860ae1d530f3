namespace TherapeuticAlliance.Utilities;

internal static class Identifiers
{
    internal const string Rule = "Identifiers have 1 to 64 characters: lower-case letters, digits, '-', '_' or '.'.";
    internal const string ItemRule = "Item identifiers have 1 to 64 characters: letters, digits, '-', '_' or '.'.";

    internal static bool IsValid(string? id) => IsValid(id, allowUpper: false);

    internal static bool IsValidItem(string? id) => IsValid(id, allowUpper: true);

    private static bool IsValid(string? id, bool allowUpper)
    {
        if (id is null || id.Length is 0 or > 64)
        {
            return false;
        }

        foreach (char c in id)
        {
            bool ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.'
                || (allowUpper && c is >= 'A' and <= 'Z');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

}
