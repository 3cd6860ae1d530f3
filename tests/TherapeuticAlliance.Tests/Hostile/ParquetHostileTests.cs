using System.Buffers.Binary;
using System.Collections.Immutable;
using DuckDB.NET.Data;
using TherapeuticAlliance.Columnar;
using TherapeuticAlliance.Instruments;

namespace TherapeuticAlliance.Tests.Hostile;

/// <summary>
/// Issue 27: of 41,309 mutated Parquet files, 18 % threw out of the readers, ten hung in the Thrift footer reader and
/// a 1,158-byte file allocated 8 GB. Every read now checks the structure first (footer against the file's length,
/// nesting, row counts, page sizes) and turns any failure of Parquet.Net into <see cref="ColumnarErrorKind.Unreadable"/>.
/// These tests mutate files written by DuckDB and by Parquet.Net (seeded, so a failure replays) and assert that every
/// read ends with a result or a typed error.
/// </summary>
public sealed class ParquetHostileTests : IDisposable
{
    private static readonly IInstrumentCatalog Catalog = InstrumentCatalog.BuiltIn;
    private static readonly int Deadline = int.TryParse(Environment.GetEnvironmentVariable("TA_HANG_SECONDS"), out int s) ? s : 120;
    private static readonly int Trials = int.TryParse(Environment.GetEnvironmentVariable("TA_PARQUET_TRIALS"), out int t) ? t : 3000;
    private readonly string _dir = Directory.CreateTempSubdirectory("alliance-parquet-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private byte[] DuckDbFile(string select)
    {
        string path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".parquet");
        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY ({select}) TO '{path.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }

        return File.ReadAllBytes(path);
    }

    private byte[] WideSeed() => DuckDbFile(
        "SELECT 'e' || (i % 7) AS episode, i AS session, 'client' AS perspective, 'srs' AS instrument, DATE '2026-01-01' + i::INTEGER AS date, (i % 10)::DOUBLE AS \"1\", 5::INTEGER AS \"2\", 7.5::DOUBLE AS \"3\", 2::INTEGER AS \"4\" FROM range(40) t(i)");

    private byte[] LongSeed() => DuckDbFile(
        "SELECT 'e' AS episode, i AS session, 'client' AS perspective, 'srs' AS instrument, j::VARCHAR AS item, (i + j) % 10 AS value FROM range(30) a(i), range(1, 5) b(j)");

    private static async Task<ColumnarResult<ImmutableArray<ResponseBlock>>> ReadAsync(byte[] bytes)
    {
        // A hang fails the test instead of the run: the read must finish long before this generous deadline. (On a
        // MemoryStream every await completes at once, so the read runs on another thread for the deadline to apply.)
        return await Task.Run(async () =>
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return await ColumnarResponses.ReadParquetStreamAsync(stream, Catalog);
        }).WaitAsync(TimeSpan.FromSeconds(Deadline));
    }

    [Fact]
    public async Task TheSeeds_AreRead()
    {
        // TA_WRITE_PARQUET_SEEDS=DIR writes these files as the fuzzer's seeds (tests/TherapeuticAlliance.Fuzz/seeds/parquet).
        if (Environment.GetEnvironmentVariable("TA_WRITE_PARQUET_SEEDS") is { Length: > 0 } seeds)
        {
            Directory.CreateDirectory(seeds);
            await File.WriteAllBytesAsync(Path.Combine(seeds, "duckdb-wide.parquet"), WideSeed());
            await File.WriteAllBytesAsync(Path.Combine(seeds, "duckdb-long.parquet"), LongSeed());
            await File.WriteAllBytesAsync(Path.Combine(seeds, "duckdb-empty-row-group.parquet"), DuckDbFile("SELECT 'e' AS episode, 1 AS session, 'client' AS perspective, 'srs' AS instrument, 9 AS \"1\" WHERE false"));
        }

        Assert.Equal(40, (await ReadAsync(WideSeed())).GetValueOrThrow().Single().RowCount);
        Assert.Equal(30, (await ReadAsync(LongSeed())).GetValueOrThrow().Single().RowCount);
    }

    [Fact]
    public async Task MutatedFiles_GiveAResultOrAnUnreadableError_NeverAnExceptionOrAHang()
    {
        byte[][] seeds = [WideSeed(), LongSeed()];
        var random = new Random(27);
        int unreadable = 0;
        for (int trial = 0; trial < Trials; trial++)
        {
            byte[] seed = seeds[trial % seeds.Length];
            byte[] bytes = Mutate(seed, random);
            ColumnarResult<ImmutableArray<ResponseBlock>> result;
            try
            {
                result = await ReadAsync(bytes);
            }
            catch (Exception ex)
            {
                string file = Path.Combine(Environment.GetEnvironmentVariable("TA_CRASH_DIR") ?? _dir, $"crash-{trial}.parquet");
                await File.WriteAllBytesAsync(file, bytes);
                throw new Xunit.Sdk.XunitException($"Trial {trial} threw {ex.GetType().Name}: {ex.Message}");
            }

            if (!result.IsSuccess)
            {
                unreadable++;
                Assert.False(string.IsNullOrWhiteSpace(result.Error!.Message));
            }
        }

        // Most mutations damage the file; a test whose mutations all missed would prove nothing.
        Assert.InRange(unreadable, Trials / 10, Trials);
    }

    [Fact]
    public async Task TheTableReader_OnMutatedFiles_GivesATableOrATypedError_NeverAnExceptionOrAHang()
    {
        // Issue 29: ColumnarTables.ReadParquetAsync (alliance mixed --input-format parquet) reads any table; it shares
        // the preflight and the guarded stream, and must hold the same contract.
        byte[][] seeds = [WideSeed(), LongSeed()];
        TherapeuticAlliance.Tables.TidyTable seed = (await ReadTableAsync(seeds[0])).GetValueOrThrow();
        Assert.Equal(40, seed.RowCount);
        Assert.Equal("2026-01-01", seed[0, "date"]);
        Assert.Equal(5.0, seed[0, "2"]);
        var random = new Random(2029);
        int refused = 0, trials = Math.Max(200, Trials / 3);
        for (int trial = 0; trial < trials; trial++)
        {
            byte[] bytes = Mutate(seeds[trial % seeds.Length], random);
            ColumnarResult<TherapeuticAlliance.Tables.TidyTable> result;
            try
            {
                result = await ReadTableAsync(bytes);
            }
            catch (Exception ex)
            {
                await File.WriteAllBytesAsync(Path.Combine(Environment.GetEnvironmentVariable("TA_CRASH_DIR") ?? _dir, $"table-crash-{trial}.parquet"), bytes);
                throw new Xunit.Sdk.XunitException($"Trial {trial} threw {ex.GetType().Name}: {ex.Message}");
            }

            if (!result.IsSuccess)
            {
                refused++;
                Assert.False(string.IsNullOrWhiteSpace(result.Error!.Message));
            }
        }

        Assert.InRange(refused, trials / 10, trials);

        static async Task<ColumnarResult<TherapeuticAlliance.Tables.TidyTable>> ReadTableAsync(byte[] bytes) => await Task.Run(async () =>
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return await ColumnarTables.ReadParquetAsync(stream);
        }).WaitAsync(TimeSpan.FromSeconds(Deadline));
    }

    public static TheoryData<string, int> FooterLengths() => new()
    {
        { "minus one", -1 },
        { "zero", 0 },
        { "longer than the file", int.MaxValue },
        { "one byte too long", 1_000_000 },
    };

    [Theory]
    [MemberData(nameof(FooterLengths))]
    public async Task AFooterLength_ThatDoesNotFitTheFile_IsUnreadable(string name, int length)
    {
        _ = name;
        byte[] bytes = WideSeed();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(bytes.Length - 8), length);
        ColumnarError error = (await ReadAsync(bytes)).AsT1;
        Assert.Equal(ColumnarErrorKind.Unreadable, error.Kind);
        Assert.Contains("footer length does not fit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARowGroup_ClaimingBillionsOfRows_IsRefusedBeforeAnythingIsAllocated()
    {
        // The 8 GB allocation of issue 27: a row count that drives the size of every column's array. A file of one row
        // whose row group claims 2^40 rows is refused by the preflight, not read.
        byte[] bytes = WideSeed();
        ColumnarError error = (await ReadAsync(WithRowGroupRows(bytes, 1L << 40))).AsT1;
        Assert.Equal(ColumnarErrorKind.Unreadable, error.Kind);
        Assert.Contains("row count outside 0 to 16,777,216", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Rewrites the row counts of a 40-row file: in the compact protocol, FileMetaData's and RowGroup's num_rows are
    /// field 3 after field 2, an i64 (header byte 0x16), whose zigzag varint for 40 is 0x50. Each such pair gets the
    /// varint of <paramref name="rows"/>; the footer grows, and its length is fixed (no offset points into the footer).
    /// </summary>
    private static byte[] WithRowGroupRows(byte[] file, long rows)
    {
        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 8));
        int footerStart = file.Length - 8 - footerLength;
        byte[] footer = file.AsSpan(footerStart, footerLength).ToArray();
        var varint = new List<byte>();
        for (ulong v = (ulong)(rows << 1); ; v >>= 7)
        {
            if (v < 0x80)
            {
                varint.Add((byte)v);
                break;
            }

            varint.Add((byte)((v & 0x7F) | 0x80));
        }

        var patched = new List<byte>();
        int replaced = 0;
        for (int i = 0; i < footer.Length; i++)
        {
            if (footer[i] == 0x16 && i + 1 < footer.Length && footer[i + 1] == 0x50)
            {
                patched.Add(0x16);
                patched.AddRange(varint);
                i++;
                replaced++;
            }
            else
            {
                patched.Add(footer[i]);
            }
        }

        Assert.True(replaced >= 2, "The seed's footer no longer has the row counts this test patches.");
        var result = new byte[footerStart + patched.Count + 8];
        file.AsSpan(0, footerStart).CopyTo(result);
        patched.CopyTo(result, footerStart);
        BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(footerStart + patched.Count), patched.Count);
        "PAR1"u8.CopyTo(result.AsSpan(result.Length - 4));
        return result;
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        byte[] bytes = (byte[])seed.Clone();
        switch (random.Next(5))
        {
            case 0:
                // Flip a few bytes anywhere.
                for (int i = random.Next(1, 8); i > 0; i--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return bytes;
            case 1:
                // Flip bytes in the footer, where the Thrift reader lives.
                int footerLength = Math.Min(BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8)), bytes.Length - 12);
                for (int i = random.Next(1, 4); i > 0; i--)
                {
                    bytes[bytes.Length - 8 - 1 - random.Next(footerLength)] = (byte)random.Next(256);
                }

                return bytes;
            case 2:
                // Cut the file short and put the magic back.
                int length = random.Next(12, bytes.Length);
                byte[] cut = bytes.AsSpan(0, length).ToArray();
                "PAR1"u8.CopyTo(cut.AsSpan(length - 4));
                return cut;
            case 3:
                // A footer length off by a little or a lot.
                int delta = random.Next(2) == 0 ? random.Next(-64, 64) : random.Next();
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(bytes.Length - 8), BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8)) + delta);
                return bytes;
            default:
                // Extreme varint bytes in the footer (0xFF continues a varint; 0x7F ends it at a large value).
                int footer = Math.Min(BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8)), bytes.Length - 12);
                int at = bytes.Length - 8 - 1 - random.Next(footer);
                for (int i = 0; i < random.Next(1, 6) && at + i < bytes.Length - 8; i++)
                {
                    bytes[at + i] = random.Next(2) == 0 ? (byte)0xFF : (byte)0x7F;
                }

                return bytes;
        }
    }

    [Fact]
    public async Task AnEmptyRowGroup_IsReadAsNoRows_ByTheMatrixReaderToo()
    {
        // Issue 27: an empty row group (several writers write one) has no column statistics, and the matrix reader took
        // that for "another instrument". Parquet.Net writes an empty group, then a group of two SRS administrations.
        string path = Path.Combine(_dir, "empty-group.parquet");
        var fields = new Parquet.Schema.DataField[] { new Parquet.Schema.DataField<string>("episode"), new Parquet.Schema.DataField<int>("session"), new Parquet.Schema.DataField<string>("perspective"), new Parquet.Schema.DataField<string>("instrument"), new Parquet.Schema.DataField<double>("1"), new Parquet.Schema.DataField<double>("2"), new Parquet.Schema.DataField<double>("3"), new Parquet.Schema.DataField<double>("4") };
        await using (FileStream stream = File.Create(path))
        {
            await using Parquet.ParquetWriter writer = await Parquet.ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(fields), stream);
            foreach (int rows in new[] { 0, 2 })
            {
                using Parquet.ParquetRowGroupWriter group = writer.CreateRowGroup();
                await group.WriteAsync(fields[0], Enumerable.Repeat("e", rows).ToArray());
                await group.WriteAsync<int>(fields[1], Enumerable.Range(1, rows).ToArray().AsMemory());
                await group.WriteAsync(fields[2], Enumerable.Repeat("client", rows).ToArray());
                await group.WriteAsync(fields[3], Enumerable.Repeat("srs", rows).ToArray());
                for (int i = 4; i < 8; i++)
                {
                    await group.WriteAsync<double>(fields[i], Enumerable.Repeat(7.5, rows).ToArray().AsMemory());
                }
            }
        }

        var matrix = (await ColumnarResponses.ReadResponseMatrixAsync(path, AllianceInstruments.Srs)).GetValueOrThrow();
        Assert.Equal(2, matrix.RowCount);
        Assert.Equal(2, (await ColumnarResponses.ReadParquetAsync(path, Catalog)).GetValueOrThrow().Single().RowCount);
    }
}
