namespace TherapeuticAlliance.Cli.Tests.Issues;

/// <summary>
/// Issue 26, parts 4 and 5: a European spreadsheet export reads in one run; repeated row errors are summarised by
/// kind; a partial result exits 3 (0 with --allow-partial) and the report says so on its first screen.
/// </summary>
public sealed class PartialDataAndConventionsTests_26 : CliTestBase
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "samples", "alliance-sample.csv");

    /// <summary>The sample's first four clients as a European spreadsheet writes them: ';', decimal commas, dd.MM.yyyy.</summary>
    private string EuropeanExport()
    {
        string[] lines = System.IO.File.ReadAllLines(Sample);
        var clients = lines.Skip(1).Select(l => l.Split(',')[0]).Distinct().Take(4).ToHashSet();
        var rows = lines.Skip(1).Where(l => clients.Contains(l.Split(',')[0])).Select(l =>
        {
            string[] c = l.Split(',');
            string[] date = c[2].Split('-');
            c[2] = $"{date[2]}.{date[1]}.{date[0]}";
            c[8] = c[8].Replace('.', ',');
            return string.Join(';', c);
        });
        return File("export.csv", lines[0].Replace(',', ';') + "\n" + string.Join("\n", rows) + "\n");
    }

    [Fact]
    public void AEuropeanExport_ReadsInOneRun_WithOneNoteNamingEveryConvention()
    {
        string path = EuropeanExport();
        var (code, scores, err) = Run("score", path);
        Assert.Equal(0, code);
        Assert.Contains("note: export.csv: read with --delimiter ';' --decimal-comma --date-format 'dd.MM.yyyy'", err);
        Assert.Contains("864 rows accepted, 0 rows rejected.", err);
        Assert.DoesNotContain("error:", err);

        // The same rows as the comma file: the learnt conventions change how the file is read, not what it says.
        var (_, stated, _) = Run("score", path, "--delimiter", ";", "--decimal-comma", "--date-format", "dd.MM.yyyy");
        Assert.Equal(stated, scores);
    }

    [Fact]
    public void RepeatedRowErrors_AreWrittenAFewTimes_ThenCountedInOneLinePerKind()
    {
        string[] lines = System.IO.File.ReadAllLines(Sample);
        string bad = string.Join("\n", lines.Select((l, i) => i > 0 && i % 7 == 0 ? string.Join(',', l.Split(',')[..8]) + ",x" : l)) + "\n";
        var (code, _, err) = Run("score", File("bad.csv", bad));
        Assert.Equal(AllianceCli.Partial, code);
        string[] errors = err.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, errors.Count(e => e.Contains("column 'value': expected a number", StringComparison.Ordinal) && !e.Contains("problems of this kind", StringComparison.Ordinal)));
        string kind = Assert.Single(errors, e => e.Contains("problems of this kind", StringComparison.Ordinal));
        Assert.StartsWith("error: bad.csv: 1543 problems of this kind, first at lines 8, 15, 22, 29, 43: column 'value': expected a number", kind);
        Assert.True(errors.Length < 10, "one kind of problem is never written 50 times");
    }

    [Fact]
    public void APartialResult_ExitsThree_OrZeroWhenAllowed_AndTheReportSaysSoFirst()
    {
        string[] lines = System.IO.File.ReadAllLines(Sample);
        string partial = File("partial.csv", string.Join("\n", lines.Select((l, i) => i is > 0 and <= 24 ? l.Replace(",srs,", ",unknown-instrument,", StringComparison.Ordinal) : l)) + "\n");
        var (code, _, err) = Run("score", partial);
        Assert.Equal(AllianceCli.Partial, code);
        Assert.Contains("Exit code 3: partial", err);
        Assert.Equal(0, Run("score", partial, "--allow-partial").Code);
        Assert.Equal(0, Run("score", Sample).Code);

        string page = Path.Combine(Dir, "report.html");
        Assert.Equal(AllianceCli.Partial, Run("report", partial, "--output", page).Code);
        string html = System.IO.File.ReadAllText(page);
        int warning = html.IndexOf("<p class=\"partial-data\" role=\"alert\"><strong>Partial data.</strong> 12 of 12960 rows and 3 administrations were left out", StringComparison.Ordinal);
        Assert.True(warning > 0, "the first screen says the data is partial");
        Assert.True(warning < html.IndexOf("Who needs attention", StringComparison.Ordinal), "before any count");
        Assert.Contains("<h3 id=\"data-used\">", html, StringComparison.Ordinal);

        string whole = Path.Combine(Dir, "whole.html");
        Assert.Equal(0, Run("report", Sample, "--output", whole).Code);
        Assert.DoesNotContain("partial-data\" role", System.IO.File.ReadAllText(whole), StringComparison.Ordinal);
    }

    /// <summary>Part 4: a client whose data was partly rejected is marked as such wherever it appears.</summary>
    [Fact]
    public void AClientThatLostData_IsMarkedInTheReportAndInTriage_AndNoLogNamesIt()
    {
        string[] lines = System.IO.File.ReadAllLines(Sample);
        string client = lines[1].Split(',')[0];
        // The first client's first 24 rows name an instrument the catalog does not know: 3 of its SRS administrations are lost.
        string partial = File("partial.csv", string.Join("\n", lines.Select((l, i) => i is > 0 and <= 24 ? l.Replace(",srs,", ",unknown-instrument,", StringComparison.Ordinal) : l)) + "\n");

        string page = Path.Combine(Dir, "report.html");
        var (code, _, err) = Run("report", partial, "--output", page);
        Assert.Equal(AllianceCli.Partial, code);
        Assert.DoesNotContain(client, err, StringComparison.Ordinal);   // problems name lines, never clients
        string html = System.IO.File.ReadAllText(page);
        Assert.Contains("1 client(s) lost data and are marked &quot;Partial data&quot;", html, StringComparison.Ordinal);
        string mark = "<span class=\"badge partial\"";
        int section = html.IndexOf("-name\">" + client + "</span>", StringComparison.Ordinal);
        Assert.True(section > 0);
        Assert.Contains(mark, html[section..html.IndexOf("</h2>", section, StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html, System.Text.RegularExpressions.Regex.Escape(mark)));   // its section and its place in the attention list (or the no-alert list)
        // The badge's meaning in words in the client's section, not only in a tooltip (browser review).
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "Partial data: some of this client's ratings were left out"));

        var (_, triage, _) = Run("triage", partial, "--allow-partial");
        string[] rows = triage.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",data_left_out", rows[0], StringComparison.Ordinal);
        Assert.Single(rows.Skip(1), r => r.EndsWith(",1", StringComparison.Ordinal));
        Assert.EndsWith(",1", rows.Single(r => r.Split(',')[1] == client), StringComparison.Ordinal);
        Assert.All(rows.Skip(1).Where(r => r.Split(',')[1] != client), r => Assert.EndsWith(",0", r, StringComparison.Ordinal));

        // A complete file marks no one.
        string whole = Path.Combine(Dir, "whole.html");
        Assert.Equal(0, Run("report", Sample, "--output", whole).Code);
        Assert.DoesNotContain(mark, System.IO.File.ReadAllText(whole), StringComparison.Ordinal);
    }
}
