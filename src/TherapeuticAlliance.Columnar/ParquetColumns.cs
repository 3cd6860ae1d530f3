using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

using TherapeuticAlliance.Schema;

namespace TherapeuticAlliance.Columnar;

/// <summary>Reads one Parquet column of a row group into an array of the type the layout needs; <see langword="null"/> when the column's type does not fit.</summary>
internal static class ParquetColumns
{

    internal static async Task<string?[]?> StringsAsync(ParquetRowGroupReader group, DataField field, int n, CancellationToken cancellationToken)
    {
        if (field.ClrType != typeof(string) && field.ClrType != typeof(ReadOnlyMemory<char>))
        {
            return null;
        }

        var values = new string?[n];
        await group.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        return values;
    }

    internal static async Task<long?[]?> IntegersAsync(ParquetRowGroupReader group, DataField field, int n, CancellationToken cancellationToken)
    {
        Type t = field.ClrType;
        return t == typeof(int) ? await ReadAsync<int, long?>(group, field, n, v => v, null, cancellationToken).ConfigureAwait(false)
            : t == typeof(long) ? await ReadAsync<long, long?>(group, field, n, v => v, null, cancellationToken).ConfigureAwait(false)
            : t == typeof(short) ? await ReadAsync<short, long?>(group, field, n, v => v, null, cancellationToken).ConfigureAwait(false)
            : t == typeof(sbyte) ? await ReadAsync<sbyte, long?>(group, field, n, v => v, null, cancellationToken).ConfigureAwait(false)
            : t == typeof(byte) ? await ReadAsync<byte, long?>(group, field, n, v => v, null, cancellationToken).ConfigureAwait(false)
            : t == typeof(ushort) ? await ReadAsync<ushort, long?>(group, field, n, v => v, null, cancellationToken).ConfigureAwait(false)
            : t == typeof(uint) ? await ReadAsync<uint, long?>(group, field, n, v => v, null, cancellationToken).ConfigureAwait(false)
            : null;
    }

    internal static async Task<double[]?> NumbersAsync(ParquetRowGroupReader group, DataField field, int n, CancellationToken cancellationToken)
    {
        Type t = field.ClrType;
        return t == typeof(double) ? await ReadAsync<double, double>(group, field, n, v => v, double.NaN, cancellationToken).ConfigureAwait(false)
            : t == typeof(float) ? await ReadAsync<float, double>(group, field, n, v => v, double.NaN, cancellationToken).ConfigureAwait(false)
            : t == typeof(int) ? await ReadAsync<int, double>(group, field, n, v => v, double.NaN, cancellationToken).ConfigureAwait(false)
            : t == typeof(long) ? await ReadAsync<long, double>(group, field, n, v => v, double.NaN, cancellationToken).ConfigureAwait(false)
            : t == typeof(short) ? await ReadAsync<short, double>(group, field, n, v => v, double.NaN, cancellationToken).ConfigureAwait(false)
            : t == typeof(sbyte) ? await ReadAsync<sbyte, double>(group, field, n, v => v, double.NaN, cancellationToken).ConfigureAwait(false)
            : t == typeof(byte) ? await ReadAsync<byte, double>(group, field, n, v => v, double.NaN, cancellationToken).ConfigureAwait(false)
            : t == typeof(ushort) ? await ReadAsync<ushort, double>(group, field, n, v => v, double.NaN, cancellationToken).ConfigureAwait(false)
            : t == typeof(uint) ? await ReadAsync<uint, double>(group, field, n, v => v, double.NaN, cancellationToken).ConfigureAwait(false)
            : t == typeof(decimal) ? await ReadAsync<decimal, double>(group, field, n, v => (double)v, double.NaN, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>Reads a numeric column into a slice of the caller's array (NaN for null), with no intermediate array of doubles; false when the column is not numeric.</summary>
    internal static async Task<bool> NumbersIntoAsync(ParquetRowGroupReader group, DataField field, Memory<double> destination, CancellationToken cancellationToken)
    {
        Type t = field.ClrType;
        if (t == typeof(double) && !field.IsNullable)
        {
            await group.ReadAsync<double>(field, destination, null, cancellationToken).ConfigureAwait(false);
            return true;
        }

        return t == typeof(double) ? await IntoAsync<double>(group, field, destination, static v => v, cancellationToken).ConfigureAwait(false)
            : t == typeof(float) ? await IntoAsync<float>(group, field, destination, static v => v, cancellationToken).ConfigureAwait(false)
            : t == typeof(int) ? await IntoAsync<int>(group, field, destination, static v => v, cancellationToken).ConfigureAwait(false)
            : t == typeof(long) ? await IntoAsync<long>(group, field, destination, static v => v, cancellationToken).ConfigureAwait(false)
            : t == typeof(short) ? await IntoAsync<short>(group, field, destination, static v => v, cancellationToken).ConfigureAwait(false)
            : t == typeof(sbyte) ? await IntoAsync<sbyte>(group, field, destination, static v => v, cancellationToken).ConfigureAwait(false)
            : t == typeof(byte) ? await IntoAsync<byte>(group, field, destination, static v => v, cancellationToken).ConfigureAwait(false)
            : t == typeof(ushort) ? await IntoAsync<ushort>(group, field, destination, static v => v, cancellationToken).ConfigureAwait(false)
            : t == typeof(uint) ? await IntoAsync<uint>(group, field, destination, static v => v, cancellationToken).ConfigureAwait(false)
            : t == typeof(decimal) && await IntoAsync<decimal>(group, field, destination, static v => (double)v, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> IntoAsync<T>(ParquetRowGroupReader group, DataField field, Memory<double> destination, Func<T, double> map, CancellationToken cancellationToken)
        where T : struct
    {
        int n = destination.Length;
        if (field.IsNullable)
        {
            T?[] buffer = System.Buffers.ArrayPool<T?>.Shared.Rent(n);
            try
            {
                await group.ReadAsync<T>(field, buffer.AsMemory(0, n), null, cancellationToken).ConfigureAwait(false);
                Span<double> target = destination.Span;
                for (int i = 0; i < n; i++)
                {
                    target[i] = buffer[i] is { } v ? map(v) : double.NaN;
                }
            }
            finally
            {
                System.Buffers.ArrayPool<T?>.Shared.Return(buffer);
            }
        }
        else
        {
            T[] buffer = System.Buffers.ArrayPool<T>.Shared.Rent(n);
            try
            {
                await group.ReadAsync<T>(field, buffer.AsMemory(0, n), null, cancellationToken).ConfigureAwait(false);
                Span<double> target = destination.Span;
                for (int i = 0; i < n; i++)
                {
                    target[i] = map(buffer[i]);
                }
            }
            finally
            {
                System.Buffers.ArrayPool<T>.Shared.Return(buffer);
            }
        }

        return true;
    }

    /// <summary>A date column: dates, timestamps or ISO 8601 text; <see langword="null"/> for another type, and the first row whose text is not a date (−1 when none).</summary>
    /// <remarks>
    /// A timestamp adjusted to UTC is an instant: when the file's Arrow schema (<see cref="ArrowSchemaMetadata"/>) gives
    /// its time zone, the instant comes back at that zone's offset, so the session's date is the calendar date the writer
    /// meant, as on the CSV and Arrow paths; without a zone it is read in UTC. A timestamp not adjusted to UTC is a wall
    /// clock, read as UTC like a CSV time without an offset; a DATE is that date at midnight UTC.
    /// </remarks>
    internal static async Task<(DateTimeOffset?[]? Dates, int FirstBad)> DatesAsync(ParquetRowGroupReader group, DataField field, int n, TimeZoneInfo? zone, CancellationToken cancellationToken)
    {
        Type t = field.ClrType;
        if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>))
        {
            string?[]? texts = await StringsAsync(group, field, n, cancellationToken).ConfigureAwait(false);
            return ParseIso(texts!);
        }

        DateTimeOffset?[]? dates = t == typeof(DateTime) ? await ReadAsync<DateTime, DateTimeOffset?>(group, field, n, v => Zoned(new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)), zone), null, cancellationToken).ConfigureAwait(false)
            : t == typeof(DateOnly) ? await ReadAsync<DateOnly, DateTimeOffset?>(group, field, n, v => new DateTimeOffset(v.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), null, cancellationToken).ConfigureAwait(false)
            : t == typeof(DateTimeOffset) ? await ReadAsync<DateTimeOffset, DateTimeOffset?>(group, field, n, v => v, null, cancellationToken).ConfigureAwait(false)
            : null;
        return (dates, -1);
    }

    private static DateTimeOffset Zoned(DateTimeOffset instant, TimeZoneInfo? zone) => zone is null ? instant : TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>Session dates by the library's one rule (<see cref="SessionDates"/>; null and empty text are no date), and the first text that is not one (−1 when none).</summary>
    internal static (DateTimeOffset?[] Dates, int FirstBad) ParseIso(string?[] texts)
    {
        var dates = new DateTimeOffset?[texts.Length];
        int firstBad = -1;
        for (int i = 0; i < texts.Length; i++)
        {
            if (texts[i] is null)
            {
                continue;
            }

            if (SessionDates.TryParse(texts[i], out DateTimeOffset? date))
            {
                dates[i] = date;
            }
            else if (firstBad < 0)
            {
                firstBad = i;
            }
        }

        return (dates, firstBad);
    }

    private static async Task<TOut[]> ReadAsync<T, TOut>(ParquetRowGroupReader group, DataField field, int n, Func<T, TOut> map, TOut whenNull, CancellationToken cancellationToken)
        where T : struct
    {
        var result = new TOut[n];
        if (field.IsNullable)
        {
            var buffer = new T?[n];
            await group.ReadAsync<T>(field, buffer.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < n; i++)
            {
                result[i] = buffer[i] is { } v ? map(v) : whenNull;
            }
        }
        else
        {
            var buffer = new T[n];
            await group.ReadAsync<T>(field, buffer.AsMemory(), null, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < n; i++)
            {
                result[i] = map(buffer[i]);
            }
        }

        return result;
    }
}
