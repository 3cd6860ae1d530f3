using System.Globalization;
using System.Text.RegularExpressions;
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
            "AdministrationReader.cs: \"item\"", // the word in a message about an unknown wide column
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
    public void TheCheck_FindsALiteral()
    {
        // The test above would fail on a file like this one (a self-test of its pattern).
        Assert.Matches("\"((?:[^\"\\\\\\n]|\\\\.)*)\"", "csv.WriteField(\"raw_alpha\");");
    }

    private string? FromCsv(string date)
    {
        string path = File("dates.csv", "episode,session,date,perspective,instrument,item,value\n" + string.Concat(Enumerable.Range(1, 4).Select(i => $"E1,1,{date},client,srs,{i},9\n")));
        var (code, csv, _) = Run("score", path);
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
