using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace TherapeuticAlliance.Cli.Tests;

/// <summary>
/// 'score', 'stats' and 'analyze' with --input-format parquet (a file or a folder of partitions) give what they give on
/// the same data as CSV; score and analyze write Parquet; a bad Parquet input stops with a problem naming row and column.
/// </summary>
public class ParquetCliTests : CliTestBase
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "samples", "alliance-sample.csv");

    /// <summary>Writes rows of the sample (long layout) as Parquet with Parquet.Net's writer: session int32, date, therapist and site strings (issue 28), value double.</summary>
    private async Task<string> WriteLong(string name, IEnumerable<string[]> rows)
    {
        var fields = new DataField[] { new DataField<string>("episode"), new DataField<int>("session"), new DataField<string>("date"), new DataField<string>("perspective"), new DataField<string>("instrument"), new DataField<string>("therapist"), new DataField<string>("site"), new DataField<string>("item"), new DataField<double?>("value") };
        string[][] data = rows.ToArray();
        string path = Path.Combine(Dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using FileStream stream = System.IO.File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        await group.WriteAsync(fields[0], data.Select(r => r[0]).ToArray());
        await group.WriteAsync<int>(fields[1], data.Select(r => int.Parse(r[1], CultureInfo.InvariantCulture)).ToArray().AsMemory());
        for (int c = 2; c < 8; c++)
        {
            await group.WriteAsync(fields[c], data.Select(r => r[c]).ToArray());
        }

        await group.WriteAsync<double>(fields[8], data.Select(r => r[8].Length == 0 ? (double?)null : double.Parse(r[8], CultureInfo.InvariantCulture)).ToArray().AsMemory());
        return path;
    }

    private static string[][] SampleRows() => System.IO.File.ReadAllLines(Sample).Skip(1).Select(l => l.Split(',')).ToArray();

    private static string[] Sorted(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(Numeric).Order(StringComparer.Ordinal).ToArray();

    /// <summary>8.0 and 8 are the same score: the CSV keeps the file's decimal places, Parquet's doubles have none.</summary>
    private static string Numeric(string line) => string.Join(",", line.Split(',').Select(f => decimal.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) ? d.ToString("G29", CultureInfo.InvariantCulture) : f));

    [Fact]
    public async Task ParquetInput_ScoresStatsAndAnalysesAsTheCsv()
    {
        string file = await WriteLong("sample.parquet", SampleRows());
        var (code, scores, error) = Run("score", file, "--input-format", "parquet");
        Assert.Equal(0, code);
        Assert.Contains("12960 rows accepted, 0 rows rejected.", error, StringComparison.Ordinal);
        Assert.Equal(Sorted(Run("score", Sample).Out), Sorted(scores));
        Assert.Equal(Run("stats", Sample).Out, Run("stats", file, "--input-format", "parquet").Out);
        Assert.Equal(Run("analyze", Sample).Out, Run("analyze", file, "--input-format", "parquet").Out);

        // A folder of partitions, split by episode, at two depths.
        string[][] rows = SampleRows();
        await WriteLong(Path.Combine("parts", "a.parquet"), rows.Where(r => string.CompareOrdinal(r[0], "C020") < 0));
        await WriteLong(Path.Combine("parts", "site=b", "b.parquet"), rows.Where(r => string.CompareOrdinal(r[0], "C020") >= 0));
        Assert.Equal(Run("stats", Sample).Out, Run("stats", Path.Combine(Dir, "parts"), "--input-format", "parquet").Out);
    }

    [Fact]
    public async Task ScoresAndFindings_AreWrittenAsParquet()
    {
        string file = await WriteLong("sample.parquet", SampleRows().Where(r => r[0] is "C001" or "C002"));
        string output = Path.Combine(Dir, "scores.parquet");
        Assert.Equal(0, Run("score", file, "--input-format", "parquet", "--output-format", "parquet", "--output", output).Code);
        await using (FileStream stream = System.IO.File.OpenRead(output))
        {
            await using ParquetReader reader = await ParquetReader.CreateAsync(stream);
            Assert.Equal(new[] { "episode", "session", "date", "perspective", "instrument", "therapist", "site", "team", "strategy", "strategy_version", "missing_data", "metric", "dimension", "value", "minimum", "maximum", "pomp", "flagged" }, reader.Schema.GetDataFields().Select(f => f.Name));
            Assert.Equal(typeof(int), reader.Schema.GetDataFields()[1].ClrType);
            Assert.Equal(typeof(double), reader.Schema.GetDataFields()[13].ClrType);
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(0);
            Assert.Equal(Sorted(Run("score", file, "--input-format", "parquet").Out).Length, group.RowCount);
        }

        string findings = Path.Combine(Dir, "findings.parquet");
        Assert.Equal(0, Run("analyze", Sample, "--output-format", "parquet", "--output", findings).Code);
        await using (FileStream stream = System.IO.File.OpenRead(findings))
        {
            await using ParquetReader reader = await ParquetReader.CreateAsync(stream);
            Assert.Equal(new[] { "episode", "instrument", "perspective", "kind", "rule", "code", "sessions", "summary" }, reader.Schema.GetDataFields().Select(f => f.Name));
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(0);
            Assert.Equal(Run("analyze", Sample).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1, group.RowCount);
        }

        string statistics = Path.Combine(Dir, "stats.parquet");
        Assert.Equal(0, Run("stats", Sample, "--parquet", statistics).Code);
        await using (FileStream stream = System.IO.File.OpenRead(statistics))
        {
            await using ParquetReader reader = await ParquetReader.CreateAsync(stream);
            Assert.Equal(new[] { "instrument", "scope", "statistic", "value", "n" }, reader.Schema.GetDataFields().Select(f => f.Name));
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(0);
            Assert.Equal(Run("stats", Sample, "--json").Out.Split("\"statistic\":", StringSplitOptions.None).Length - 1, group.RowCount);
        }

        var (usage, _, message) = Run("score", file, "--input-format", "parquet", "--output-format", "parquet");
        Assert.Equal(2, usage);
        Assert.Contains("--output-format parquet needs --output FILE", message, StringComparison.Ordinal);
        Assert.Equal(2, Run("triage", Sample, "--output-format", "parquet", "--output", findings).Code);
        Assert.Equal(2, Run("score", file, "--input-format", "parquet", "--format", "totals").Code);
    }

    [Fact]
    public async Task ABadParquetInput_StopsWithTheRowAndColumn_NeverTheCell()
    {
        string[][] rows = SampleRows().Take(8).ToArray();
        rows[5] = rows[5].ToArray();
        rows[5][3] = "grandmother";
        string file = await WriteLong("bad.parquet", rows);
        var (code, output, error) = Run("score", file, "--input-format", "parquet");
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("bad.parquet:6: Row 6, column 'perspective': The perspective is missing or not client, therapist, observer or collateral.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("grandmother", error, StringComparison.Ordinal);

        string notParquet = File("plain.parquet", "episode,session\n");
        Assert.Contains("not a Parquet file", Run("stats", notParquet, "--input-format", "parquet").Err, StringComparison.Ordinal);
        Assert.Equal(2, Run("score", Path.Combine(Dir, "nowhere"), "--input-format", "parquet").Code);
    }
}
