
namespace TherapeuticAlliance.Columnar;

/// <summary>Column names as they may appear in a message: they come from the file, so control and format characters are replaced and the length is capped.</summary>
internal static class Names
{
    private const int MaximumLength = 64;

    internal static string Clean(string name) => SafeText.Clean(name, MaximumLength);
}
