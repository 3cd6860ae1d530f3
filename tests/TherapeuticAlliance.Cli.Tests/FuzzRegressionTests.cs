using TherapeuticAlliance.Fuzz;

namespace TherapeuticAlliance.Cli.Tests;

/// <summary>
/// The fuzzing corpus as ordinary tests: every seed and every committed regression input
/// (tests/TherapeuticAlliance.Fuzz/regressions) goes through the same target afl-fuzz runs, which throws when a parser
/// throws or returns a result that does not survive its own round trip.
/// </summary>
public sealed class FuzzRegressionTests
{
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (string kind in new[] { "seeds", "regressions" })
        {
            string root = Path.Combine(AppContext.BaseDirectory, "fuzz", kind);
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (string folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
            {
                foreach (string file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
                {
                    data.Add(Path.GetFileName(folder), Path.GetRelativePath(AppContext.BaseDirectory, file));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void EveryFuzzInput_IsHandledWithoutACrashOrAPartialResult(string target, string file)
    {
        Assert.True(FuzzTargets.All.ContainsKey(target), $"{file} is in a folder that names no target");
        FuzzTargets.All[target](File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, file)));
    }

    [Fact]
    public void TheCorpus_CoversEveryTarget()
    {
        var targets = Inputs().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(FuzzTargets.All.Keys.Order(StringComparer.Ordinal), targets.Order(StringComparer.Ordinal));
    }
}
