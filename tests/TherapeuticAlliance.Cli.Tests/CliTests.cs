using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace TherapeuticAlliance.Cli.Tests;

public sealed class CliTests : CliTestBase
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "samples", "alliance-sample.csv");

    private const string Header = "episode,session,date,perspective,instrument,item,value\n";

    private static string Srs(string episode, int session, params string[] values) =>
        string.Concat(values.Select((v, i) => $"{episode},{session},2026-01-0{session},client,srs,{i + 1},{v}\n"));

    [Fact]
    public void Score_OnTheSample_WritesTidyCsvAndJson()
    {
        var (code, csv, err) = Run("score", Sample);
        Assert.Equal(0, code);
        string[] lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("episode,session,date,perspective,instrument,therapist,site,team,strategy,strategy_version,missing_data,metric,dimension,value,minimum,maximum,pomp,flagged", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("C001,1,", StringComparison.Ordinal) && l.Contains(",srs,T01,north,NA,sum,1.0,complete-only,sum,total,", StringComparison.Ordinal));
        Assert.Contains("12960 rows accepted, 0 rows rejected.", err);

        var (jsonCode, json, _) = Run("score", Sample, "--output-format", "json", "--strategy", "mean");
        Assert.Equal(0, jsonCode);
        using JsonDocument doc = JsonDocument.Parse(json);
        // The same rows as the CSV (one schema in every format): one per score and dimension, with the same columns.
        string[] meanCsv = Run("score", Sample, "--strategy", "mean").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(meanCsv.Length - 1, doc.RootElement.GetArrayLength());
        Assert.Equal(meanCsv[0].Split(','), doc.RootElement[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("mean", doc.RootElement[0].GetProperty("strategy").GetString());
        Assert.Equal("1.0", doc.RootElement[0].GetProperty("strategy_version").GetString());
    }

    [Fact]
    public void Analyze_OnTheSample_FindsRupturesAndAlerts()
    {
        var (code, csv, _) = Run("analyze", Sample);
        Assert.Equal(0, code);
        Assert.Contains(",finding,rupture-repair,rupture,", csv);
        Assert.Contains(",alert,", csv);
        var (jsonCode, json, _) = Run("analyze", Sample, "--output-format", "json", "--norm", "ors=22.3:6.1", "--reliability", "ors=0.7", "--discrepancy", "alliance-profile=1.5");
        Assert.Equal(0, jsonCode);
        using JsonDocument doc = JsonDocument.Parse(json);
        Assert.Equal(300, doc.RootElement.GetArrayLength());

        // Reliable change is an outcome finding: every ORS episode has one, with the caller's SD and reliability; no alliance episode has one.
        var changes = doc.RootElement.EnumerateArray()
            .SelectMany(r => r.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("type").GetString() == "reliable-change").Select(f => (Instrument: r.GetProperty("instrumentId").GetString(), Finding: f)))
            .ToList();
        Assert.Equal(60, changes.Count);
        Assert.All(changes, c => Assert.Equal("ors", c.Instrument));
        Assert.All(changes, c => Assert.Equal((6.1, 0.7), (c.Finding.GetProperty("parameters").GetProperty("sd").GetDouble(), c.Finding.GetProperty("parameters").GetProperty("reliability").GetDouble())));

        // The discrepancy threshold is per instrument: only the Alliance Profile's pairs are compared.
        var discrepancies = doc.RootElement.EnumerateArray()
            .SelectMany(r => r.GetProperty("alerts").EnumerateArray().Where(a => a.GetProperty("code").GetString() == "perspective-discrepancy").Select(_ => (Instrument: r.GetProperty("instrumentId").GetString(), Perspective: r.GetProperty("perspective").GetString())))
            .ToList();
        Assert.NotEmpty(discrepancies);
        Assert.All(discrepancies, d => Assert.Equal(("alliance-profile", "client"), (d.Instrument, d.Perspective)));   // once per pair, on the client's episode
    }

    [Fact]
    public void EverySummary_StatesItsNumbersInPoints_AndNoOutcomeSeriesHasAllianceWording()
    {
        // Issue 13, wording: every finding and alert of the sample says "points" (the instrument's units), none says a
        // flagged score "meets the cutoff", the reliable-change index is never called points, and no ORS row speaks of
        // the alliance or of strain.
        string[] rows = Run("analyze", Sample).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Contains("point", row, StringComparison.Ordinal));
        Assert.All(rows, row => Assert.DoesNotContain("meets the cutoff", row, StringComparison.Ordinal));
        Assert.All(rows, row => Assert.DoesNotContain("index of", row, StringComparison.Ordinal));
        Assert.All(rows.Where(r => r.Contains(",ors,", StringComparison.Ordinal)), row =>
        {
            Assert.DoesNotContain("alliance", row, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("strain", row, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Contains(rows, r => r.Contains(",ors,client,finding,reliable-change,reliable-change,", StringComparison.Ordinal) && r.Contains("reliable-change index", StringComparison.Ordinal));
    }

    [Fact]
    public void TrendOptions_ReachTheAnalyzer_ThroughTheLibrarysComposition()
    {
        // --rupture-sd registers a rupture detector under the built-in's name, which replaces the default (m = 2). With
        // the per-episode correction of the default rule m is a floor, so the published per-pair rule shows it.
        static int Ruptures(string csv) => csv.Split('\n').Count(l => l.Contains(",finding,rupture-repair,rupture,", StringComparison.Ordinal));
        int strict = Ruptures(Run("analyze", Sample, "--rupture-rule", "two-sd").Out);
        int lenient = Ruptures(Run("analyze", Sample, "--rupture-rule", "two-sd", "--rupture-sd", "1").Out);
        Assert.True(strict < lenient, $"m = 2 found {strict} ruptures, m = 1 found {lenient}");
        Assert.Equal(2, Run("analyze", Sample, "--rupture-sd", "-1").Code);

        // Per-instrument options: a drop rule for the WAI-SR joins the SRS's; an unknown instrument or a bad value is a usage error.
        static int Drops(string csv, string instrument) => csv.Split('\n').Count(l => l.Contains($",{instrument},", StringComparison.Ordinal) && l.Contains(",finding,feedback-rules,drop-from-previous,", StringComparison.Ordinal));
        Assert.Equal(0, Drops(Run("analyze", Sample).Out, "wai-sr"));
        Assert.True(Drops(Run("analyze", Sample, "--drop", "wai-sr=2").Out, "wai-sr") > 0);
        var (code, _, err) = Run("analyze", Sample, "--drop", "MRN-0042=1");
        Assert.Equal(2, code);
        Assert.Contains("--drop names an instrument that is not known", err);
        Assert.DoesNotContain("MRN-0042", err);
        Assert.Equal(2, Run("analyze", Sample, "--reliability", "srs=1.5").Code);
        Assert.Equal(2, Run("analyze", Sample, "--norm", "ors=22").Code);
        Assert.Contains("--strategy takes a registered strategy: sum, mean, pomp, weighted, weakest-link.", Run("score", Sample, "--strategy", "median").Err);
    }

    [Fact]
    public void Report_IsWellFormedSelfContainedHtml_TriageFirst_OneSectionPerClient_OneChartPerInstrument()
    {
        string path = Path.Combine(Dir, "report.html");
        var (code, _, err) = Run("report", Sample, "--output", path);
        Assert.Equal(0, code);
        Assert.Contains("Wrote " + path + " (300 episodes).", err);
        string html = System.IO.File.ReadAllText(path);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" src=", html, StringComparison.Ordinal);
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        XDocument document = XDocument.Load(reader);
        XNamespace svg = "http://www.w3.org/2000/svg";
        Assert.Equal(60 * 4, document.Descendants("section").Where(s => (string?)s.Attribute("class") == "client").SelectMany(s => s.Descendants(svg + "svg")).Count());   // SRS, WAI-SR, Alliance Profile and ORS for each client
        Assert.Equal(60 * 4 + 1, document.Descendants(svg + "svg").Count());   // and the service section's caterpillar chart (issue 30)
        Assert.Single(document.Descendants("section").Single(s => (string?)s.Attribute("id") == "service").Descendants(svg + "svg"));
        var clients = document.Descendants("section").Where(s => (string?)s.Attribute("class") == "client").ToList();
        Assert.Equal(60, clients.Count);

        // The attention list comes first: the caseload's triage, clients who need action before those to watch, in plain words.
        XElement attention = document.Descendants("main").Single().Elements("section").First();
        Assert.Equal("attention", (string?)attention.Attribute("id"));
        var rows = attention.Descendants("tbody").Single().Elements("tr").ToList();
        string[] levels = rows.Select(r => r.Elements("td").First().Value).ToArray();
        Assert.Equal(15, levels.Length);   // SignalAccuracyTests: 15 of the 60 clients are flagged (17 before issue 28 planted therapist effects in the sample, 19 before issue 26)
        Assert.Equal(levels.OrderByDescending(l => l == "Act").ToArray(), levels);
        Assert.Equal(3, levels.Count(l => l == "Act"));
        Assert.Contains("Act: reliably worse than at intake (Outcome Rating Scale, client)", attention.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("srs/client:", html, StringComparison.Ordinal);

        // Sections follow the triage's order, and each link goes to its client's section.
        string[] linked = rows.Select(r => (string)r.Descendants("a").Single().Attribute("href")!).ToArray();
        Assert.Equal(Enumerable.Range(1, 15).Select(i => "#client-" + i).ToArray(), linked);
        Assert.Equal(rows.Select(r => r.Descendants("a").Single().Value), clients.Take(15).Select(c => c.Element("h2")!.Elements("span").First().Value));

        // Each chart's accessible name starts with its client's name, so the page's charts are told apart.
        Assert.All(clients, c => Assert.All(c.Descendants(svg + "svg"), chart => Assert.StartsWith((string)c.Attribute("id")! + "-name ", (string)chart.Attribute("aria-labelledby")!, StringComparison.Ordinal)));

        // Markers that read without colour: shapes and words.
        Assert.Contains(document.Descendants(svg + "g"), g => (string?)g.Attribute("class") == "reference" && g.Value.Trim() == "cutoff 36 (flagged below)");
        Assert.Contains(document.Descendants(svg + "g"), g => (string?)g.Attribute("class") == "annotation" && g.Value.Contains("rupture", StringComparison.Ordinal) && g.Element(svg + "polygon") is not null);
        Assert.Contains(document.Descendants(svg + "g"), g => (string?)g.Attribute("class") == "annotation" && g.Value.Contains("repair", StringComparison.Ordinal));
        Assert.Contains(document.Descendants(svg + "svg"), s => s.Elements(svg + "g").Count(g => (string?)g.Attribute("class") == "series") == 2);   // both perspectives

        // How it was made: versions, date, file name without its folder, defaults, instruments and norms, what was left out.
        XElement provenance = document.Descendants("section").Single(s => (string?)s.Attribute("id") == "provenance");
        string version = typeof(Assessment).Assembly.GetName().Version!.ToString(3);
        Assert.Contains("alliance " + version + ", TherapeuticAlliance library " + version, provenance.Value, StringComparison.Ordinal);
        Assert.Contains("alliance-sample.csv", provenance.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetDirectoryName(Sample)!, html, StringComparison.Ordinal);
        Assert.Contains("the defaults throughout", provenance.Value, StringComparison.Ordinal);
        Assert.Contains("Session Rating Scale (srs 1.0)", provenance.Value, StringComparison.Ordinal);
        // Issue 26, part 6: the instrument without published validation is labelled, in the table and under its charts.
        Assert.Contains("Alliance Profile (alliance-profile 1.0); no published validation, alerts at most \"watch\"", provenance.Value, StringComparison.Ordinal);
        Assert.Contains("Alliance Profile has no published validation: its alerts are at most", html, StringComparison.Ordinal);
        // The basis of each threshold, with the numbers used (issue 26, part 2): the ORS's published value, and for the
        // SRS, whose 60 series make a large caseload, the larger of each client's own threshold and the caseload's.
        Assert.Contains("client: reliable change 5 points, the instrument's published value (the same for every client)", provenance.Value, StringComparison.Ordinal);
        Assert.Contains("client: ruptures: the larger of each client's own threshold and one from a robust SD of session-to-session change of 0.741 points (from this caseload, 720 scores)", provenance.Value, StringComparison.Ordinal);
        Assert.Contains("12960 rows read: 12960 used, 0 left out.", provenance.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_StatesTheOptionsThatChangedADefault_AndWhatWasLeftOut_WithoutFoldersOrIdentifiers()
    {
        string data = File("caseload.csv", Header + Srs("E1", 1, "9", "9", "9", "9") + Srs("E1", 2, "8", "8", "8", "8") + Srs("MRN-0042", 1, "9", "9", "nine", "9") + Srs("E2", 1, "8", "8", "8", "8") + Srs("E2", 2, "8", "8", "8", "11"));
        string path = Path.Combine(Dir, "out", "report.html");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var (code, _, _) = Run("report", data, "--output", path, "--norm", "srs=30:5", "--rupture-sd", "1.5");
        Assert.Equal(AllianceCli.Partial, code);
        string html = System.IO.File.ReadAllText(path);
        Assert.Contains("changed from the defaults: --norm srs=30:5; --rupture-sd 1.5", html, StringComparison.Ordinal);
        Assert.Contains("given with --norm", html, StringComparison.Ordinal);
        Assert.Contains("<td>column &#39;value&#39;: expected a number", html, StringComparison.Ordinal);
        Assert.Contains(">1</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("MRN-0042", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Dir, html, StringComparison.Ordinal);

        // Options given with their default values change nothing, and the report says so.
        Assert.Equal(AllianceCli.Partial, Run("report", data, "--output", path, "--clients-per-page", "100", "--rupture-rule", "default", "--format", "auto").Code);
        Assert.Contains("the defaults throughout", System.IO.File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_CountsProblemsByKind_NotByTheirNumbers()
    {
        string data = File("ranges.csv", Header + Srs("E1", 1, "9", "9", "9", "11") + Srs("E2", 1, "9", "9", "9", "12") + Srs("E3", 1, "8", "8", "8", "8") + Srs("E3", 2, "8", "8", "8", "8"));
        string path = Path.Combine(Dir, "report.html");
        Assert.Equal(AllianceCli.Partial, Run("report", data, "--output", path).Code);
        using var reader = XmlReader.Create(new StringReader(System.IO.File.ReadAllText(path)), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var rows = XDocument.Load(reader).Descendants("table").Single(t => ((string?)t.Attribute("class"))?.StartsWith("left-out", StringComparison.Ordinal) == true).Descendants("tbody").Single().Elements("tr").ToList();
        Assert.Single(rows);
        Assert.Equal("2", rows[0].Elements("td").Last().Value);
        Assert.DoesNotContain("11", rows[0].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_OfALargeCaseload_IsAnIndexAndPagesOfClients_MostUrgentFirst()
    {
        string path = Path.Combine(Dir, "report.html");
        var (code, _, err) = Run("report", Sample, "--output", path, "--clients-per-page", "25");
        Assert.Equal(0, code);
        Assert.Contains("and 3 client pages beside it", err, StringComparison.Ordinal);
        string index = System.IO.File.ReadAllText(path);
        // No client's chart on the index: its one chart is the service section's (issue 30).
        string service = index[index.IndexOf("<section id=\"service\"", StringComparison.Ordinal)..];
        service = service[..(service.IndexOf("</section>", StringComparison.Ordinal) + 10)];
        Assert.DoesNotContain("<svg", index.Replace(service, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("href=\"report-001.html#client-1\"", index, StringComparison.Ordinal);
        Assert.Contains("href=\"report-003.html#client-60\"", index, StringComparison.Ordinal);
        int[] charts = Enumerable.Range(1, 3).Select(p => System.Text.RegularExpressions.Regex.Count(System.IO.File.ReadAllText(Path.Combine(Dir, $"report-00{p}.html")), "<svg ")).ToArray();
        Assert.Equal(new[] { 25 * 4, 25 * 4, 10 * 4 }, charts);
        Assert.Equal(2, Run("report", Sample, "--output", path, "--clients-per-page", "0").Code);

        // A later report under the same name leaves no page of the earlier one behind, and touches no other file.
        System.IO.File.WriteAllText(Path.Combine(Dir, "report-notes.html"), "mine");
        Assert.Equal(0, Run("report", Sample, "--output", path, "--clients-per-page", "30").Code);
        Assert.Equal(new[] { "report-001.html", "report-002.html", "report-notes.html", "report.html" }, Directory.GetFiles(Dir, "report*").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(0, Run("report", Sample, "--output", path).Code);
        Assert.Equal(new[] { "report-notes.html", "report.html" }, Directory.GetFiles(Dir, "report*").Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // Links stay links whatever the file is called: its name is escaped.
        string odd = Path.Combine(Dir, "clinic #3 50%.html");
        Assert.Equal(0, Run("report", Sample, "--output", odd, "--clients-per-page", "30").Code);
        string oddIndex = System.IO.File.ReadAllText(odd);
        Assert.Contains("href=\"clinic%20%233%2050%25-001.html#client-1\"", oddIndex, StringComparison.Ordinal);
        Assert.True(System.IO.File.Exists(Path.Combine(Dir, "clinic #3 50%-002.html")));

        // All or nothing: under --strict with a problem, no page is written, and no temporary file is left behind.
        string bad = File("bad.csv", Header + Srs("E1", 1, "9", "9", "nine", "9") + Srs("E2", 1, "8", "8", "8", "8"));
        string strict = Path.Combine(Dir, "strict", "report.html");
        Directory.CreateDirectory(Path.GetDirectoryName(strict)!);
        Assert.Equal(1, Run("report", bad, "--strict", "--output", strict, "--clients-per-page", "1").Code);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(strict)!));
    }

    [Fact]
    public void Report_EncodesIdentifiersAndAttributes_SoMarkupInTheDataIsText()
    {
        string hostile = "<script>alert(1)</script>\"'&";
        string data = File("hostile.csv", Header + Srs("\"" + hostile.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", 1, "9", "9", "9", "9") + Srs("\"" + hostile.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", 2, "5", "5", "5", "5") + Srs("\"" + hostile.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", 3, "5", "5", "5", "5"));
        string path = Path.Combine(Dir, "report.html");
        Assert.Equal(0, Run("report", data, "--output", path).Code);
        string html = System.IO.File.ReadAllText(path);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;", html, StringComparison.Ordinal);
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        XDocument document = XDocument.Load(reader);
        Assert.Equal(hostile, document.Descendants("table").First().Descendants("a").Single().Value);
        Assert.Single(document.Descendants("script"));   // the report's own print helper only
    }

    [Fact]
    public void Stats_And_Instruments()
    {
        var (code, text, _) = Run("stats", Sample);
        Assert.Equal(0, code);
        Assert.Contains("wai-sr", text);
        Assert.Contains("alpha", text);
        Assert.Contains("client-therapist", text);
        var (jsonCode, json, _) = Run("stats", Sample, "--json");
        Assert.Equal(0, jsonCode);
        using (JsonDocument doc = JsonDocument.Parse(json))
        {
            Assert.True(doc.RootElement.GetProperty("statistics").GetArrayLength() > 5);
        }

        var (listCode, list, _) = Run("instruments");
        Assert.Equal(0, listCode);
        Assert.Contains("wai-sr 1.0", list);
        Assert.Contains("cutoff: sum < 36", list);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(list, "no published validation: its alerts are at most watch"));
        using JsonDocument definitions = JsonDocument.Parse(Run("instruments", "--json").Out);
        Assert.Equal(4, definitions.RootElement.GetArrayLength());
    }

    [Fact]
    public void WideFormat_IsAccepted()
    {
        string path = File("wide.csv", "episode,session,date,perspective,instrument,1,2,3,4\nE1,1,2026-01-01,client,srs,9,9,9,9.1\nE1,2,2026-01-08,client,srs,8.8,9.1,9.0,9.1\n");
        var (code, csv, err) = Run("score", path);
        Assert.Equal(0, code);
        Assert.Contains("E1,1,2026-01-01,client,srs,NA,NA,NA,sum,1.0,complete-only,sum,total,36.1,", csv);
        Assert.Contains("E1,2,2026-01-08,client,srs,NA,NA,NA,sum,1.0,complete-only,sum,total,36.0,0,40,90.0,false", csv);
        Assert.Contains("2 rows accepted, 0 rows rejected.", err);
    }

    [Fact]
    public void BomAndCrlf_AreAccepted()
    {
        string path = File("bom.csv", (Header + Srs("E1", 1, "9", "9", "9", "9")).Replace("\n", "\r\n", StringComparison.Ordinal), new UTF8Encoding(true));
        var (code, csv, _) = Run("score", path);
        Assert.Equal(0, code);
        Assert.Contains("E1,1,2026-01-01,client,srs,NA,NA,NA,sum,1.0,complete-only,sum,total,36,", csv);
    }

    [Fact]
    public void AnotherDelimiter_IsLearntWithANote_AndAStatedWrongOneIsReportedWithAHint()
    {
        string path = File("semi.csv", Header.Replace(',', ';') + "E1;1;2026-01-01;client;srs;1;9\nE1;1;2026-01-01;client;srs;2;9\nE1;1;2026-01-01;client;srs;3;9\nE1;1;2026-01-01;client;srs;4;9\n");
        var (learnt, _, note) = Run("score", path);
        Assert.Equal(0, learnt);
        Assert.Contains("note: semi.csv: read with --delimiter ';' (learnt from its first lines; give the options to state them).", note);

        var (code, _, err) = Run("score", path, "--delimiter", ",");
        Assert.Equal(1, code);
        Assert.Contains("semi.csv:1: missing column(s)", err);
        Assert.Contains("another delimiter; give it with --delimiter", err);
    }

    [Fact]
    public void MissingColumn_NamesTheColumns()
    {
        string path = File("missing.csv", "episode,session,date,perspective,instrument,item\nE1,1,2026-01-01,client,srs,1\n");
        var (_, _, err) = Run("score", path);
        Assert.Contains("missing.csv:1: missing column(s) value", err);
    }

    [Fact]
    public void TextInAValueColumn_NamesFileLineAndColumn_WithoutEchoingData_AndStrictExitsOne()
    {
        string path = File("text.csv", Header + Srs("SECRET-ID", 1, "9", "9", "nine", "9") + Srs("E2", 1, "8", "8", "8", "8"));
        var (code, csv, err) = Run("score", path);
        Assert.Equal(AllianceCli.Partial, code);
        Assert.Contains("text.csv:4: column 'value': expected a number", err);
        Assert.DoesNotContain("nine", err);
        Assert.DoesNotContain("SECRET-ID", err);
        Assert.Contains("4 rows accepted, 4 rows rejected.", err);
        Assert.Contains("E2,1,", csv);

        var (strictCode, _, _) = Run("score", path, "--strict");
        Assert.Equal(1, strictCode);
    }

    [Fact]
    public void EmptyFile_IsReported()
    {
        string path = File("empty.csv", string.Empty);
        var (code, _, err) = Run("score", path);
        Assert.Equal(1, code);
        Assert.Contains("empty.csv:1: the file is empty", err);
        Assert.Equal(1, Run("score", path, "--strict").Code);
    }

    [Fact]
    public void UsageErrors_ExitTwo()
    {
        Assert.Equal(2, Run("score").Code);
        Assert.Equal(2, Run("score", Path.Combine(Dir, "nope.csv")).Code);
        Assert.Equal(2, Run("score", Sample, "--strategy", "median").Code);
        Assert.Equal(2, Run("score", Sample, "--missing", "sometimes").Code);
        Assert.Equal(2, Run("analyze", Sample, "--rc-sd", "6.5").Code);
        Assert.Equal(2, Run("frobnicate").Code);
        var (helpCode, help, _) = Run("score", "--help");
        Assert.Equal(0, helpCode);
        Assert.Contains("Default: sum", help);
        Assert.Contains("Default: auto", help);
    }

    [Fact]
    public async Task Streaming_LargeFile_StaysWithinAMemoryBound()
    {
        // 1,000,008 rows: 83,334 WAI-SR administrations of 12 items.
        string path = Path.Combine(Dir, "large.csv");
        using (var writer = new StreamWriter(path))
        {
            writer.Write(Header);
            var random = new Random(1);
            for (int a = 0; a < 83_334; a++)
            {
                for (int item = 1; item <= 12; item++)
                {
                    writer.Write($"E{a},1,2026-01-01,client,wai-sr,{item},{random.Next(1, 6)}\n");
                }
            }
        }

        // The tool runs in its own process under a hard managed-heap limit of 64 MB, and the test asserts that it
        // succeeds (it does under 16 MB here; `stats`, which holds the rows, fails under 16 MB): holding the rows would
        // take hundreds of MB, while streaming keeps the heap small (the duplicate-key
        // set of 83,334 administrations is the only thing that grows). No measured peak is compared with a number, so
        // a busy machine cannot fail it (issue 27: the in-process peak check failed at random under load).
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "alliance.dll"));
        foreach (string argument in new[] { "score", path, "--output", Path.Combine(Dir, "scores.csv") })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_GCHeapHardLimit"] = "0x4000000";
        using var process = System.Diagnostics.Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        string err = await error;
        await output;
        Assert.True(process.ExitCode == 0, err);
        Assert.Contains("1000008 rows accepted, 0 rows rejected.", err);
    }
}
