using System.Globalization;

namespace TherapeuticAlliance.Tests.TestHelpers;

/// <summary>
/// Reads the R-computed oracle files. The repository carries a copy under Oracles/ so the suite runs on a bare
/// clone; when ../shared/oracles is present (as in CI), a test checks the copy has not drifted from it.
/// </summary>
internal static class OracleFiles
{
    public static string Local(string fileName) => Path.Combine(AppContext.BaseDirectory, "Oracles", fileName);

    public static string? Shared(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "oracles", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static IReadOnlyDictionary<string, double> ReadExpected(string fileName)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Local(fileName)).Skip(1))
        {
            string[] parts = line.Split(',');
            values[parts[0].Trim()] = double.Parse(parts[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return values;
    }

    public static List<decimal[]> ReadMatrix(string fileName)
    {
        var rows = new List<decimal[]>();
        foreach (string line in File.ReadLines(Local(fileName)).Skip(1))
        {
            rows.Add(line.Split(',').Select(v => decimal.Parse(v, NumberStyles.Number, CultureInfo.InvariantCulture)).ToArray());
        }

        return rows;
    }
}
