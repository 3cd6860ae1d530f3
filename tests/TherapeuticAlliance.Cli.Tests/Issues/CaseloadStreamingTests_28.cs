using System.Text.RegularExpressions;

namespace TherapeuticAlliance.Cli.Tests.Issues;

/// <summary>
/// Issue 28, part 6: a file grouped by client (as exports write it) is streamed through triage, grouping and the
/// report in two passes; any other file is read in memory, with a note. Both give the same results; every problem is
/// written once; an administration given twice is found either way.
/// </summary>
public sealed class CaseloadStreamingTests_28 : CliTestBase
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "samples", "alliance-sample.csv");

    /// <summary>The sample's rows with every administration's rows together, administrations in session order: a file sorted by date, not by client.</summary>
    private string BySession(string name)
    {
        string[] lines = System.IO.File.ReadAllLines(Sample);
        var administrations = lines.Skip(1)
            .GroupBy(l => string.Join(',', l.Split(',')[..5]))
            .OrderBy(g => int.Parse(g.Key.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture))
            .SelectMany(g => g);
        Directory.CreateDirectory(Path.Combine(Dir, "by-session"));
        string path = Path.Combine(Dir, "by-session", name);
        System.IO.File.WriteAllLines(path, lines.Take(1).Concat(administrations));
        return path;
    }

    [Theory]
    [InlineData("triage", "--by", "client")]
    [InlineData("triage", "--by", "episode")]
    [InlineData("triage", "--by", "therapist")]
    [InlineData("triage", "--by", "site", "--caseload-norms", "always")]
    [InlineData("triage", "--by", "client", "--therapist", "T02")]
    [InlineData("triage", "--by", "client", "--caseload-norms", "never")]
    public void AFileGroupedByClient_IsStreamed_AndGivesWhatTheInMemoryRunGives(params string[] options)
    {
        string other = BySession("alliance-sample.csv");
        var (code, streamed, streamedError) = Run(new[] { options[0], Sample }.Concat(options.Skip(1)).ToArray());
        var (otherCode, inMemory, inMemoryError) = Run(new[] { options[0], other }.Concat(options.Skip(1)).ToArray());
        Assert.Equal(0, code);
        Assert.Equal(0, otherCode);
        Assert.DoesNotContain("not grouped by client", streamedError, StringComparison.Ordinal);
        Assert.Contains("note: the file is not grouped by client: a client's rows resume at line", inMemoryError, StringComparison.Ordinal);
        Assert.Contains("read into memory instead", inMemoryError, StringComparison.Ordinal);
        Assert.True(streamed.Split('\n').Length > 3, "the output has rows");
        Assert.Equal(inMemory, streamed);
        Assert.Equal(Regex.Replace(inMemoryError, "note: .*\n", string.Empty), streamedError);
    }

    [Theory]
    [InlineData("25")]
    [InlineData("100")]
    public void TheReportOfAStreamedFile_IsTheReportOfTheInMemoryRun(string clientsPerPage)
    {
        string other = BySession("alliance-sample.csv");
        string streamedIndex = Path.Combine(Dir, "streamed", "report.html");
        string inMemoryIndex = Path.Combine(Dir, "in-memory", "report.html");
        Directory.CreateDirectory(Path.GetDirectoryName(streamedIndex)!);
        Directory.CreateDirectory(Path.GetDirectoryName(inMemoryIndex)!);
        Assert.Equal(0, Run("report", Sample, "--output", streamedIndex, "--by", "therapist", "--clients-per-page", clientsPerPage).Code);
        Assert.Equal(0, Run("report", other, "--output", inMemoryIndex, "--by", "therapist", "--clients-per-page", clientsPerPage).Code);

        // The time it was made differs, and chart identifiers are numbered in the order clients were read.
        static string Page(string path) => Regex.Replace(Regex.Replace(System.IO.File.ReadAllText(path), "[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}(:[0-9]{2})?", "T"), "chart-[0-9]+", "chart-n");
        string[] pages = Directory.GetFiles(Path.GetDirectoryName(streamedIndex)!).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        Assert.Equal(pages, Directory.GetFiles(Path.GetDirectoryName(inMemoryIndex)!).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(clientsPerPage == "25" ? 4 : 1, pages.Length);
        foreach (string page in pages)
        {
            Assert.Equal(Page(Path.Combine(Path.GetDirectoryName(inMemoryIndex)!, page)), Page(Path.Combine(Path.GetDirectoryName(streamedIndex)!, page)));
        }

        Assert.Contains("id=\"overview\"", System.IO.File.ReadAllText(streamedIndex), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryProblemOfAStreamedFile_IsWrittenOnce_AndCountedOnce()
    {
        string csv = "episode,session,date,perspective,instrument,item,value\n" +
            string.Concat(Enumerable.Range(1, 3).SelectMany(s => Enumerable.Range(1, 4).Select(i => $"E1,{s},2026-01-0{s},client,srs,{i},{(s == 2 && i == 3 ? "eleven" : "9")}\n"))) +
            string.Concat(Enumerable.Range(1, 3).SelectMany(s => Enumerable.Range(1, 4).Select(i => $"E2,{s},2026-01-0{s},client,srs,{i},8\n")));
        var (code, output, error) = Run("triage", File("one-bad.csv", csv));
        Assert.Equal(AllianceCli.Partial, code);
        Assert.DoesNotContain("not grouped by client", error, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(error, "one-bad.csv:8: column 'value'"));
        Assert.Single(Regex.Matches(error, "20 rows accepted, 4 rows rejected."));
        Assert.Single(Regex.Matches(error, "5 administrations scored, 1 administrations rejected."));
        Assert.Contains("2 clients: ", error, StringComparison.Ordinal);
        Assert.Equal(3, output.Trim().Split('\n').Length);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AnAdministrationGivenTwice_IsFound_WhetherOrNotTheFileIsGroupedByClient(bool grouped)
    {
        string E(string episode, int session) => string.Concat(Enumerable.Range(1, 4).Select(i => $"{episode},{session},2026-01-0{session},client,srs,{i},9\n"));
        string csv = "episode,session,date,perspective,instrument,item,value\n" + (grouped
            ? E("E1", 1) + E("E1", 2) + E("E1", 1) + E("E2", 1) + E("E2", 2)
            : E("E1", 1) + E("E2", 1) + E("E1", 2) + E("E2", 2) + E("E1", 1));
        var (code, _, error) = Run("triage", File("twice.csv", csv));
        Assert.Equal(AllianceCli.Partial, code);
        Assert.Contains("the same episode, session, perspective and instrument also stand at line", error, StringComparison.Ordinal);
        Assert.Contains("12 rows accepted, 8 rows rejected.", error, StringComparison.Ordinal);
        Assert.Equal(!grouped, error.Contains("not grouped by client", StringComparison.Ordinal));
    }

    [Fact]
    public void AnalyzesJson_CarriesEachSessionsTherapistAndSite_InSchema21()
    {
        var (code, output, _) = Run("analyze", Sample, "--output-format", "json");
        Assert.Equal(0, code);
        using var reports = System.Text.Json.JsonDocument.Parse(output);
        System.Text.Json.JsonElement first = reports.RootElement[0];
        Assert.Equal("2.1", first.GetProperty("schemaVersion").GetString());
        Assert.Equal("C001", first.GetProperty("episodeId").GetString());
        Assert.Equal("T01", first.GetProperty("sessions")[0].GetProperty("therapist").GetString());
        Assert.Equal("north", first.GetProperty("sessions")[0].GetProperty("site").GetString());
    }
}
