using TherapeuticAlliance.Schema;
using System.Collections.Immutable;
using Apache.Arrow;
using DuckDB.NET.Data;
using Parquet;
using Parquet.Schema;
using TherapeuticAlliance.Columnar;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Tables;

namespace TherapeuticAlliance.Tests.Columnar;

/// <summary>
/// Arrow and Parquet in and out (issue 18, part 1). Fixtures are written by DuckDB, an independent Parquet writer, and
/// DuckDB's SQL sums are the oracle of the scores; the typed errors name column and row, never a cell.
/// </summary>
public sealed class ColumnarTests : IDisposable
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "samples", "alliance-sample.csv");
    private static readonly IInstrumentCatalog Catalog = InstrumentCatalog.BuiltIn;
    private readonly string _dir = Directory.CreateTempSubdirectory("alliance-columnar-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Path_(string name) => Path.Combine(_dir, name);

    private static List<object?[]> Sql(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static void Execute(string sql) => Sql(sql);

    private static string Q(string path) => path.Replace("'", "''", StringComparison.Ordinal);

    /// <summary>The sample as long Parquet, written by DuckDB (session BIGINT, date DATE, value DOUBLE).</summary>
    private string LongSample()
    {
        string path = Path_("long.parquet");
        Execute($"COPY (SELECT * FROM read_csv('{Q(Sample)}', types={{'episode':'VARCHAR','item':'VARCHAR'}})) TO '{Q(path)}' (FORMAT parquet)");
        return path;
    }

    /// <summary>The sample's WAI-SR administrations as wide Parquet (one INTEGER column per item), written by DuckDB's PIVOT.</summary>
    private string WideWaiSr(string name = "wide.parquet")
    {
        string path = Path_(name);
        Execute($$"""
            COPY (
              PIVOT (SELECT episode, CAST(session AS INTEGER) AS session, date, perspective, instrument, item, CAST(value AS INTEGER) AS value
                     FROM read_csv('{{Q(Sample)}}', types={'episode':'VARCHAR','item':'VARCHAR'}) WHERE instrument = 'wai-sr')
              ON item USING first(value) GROUP BY episode, session, date, perspective, instrument ORDER BY episode, session
            ) TO '{{Q(path)}}' (FORMAT parquet)
            """);
        return path;
    }

    [Fact]
    public async Task LongParquet_ScoresAsDuckDbSumsThem()
    {
        ImmutableArray<ResponseBlock> blocks = (await ColumnarResponses.ReadParquetAsync(LongSample(), Catalog)).GetValueOrThrow();
        Assert.Equal(new[] { "srs", "ors", "wai-sr", "alliance-profile" }.Order(), blocks.Select(b => b.Instrument.Id).Order());
        Assert.Equal(2160, blocks.Sum(b => b.RowCount));
        Assert.Equal(12960, blocks.Sum(b => b.SourceRowCounts.Sum()));

        // The oracle: DuckDB's own sums of the items per administration, reverse keying aside (SRS has none).
        var expected = Sql($"SELECT episode, session, perspective, sum(value) FROM read_csv('{Q(Sample)}', types={{'episode':'VARCHAR','item':'VARCHAR'}}) WHERE instrument = 'srs' GROUP BY ALL")
            .ToDictionary(r => ((string)r[0]!, Convert.ToInt32(r[1], System.Globalization.CultureInfo.InvariantCulture), (string)r[2]!), r => Convert.ToDouble(r[3], System.Globalization.CultureInfo.InvariantCulture));
        ResponseBlock srs = blocks.Single(b => b.Instrument.Id == "srs");
        BatchScores scores = ScoringStrategies.Sum.ScoreBatch(srs.Instrument, srs.Responses).AsT0;
        Assert.Equal(expected.Count, srs.RowCount);
        for (int r = 0; r < srs.RowCount; r++)
        {
            Assert.Equal(expected[(srs.Episodes[r], srs.Sessions[r], AllianceCodes.ToCode(srs.Perspectives[r]))], scores.Totals.Span[r], 9);
        }

        Assert.All(srs.Dates, d => Assert.NotNull(d));
        Assert.Equal("srs: 720 administrations × 4 items", srs.ToString());
    }

    [Fact]
    public async Task WideAndLong_GiveTheSameBlocks_AndAFolderOfPartitionsTheSameAsOneFile()
    {
        ResponseBlock wide = (await ColumnarResponses.ReadParquetAsync(WideWaiSr(), Catalog)).GetValueOrThrow().Single();
        ResponseBlock fromLong = (await ColumnarResponses.ReadParquetAsync(LongSample(), Catalog, ResponseLayout.LongFormat)).GetValueOrThrow().Single(b => b.Instrument.Id == "wai-sr");
        var longIndex = Enumerable.Range(0, fromLong.RowCount).ToDictionary(r => (fromLong.Episodes[r], fromLong.Sessions[r], fromLong.Perspectives[r]));
        Assert.Equal(fromLong.RowCount, wide.RowCount);
        for (int r = 0; r < wide.RowCount; r++)
        {
            int l = longIndex[(wide.Episodes[r], wide.Sessions[r], wide.Perspectives[r])];
            Assert.Equal(Enumerable.Range(0, 12).Select(c => fromLong.Responses[l, c]), Enumerable.Range(0, 12).Select(c => wide.Responses[r, c]));
        }

        // Hive-style partitions written by DuckDB: the same administrations, read partition by partition.
        string folder = Path_("partitions");
        Execute($"COPY (SELECT *, CAST(abs(hash(episode)) % 4 AS INTEGER) AS part FROM '{Q(WideWaiSr("w2.parquet"))}') TO '{Q(folder)}' (FORMAT parquet, PARTITION_BY (part), WRITE_PARTITION_COLUMNS false)");
        Assert.True(ColumnarResponses.PartitionFiles(folder).Length is > 1 and <= 4);
        ResponseBlock partitioned = (await ColumnarResponses.ReadParquetAsync(folder, Catalog)).GetValueOrThrow().Single();
        Assert.Equal(wide.RowCount, partitioned.RowCount);
        Assert.Equal(
            ScoringStrategies.Sum.ScoreBatch(wide.Instrument, wide.Responses).AsT0.Totals.ToArray().Order(),
            ScoringStrategies.Sum.ScoreBatch(partitioned.Instrument, partitioned.Responses).AsT0.Totals.ToArray().Order());
    }

    [Fact]
    public async Task TheItemColumnsOnlyPath_ReadsTheSameMatrix_AndRefusesWhatItCannotRead()
    {
        string wide = WideWaiSr();
        ResponseBlock block = (await ColumnarResponses.ReadParquetAsync(wide, Catalog)).GetValueOrThrow().Single();
        var matrix = (await ColumnarResponses.ReadResponseMatrixAsync(wide, AllianceInstruments.WaiSr)).GetValueOrThrow();
        Assert.Equal((block.RowCount, 12), (matrix.RowCount, matrix.ColumnCount));
        Assert.Equal(AllianceInstruments.WaiSr.Items.Select(i => i.Id), matrix.ColumnNames);
        for (int c = 0; c < 12; c++)
        {
            Assert.Equal(block.Responses.GetColumn(c).ToArray(), matrix.GetColumn(c).ToArray());
        }

        // Several row groups (DuckDB's ROW_GROUP_SIZE), nullable doubles: read into one matrix in order.
        string groups = Path_("groups.parquet");
        Execute($"COPY (SELECT (i % 5 + 1)::DOUBLE AS \"1\", CASE WHEN i = 3 THEN NULL ELSE 2.0 END AS \"2\", 3.0 AS \"3\", (i % 10)::DOUBLE AS \"4\" FROM range(5000) t(i)) TO '{Q(groups)}' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
        var srs = (await ColumnarResponses.ReadResponseMatrixAsync(groups, AllianceInstruments.Srs)).GetValueOrThrow();
        Assert.Equal(5000, srs.RowCount);
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => (double)((i % 5) + 1)), srs.GetColumn(0).ToArray());
        Assert.True(double.IsNaN(srs[3, 1]));
        Assert.Equal(9.0, srs[4999, 3]);

        string profile = AllianceInstruments.AllianceProfile.Items[0].Id;
        Assert.Equal(("missing-column", profile), ((await ColumnarResponses.ReadResponseMatrixAsync(wide, AllianceInstruments.AllianceProfile)).AsT1 is var missing ? (missing.Code, missing.Column) : default));
        Assert.Equal(("bad-value", "instrument"), ((await ColumnarResponses.ReadResponseMatrixAsync(wide, AllianceInstruments.Srs)).AsT1 is var other ? (other.Code, other.Column) : default));   // its rows are WAI-SR
        string mixed = Path_("mixed.parquet");
        Execute($"COPY (SELECT 'srs' AS instrument, 1 AS \"1\", 1 AS \"2\", 1 AS \"3\", 1 AS \"4\" UNION ALL SELECT 'ors', 1, 1, 1, 1) TO '{Q(mixed)}' (FORMAT parquet)");
        Assert.Equal(ColumnarErrorKind.BadValue, (await ColumnarResponses.ReadResponseMatrixAsync(mixed, AllianceInstruments.Srs)).AsT1.Kind);
        string text = Path_("text.parquet");
        Execute($"COPY (SELECT 'a' AS \"1\", 1 AS \"2\", 1 AS \"3\", 1 AS \"4\") TO '{Q(text)}' (FORMAT parquet)");
        Assert.Equal(("wrong-type", "1"), ((await ColumnarResponses.ReadResponseMatrixAsync(text, AllianceInstruments.Srs)).AsT1 is var wrong ? (wrong.Code, wrong.Column) : default));
        string garbage = Path_("garbage.parquet");
        await File.WriteAllTextAsync(garbage, "not parquet");
        Assert.Equal(ColumnarErrorKind.Unreadable, (await ColumnarResponses.ReadResponseMatrixAsync(garbage, AllianceInstruments.Srs)).AsT1.Kind);
        await Assert.ThrowsAsync<FileNotFoundException>(() => ColumnarResponses.ReadResponseMatrixAsync(Path_("none.parquet"), AllianceInstruments.Srs));
        await Assert.ThrowsAsync<ArgumentNullException>("instrument", () => ColumnarResponses.ReadResponseMatrixAsync(wide, null!));
    }

    [Fact]
    public async Task ScoresWrittenAsParquet_ReadBackInDuckDb_WithNullsWhereNotScored()
    {
        string input = Path_("missing.parquet");
        Execute($"""
            COPY (SELECT * FROM (VALUES ('a', 1, 'client', 'srs', 9.0, 9.0, 9.0, 9.0), ('b', 1, 'client', 'srs', 9.0, NULL, 9.0, 9.0), ('c', 2, 'therapist', 'srs', 11.0, 9.0, 9.0, 9.0))
                  AS t(episode, session, perspective, instrument, "1", "2", "3", "4")) TO '{Q(input)}' (FORMAT parquet)
            """);
        ResponseBlock block = (await ColumnarResponses.ReadParquetAsync(input, Catalog)).GetValueOrThrow().Single();
        Assert.True(double.IsNaN(block.Responses[1, 1]));
        Assert.Null(block.Dates[0]);
        BatchScores scores = ScoringStrategies.Sum.ScoreBatch(block.Instrument, block.Responses).AsT0;
        string output = Path_("scores.parquet");
        await using (FileStream stream = File.Create(output))
        {
            await ColumnarScores.WriteParquetAsync(stream, block, scores);
        }

        var rows = Sql($"SELECT episode, session, perspective, instrument, metric, status, total, relationship FROM '{Q(output)}' ORDER BY episode");
        Assert.Equal(new object?[] { "a", 1, "client", "srs", "sum", "scored", 36.0, 9.0 }, rows[0]);
        Assert.Equal(new object?[] { "b", 1, "client", "srs", "sum", "unscored", null, null }, rows[1]);   // an unscored total leaves the row unscored, as the batch path does
        Assert.Equal(new object?[] { "c", 2, "therapist", "srs", "sum", "invalid", null, null }, rows[2]);
        Assert.Equal("INTEGER", Sql($"SELECT typeof(session) FROM '{Q(output)}' LIMIT 1")[0][0]);

        RecordBatch batch = ColumnarScores.ToRecordBatch(block, scores);
        Assert.Equal(new[] { "episode", "session", "perspective", "instrument", "metric", "status", "total", "relationship", "goals-topics", "approach-method", "overall" }, batch.Schema.FieldsList.Select(f => f.Name));
        Assert.Equal(36.0, ((DoubleArray)batch.Column("total")).GetValue(0));
        Assert.Null(((DoubleArray)batch.Column("total")).GetValue(1));
        Assert.Throws<ArgumentException>("scores", () => ColumnarScores.ToRecordBatch(block, ScoringStrategies.Sum.ScoreBatch(AllianceInstruments.WaiSr, ResponseMatrix(12)).AsT0));
    }

    private static TherapeuticAlliance.Statistics.ResponseMatrix ResponseMatrix(int columns) =>
        TherapeuticAlliance.Statistics.ResponseMatrix.FromRowMajor(Enumerable.Repeat(3.0, columns * 2).ToArray(), 2, columns);

    [Fact]
    public void RecordBatches_AreReadWithoutAnObjectPerAdministration_NullsAsMissing()
    {
        RecordBatch batch = new RecordBatch.Builder()
            .Append("episode", false, c => c.String(a => a.Append("e1").Append("e1")))
            .Append("session", false, c => c.Int64(a => a.Append(1).Append(2)))
            .Append("perspective", false, c => c.String(a => a.Append("client").Append("client")))
            .Append("instrument", false, c => c.String(a => a.Append("srs").Append("srs")))
            .Append("date", true, c => c.String(a => a.Append("2026-01-05").AppendNull()))
            .Append("1", true, c => c.Float(a => a.Append(9.5f).Append(8f)))
            .Append("2", true, c => c.Double(a => a.Append(9).AppendNull()))
            .Append("3", true, c => c.Int32(a => a.Append(9).Append(9)))
            .Append("4", true, c => c.Double(a => a.Append(9).Append(9)))
            .Build();
        ResponseBlock b = ColumnarResponses.FromRecordBatches(new[] { batch }, Catalog).GetValueOrThrow().Single();
        Assert.Equal(2, b.RowCount);
        Assert.Equal(new[] { 9.5, 9, 9, 9 }, Enumerable.Range(0, 4).Select(c => b.Responses[0, c]));
        Assert.True(double.IsNaN(b.Responses[1, 1]));
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), b.Dates[0]);
        Assert.Equal(new long[] { 1, 2 }, b.SourceRows);
        Assert.Equal(new[] { 1, 1 }, b.SourceRowCounts);

        // A second batch that repeats the first's administrations: rows are counted over batches.
        ColumnarError repeated = ColumnarResponses.FromRecordBatches(new[] { batch, batch }, Catalog).AsT1;
        Assert.Equal((ColumnarErrorKind.DuplicateOrUnknownItem, 3L), (repeated.Kind, repeated.Row));
    }

    [Fact]
    public async Task ATidyTable_IsWrittenWithTypedColumns()
    {
        var table = new TidyTable(new[] { "name", "count", "value", "note" }, new[]
        {
            new object?[] { "a", 1, 1.5, null },
            new object?[] { "b", null, 2m, null },
        });
        string path = Path_("table.parquet");
        await using (FileStream stream = File.Create(path))
        {
            await ColumnarTables.WriteParquetAsync(stream, table);
        }

        Assert.Equal(new object?[] { "VARCHAR", "INTEGER", "DOUBLE", "VARCHAR" }, Sql($"SELECT typeof(name), typeof(count), typeof(value), typeof(note) FROM '{Q(path)}' LIMIT 1")[0]);
        Assert.Equal(new object?[] { "b", null, 2.0, null }, Sql($"SELECT * FROM '{Q(path)}' ORDER BY name")[1]);
        RecordBatch batch = ColumnarTables.ToRecordBatch(table);
        Assert.Equal(2, batch.Length);
        Assert.Equal("b", ((StringArray)batch.Column("name")).GetString(1));
    }

    public static TheoryData<string, ColumnarErrorKind, string?, string> BadInputs => new()
    {
        { "SELECT 'e' AS episode, 1 AS session, 'srs' AS instrument, 9 AS \"1\"", ColumnarErrorKind.MissingColumn, "perspective", "Column 'perspective' is missing" },
        { "SELECT 'e' AS episode, 'one' AS session, 'client' AS perspective, 'srs' AS instrument, 9 AS \"1\"", ColumnarErrorKind.WrongType, "session", "Column 'session' is not an integer column" },
        { "SELECT 'e' AS episode, 1 AS session, 'client' AS perspective, 'srs' AS instrument, 'nine' AS \"1\"", ColumnarErrorKind.WrongType, null, "Column 5 (an item's responses) is not a numeric column" },
        { "SELECT 'e' AS episode, 1 AS session, 'client' AS perspective, 'srs' AS instrument, 1 AS item, 9 AS value", ColumnarErrorKind.WrongType, "item", "Column 'item' is not a string column" },
        { "SELECT 'e' AS episode, 1 AS session, 'family' AS perspective, 'srs' AS instrument, 9 AS \"1\"", ColumnarErrorKind.BadValue, "perspective", "Row 1, column 'perspective'" },
        { "SELECT 'e' AS episode, 1 AS session, 'client' AS perspective, 'wai' AS instrument, 9 AS \"1\"", ColumnarErrorKind.BadValue, "instrument", "not one the catalog knows" },
        { "SELECT NULL::VARCHAR AS episode, 1 AS session, 'client' AS perspective, 'srs' AS instrument, 9 AS \"1\"", ColumnarErrorKind.BadValue, "episode", "episode identifier is missing" },
        { "SELECT 'e' AS episode, -1 AS session, 'client' AS perspective, 'srs' AS instrument, 9 AS \"1\"", ColumnarErrorKind.BadValue, "session", "0 or more" },
        { "SELECT 'e' AS episode, 1 AS session, 'client' AS perspective, 'srs' AS instrument, 9 AS \"99\"", ColumnarErrorKind.DuplicateOrUnknownItem, null, "Row 1 has a value in column 5, which is not an item of its instrument" },
        { "SELECT 'e' AS episode, 1 AS session, 'client' AS perspective, 'srs' AS instrument, 9 AS \"Jane Doe 1970-01-01\"", ColumnarErrorKind.DuplicateOrUnknownItem, null, "Row 1 has a value in column 5, which is not an item of its instrument" },
        { "SELECT 'e' AS episode, 1 AS session, 'client' AS perspective, 'srs' AS instrument, 9 AS \"1\", 'x' AS \"Jane Doe\"", ColumnarErrorKind.WrongType, null, "Column 6 (an item's responses) is not a numeric column" },
        { "SELECT 'e' AS episode, 1 AS session, 'client' AS perspective, 'srs' AS instrument, 9 AS \"1\", NULL::INTEGER AS \"99\"", ColumnarErrorKind.DuplicateOrUnknownItem, null, "Column 6 is not an item of any instrument in the input" },
        { "SELECT 'e' AS episode, 1 AS session, 'client' AS perspective, 'srs' AS instrument, 'inf'::DOUBLE AS \"1\"", ColumnarErrorKind.BadValue, null, "Row 1, column 5: the response is infinite" },
        { "SELECT 'e' AS episode, 1 AS session, 'client' AS perspective, 'srs' AS instrument, '1' AS item, '-inf'::DOUBLE AS value", ColumnarErrorKind.BadValue, "value", "Row 1, column 'value': the response is infinite" },
        { "SELECT 'e' AS episode, 1 AS session, 'client' AS perspective, 'srs' AS instrument, 9 AS \"1\" UNION ALL SELECT 'e', 1, 'client', 'srs', 8", ColumnarErrorKind.DuplicateOrUnknownItem, null, "Row 2 gives an administration" },
        { "SELECT 'e' AS episode, 1 AS session, 'client' AS perspective, 'srs' AS instrument, '1' AS item, 9 AS value UNION ALL SELECT 'e', 1, 'client', 'srs', '1', 8", ColumnarErrorKind.DuplicateOrUnknownItem, "item", "Row 2 gives a response an earlier row" },
        { "SELECT 'e' AS episode, 1 AS session, 'client' AS perspective, 'srs' AS instrument, '9' AS item, 9 AS value", ColumnarErrorKind.DuplicateOrUnknownItem, "item", "an item its instrument does not have" },
        { "SELECT 'e' AS episode, 1 AS session, 'client' AS perspective, 'srs' AS instrument, 'March 2' AS date, 9 AS \"1\"", ColumnarErrorKind.BadValue, "date", "not an ISO 8601 date" },
        { "SELECT 'e' AS episode, 1 AS session, 'client' AS perspective, 'srs' AS instrument, 1 AS date, 9 AS \"1\"", ColumnarErrorKind.WrongType, "date", "Column 'date' is not a date" },
        { "SELECT 'e' AS episode, 1 AS session, 'client' AS perspective, 'srs' AS instrument, '1' AS item, 9 AS value, {'value': 1} AS s", ColumnarErrorKind.SchemaMismatch, "value", "Two columns are named 'value'" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadParquet_IsATypedErrorNamingColumnAndRow_NeverACell(string select, ColumnarErrorKind kind, string? column, string message)
    {
        string path = Path_("bad.parquet");
        Execute($"COPY ({select}) TO '{Q(path)}' (FORMAT parquet)");
        ColumnarResult<ImmutableArray<ResponseBlock>> result = await ColumnarResponses.ReadParquetAsync(path, Catalog);
        ColumnarError error = result.AsT1;
        Assert.Equal(kind, error.Kind);
        Assert.Equal(column, error.Column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, error.ToString());
        Assert.DoesNotContain("family", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("March", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", error.Message, StringComparison.Ordinal);
        Assert.True(error.Column is null || error.Column is "episode" or "session" or "date" or "perspective" or "instrument" or "item" or "value", "Column quotes a header the file named");
        Assert.True(column is not null || error.ColumnNumber is > 0 || error.Kind != ColumnarErrorKind.WrongType, "an item column's error gives its position");
        Assert.Throws<AllianceErrorException>(() => result.GetValueOrThrow());
    }

    [Fact]
    public async Task AnInfiniteResponse_IsABadValue_OnTheMatrixPathToo()
    {
        // Issue 27 (found by the arrow fuzz target): a float column can hold ±∞, which the response matrix refused with
        // an ArgumentException out of the reader.
        string path = Path_("infinite.parquet");
        Execute($"COPY (SELECT 'e' AS episode, 1 AS session, 'client' AS perspective, 'srs' AS instrument, 9.0::DOUBLE AS \"1\", 8.0::DOUBLE AS \"2\", 'inf'::DOUBLE AS \"3\", 7.0::DOUBLE AS \"4\") TO '{Q(path)}' (FORMAT parquet)");
        ColumnarError error = (await ColumnarResponses.ReadResponseMatrixAsync(path, AllianceInstruments.Srs)).AsT1;
        Assert.Equal((ColumnarErrorKind.BadValue, "3", 1L), (error.Kind, error.Column, error.Row));
        Assert.Contains("the response is infinite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFirstDateOfTheCalendar_AndUnsignedItems_AreRead()
    {
        string path = Path_("edges.parquet");
        Execute($"COPY (SELECT 'e' AS episode, 1::UTINYINT AS session, 'client' AS perspective, 'srs' AS instrument, DATE '0001-01-01' AS date, 9::USMALLINT AS \"1\", 8::UINTEGER AS \"2\", 7::UTINYINT AS \"3\", 6::DECIMAL(4,1) AS \"4\") TO '{Q(path)}' (FORMAT parquet)");
        ResponseBlock block = (await ColumnarResponses.ReadParquetAsync(path, Catalog)).GetValueOrThrow().Single();
        Assert.Equal(new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero), block.Dates[0]);
        Assert.Equal(new[] { 9.0, 8, 7, 6 }, Enumerable.Range(0, 4).Select(c => block.Responses[0, c]));
        var matrix = (await ColumnarResponses.ReadResponseMatrixAsync(path, AllianceInstruments.Srs)).GetValueOrThrow();
        Assert.Equal(new[] { 9.0, 8, 7, 6 }, Enumerable.Range(0, 4).Select(c => matrix[0, c]));
    }

    [Fact]
    public async Task UnreadableInputs_AndPartitionsOfDifferentSchemas_AreTypedErrors()
    {
        string text = Path_("not.parquet");
        await File.WriteAllTextAsync(text, "episode,session\n");
        Assert.Equal("unreadable", (await ColumnarResponses.ReadParquetAsync(text, Catalog)).AsT1.Code);
        Directory.CreateDirectory(Path_("empty"));
        Assert.Equal(ColumnarErrorKind.Unreadable, (await ColumnarResponses.ReadParquetAsync(Path_("empty"), Catalog)).AsT1.Kind);
        Assert.Throws<FileNotFoundException>(() => ColumnarResponses.PartitionFiles(Path_("nowhere")));

        string folder = Path_("mixed");
        Directory.CreateDirectory(folder);
        Execute($"COPY (SELECT 'e' AS episode, 1 AS session, 'client' AS perspective, 'srs' AS instrument, 9 AS \"1\") TO '{Q(Path.Combine(folder, "a.parquet"))}' (FORMAT parquet)");
        Execute($"COPY (SELECT 'e' AS episode, 2 AS session, 'client' AS perspective, 'srs' AS instrument, 9 AS \"2\") TO '{Q(Path.Combine(folder, "b.parquet"))}' (FORMAT parquet)");
        ColumnarError mixed = (await ColumnarResponses.ReadParquetAsync(folder, Catalog)).AsT1;
        Assert.Equal(("schema-mismatch", ColumnarErrorKind.SchemaMismatch), (mixed.Code, mixed.Kind));

        await using (FileStream stream = File.OpenRead(Path.Combine(folder, "a.parquet")))
        {
            Assert.Equal(1, (await ColumnarResponses.ReadParquetStreamAsync(stream, Catalog)).GetValueOrThrow().Single().RowCount);
        }

        Assert.Equal(ColumnarErrorKind.Unreadable, ColumnarResponses.FromRecordBatches(System.Array.Empty<RecordBatch>(), Catalog).AsT1.Kind);
        Assert.Throws<ArgumentNullException>("catalog", () => ColumnarResponses.FromRecordBatches(System.Array.Empty<RecordBatch>(), null!));
        await Assert.ThrowsAsync<ArgumentNullException>("stream", () => ColumnarResponses.ReadParquetStreamAsync(null!, Catalog));
    }

    [Fact]
    public async Task ParquetNet_WritesWhatTheReaderReads_NullableAndRequiredColumns()
    {
        // Parquet.Net's own writer (required int32 session, optional double items): the other shape of column the reader meets.
        string path = Path_("parquetnet.parquet");
        var fields = new DataField[] { new DataField<string>("episode"), new DataField<int>("session"), new DataField<string>("perspective"), new DataField<string>("instrument"), new DataField<double?>("1"), new DataField<double?>("2"), new DataField<double?>("3"), new DataField<double?>("4") };
        await using (FileStream stream = File.Create(path))
        {
            await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            await group.WriteAsync(fields[0], new[] { "e" });
            await group.WriteAsync<int>(fields[1], new[] { 3 }.AsMemory());
            await group.WriteAsync(fields[2], new[] { "therapist" });
            await group.WriteAsync(fields[3], new[] { "srs" });
            for (int i = 4; i < 8; i++)
            {
                await group.WriteAsync<double>(fields[i], new double?[] { i == 5 ? null : 7.5 }.AsMemory());
            }
        }

        ResponseBlock block = (await ColumnarResponses.ReadParquetAsync(path, Catalog)).GetValueOrThrow().Single();
        Assert.Equal((3, Perspective.Therapist), (block.Sessions[0], block.Perspectives[0]));
        Assert.Equal(7.5, block.Responses[0, 0]);
        Assert.True(double.IsNaN(block.Responses[0, 1]));
    }
}
