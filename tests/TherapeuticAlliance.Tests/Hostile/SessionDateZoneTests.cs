using System.Collections.Immutable;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using DuckDB.NET.Data;
using Parquet;
using Parquet.Schema;
using TherapeuticAlliance.Columnar;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Schema;

namespace TherapeuticAlliance.Tests.Hostile;

/// <summary>
/// Issue 27, part 3: a session date is the local calendar date the file states, on every path. 0.2.0 read
/// <c>2026-01-06T00:30:00+01:00</c> as 6 January from CSV but 5 January from Parquet or an Arrow timestamp with a zone,
/// which it converted to UTC. One set of administrations goes through the CSV rule, Arrow (timestamps with the zone),
/// Parquet with the zone in its Arrow schema, Parquet wall-clock timestamps and Parquet text, at offsets from −12 to +14
/// hours, and every path gives the same calendar dates.
/// </summary>
public sealed class SessionDateZoneTests : IDisposable
{
    private static readonly IInstrumentCatalog Catalog = InstrumentCatalog.BuiltIn;
    private readonly string _dir = Directory.CreateTempSubdirectory("alliance-zones-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> Offsets() => new() { "-12:00", "-09:30", "-05:00", "+00:00", "+01:00", "+05:45", "+13:00", "+14:00" };

    private static readonly string[] LocalTimes = { "2026-01-06T00:30:00", "2026-01-06T12:00:00", "2026-01-06T23:30:00", "2026-02-28T23:59:00" };

    private static DateTimeOffset[] Stated(string offset) =>
        LocalTimes.Select(t => SessionDates.TryParse(t + offset, out DateTimeOffset? d) ? d!.Value : throw new InvalidOperationException()).ToArray();

    [Theory]
    [MemberData(nameof(Offsets))]
    public async Task EveryPath_GivesTheCalendarDateTheFileStates(string offset)
    {
        DateTimeOffset[] stated = Stated(offset);
        DateTime[] expected = stated.Select(d => d.Date).ToArray();

        // Arrow: a timestamp column whose zone is the offset (as pandas and Polars write a fixed-offset zone).
        var zone = new TimestampType(TimeUnit.Microsecond, offset);
        ResponseBlock arrow = ColumnarResponses.FromRecordBatches(new[] { Batch(stated, zone) }, Catalog).GetValueOrThrow().Single();
        Assert.Equal(expected, arrow.Dates.Select(d => d!.Value.Date));
        Assert.Equal(Local(stated), Local(arrow.Dates));

        // Parquet adjusted to UTC, with the zone in the file's Arrow schema (as pyarrow, R's arrow and Polars write it).
        string zoned = Path.Combine(_dir, "zoned.parquet");
        await WriteParquetAsync(zoned, new DateTimeDataField(ResponseFileSchema.Date, DateTimeFormat.DateAndTime, isAdjustedToUTC: true), stated.Select(d => (object)d.UtcDateTime).ToArray(), ArrowSchema(zone));
        ResponseBlock parquet = (await ColumnarResponses.ReadParquetAsync(zoned, Catalog)).GetValueOrThrow().Single();
        Assert.Equal(Local(stated), Local(parquet.Dates));

        // Parquet wall-clock timestamps (DuckDB's TIMESTAMP) and ISO text: the same calendar dates.
        string wall = Path.Combine(_dir, "wall.parquet");
        string text = Path.Combine(_dir, "text.parquet");
        string values = string.Join(" UNION ALL ", LocalTimes.Select((t, i) => $"SELECT 'e' AS episode, {i + 1} AS session, 'client' AS perspective, 'srs' AS instrument, '{t}' AS t, 9 AS \"1\", 9 AS \"2\", 9 AS \"3\", 9 AS \"4\""));
        Execute($"COPY (SELECT episode, session, perspective, instrument, CAST(t AS TIMESTAMP) AS date, \"1\", \"2\", \"3\", \"4\" FROM ({values})) TO '{wall}' (FORMAT parquet)");
        Execute($"COPY (SELECT episode, session, perspective, instrument, t || '{offset}' AS date, \"1\", \"2\", \"3\", \"4\" FROM ({values})) TO '{text}' (FORMAT parquet)");
        Assert.Equal(expected, (await ColumnarResponses.ReadParquetAsync(wall, Catalog)).GetValueOrThrow().Single().Dates.Select(d => d!.Value.Date));
        Assert.Equal(Local(stated), Local((await ColumnarResponses.ReadParquetAsync(text, Catalog)).GetValueOrThrow().Single().Dates));
    }

    [Fact]
    public async Task AParquetTimestampAdjustedToUtc_WithoutAZone_IsReadInUtc_AndAnUnknownZoneIsATypedError()
    {
        DateTimeOffset[] stated = Stated("+01:00");
        string utc = Path.Combine(_dir, "utc.parquet");
        await WriteParquetAsync(utc, new DateTimeDataField(ResponseFileSchema.Date, DateTimeFormat.DateAndTime, isAdjustedToUTC: true), stated.Select(d => (object)d.UtcDateTime).ToArray(), null);
        ResponseBlock block = (await ColumnarResponses.ReadParquetAsync(utc, Catalog)).GetValueOrThrow().Single();
        Assert.Equal(Local(stated.Select(d => d.ToUniversalTime())), Local(block.Dates));

        string unknown = Path.Combine(_dir, "unknown.parquet");
        await WriteParquetAsync(unknown, new DateTimeDataField(ResponseFileSchema.Date, DateTimeFormat.DateAndTime, isAdjustedToUTC: true), stated.Select(d => (object)d.UtcDateTime).ToArray(), ArrowSchema(new TimestampType(TimeUnit.Microsecond, "Mars/Olympus_Mons")));
        ColumnarError error = (await ColumnarResponses.ReadParquetAsync(unknown, Catalog)).AsT1;
        Assert.Equal((ColumnarErrorKind.WrongType, "date"), (error.Kind, error.Column));
        Assert.DoesNotContain("Mars", error.Message, StringComparison.Ordinal);

        // An IANA zone: Berlin is +01:00 in January.
        var berlin = new TimestampType(TimeUnit.Millisecond, "Europe/Berlin");
        ResponseBlock arrow = ColumnarResponses.FromRecordBatches(new[] { Batch(stated, berlin) }, Catalog).GetValueOrThrow().Single();
        Assert.Equal(stated.Select(d => d.Date), arrow.Dates.Select(d => d!.Value.Date));
    }

    /// <summary>The local clock and offset of each date: DateTimeOffset's own equality compares instants only, which would hide a lost zone.</summary>
    private static (DateTime, TimeSpan)[] Local(IEnumerable<DateTimeOffset> dates) => dates.Select(d => (d.DateTime, d.Offset)).ToArray();

    private static (DateTime, TimeSpan)[] Local(IEnumerable<DateTimeOffset?> dates) => Local(dates.Select(d => d!.Value));

    private static void Execute(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static RecordBatch Batch(DateTimeOffset[] dates, TimestampType type)
    {
        int n = dates.Length;
        var timestamps = new TimestampArray.Builder(type);
        foreach (DateTimeOffset d in dates)
        {
            timestamps.Append(d);
        }

        IArrowArray Strings(string value) => new StringArray.Builder().AppendRange(Enumerable.Repeat(value, n)).Build();
        IArrowArray Doubles() => new DoubleArray.Builder().AppendRange(Enumerable.Repeat(9.0, n)).Build();
        var schema = new Apache.Arrow.Schema.Builder()
            .Field(f => f.Name("episode").DataType(StringType.Default))
            .Field(f => f.Name("session").DataType(Int32Type.Default))
            .Field(f => f.Name("perspective").DataType(StringType.Default))
            .Field(f => f.Name("instrument").DataType(StringType.Default))
            .Field(f => f.Name("date").DataType(type))
            .Field(f => f.Name("1").DataType(DoubleType.Default))
            .Field(f => f.Name("2").DataType(DoubleType.Default))
            .Field(f => f.Name("3").DataType(DoubleType.Default))
            .Field(f => f.Name("4").DataType(DoubleType.Default))
            .Build();
        return new RecordBatch(schema, new IArrowArray[] { Strings("e"), new Int32Array.Builder().AppendRange(Enumerable.Range(1, n)).Build(), Strings("client"), Strings("srs"), timestamps.Build(), Doubles(), Doubles(), Doubles(), Doubles() }, n);
    }

    /// <summary>An <c>ARROW:schema</c> value: base64 of the Arrow IPC schema message of a table whose date column has the type given.</summary>
    private static string ArrowSchema(TimestampType type)
    {
        var schema = new Apache.Arrow.Schema.Builder().Field(f => f.Name("episode").DataType(StringType.Default)).Field(f => f.Name("date").DataType(type)).Build();
        using var stream = new MemoryStream();
        using (var writer = new ArrowStreamWriter(stream, schema, leaveOpen: true))
        {
            writer.WriteStart();    // the schema message alone, as pyarrow stores it
        }

        return Convert.ToBase64String(stream.ToArray());
    }

    private static async Task WriteParquetAsync(string path, DataField dateField, object[] dates, string? arrowSchema)
    {
        int n = dates.Length;
        var fields = new DataField[] { new DataField<string>("episode"), new DataField<int>("session"), new DataField<string>("perspective"), new DataField<string>("instrument"), dateField, new DataField<double>("1"), new DataField<double>("2"), new DataField<double>("3"), new DataField<double>("4") };
        await using FileStream stream = File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        if (arrowSchema is not null)
        {
            writer.CustomMetadata = new Dictionary<string, string> { ["ARROW:schema"] = arrowSchema };
        }

        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        await group.WriteAsync(fields[0], Enumerable.Repeat("e", n).ToArray());
        await group.WriteAsync<int>(fields[1], Enumerable.Range(1, n).ToArray().AsMemory());
        await group.WriteAsync(fields[2], Enumerable.Repeat("client", n).ToArray());
        await group.WriteAsync(fields[3], Enumerable.Repeat("srs", n).ToArray());
        await group.WriteAsync<DateTime>(fields[4], dates.Cast<DateTime>().ToArray().AsMemory());
        for (int i = 5; i < 9; i++)
        {
            await group.WriteAsync<double>(fields[i], Enumerable.Repeat(9.0, n).ToArray().AsMemory());
        }
    }
}
