using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Tests.TestHelpers;

namespace TherapeuticAlliance.Tests;

/// <summary>Runs the code in the README and the docs, so they cannot rot.</summary>
public class DocumentationTests
{
    [Fact]
    public void ReadmeQuickStart_CompilesAndRuns()
    {
        string output = SnippetRunner.Run(SnippetRunner.Block("README.md", "## Quick start", "csharp"));
        Assert.Contains("SRS total 36", output);
        Assert.Contains("below cutoff: False", output);
        Assert.Contains("WAI-SR mean 4", output);
        Assert.Contains("goal 4", output);
    }

    [Fact]
    public void ExtendingDetectorAndAlertRuleExample_CompilesAndRuns()
    {
        string output = SnippetRunner.Run(SnippetRunner.Block(Path.Combine("docs", "extending.md"), "## Worked example: a detector and an alert rule of your own", "csharp"));
        Assert.Contains("Session 3: the lowest score so far (38).; Session 5: the lowest score so far (37.5).", output);
        Assert.Contains("A new lowest score.; A new lowest score.", output);
        Assert.Contains("OpennessToCriticism", output);
    }

    [Fact]
    public void ExtendingWorkedExample_CompilesAndRuns() =>
        Assert.Contains("top-box: 50%", SnippetRunner.Run(SnippetRunner.Block(Path.Combine("docs", "extending.md"), "## Worked example", "csharp")));

    [Fact]
    public void ConsortiumFromCode_BuildsWritesReadsAndMergesSitePartials_WithoutTheCli() =>
        Assert.Contains("2 sites, n 180; merged equals pooled: True", SnippetRunner.Run(SnippetRunner.Block(Path.Combine("docs", "consortium.md"), "### From code", "csharp")));

    [Fact]
    public void ReportFromCode_WritesTheCaseloadPage_WithoutTheCli() =>
        Assert.Contains("report.html: rupture flagged", SnippetRunner.Run(SnippetRunner.Block(Path.Combine("docs", "report.md"), "## From code", "csharp")));

    [Fact]
    public void InstrumentsJsonExample_Parses()
    {
        Instrument instrument = InstrumentDefinition.Parse(SnippetRunner.Block(Path.Combine("docs", "instruments.md"), "Or as JSON", "json")).GetValueOrThrow();
        Assert.Equal("site-wai", instrument.Id);
        Assert.True(instrument.FindItem("3")!.IsReversed);
    }

    [Fact]
    public void InstrumentsBuilderExample_Builds()
    {
        string code = "using System; using TherapeuticAlliance; using TherapeuticAlliance.Instruments;\n"
            + SnippetRunner.Block(Path.Combine("docs", "instruments.md"), "With the builder:", "csharp")
            + "\nConsole.WriteLine(wai.Items.Length);";
        Assert.Equal("36", SnippetRunner.Run(code).Trim());
    }
}
