using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace TherapeuticAlliance.Columnar;

/// <summary>
/// The stream Parquet.Net reads pages through: a read-only view of the caller's stream where reading a single byte at
/// the end throws instead of returning −1 (Parquet.Net's Thrift reader turns −1 into 0xFF and loops forever on a
/// varint: issue 27's hangs), and where the bytes read in total are capped at a budget (a damaged page offset that
/// sends the page loop back over the same bytes ends with an error, not a spin). Never disposes the caller's stream.
/// </summary>
internal sealed class GuardedReadStream(Stream inner, long budget) : Stream
{
    private long _read;

    /// <summary>The budget for a file of <paramref name="length"/> bytes: every byte read sixteen times over, and 64 MiB.</summary>
    internal static long BudgetFor(long length) => (length * 16) + (64L * 1024 * 1024);

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int ReadByte()
    {
        int b = inner.ReadByte();
        if (b < 0)
        {
            throw new EndOfStreamException("A structure runs past the end of the file.");
        }

        Count(1);
        return b;
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        _read += read;
        if (_read > budget)
        {
            throw new InvalidDataException("Reading the file took more than sixteen passes over it; its page offsets are damaged.");
        }

        return read;
    }
}
