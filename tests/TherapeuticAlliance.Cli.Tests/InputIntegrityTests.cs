using System.Globalization;
using System.Text;
using TherapeuticAlliance.Tables;

namespace TherapeuticAlliance.Cli.Tests;

/// <summary>Nothing is dropped without a trace, parsing is strict and explicit, and output is all or nothing (issue 11).</summary>
public sealed class InputIntegrityTests : CliTestBase
{
    private const string Long = "episode,session,date,perspective,instrument,item,value\n";
    private const string Wide = "episode,session,date,perspective,instrument,1,2,3,4\n";

    /// <summary>One wide SRS row per session, dated weekly from 2026-01-05 unless a date is given.</summary>
    private static string SrsSeries(string episode, decimal[] totals, Func<int, string>? date = null) => string.Concat(totals.Select((t, i) =>
    {
        string d = date?.Invoke(i + 1) ?? new DateTime(2026, 1, 5).AddDays(7 * i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string v = (t / 4).ToString(CultureInfo.InvariantCulture);
        return $"{episode},{i + 1},{d},client,srs,{v},{v},{v},{v}\n";
    }));

    private static readonly decimal[] Falling = { 38m, 38m, 37.6m, 38m, 37.2m, 36.8m, 34m, 32m, 30m, 28m, 26m, 26m };

    [Fact]
    public void YearTypo_LeavesOutTheSession_AndKeepsTheClientWhoseSrsFell12Points()
    {
        string path = File("typo.csv", Wide + SrsSeries("E1", new[] { 38m, 38m, 38m, 38m }) + SrsSeries("E9", Falling, s => s == 5 ? "2025-02-02" : new DateTime(2026, 1, 5).AddDays(7 * (s - 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var (code, csv, err) = Run("analyze", path);
        Assert.Equal(AllianceCli.Partial, code);   // results written, some input left out (issue 26)
        Assert.Contains("typo.csv:10: Session 5 is dated out of order with the other sessions and was left out.", err);
        Assert.Contains("15 rows accepted, 1 rows rejected.", err);
        Assert.Contains("15 administrations scored, 1 administrations rejected.", err);
        Assert.Contains("2 episodes analysed, 0 episodes rejected, 1 sessions left out.", err);
        Assert.Contains("E9,srs,client,alert,below-cutoff,", csv);

        var (strictCode, strictOut, strictErr) = Run("analyze", path, "--strict");
        Assert.Equal(1, strictCode);
        Assert.Equal(string.Empty, strictOut);
        Assert.Contains("--strict allows no problem", strictErr);
    }

    [Fact]
    public void EveryEpisodeWithOneOutOfOrderDate_IsStillAnalysed_NotSilentlyDropped()
    {
        // The kind behind "a 1,000,032-row file gave 0 episodes": every episode had a date out of order and was dropped
        // without a word. Now each keeps its client, and every session left out is reported and counted.
        var rows = new StringBuilder(Wide);
        for (int e = 0; e < 40; e++)
        {
            // Sessions 1 to 4 in turn are typed a year late, so each is out of order with session 5.
            rows.Append(SrsSeries($"E{e}", new[] { 36m, 36m, 34m, 32m, 30m }, s => s == 1 + (e % 4) ? "2027-06-01" : new DateTime(2026, 1, 5).AddDays(7 * (s - 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        var (code, _, err) = Run("analyze", File("every-episode.csv", rows.ToString()));
        Assert.Equal(AllianceCli.Partial, code);   // results written, some input left out (issue 26)
        Assert.Contains("40 episodes analysed, 0 episodes rejected, 40 sessions left out.", err);
        Assert.Contains("160 rows accepted, 40 rows rejected.", err);
    }

    [Fact]
    public void RowsSortedByItem_AreRejectedAsNotAdjacent_NeverScoredInPart()
    {
        // Two SRS administrations sorted by item, as Excel does: E1's SRS is 7+7+7+7 = 28.
        var rows = new StringBuilder(Long);
        for (int item = 1; item <= 4; item++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"E1,1,2026-01-05,client,srs,{item},7\n");
            rows.Append(CultureInfo.InvariantCulture, $"E2,1,2026-01-05,client,srs,{item},9\n");
        }

        string path = File("by-item.csv", rows.ToString());
        var (code, csv, err) = Run("score", path, "--missing", "half-rule");
        Assert.Equal(1, code);
        Assert.DoesNotContain("E1,1,", csv);
        Assert.DoesNotContain("E2,1,", csv);
        Assert.Contains("by-item.csv:2: rows of one administration are not adjacent, or it is given twice: the same episode, session, perspective and instrument also stand at line 4.", err);
        Assert.Contains("by-item.csv:4: rows of one administration are not adjacent", err);
        Assert.Contains("0 rows accepted, 8 rows rejected.", err);
        Assert.Contains("0 administrations scored, 8 administrations rejected.", err);
    }

    [Fact]
    public void KeysThatParseAlike_AreOneAdministration_NeverTwoHalves()
    {
        // "SRS" and "srs", "Client" and "client", session "01" and "1": the parsed key is the same administration.
        string path = File("case.csv", Long + "E1,1,2026-01-05,client,srs,1,7\nE1,01,2026-01-05,Client,SRS,2,7\nE2,1,2026-01-05,client,srs,1,9\nE1,1,2026-01-05,client,SRS,3,7\nE1,1,2026-01-05,client,srs,4,7\n");
        var (code, csv, err) = Run("score", path, "--missing", "half-rule");
        Assert.Equal(1, code);
        Assert.DoesNotContain("E1,1,", csv);
        Assert.Contains("case.csv:2: rows of one administration are not adjacent", err);
        Assert.Contains("case.csv:5: rows of one administration are not adjacent", err);

        // Adjacent, they are one administration: 7 + 7 + 7 + 7 = 28, flagged below the cutoff.
        string adjacent = File("case-adjacent.csv", Long + "E1,1,2026-01-05,client,srs,1,7\nE1,01,2026-01-05,Client,SRS,2,7\nE1,1,2026-01-05,client,SRS,3,7\nE1,1,2026-01-05,client,srs,4,7\n");
        Assert.Contains("E1,1,2026-01-05,client,srs,NA,NA,NA,sum,1.0,complete-only,sum,total,28,0,40,70,true", Run("score", adjacent).Out);
    }

    [Fact]
    public void RepeatedTotalOnlyRecords_RejectEveryCopy_EvenWhenAdjacent()
    {
        string path = File("totals-twice.csv", "episode,session,date,perspective,instrument,total\nE1,1,2026-01-05,client,srs,38\nE1,1,2026-01-05,client,srs,20\nE1,2,2026-01-12,client,srs,30\n");
        var (code, csv, err) = Run("score", path);
        Assert.Equal(AllianceCli.Partial, code);   // results written, some input left out (issue 26)
        Assert.DoesNotContain("E1,1,", csv);
        Assert.Contains("E1,2,", csv);
        Assert.Contains("totals-twice.csv:2: rows of one administration are not adjacent, or it is given twice", err);
        Assert.Contains("totals-twice.csv:3: rows of one administration are not adjacent, or it is given twice", err);
        Assert.Equal(1, Run("score", path, "--strict").Code);
    }

    [Fact]
    public void RepeatedSession_RejectsEveryCopy()
    {
        string path = File("dup.csv", Wide + "E1,1,2026-01-05,client,srs,9,9,9,9\nE1,2,2026-01-12,client,srs,9,9,9,9\nE1,1,2026-01-05,client,srs,8,8,8,8\n");
        var (code, csv, err) = Run("score", path);
        Assert.Equal(AllianceCli.Partial, code);   // results written, some input left out (issue 26)
        Assert.Contains("dup.csv:2: rows of one administration are not adjacent, or it is given twice: the same episode, session, perspective and instrument also stand at line 4.", err);
        Assert.Contains("dup.csv:4: rows of one administration are not adjacent, or it is given twice: the same episode, session, perspective and instrument also stand at line 2.", err);
        Assert.Single(csv.Split('\n'), l => l.Contains(",total,", StringComparison.Ordinal));
        Assert.Contains("E1,2,", csv);
    }

    [Fact]
    public void DecimalCommaExport_IsRejectedByFieldCount_AndReadRightWhenNamed()
    {
        string path = File("comma.csv", Wide + "E1,1,2026-01-06,client,srs,8,8,9,1,9,0,9,1\nE2,1,2026-01-06,client,srs,9,9,9,9\n");
        var (code, csv, err) = Run("score", path);
        Assert.Equal(AllianceCli.Partial, code);   // results written, some input left out (issue 26)
        Assert.Contains("comma.csv:2: expected 9 fields, found 13.", err);
        Assert.DoesNotContain("E1,1,", csv);
        Assert.Contains("E2,1,", csv);

        string semicolons = File("semi.csv", Wide.Replace(',', ';') + "E1;1;2026-01-06;client;srs;8,8;9,1;9,0;9,1\n");
        var (named, namedCsv, _) = Run("score", semicolons, "--delimiter", ";", "--decimal-comma");
        Assert.Equal(0, named);
        Assert.Contains("E1,1,2026-01-06,client,srs,NA,NA,NA,sum,1.0,complete-only,sum,total,36.0,0,40,90.0,false", namedCsv);

        string quoted = File("quoted.csv", Wide + "E1,1,2026-01-06,client,srs,\"8,8\",\"9,1\",\"9,0\",\"9,1\"\n");
        Assert.Contains(",total,36.0,", Run("score", quoted, "--decimal-comma").Out);

        string tabs = File("tabs.tsv", Wide.Replace(',', '\t') + "E1\t1\t2026-01-06\tclient\tsrs\t8.8\t9.1\t9.0\t9.1\n");
        Assert.Contains(",total,36.0,", Run("score", tabs, "--delimiter", "tab").Out);

        // With '.' expected, a decimal comma in a quoted cell is not read as a number at all.
        var (_, _, quotedErr) = Run("score", quoted);
        Assert.Contains("column '1': expected a number with '.' as decimal point", quotedErr);
    }

    [Fact]
    public void Dates_AreIso8601_UnlessAFormatIsNamedOrLearnt_AndAnAmbiguousOrderIsOneUsageError()
    {
        // Every day 12 or less: day/month and month/day both fit, so the run stops with one message naming the option.
        string path = File("dates.csv", Wide + "E1,1,06/01/2026,client,srs,9,9,9,9\nE1,2,02/03/2026,client,srs,9,9,9,9\n");
        var (ambiguous, _, why) = Run("score", path);
        Assert.Equal(2, ambiguous);
        Assert.Contains("The dates read as dd/MM/yyyy and as MM/dd/yyyy alike (no day after the 12th): give --date-format", why);

        var (code, _, err) = Run("score", path, "--date-format", "iso");
        Assert.Equal(1, code);
        Assert.Contains("dates.csv:2: column 'date': expected an ISO 8601 date", err);
        Assert.Contains("dates.csv:3: column 'date': expected an ISO 8601 date", err);

        var (named, csv, _) = Run("score", path, "--date-format", "dd/MM/yyyy");
        Assert.Equal(0, named);
        Assert.Contains("E1,1,2026-01-06,", csv);
        Assert.Contains("E1,2,2026-03-02,", csv);

        string iso = File("iso.csv", Wide + "E1,1,2026-01-06T10:30:00+01:00,client,srs,9,9,9,9\nE1,2,2026-01-13T10:30:00Z,client,srs,9,9,9,9\n");
        Assert.Equal(0, Run("score", iso).Code);
        Assert.Equal(2, Run("score", path, "--date-format", "HH:mm").Code);
    }

    [Fact]
    public void Windows1252File_IsAnErrorNamingTheLine_AndReadsRightWithItsEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Encoding cp1252 = Encoding.GetEncoding(1252);
        string content = Wide + "Müller,1,2026-01-05,client,srs,9,9,9,9\nMüller,2,2026-01-12,client,srs,9,9,9,9\nMöller,1,2026-01-05,client,srs,5,5,5,5\nMöller,2,2026-01-12,client,srs,9,9,9,9\n";
        string path = Bytes("cp1252.csv", cp1252.GetBytes(content));
        var (code, csv, err) = Run("analyze", path);
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, csv);
        Assert.Contains("cp1252.csv:2: the file is not valid UTF-8", err);
        Assert.Contains("--encoding windows-1252", err);

        var (named, reports, _) = Run("analyze", path, "--encoding", "windows-1252", "--output-format", "json");
        Assert.Equal(0, named);
        using var doc = System.Text.Json.JsonDocument.Parse(reports);
        Assert.Equal(new[] { "Möller", "Müller" }, doc.RootElement.EnumerateArray().Select(r => r.GetProperty("episodeId").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(2, Run("score", path, "--encoding", "ebcdic-klingon").Code);
    }

    [Fact]
    public void OutOfScaleValue_NamesTheBadRowsLine()
    {
        string path = File("scale.csv", Long + "E1,1,2026-01-05,client,srs,1,9\nE1,1,2026-01-05,client,srs,2,9\nE1,1,2026-01-05,client,srs,3,11\nE1,1,2026-01-05,client,srs,4,9\n");
        var (_, _, err) = Run("score", path);
        Assert.Contains("scale.csv:4: Response 3 (item 3 of the instrument) is outside the scale. Record a value from 0 to 10", err);
        Assert.Contains("0 rows accepted, 4 rows rejected.", err);
    }

    [Fact]
    public void BadRowInsideAnAdministration_RejectsTheWholeAdministration()
    {
        // Row 3 has a bad date: the other three rows must not be scored as a partial SRS (half-rule would allow it).
        string path = File("partial.csv", Long + "E1,1,2026-01-05,client,srs,1,9\nE1,1,05.01.2026,client,srs,2,9\nE1,1,2026-01-05,client,srs,3,9\nE1,1,2026-01-05,client,srs,4,9\nE2,1,2026-01-05,client,srs,1,8\nE2,1,2026-01-05,client,srs,2,8\nE2,1,2026-01-05,client,srs,3,8\nE2,1,2026-01-05,client,srs,4,8\n");
        var (code, csv, err) = Run("score", path, "--missing", "half-rule");
        Assert.Equal(AllianceCli.Partial, code);   // results written, some input left out (issue 26)
        Assert.DoesNotContain("E1,1,", csv);
        Assert.Contains("E2,1,2026-01-05,client,srs,NA,NA,NA,sum,1.0,half-rule,sum,total,32,", csv);
        Assert.Contains("partial.csv:3: column 'date'", err);
        Assert.Contains("4 rows accepted, 4 rows rejected.", err);
        Assert.Contains("1 administrations scored, 1 administrations rejected.", err);
    }

    [Fact]
    public void DifferentDatesWithinOneAdministration_AreRejected()
    {
        string path = File("two-dates.csv", Long + "E1,1,2026-01-05,client,srs,1,9\nE1,1,2026-01-06,client,srs,2,9\nE1,1,2026-01-05,client,srs,3,9\nE1,1,2026-01-05,client,srs,4,9\n");
        var (code, _, err) = Run("score", path);
        Assert.Equal(1, code);
        Assert.Contains("two-dates.csv:3: column 'date': the rows of one administration give different dates", err);

        // A first row rejected for its field count or date does not make every later row a "different date".
        string first = File("first-bad.csv", Long + "E1,1,05.01.2026,client,srs,1,9\nE1,1,2026-01-05,client,srs,2,9\nE1,1,2026-01-05,client,srs,3,9\n");
        var (_, _, firstErr) = Run("score", first);
        Assert.Contains("first-bad.csv:2: column 'date': expected an ISO 8601 date", firstErr);
        Assert.DoesNotContain("different dates", firstErr);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData(Long, "the file has a header but no rows")]
    [InlineData(Long + "E1,1,2026-01-05,client,srs,1,nine\n", "0 administrations scored, 1 administrations rejected.")]
    public void RunThatUsedNothing_ExitsOne(string content, string expected)
    {
        string path = File("nothing.csv", content);
        foreach (string command in new[] { "score", "analyze", "stats" })
        {
            var (code, _, err) = Run(command, path);
            Assert.Equal(1, code);
            Assert.Contains(expected, err);
        }
    }

    /// <summary>
    /// The temporary files that are new since <paramref name="before"/> and stay: other tests of this assembly run in
    /// parallel and may hold a temporary file for a moment, so a file counts as left over only if it is still there
    /// after those runs have had time to finish (regression: this check once failed on another test's live file).
    /// </summary>
    private static string[] LeftOver(string[] before)
    {
        string[] created = Directory.GetFiles(Path.GetTempPath(), "alliance-*.tmp").Except(before).ToArray();
        for (int attempt = 0; attempt < 50 && created.Any(System.IO.File.Exists); attempt++)
        {
            Thread.Sleep(100);
        }

        return created.Where(System.IO.File.Exists).ToArray();
    }

    [Fact]
    public void Strict_WritesNothing_ToStandardOutputOrAFile()
    {
        string path = File("strict.csv", Wide + "E1,1,2026-01-05,client,srs,9,9,9,9\nE2,1,2026-01-05,client,srs,9,9,9,99\n");
        string output = Path.Combine(Dir, "scores.csv");
        var (code, csv, _) = Run("score", path, "--strict");
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, csv);
        string[] temporaryBefore = Directory.GetFiles(Path.GetTempPath(), "alliance-*.tmp");
        Assert.Equal(1, Run("score", path, "--strict", "--output", output).Code);
        Assert.Equal(1, Run("analyze", path, "--strict").Code);
        Assert.False(System.IO.File.Exists(output));
        Assert.Empty(Directory.GetFiles(Dir, "*.tmp"));
        Assert.Empty(LeftOver(temporaryBefore));
        Assert.Equal(1, Run("stats", path, "--strict").Code);

        string report = Path.Combine(Dir, "report.html");
        Assert.Equal(1, Run("report", path, "--strict", "--output", report).Code);
        Assert.False(System.IO.File.Exists(report));

        // Without --strict the good administration is written, atomically.
        Assert.Equal(AllianceCli.Partial, Run("score", path, "--output", output).Code);
        Assert.Contains("E1,1,", System.IO.File.ReadAllText(output));
        Assert.DoesNotContain("E2,1,", System.IO.File.ReadAllText(output));
    }

    [Fact]
    public void UnclosedQuote_StopsWithABoundedErrorNamingTheLine()
    {
        string path = File("quote.csv", Long + "E1,1,2026-01-05,client,srs,1,9\nE1,1,2026-01-05,client,srs,2,\"9\n" + string.Concat(Enumerable.Repeat("E1,1,2026-01-05,client,srs,3,9\n", 2000)));
        var (code, csv, err) = Run("score", path);
        Assert.Equal(1, code);
        Assert.Contains("quote.csv:3: a field is longer", err); // the line the unclosed quote opens on
        Assert.Contains("longer than 4,096 characters or cannot be parsed (an unclosed quote?)", err);
        Assert.All(err.Split('\n'), l => Assert.True(l.Length < 700, "one error line is bounded"));
        Assert.DoesNotContain("E1,1,", csv);
    }

    [Fact]
    public void OneAdministrationRepeatedThroughTheFile_GivesBoundedErrors()
    {
        string path = File("repeat.csv", Long + string.Concat(Enumerable.Range(0, 5000).Select(i => $"E1,1,2026-01-05,client,srs,{(i % 4) + 1},9\n")));
        var (code, _, err) = Run("score", path);
        Assert.Equal(1, code);
        Assert.Contains("repeat.csv:6: the administration has more rows than its instrument has items", err);
        Assert.Contains("0 rows accepted, 5000 rows rejected.", err);
        Assert.True(err.Length < 4000, "the error stream stays short");
    }

    [Fact]
    public void Accounting_EveryRowIsAcceptedOrRejected()
    {
        string path = File("mixed.csv", Long
            + "E1,1,2026-01-05,client,srs,1,9\nE1,1,2026-01-05,client,srs,2,9\nE1,1,2026-01-05,client,srs,3,9\nE1,1,2026-01-05,client,srs,4,9\n"
            + "E2,x,2026-01-05,client,srs,1,9\nE2,x,2026-01-05,client,srs,2,9\n"
            + "E3,1,2026-01-05,client,srs,1,9,extra\n"
            + "E4,1,2026-01-05,client,nope,1,9\n");
        var (_, _, err) = Run("score", path);
        Assert.Contains("4 rows accepted, 4 rows rejected.", err);
        Assert.Contains("1 administrations scored, 3 administrations rejected.", err);
        Assert.Contains("mixed.csv:6: column 'session'", err);
        Assert.Contains("mixed.csv:8: expected 7 fields, found 8.", err);
        Assert.Contains("mixed.csv:9: column 'instrument'", err);
    }

    [Fact]
    public void TotalOnlyRecords_AreScoredAnalysed_AndSkippedByItemStatistics()
    {
        string path = File("totals.csv", "episode,session,date,perspective,instrument,total,task,bond,goal\n"
            + "E1,1,2026-01-05,client,srs,38.5,,,\nE1,2,2026-01-12,client,srs,37.0,,,\nE1,3,2026-01-19,client,srs,30.2,,,\n"
            + "E1,1,2026-01-05,client,wai-sr,47,16,15,16\nE1,2,2026-01-12,client,wai-sr,48,16,15,16\n"
            + "E1,4,2026-01-26,client,srs,41,,,\nE1,5,2026-02-02,client,ors,20,5,,\n");
        var (code, csv, err) = Run("score", path);
        Assert.Equal(AllianceCli.Partial, code);   // results written, some input left out (issue 26)
        Assert.Contains("E1,3,2026-01-19,client,srs,NA,NA,NA,reported-total,1.0,complete-only,sum,total,30.2,0,40,75.5,true", csv);
        Assert.Contains("E1,1,2026-01-05,client,wai-sr,NA,NA,NA,reported-total,1.0,complete-only,sum,task,16,4,20,", csv);
        Assert.Contains("totals.csv:6: The subscale totals do not add up to the total", err);
        Assert.Contains("totals.csv:7: The total is outside its range. Record a value from 0 to 40.", err);
        Assert.Contains("totals.csv:8: column 7: the row's instrument has no subscale of this column's name", err);
        Assert.Contains("4 rows accepted, 3 rows rejected.", err);

        var (analyzeCode, findings, _) = Run("analyze", path);
        Assert.Equal(AllianceCli.Partial, analyzeCode);
        Assert.Contains("E1,srs,client,finding,feedback-rules,below-cutoff,", findings);

        var (statsCode, stats, _) = Run("stats", path);
        Assert.Equal(AllianceCli.Partial, statsCode);
        Assert.Contains("note: srs: 3 administration(s) give totals only (no items were seen); item statistics (alpha) skip them", stats);
    }

    [Fact]
    public void Stats_PrintsIccsOfRatersAConstantApart_WithANoteOnTheUndefinedTests()
    {
        string path = File("offset.csv", "episode,session,date,perspective,instrument,total\n"
            + "E1,1,2026-01-05,client,alliance-profile,20\nE1,1,2026-01-05,therapist,alliance-profile,22\nE1,2,2026-01-12,client,alliance-profile,24\nE1,2,2026-01-12,therapist,alliance-profile,26\nE1,3,2026-01-19,client,alliance-profile,28\nE1,3,2026-01-19,therapist,alliance-profile,30\n");
        var (code, text, _) = Run("stats", path);
        Assert.Equal(0, code);
        Assert.Contains("client-therapist                   ICC2                   0.8889       3", text);
        Assert.Contains("client-therapist                   ICC3                   1.0000       3", text);
        Assert.Contains("the F tests are infinite", text);
    }

    [Fact]
    public void NoCellOfTheFile_IsEverEchoedOnTheErrorStream()
    {
        // The marker in every column of every layout, in rows that fail in every way the reader and scorer know.
        const string M = "MRN-0042-MARKER";
        string longFile = File("marker-long.csv", Long
            + $"{M},1,2026-01-05,client,srs,1,9\n{M},1,2026-01-05,client,srs,2,9\n{M},1,2026-01-05,client,srs,3,9\n{M},1,2026-01-05,client,srs,4,9\n"
            + $"{M},2,2026-01-12,client,srs,1,{M}\n{M},3,{M},client,srs,1,9\n{M},4,2026-01-19,{M},srs,1,9\n{M},5,2026-01-19,client,{M},1,9\n"
            + $"{M},{M},2026-01-19,client,srs,1,9\n{M},6,2026-01-26,client,srs,{M},9\n{M},7,2026-02-02,client,srs,1,9,{M}\n"
            + $"{M},8,2026-02-09,client,srs,1,11\n{M},8,2026-02-09,client,srs,1,9\n{M},9,2026-02-16,therapist,srs,1,9\n"
            + $"{M},1,2026-01-05,client,srs,1,9\n{M},10,2025-01-01,client,srs,1,9\n{M},10,2025-01-01,client,srs,2,9\n{M},10,2025-01-01,client,srs,3,9\n{M},10,2025-01-01,client,srs,4,9\n");
        string wideFile = File("marker-wide.csv", Wide + $"{M},1,2026-01-05,client,srs,9,9,9,{M}\n{M},2,2026-01-05,client,wai-sr,9,9,9,9\n");
        string totalsFile = File("marker-totals.csv", $"episode,session,date,perspective,instrument,total,{M}\n{M},1,2026-01-05,client,srs,{M},\n{M},2,2026-01-12,client,srs,30,5\n");
        foreach (string path in new[] { longFile, wideFile, totalsFile })
        {
            foreach (string[] args in new[] { new[] { "score" }, new[] { "analyze" }, new[] { "stats" }, new[] { "score", "--strict" }, new[] { "report", "--output", Path.Combine(Dir, "marker.html") } })
            {
                var (_, _, err) = Run(args.Take(1).Append(path).Concat(args.Skip(1)).ToArray());
                Assert.False(err.Contains("0042", StringComparison.Ordinal), $"{string.Join(' ', args)} on {Path.GetFileName(path)} echoed a cell: {err}");
                Assert.Contains("error: ", err);
            }
        }
    }

    [Fact]
    public void UnwritableOutput_IsAnErrorNotACrash()
    {
        string path = File("ok.csv", Wide + "E1,1,2026-01-05,client,srs,9,9,9,9\n");
        var (code, _, err) = Run("score", path, "--output", Path.Combine(Dir, "no-such-folder", "scores.csv"));
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err.Split('\n').First(l => l.StartsWith("error", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void FileNameWithALineBreak_CannotForgeALogLine_ThroughTheTool()
    {
        string path = File("a\u202Eb\nerror: forged.csv", Wide + "E1,x,2026-01-05,client,srs,9,9,9,9\n");
        var (_, _, err) = Run("score", path);
        Assert.DoesNotContain(err.Split('\n'), l => l.StartsWith("error: forged", StringComparison.Ordinal));
        Assert.DoesNotContain('\u202E', err);
        Assert.Contains("a?b?error: forged.csv:2: column 'session'", err);
    }

    [Fact]
    public void FileNameInMessages_CannotForgeALogLine()
    {
        string name = "a\u202Eb\nerror: forged.csv";
        string safe = SafeText.Clean(name, 120);
        Assert.DoesNotContain('\n', safe);
        Assert.DoesNotContain('\u202E', safe);
        Assert.Equal(121, SafeText.Clean(new string('x', 500), 120).Length);
        Assert.Equal(InputProblem.MaxMessageLength + 1 + "f:1: ".Length, new InputProblem("f", 1, null, new string('m', 5000)).ToString().Length);
    }
}
