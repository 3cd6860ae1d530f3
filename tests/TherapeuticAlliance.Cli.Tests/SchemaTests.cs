using System.Globalization;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Columnar;
using Parquet;
using Parquet.Schema;
using TherapeuticAlliance.Schema;
using TherapeuticAlliance.Tables;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Cli.Tests;

/// <summary>
/// Issue 25, one vocabulary: every reader takes a session's date by the library's one rule, and the CLI writes no
/// column name, statistic name or date format of its own.
/// </summary>
public sealed class SchemaTests : CliTestBase
{
    [Theory]
    [InlineData("2026-03-02T10:15", "2026-03-02T10:15:00+00:00")]
    [InlineData("2026-03-02 10:15:00", "2026-03-02T10:15:00+00:00")]
    [InlineData("2026-03-02", "2026-03-02")]
    [InlineData("2026-01-06T00:30:00+01:00", "2026-01-06T00:30:00+01:00")]
    [InlineData("05.01.2026", null)]
    [InlineData("2026-03-02T10:15:00.25Z", "2026-03-02T10:15:00.25+00:00")]
    public async Task TheSameDate_GetsTheSameVerdict_FromTheCsvParquetAndTablesReaders(string text, string? expected)
    {
        // Regression: the CLI accepted 2026-03-02T10:15, Columnar 2026-03-02 10:15:00, Tables neither, and Columnar
        // moved a date with an offset to the UTC day.
        Assert.Equal(expected, FromCsv(text));
        Assert.Equal(expected, await FromParquet(text));
        Assert.Equal(expected, FromTables(text));
    }

    [Property(MaxTest = 20)]
    public Property TheSameAdministrations_ReadBackIdentically_ThroughTheCsvParquetAndTablesReaders(PositiveInt seed)
    {
        // Issue 25, one input schema: one set of administrations written as a long CSV, a long Parquet file and a long
        // tidy table, read by the CLI's CSV reader, the columnar reader and LongFormat.ToAssessments.
        var random = new Random(seed.Get);
        var rows = new List<string[]>();
        int administrations = random.Next(1, 12);
        for (int a = 0; a < administrations; a++)
        {
            bool srs = random.Next(2) == 0;
            string instrument = srs ? "srs" : "wai-sr";
            string perspective = "client";
            string date = random.Next(4) switch
            {
                0 => string.Empty,
                1 => "2026-03-" + (1 + random.Next(28)).ToString("00", CultureInfo.InvariantCulture),
                2 => "2026-01-06 10:15:00",
                _ => new DateTimeOffset(2026, 1, 6, random.Next(24), 30, 0, TimeSpan.FromHours(random.Next(-12, 15))).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            };
            int items = srs ? 4 : 12;
            string episode = (random.Next(2) == 0 ? "00" : "E") + a.ToString(CultureInfo.InvariantCulture);
            string session = (1 + random.Next(20)).ToString(CultureInfo.InvariantCulture);
            for (int i = 1; i <= items; i++)
            {
                string value = random.Next(6) == 0 ? string.Empty
                    : srs ? (random.Next(0, 101) / 10m).ToString(CultureInfo.InvariantCulture)
                    : random.Next(1, 6).ToString(CultureInfo.InvariantCulture);
                rows.Add(new[] { episode, session, date, perspective, instrument, i.ToString(CultureInfo.InvariantCulture), value });
            }
        }

        string header = string.Join(",", ResponseFileSchema.RequiredColumns(ResponseLayout.LongFormat));
        string csv = header + "\n" + string.Concat(rows.Select(r => string.Join(",", r) + "\n"));
        string csvPath = File("round-trip.csv", csv);
        var catalog = new TherapeuticAlliance.Instruments.InstrumentCatalog(TherapeuticAlliance.Instruments.AllianceInstruments.All);

        var reader = new ResponseFileReader(catalog, csvPath);
        string[] fromCsv = reader.Read().Select(a => Canonical(a.Episode, a.Session, a.Date, a.Perspective, a.Instrument, a.Instrument.Items.Select(item => a.Responses.FirstOrDefault(r => r.ItemId == item.Id)?.Value is { } v ? (double?)(double)v : null))).Order(StringComparer.Ordinal).ToArray();
        Assert.True(reader.TakeProblems().Count == 0, csv);

        string parquetPath = WriteParquet(rows).GetAwaiter().GetResult();
        var blocks = ColumnarResponses.ReadParquetAsync(parquetPath, catalog).GetAwaiter().GetResult().GetValueOrThrow();
        string[] fromParquet = blocks.SelectMany(b => Enumerable.Range(0, b.RowCount).Select(r => Canonical(
            b.Episodes[r], b.Sessions[r], b.Dates[r], b.Perspectives[r], b.Instrument,
            b.Instrument.Items.Select(item => b.Responses.ColumnNames.IndexOf(item.Id) is int c && c >= 0 && !double.IsNaN(b.Responses[r, c]) ? (double?)b.Responses[r, c] : null)))).Order(StringComparer.Ordinal).ToArray();

        var assessments = LongFormat.ToAssessments(TidyCsv.Read(new StringReader(csv)).GetValueOrThrow()).GetValueOrThrow();
        string[] fromTables = assessments.Select(x => Canonical(
            x.Episode, x.Assessment.Occasion.SessionNumber, x.Assessment.Occasion.RecordedAt, x.Assessment.Perspective, x.Assessment.Instrument,
            x.Assessment.Instrument.Items.Select(item => x.Assessment.Responses.FirstOrDefault(r => r.ItemId == item.Id)?.Value is { } v ? (double?)(double)v : null))).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(administrations, fromCsv.Length);
        Assert.Equal(fromCsv, fromParquet);
        Assert.Equal(fromCsv, fromTables);
        return true.ToProperty();
    }

    private static string Canonical(string episode, int session, DateTimeOffset? date, Perspective perspective, Instrument instrument, IEnumerable<double?> values) =>
        string.Join("|", episode, session.ToString(CultureInfo.InvariantCulture), date?.ToString("o", CultureInfo.InvariantCulture) ?? "-", AllianceCodes.ToCode(perspective), instrument.Id,
            string.Join(";", values.Select(v => v?.ToString("R", CultureInfo.InvariantCulture) ?? "NA")));

    private async Task<string> WriteParquet(List<string[]> rows)
    {
        var fields = new DataField[] { new DataField<string>("episode"), new DataField<int>("session"), new DataField<string>("date"), new DataField<string>("perspective"), new DataField<string>("instrument"), new DataField<string>("item"), new DataField<double?>("value") };
        string path = Path.Combine(Dir, "round-trip-" + Guid.NewGuid().ToString("N") + ".parquet");
        await using FileStream stream = System.IO.File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        await group.WriteAsync(fields[0], rows.Select(r => r[0]).ToArray());
        await group.WriteAsync<int>(fields[1], rows.Select(r => int.Parse(r[1], CultureInfo.InvariantCulture)).ToArray().AsMemory());
        await group.WriteAsync(fields[2], rows.Select(r => r[2].Length == 0 ? null : r[2]).ToArray());
        await group.WriteAsync(fields[3], rows.Select(r => r[3]).ToArray());
        await group.WriteAsync(fields[4], rows.Select(r => r[4]).ToArray());
        await group.WriteAsync(fields[5], rows.Select(r => r[5]).ToArray());
        await group.WriteAsync<double>(fields[6], rows.Select(r => r[6].Length == 0 ? (double?)null : double.Parse(r[6], CultureInfo.InvariantCulture)).ToArray().AsMemory());
        return path;
    }

    [Fact]
    public void TheCliSources_HoldNoColumnStatisticOrDateFormatLiteral()
    {
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        vocabulary.UnionWith(RowSchemas.All.SelectMany(s => s.Columns));
        vocabulary.UnionWith(ResponseFileSchema.KeyColumns);
        vocabulary.UnionWith(new[] { ResponseFileSchema.Item, ResponseFileSchema.Value, ResponseFileSchema.Total });
        vocabulary.UnionWith(StatisticNames.All);
        vocabulary.UnionWith(new[] { StatisticNames.ClientTherapistScope, StatisticNames.ScoresScopePrefix, StatisticNames.NormScopePrefix });
        vocabulary.UnionWith(SessionDates.IsoFormats);
        vocabulary.UnionWith(new[] { SessionDates.DateFormat, SessionDates.DateTimeFormat, "O", "o" });

        // Every finding and alert code and every detector and rule name the sample's analysis gives (their words live
        // beside the report in the library, not in the tool).
        string[] signals = Run("analyze", Path.Combine(AppContext.BaseDirectory, "samples", "alliance-sample.csv")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int codeColumn = Array.IndexOf(signals[0].Split(','), RowSchemas.Code), rule = Array.IndexOf(signals[0].Split(','), RowSchemas.Rule);
        string[] codes = signals.Skip(1).SelectMany(l => new[] { l.Split(',')[codeColumn], l.Split(',')[rule] }).Distinct(StringComparer.Ordinal).ToArray();
        Assert.Contains("rupture", codes);
        Assert.Contains("unrepaired-rupture", codes);
        vocabulary.UnionWith(codes);

        // Words that are the same text as a schema name but not one, each with its reason; nothing else may match.
        var notSchema = new HashSet<string>(StringComparer.Ordinal)
        {
            "AllianceCli.cs: \"episode\"",      // a value of the option --by (client or episode), not a column
            "Pipeline.cs: \"n\"",               // the placeholder that replaces digits when problems are summarised
        };
        string folder = Path.Combine(RepositoryRoot(), "src", "TherapeuticAlliance.Cli");
        var found = new List<string>();
        foreach (string file in Directory.EnumerateFiles(folder, "*.cs"))
        {
            string code = Regex.Replace(System.IO.File.ReadAllText(file), @"^\s*///.*$", string.Empty, RegexOptions.Multiline);
            foreach (Match literal in Regex.Matches(code, "\"((?:[^\"\\\\\\n]|\\\\.)*)\""))
            {
                if (vocabulary.Contains(literal.Groups[1].Value) && !notSchema.Contains($"{Path.GetFileName(file)}: \"{literal.Groups[1].Value}\""))
                {
                    found.Add($"{Path.GetFileName(file)}: \"{literal.Groups[1].Value}\"");
                }
            }
        }

        Assert.Empty(found);
    }

    [Fact]
    public void TheCli_StaysAShell_OfAtMost2440Lines()
    {
        // Issue 25: readers, schemas and rules live in the libraries; the CLI holds options, composition, per-row
        // accounting, all-or-nothing output and exit codes. A reader moved back into it would fail this.
        string folder = Path.Combine(RepositoryRoot(), "src", "TherapeuticAlliance.Cli");
        int lines = Directory.EnumerateFiles(folder, "*.cs").Sum(f => System.IO.File.ReadAllLines(f).Length);
        // 2,000 until issue 28 (part 6) added the two-pass streaming of a caseload grouped by client (Commands.Caseload, Pipeline.ClientEpisodes);
        // 2,250 until issue 29 added 'mixed --profile' and mixed-model partials (written with --partial, merged from a
        // file or folder): option wiring and file handling only, the partial's form and checks are the library's.
        // 2,280 until issue 30 added 'alliance service' (options, the case-mix file and the shared table writer; the service view,
        // its tables, its summary and the case-mix reader are the libraries').
        // 2,340 until issue 30's service partials ('service --partial', and 'service FILE.json|FOLDER' merging them): file
        // handling only, the partial's form, checks, merge and analysis are the library's.
        // 2,380 until issue 31 added 'alliance linkage' (options and the RI-CLPM export's two files; pairing, the
        // analysis, its summary, tables and the export's form are the library's).
        Assert.InRange(lines, 1, 2440);
        Assert.DoesNotContain(Directory.EnumerateFiles(folder, "*.cs"), f => System.IO.File.ReadAllText(f).Contains("class ResponseFileReader", StringComparison.Ordinal));
    }

    [Fact]
    public void TheCheck_FindsALiteral()
    {
        // The test above would fail on a file like this one (a self-test of its pattern).
        Assert.Matches("\"((?:[^\"\\\\\\n]|\\\\.)*)\"", "csv.WriteField(\"raw_alpha\");");
    }

    private string? FromCsv(string date)
    {
        string path = File("dates.csv", "episode,session,date,perspective,instrument,item,value\n" + string.Concat(Enumerable.Range(1, 4).Select(i => $"E1,1,{date},client,srs,{i},9\n")));
        var (code, csv, _) = Run("score", path, "--date-format", "iso");   // the reader's rule, with nothing learnt
        return code == 0 ? DateOf(csv) : null;
    }

    private async Task<string?> FromParquet(string date)
    {
        var fields = new DataField[] { new DataField<string>("episode"), new DataField<int>("session"), new DataField<string>("date"), new DataField<string>("perspective"), new DataField<string>("instrument"), new DataField<string>("item"), new DataField<double?>("value") };
        string path = Path.Combine(Dir, "dates.parquet");
        await using (FileStream stream = System.IO.File.Create(path))
        {
            await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            await group.WriteAsync(fields[0], new[] { "E1", "E1", "E1", "E1" });
            await group.WriteAsync<int>(fields[1], new[] { 1, 1, 1, 1 }.AsMemory());
            await group.WriteAsync(fields[2], new[] { date, date, date, date });
            await group.WriteAsync(fields[3], new[] { "client", "client", "client", "client" });
            await group.WriteAsync(fields[4], new[] { "srs", "srs", "srs", "srs" });
            await group.WriteAsync(fields[5], new[] { "1", "2", "3", "4" });
            await group.WriteAsync<double>(fields[6], new double?[] { 9, 9, 9, 9 }.AsMemory());
        }

        var (code, csv, _) = Run("score", path, "--input-format", "parquet");
        return code == 0 ? DateOf(csv) : null;
    }

    private static string? FromTables(string date)
    {
        TableResult<TidyTable> table = TidyCsv.Read(new StringReader($"episode,session,date,perspective,instrument,total\nE1,1,{date},client,srs,36\n"));
        TableResult<System.Collections.Immutable.ImmutableArray<EpisodeResult>> episodes = LongFormat.ToEpisodes(table.AsT0);
        return episodes.IsSuccess && episodes.AsT0[0].GetValueOrThrow().Scores[0].Occasion.RecordedAt is { } at ? SessionDates.Format(at) : null;
    }

    private static string DateOf(string csv)
    {
        string[] lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int column = Array.IndexOf(lines[0].Split(','), ResponseFileSchema.Date);
        return lines[1].Split(',')[column];
    }

    private static string RepositoryRoot()
    {
        string root = AppContext.BaseDirectory;
        while (!System.IO.File.Exists(Path.Combine(root, "TherapeuticAlliance.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("The repository root was not found.");
        }

        return root;
    }
}
