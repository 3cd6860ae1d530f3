using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace TherapeuticAlliance.Columnar;

/// <summary>
/// Checks a Parquet file's structure before Parquet.Net reads it (issue 27: mutated files made the Thrift footer
/// reader loop forever, throw a dozen exception types, or allocate 8 GB for a 1 KB file). The footer and every page
/// header are walked by <see cref="MirrorReader"/>, which reads them exactly as Parquet.Net does but bounded: every
/// length is checked against the bytes that remain, nesting against <see cref="MaximumNesting"/>, and the sizes that
/// drive allocation (rows per row group, page sizes, value counts, column count) against the limits below, so what
/// Parquet.Net is then given is well formed and small enough to allocate. The walk reads the footer and the first bytes
/// of each page; it never decodes data. Positions are from the stream's beginning, as Parquet.Net reads it whatever the
/// stream's position.
/// </summary>
/// <remarks>The format: Apache Parquet's <c>parquet.thrift</c> (FileMetaData, RowGroup, ColumnChunk, ColumnMetaData, PageHeader) in Thrift's compact protocol.</remarks>
internal static class ParquetPreflight
{
    /// <summary>The largest footer read: 16 MiB (a footer holds the schema and one entry per column chunk; a 1,000-column file with 100 row groups writes about 10 MB).</summary>
    internal const int MaximumFooterLength = 16 * 1024 * 1024;

    /// <summary>The most rows in one row group: 2²⁴ = 16,777,216 (writers default to 1 million rows or 128 MB per group; the reader allocates one array per column per group).</summary>
    internal const long MaximumRowsPerGroup = 1L << 24;

    /// <summary>The most leaf columns: 100,000.</summary>
    internal const int MaximumColumns = 100_000;

    /// <summary>The largest page, compressed or not: 256 MiB (writers default to 1 MiB pages).</summary>
    internal const int MaximumPageLength = 256 * 1024 * 1024;

    /// <summary>The deepest nesting of Thrift structures and lists: 32 (the format nests about six deep).</summary>
    internal const int MaximumNesting = 32;

    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    /// <summary>Checks the stream's Parquet structure; <see langword="null"/> when it is sound, else the problem (a message naming no content of the file).</summary>
    internal static async Task<string?> CheckAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (!stream.CanSeek || !stream.CanRead)
        {
            return "The stream cannot seek; Parquet is read from its end, so give a seekable stream (a file, or a MemoryStream).";
        }

        long length = stream.Length;
        if (length < 12)
        {
            return "The input is too short to be a Parquet file.";
        }

        byte[] head = new byte[4];
        byte[] tail = new byte[8];
        await ReadAtAsync(stream, 0, head, cancellationToken).ConfigureAwait(false);
        await ReadAtAsync(stream, length - 8, tail, cancellationToken).ConfigureAwait(false);
        if (!head.AsSpan().SequenceEqual(Magic) || !tail.AsSpan(4).SequenceEqual(Magic))
        {
            return "The input does not begin and end with Parquet's magic bytes; it is not a Parquet file.";
        }

        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (footerLength <= 0 || footerLength > length - 12)
        {
            return "The file's footer length does not fit inside the file; the file is damaged or cut short.";
        }

        if (footerLength > MaximumFooterLength)
        {
            return string.Format(CultureInfo.InvariantCulture, "The file's footer is longer than {0:N0} bytes; this reader reads footers up to that size.", MaximumFooterLength);
        }

        byte[] footer = new byte[footerLength];
        long footerStart = length - 8 - footerLength;
        await ReadAtAsync(stream, footerStart, footer, cancellationToken).ConfigureAwait(false);
        List<Chunk> chunks;
        try
        {
            chunks = FileMetaData(footer, footerStart);
        }
        catch (FormatException ex)
        {
            return "The file's footer is damaged: " + ex.Message;
        }

        foreach (Chunk chunk in chunks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await PagesAsync(stream, length, chunk, cancellationToken).ConfigureAwait(false) is { } problem)
            {
                return "A column chunk is damaged: " + problem;
            }
        }

        stream.Position = 0;
        return null;
    }

    /// <summary>Walks FileMetaData as Parquet.Net reads it: the row groups' row counts and each column chunk's byte range, checked against the file.</summary>
    private static List<Chunk> FileMetaData(byte[] footer, long dataEnd)
    {
        var chunks = new List<Chunk>();
        var groupChunks = new List<(long Values, long Compressed, long DataPage, long IndexPage, long DictionaryPage)>();
        long rows = 0, values = 0, compressed = 0, dataPage = 0, indexPage = 0, dictionaryPage = 0;
        var reader = new MirrorReader(footer)
        {
            OnBegin = name =>
            {
                if (name == "RowGroup")
                {
                    groupChunks.Clear();
                    rows = 0;
                }
                else if (name == "ColumnMetaData")
                {
                    values = compressed = dataPage = indexPage = dictionaryPage = 0;
                }
            },
            OnValue = (name, id, value) =>
            {
                switch (name, id)
                {
                    case ("FileMetaData", 2) when value > MaximumColumns + 1:
                        throw new FormatException(string.Format(CultureInfo.InvariantCulture, "it declares more than {0:N0} columns.", MaximumColumns));
                    case ("RowGroup", 3): rows = value; break;
                    case ("ColumnMetaData", 5): values = value; break;
                    case ("ColumnMetaData", 7): compressed = value; break;
                    case ("ColumnMetaData", 9): dataPage = value; break;
                    case ("ColumnMetaData", 10): indexPage = value; break;
                    case ("ColumnMetaData", 11): dictionaryPage = value; break;
                }
            },
            OnEnd = name =>
            {
                if (name == "ColumnMetaData")
                {
                    groupChunks.Add((values, compressed, dataPage, indexPage, dictionaryPage));
                }
                else if (name == "RowGroup")
                {
                    if (rows < 0 || rows > MaximumRowsPerGroup)
                    {
                        throw new FormatException(string.Format(CultureInfo.InvariantCulture, "a row group declares a row count outside 0 to {0:N0}.", MaximumRowsPerGroup));
                    }

                    foreach (var c in groupChunks)
                    {
                        chunks.Add(ColumnChunk(c.Values, c.Compressed, c.DataPage, c.IndexPage, c.DictionaryPage, dataEnd) with { Rows = rows });
                    }
                }
            },
        };
        reader.Read("FileMetaData", 0);
        return chunks;
    }

    /// <summary>A column chunk's pages: from the least positive of its dictionary, data and index page offsets (where Parquet.Net starts), <c>total_compressed_size</c> bytes.</summary>
    private static Chunk ColumnChunk(long values, long compressed, long dataPage, long indexPage, long dictionaryPage, long dataEnd)
    {
        if (values == 0 && compressed == 0)
        {
            return new Chunk(0, 0, 0, 0);    // an empty row group's chunk (several writers write one), with any offsets
        }

        long first = long.MaxValue;
        foreach (long offset in (ReadOnlySpan<long>)[dictionaryPage, dataPage, indexPage])
        {
            if (offset > 0 && offset < first)
            {
                first = offset;
            }
        }

        if (values < 0 || values > int.MaxValue || compressed < 0 || first < 4 || first > dataEnd || compressed > dataEnd - first)
        {
            throw new FormatException("a column chunk's offsets, sizes or value count fall outside the file.");
        }

        return new Chunk(first, compressed, values, 0);
    }

    /// <summary>Walks a column chunk's page headers as Parquet.Net reads them: each page's sizes and value count, and that the pages tile the chunk.</summary>
    private static async Task<string?> PagesAsync(Stream stream, long fileLength, Chunk chunk, CancellationToken cancellationToken)
    {
        long position = chunk.Offset;
        long end = chunk.Offset + chunk.Length;
        long values = 0;
        int size = 64 * 1024;
        while (position < end && values < chunk.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int available = (int)Math.Min(size, fileLength - position);
            byte[] window = new byte[available];
            await ReadAtAsync(stream, position, window, cancellationToken).ConfigureAwait(false);
            Page page;
            try
            {
                page = PageHeader(window);
            }
            catch (Truncated) when (available == size && size < MaximumFooterLength)
            {
                size *= 4;      // a header with long statistics: read more of it, up to the footer's limit
                continue;
            }
            catch (FormatException ex)
            {
                return ex.Message;
            }

            if (page.Uncompressed < 0 || page.Compressed < 0 || page.Uncompressed > MaximumPageLength || page.Compressed > MaximumPageLength)
            {
                return string.Format(CultureInfo.InvariantCulture, "a page declares a size outside 0 to {0:N0} bytes.", MaximumPageLength);
            }

            if (page.Values < 0 || page.Values > Math.Max(chunk.Values, chunk.Rows))
            {
                return "a page declares more values than its column chunk.";
            }

            long next = position + page.HeaderLength + page.Compressed;
            if (next > end)
            {
                return "a page runs past the end of its column chunk.";
            }

            if (!page.IsDictionary)
            {
                values += page.Values;
            }

            position = next;
        }

        return null;
    }

    private static Page PageHeader(byte[] window)
    {
        int uncompressed = -1, compressed = -1, type = -1;
        long values = 0;
        var reader = new MirrorReader(window)
        {
            OnValue = (name, id, value) =>
            {
                switch (name, id)
                {
                    case ("PageHeader", 1): type = (int)value; break;
                    case ("PageHeader", 2): uncompressed = (int)value; break;
                    case ("PageHeader", 3): compressed = (int)value; break;
                    case ("DataPageHeader" or "DictionaryPageHeader" or "DataPageHeaderV2", 1): values = value; break;
                }
            },
        };
        reader.Read("PageHeader", 0);
        if (uncompressed < 0 || compressed < 0)
        {
            throw new FormatException("a page header gives no page size.");
        }

        return new Page(reader.Position, uncompressed, compressed, values, type == 2);
    }

    private static async Task ReadAtAsync(Stream stream, long position, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        stream.Position = position;
        int total = 0;
        while (total < buffer.Length)
        {
            int read = await stream.ReadAsync(buffer[total..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new EndOfStreamException("The stream ended before its stated length.");
            }

            total += read;
        }
    }

    /// <summary>A structure ran past the bytes given: damage in a footer, or a page header longer than the window read.</summary>
    private sealed class Truncated() : FormatException("a structure runs past its end.");

    private readonly record struct Chunk(long Offset, long Length, long Values, long Rows);

    private readonly record struct Page(int HeaderLength, int Uncompressed, int Compressed, long Values, bool IsDictionary);

    /// <summary>
    /// Reads Thrift's compact protocol exactly as Parquet.Net 6.1's <c>ThriftCompactProtocolReader</c> and its generated
    /// struct readers do (each field id read as <see cref="ParquetThriftSchema"/> records, whatever type the file
    /// declares; unknown ids skipped by Parquet.Net's own rules, a skipped struct's field headers only), but bounded:
    /// where Parquet.Net would read past the end (and loop forever on the −1 its stream returns), allocate a list longer
    /// than the bytes left, or recurse deeper than <see cref="MaximumNesting"/>, this throws a <see cref="FormatException"/>
    /// naming no content. So a footer this reader walks to its end is one Parquet.Net reads in bounded time and memory.
    /// </summary>
    private sealed class MirrorReader(byte[] bytes)
    {
        internal int Position { get; private set; }

        internal Action<string>? OnBegin { get; init; }

        internal Action<string, int, long>? OnValue { get; init; }

        internal Action<string>? OnEnd { get; init; }

        /// <summary>Reads one struct of the named type, as its generated <c>Read</c> does.</summary>
        internal void Read(string name, int depth)
        {
            Nest(depth);
            OnBegin?.Invoke(name);
            Dictionary<int, ParquetThriftSchema.Field> fields = ParquetThriftSchema.Structs[name];
            short last = 0;
            while (NextField(ref last, out short id, out int type))
            {
                if (!fields.TryGetValue(id, out ParquetThriftSchema.Field field))
                {
                    Skip(type, depth + 1);
                    continue;
                }

                if (!field.IsList)
                {
                    Value(name, id, field, depth + 1);
                    continue;
                }

                int count = ListHeader(out _);
                OnValue?.Invoke(name, id, count);
                for (int i = 0; i < count; i++)
                {
                    Value(name, id, field, depth + 1);
                }
            }

            OnEnd?.Invoke(name);
        }

        private void Value(string name, int id, ParquetThriftSchema.Field field, int depth)
        {
            switch (field.Kind)
            {
                case ParquetThriftSchema.Kind.Bool:
                    break;
                case ParquetThriftSchema.Kind.ListedBool or ParquetThriftSchema.Kind.I8:
                    Byte();
                    break;
                case ParquetThriftSchema.Kind.I16:
                    OnValue?.Invoke(name, id, (short)Zigzag32(Varint32()));
                    break;
                case ParquetThriftSchema.Kind.I32:
                    OnValue?.Invoke(name, id, Zigzag32(Varint32()));
                    break;
                case ParquetThriftSchema.Kind.I64:
                    OnValue?.Invoke(name, id, Zigzag64(Varint64()));
                    break;
                case ParquetThriftSchema.Kind.Double:
                    Advance(8);
                    break;
                case ParquetThriftSchema.Kind.Binary:
                    Binary();
                    break;
                default:
                    Read(field.Struct!, depth);
                    break;
            }
        }

        /// <summary>ThriftCompactProtocolReader.ReadNextField: a header byte, 0 ends the struct; a zero delta reads the id as an i16.</summary>
        private bool NextField(ref short last, out short id, out int type)
        {
            byte header = Byte();
            if (header == 0)
            {
                id = 0;
                type = 0;
                return false;
            }

            int modifier = (header & 0xF0) >> 4;
            type = header & 0x0F;
            id = modifier == 0 ? (short)Zigzag32(Varint32()) : (short)(last + modifier);
            last = id;
            return true;
        }

        /// <summary>ReadListHeader: the count (as Parquet.Net sizes its list) must fit the bytes left, each element taking at least one.</summary>
        private int ListHeader(out int elementType)
        {
            byte header = Byte();
            int size = (header >> 4) & 0x0F;
            if (size == 15)
            {
                size = (int)Varint32();
            }

            elementType = header & 0x0F;
            if (size < 0 || size > bytes.Length - Position)
            {
                throw new FormatException("a list's length is impossible.");
            }

            return size;
        }

        /// <summary>SkipField, with its rules: booleans take nothing, a struct is skipped by its field headers alone, another type throws.</summary>
        private void Skip(int type, int depth)
        {
            Nest(depth);
            switch (type)
            {
                case 1 or 2:
                    break;
                case 3:
                    Advance(1);
                    break;
                case 4 or 5:
                    Varint32();
                    break;
                case 6:
                    Varint64();
                    break;
                case 7:
                    Advance(8);
                    break;
                case 8:
                    Binary();
                    break;
                case 12:
                    short last = 0;
                    while (NextField(ref last, out _, out _))
                    {
                    }

                    break;
                case 9:
                    int count = ListHeader(out int elementType);
                    for (int i = 0; i < count; i++)
                    {
                        Skip(elementType, depth + 1);
                    }

                    break;
                default:
                    throw new FormatException("a field has a type the format does not have.");
            }
        }

        private void Binary()
        {
            int length = (int)Varint32();
            if (length < 0)
            {
                throw new FormatException("a string's length is impossible.");
            }

            Advance(length);
        }

        /// <summary>
        /// ReadVarInt32 and, below, ReadVarInt64, kept as two copies on purpose: a shift of a 32-bit value wraps at 32
        /// and of a 64-bit one at 64, so an over-long varint decodes to different values in each, and the counts and
        /// lengths read here must be Parquet.Net's.
        /// </summary>
        private uint Varint32()
        {
            uint result = 0;
            int shift = 0;
            while (true)
            {
                byte b = Byte();
                result |= (uint)(b & 0x7F) << shift;
                if ((b & 0x80) != 0x80)
                {
                    return result;
                }

                shift += 7;
            }
        }

        private ulong Varint64()
        {
            ulong result = 0;
            int shift = 0;
            while (true)
            {
                byte b = Byte();
                result |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) != 0x80)
                {
                    return result;
                }

                shift += 7;
            }
        }

        private static int Zigzag32(uint n) => (int)(n >> 1) ^ -(int)(n & 1);

        private static long Zigzag64(ulong n) => (long)(n >> 1) ^ -(long)(n & 1);

        private static void Nest(int depth)
        {
            if (depth > MaximumNesting)
            {
                throw new FormatException(string.Format(CultureInfo.InvariantCulture, "it nests deeper than {0} levels.", MaximumNesting));
            }
        }

        private byte Byte()
        {
            if (Position >= bytes.Length)
            {
                throw new Truncated();
            }

            return bytes[Position++];
        }

        private void Advance(int count)
        {
            if (count > bytes.Length - Position)
            {
                throw new Truncated();
            }

            Position += count;
        }
    }
}
