using Xunit.Abstractions;

namespace TherapeuticAlliance.Cli.Tests.Signals;

/// <summary>
/// Issue 32's measurement: each expected-response candidate fitted on a history of a grid cell and judged on another
/// caseload of the cell, with the seeds the default was chosen on and, apart, seeds kept unseen while choosing. The
/// cells are those of the signal grid that change the outcome series (the others change the SRS only). The tables are
/// the ones published in docs/expected-response.md (set TA_WRITE_GRID to that file to rewrite them), so the published
/// figures cannot drift from the code. Not a timed test: it counts.
/// </summary>
public sealed class ExpectedResponseGridTests
{
    private const string TuningMarker = "<!-- expected-response grid: tuning seeds -->";
    private const string HeldOutMarker = "<!-- expected-response grid: held-out seeds -->";
    private const string CrossValidationMarker = "<!-- expected-response grid: the fit's cross-validation -->";
    private readonly ITestOutputHelper _output;

    public ExpectedResponseGridTests(ITestOutputHelper output) => _output = output;

    /// <summary>The cells that change the ORS series: noise, length, missed sessions, skewed and uneven noise, spacing.</summary>
    public static SimulationCell[] Cells { get; } = SimulationCell.Grid.Where((_, i) => i is 0 or 1 or 2 or 4 or 9 or 13).ToArray();

    [Fact]
    public void TheGrid_IsThePublishedOne_AndTheDefaultMeetsTheTargetsOnTheTuningSeeds_AndItsPrecisionFlagBudgetAndCoverageHeldOut()
    {
        ExpectedResponseCellFigures[] tuning = Cells.SelectMany(c => ExpectedResponseGrid.Run(c, ExpectedResponseGrid.TuningSeeds)).ToArray();
        if (Environment.GetEnvironmentVariable("TA_GRID_TUNING_ONLY") == "1")
        {
            _output.WriteLine(ExpectedResponseGrid.Table(tuning));
            Assert.Fail("TA_GRID_TUNING_ONLY=1: tuning table written, held-out seeds not run.");
        }

        ExpectedResponseCellFigures[] heldOut = Cells.SelectMany(c => ExpectedResponseGrid.Run(c, ExpectedResponseGrid.HeldOutSeeds)).ToArray();
        string tuningTable = ExpectedResponseGrid.Table(tuning), heldOutTable = ExpectedResponseGrid.Table(heldOut), crossValidation = ExpectedResponseGrid.CrossValidation(Cells);
        _output.WriteLine(crossValidation);
        _output.WriteLine(tuningTable);
        _output.WriteLine(heldOutTable);
        if (Environment.GetEnvironmentVariable("TA_WRITE_GRID") is { Length: > 0 } target)
        {
            File.WriteAllText(target, Replace(Replace(Replace(File.ReadAllText(target), TuningMarker, tuningTable), HeldOutMarker, heldOutTable), CrossValidationMarker, crossValidation));
        }

        string published = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "expected-response.md")).ReplaceLineEndings("\n");
        Assert.Contains(TuningMarker + "\n" + tuningTable, published, StringComparison.Ordinal);
        Assert.Contains(HeldOutMarker + "\n" + heldOutTable, published, StringComparison.Ordinal);
        Assert.Contains(CrossValidationMarker + "\n" + crossValidation, published, StringComparison.Ordinal);
        // The default meets every target of issue 32 on the seeds it was chosen on; on the held-out seeds its precision,
        // flag budget and coverage hold too, and its recall is published (0.84 where the ORS is noisiest).
        Assert.All(tuning.Where(f => f.Candidate == ExpectedResponseGrid.Candidates[0].Name), f => Assert.True(f.MeetsTargets, $"{f.Cell}: {f.ToMarkdownRow()}"));
        Assert.All(heldOut.Where(f => f.Candidate == ExpectedResponseGrid.Candidates[0].Name), f =>
        {
            Assert.True(f.Precision >= 0.8, $"{f.Cell}: precision {f.Precision:0.00}");
            Assert.True(f.FlagRate <= 0.15, $"{f.Cell}: flag rate {f.FlagRate:0.000}");
            Assert.True(Math.Abs(f.Coverage - f.Nominal) <= 0.02, $"{f.Cell}: coverage {f.Coverage:0.000}");
            Assert.True(f.Recall >= 0.8, $"{f.Cell}: recall {f.Recall:0.00}");
        });
    }

    private static string Replace(string text, string marker, string table)
    {
        text = text.ReplaceLineEndings("\n");
        int start = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/expected-response.md has no marker {marker}");
        int from = start + marker.Length + 1;
        int end = from;
        while (end < text.Length && text[end] == '|')
        {
            end = text.IndexOf('\n', end) + 1;
        }

        return string.Concat(text.AsSpan(0, from), table, text.AsSpan(end));
    }
}
