using System.Net;
using TherapeuticAlliance.Tables;

[assembly: CollectionBehavior(DisableTestParallelization = true)]   // a notebook runs in its own folder, as in Jupyter

namespace TherapeuticAlliance.Notebooks.Tests;

/// <summary>
/// Executes the two notebooks in notebooks/ cell by cell in the .NET Interactive C# kernel and checks their outputs:
/// each result shows as the library's HTML (found through the formatter convention by name, with no package of
/// .NET Interactive referenced by the library), key numbers are R's, and every output equals the one saved in the
/// notebook, so the executed examples a reader opens are the ones this build produces. After a deliberate change,
/// run with <c>TA_UPDATE_NOTEBOOKS=1</c> to save the new outputs.
/// </summary>
public class NotebookTests
{
    private static readonly string[] Assemblies =
    {
        typeof(Assessment).Assembly.Location,
        typeof(TidyTable).Assembly.Location,
    };

    private static async Task<IReadOnlyList<CellOutput>> Run(string name)
    {
        string path = Path.Combine(NotebookRunner.Root, "notebooks", name);
        IReadOnlyList<CellOutput> outputs = await NotebookRunner.RunAsync(path, Assemblies);
        Assert.All(outputs, o => Assert.True(o.Error is null, $"cell {o.Index} failed: {o.Error}"));
        if (Environment.GetEnvironmentVariable("TA_UPDATE_NOTEBOOKS") == "1")
        {
            NotebookRunner.Save(path, outputs);
        }

        return outputs;
    }

    /// <summary>The repository's VersionPrefix, the version its packs carry.</summary>
    private static string PackageVersion() =>
        System.Xml.Linq.XDocument.Load(Path.Combine(NotebookRunner.Root, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

    private static string Html(CellOutput cell) => Assert.Single(cell.Displays)["text/html"];

    [Fact]
    public async Task ReliabilityAndAgreement_ShowsPsychsNumbers_AsTheLibrarysHtml()
    {
        IReadOnlyList<CellOutput> cells = await Run("reliability-and-agreement.ipynb");
        Assert.StartsWith("// setup", cells[0].Source, StringComparison.Ordinal);
        Assert.Contains($"#r \"nuget: TherapeuticAlliance.Tables, {PackageVersion()}\"", cells[0].Source, StringComparison.Ordinal);   // the version the repository packs
        Assert.Equal("400 clients × 12 items\n", cells[1].StandardOutput.Replace("\r\n", "\n", StringComparison.Ordinal));

        string alpha = Html(cells[2]);
        Assert.StartsWith("<div class=\"therapeutic-alliance instrument-reliability\">", alpha, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">raw_alpha</th><td>0.8825</td>", alpha, StringComparison.Ordinal);   // psych: 0.88247
        Assert.Contains("<h4>Task</h4>", alpha, StringComparison.Ordinal);
        Assert.Contains("<td>0.8195</td>", alpha, StringComparison.Ordinal);                                   // Task: 0.81955

        string icc = Html(cells[3]);
        Assert.Contains("<th scope=\"row\">ICC2</th><td>0.6784</td><td>6.7269</td>", icc, StringComparison.Ordinal);   // psych: 0.67842, F 6.72694
        string ba = Html(cells[4]);
        Assert.Contains("<th scope=\"row\">bias (mean difference)</th><td>3.0407</td>", ba, StringComparison.Ordinal);

        string tidy = Html(cells[5]);
        Assert.StartsWith("<div class=\"therapeutic-alliance tidy-table\">", tidy, StringComparison.Ordinal);
        Assert.Contains("<td>ICC2</td><td>icc</td><td>0.678416</td>", tidy, StringComparison.Ordinal);

        AssertSameAsSaved("reliability-and-agreement.ipynb", cells);
    }

    [Fact]
    public async Task CaseloadTrends_ShowsTriageAReportWithItsChart_AndTheRuptures()
    {
        IReadOnlyList<CellOutput> cells = await Run("caseload-trends.ipynb");
        Assert.StartsWith("80 episodes, 960 sessions, ", cells[1].StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"#r \"nuget: TherapeuticAlliance.Tables, {PackageVersion()}\"", cells[0].Source, StringComparison.Ordinal);

        string triage = Html(cells[2]);
        Assert.Contains("<th scope=\"col\">level</th>", triage, StringComparison.Ordinal);
        Assert.Contains("<td>act</td>", triage, StringComparison.Ordinal);

        string report = Html(cells[3]);
        Assert.StartsWith("<div class=\"therapeutic-alliance report\">", report, StringComparison.Ordinal);
        Assert.Contains("<svg", report, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", report, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">act</th>", report, StringComparison.Ordinal);   // an alert at the act level

        string ruptures = Html(cells[4]);
        Assert.Contains("<td>rupture</td>", ruptures, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", string.Concat(cells.SelectMany(c => c.Displays).SelectMany(d => d.Values)), StringComparison.OrdinalIgnoreCase);

        AssertSameAsSaved("caseload-trends.ipynb", cells);
    }

    /// <summary>The outputs saved in the notebook are this build's: the executed examples cannot drift.</summary>
    private static void AssertSameAsSaved(string name, IReadOnlyList<CellOutput> fresh)
    {
        IReadOnlyList<CellOutput> saved = NotebookRunner.Saved(Path.Combine(NotebookRunner.Root, "notebooks", name));
        Assert.Equal(fresh.Count, saved.Count);
        for (int i = 0; i < fresh.Count; i++)
        {
            Assert.Equal(saved[i].Source, fresh[i].Source);
            Assert.Equal(saved[i].StandardOutput, fresh[i].StandardOutput);
            Assert.Equal(saved[i].Displays.Count, fresh[i].Displays.Count);
            for (int d = 0; d < fresh[i].Displays.Count; d++)
            {
                Assert.True(saved[i].Displays[d].TryGetValue("text/html", out string? html), $"{name}, cell {fresh[i].Index}: no saved HTML; run with TA_UPDATE_NOTEBOOKS=1");
                Assert.Equal(WebUtility.HtmlDecode(html), WebUtility.HtmlDecode(fresh[i].Displays[d]["text/html"]));
            }
        }
    }
}
