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
        Assert.Equal("episode,session,date,perspective,instrument,strategy,metric,dimension,value,minimum,maximum,pomp,flagged", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("C001,1,", StringComparison.Ordinal) && l.Contains(",srs,sum,sum,total,", StringComparison.Ordinal));
        Assert.Contains("12960 rows accepted, 0 rows rejected.", err);

        var (jsonCode, json, _) = Run("score", Sample, "--output-format", "json", "--strategy", "mean");
        Assert.Equal(0, jsonCode);
        using JsonDocument doc = JsonDocument.Parse(json);
        Assert.Equal(60 * 12 * 2 + (60 * 4 * 3), doc.RootElement.GetArrayLength());
        Assert.Equal("mean", doc.RootElement[0].GetProperty("strategy").GetString());
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
        Assert.Contains(rows, r => r.Contains(",ors,finding,reliable-change,reliable-change,", StringComparison.Ordinal) && r.Contains("reliable-change index", StringComparison.Ordinal));
    }

    [Fact]
    public void TrendOptions_ReachTheAnalyzer_ThroughTheLibrarysComposition()
    {
        // --rupture-sd registers a rupture detector under the built-in's name, which replaces the default (m = 2).
        static int Ruptures(string csv) => csv.Split('\n').Count(l => l.Contains(",finding,rupture-repair,rupture,", StringComparison.Ordinal));
        int strict = Ruptures(Run("analyze", Sample).Out);
        int lenient = Ruptures(Run("analyze", Sample, "--rupture-sd", "1").Out);
        Assert.True(strict < lenient, $"m = 2 found {strict} ruptures, m = 1 found {lenient}");
        Assert.Equal(2, Run("analyze", Sample, "--rupture-sd", "-1").Code);

        // Per-instrument options: a drop rule for the WAI-SR joins the SRS's; an unknown instrument or a bad value is a usage error.
        static int Drops(string csv, string instrument) => csv.Split('\n').Count(l => l.Contains($",{instrument},finding,feedback-rules,drop-from-previous,", StringComparison.Ordinal));
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
    public void Report_IsWellFormedSelfContainedHtmlWithOneChartPerEpisode()
    {
        string path = Path.Combine(Dir, "report.html");
        var (code, _, err) = Run("report", Sample, "--output", path);
        Assert.Equal(0, code);
        Assert.Contains("300 episodes", err);
        string html = System.IO.File.ReadAllText(path);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        XDocument document = XDocument.Load(reader);
        XNamespace svg = "http://www.w3.org/2000/svg";
        Assert.Equal(300, document.Descendants(svg + "svg").Count());
        Assert.Equal(300, document.Descendants("section").Count());

        // The attention table comes first: the caseload's triage, clients who need action before those to watch.
        XElement triage = document.Descendants("table").First();
        Assert.Equal("triage", (string?)triage.Attribute("class"));
        string[] levels = triage.Elements("tr").Skip(1).Select(r => r.Elements("td").First().Value).ToArray();
        Assert.NotEmpty(levels);
        Assert.Equal(levels.OrderByDescending(l => l == "act").ToArray(), levels);
        Assert.Contains("act", levels);
        Assert.Contains(document.Descendants(svg + "line"), l => (string?)l.Attribute("class") == "cutoff");
        Assert.Contains(document.Descendants(svg + "circle"), c => (string?)c.Attribute("class") == "rupture");
        Assert.Contains(document.Descendants(svg + "circle"), c => (string?)c.Attribute("class") == "repair");
        Assert.Contains(document.Descendants(svg + "svg"), s => s.Elements(svg + "polyline").Count() == 2); // both perspectives
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
        using JsonDocument definitions = JsonDocument.Parse(Run("instruments", "--json").Out);
        Assert.Equal(4, definitions.RootElement.GetArrayLength());
    }

    [Fact]
    public void WideFormat_IsAccepted()
    {
        string path = File("wide.csv", "episode,session,date,perspective,instrument,1,2,3,4\nE1,1,2026-01-01,client,srs,9,9,9,9.1\nE1,2,2026-01-08,client,srs,8.8,9.1,9.0,9.1\n");
        var (code, csv, err) = Run("score", path);
        Assert.Equal(0, code);
        Assert.Contains("E1,1,2026-01-01,client,srs,sum,sum,total,36.1,", csv);
        Assert.Contains("E1,2,2026-01-08,client,srs,sum,sum,total,36.0,0,40,90.0,false", csv);
        Assert.Contains("2 rows accepted, 0 rows rejected.", err);
    }

    [Fact]
    public void BomAndCrlf_AreAccepted()
    {
        string path = File("bom.csv", (Header + Srs("E1", 1, "9", "9", "9", "9")).Replace("\n", "\r\n", StringComparison.Ordinal), new UTF8Encoding(true));
        var (code, csv, _) = Run("score", path);
        Assert.Equal(0, code);
        Assert.Contains("E1,1,2026-01-01,client,srs,sum,sum,total,36,", csv);
    }

    [Fact]
    public void WrongDelimiter_IsReportedWithAHint()
    {
        string path = File("semi.csv", Header.Replace(',', ';') + "E1;1;2026-01-01;client;srs;1;9\n");
        var (code, _, err) = Run("score", path);
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
        Assert.Equal(0, code);
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

        GC.Collect();
        GC.WaitForPendingFinalizers();
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        using var cancel = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!cancel.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(5).ConfigureAwait(false);
            }
        });
        var (code, _, err) = Run("score", path, "--output", Path.Combine(Dir, "scores.csv"));
        cancel.Cancel();
        await sampler;
        Assert.Equal(0, code);
        Assert.Contains("1000008 rows accepted, 0 rows rejected.", err);
        // Holding the rows would take hundreds of MB; streaming keeps the managed heap small (the duplicate-key set
        // of 83,334 administrations is the only thing that grows).
        Assert.True(peak - baseline < 120L * 1024 * 1024, $"peak managed memory grew by {(peak - baseline) / (1024 * 1024)} MB");
    }
}
