using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace TherapeuticAlliance.Columnar;

/// <summary>
/// Reads one Arrow array into an array of the type the layout needs; <see langword="null"/> when its type does not fit.
/// Accepts the encodings mainstream writers produce (issue 27): strings as <c>utf8</c>, <c>large_utf8</c> (Polars),
/// <c>utf8_view</c> or dictionary-encoded (pandas categories, R factors); numbers as integers, floats, <c>decimal128</c> or
/// dictionary-encoded; dates as <c>date32</c>, <c>date64</c>, timestamps with or without a time zone, or ISO 8601 text.
/// </summary>
internal static class ArrowColumns
{
    internal static string?[]? Strings(IArrowArray array) => array switch
    {
        StringArray a => Map(a.Length, i => a.IsNull(i) ? null : a.GetString(i)),
        LargeStringArray a => Map(a.Length, i => a.IsNull(i) ? null : a.GetString(i)),
        StringViewArray a => Map(a.Length, i => a.IsNull(i) ? null : a.GetString(i)),
        DictionaryArray a => Decode(a, Strings, null),
        _ => null,
    };

    /// <remarks>
    /// An unsigned value past <see cref="long.MaxValue"/>, or a decimal that is not a whole number in range, reads as −1:
    /// no session number is negative, so the row is refused as "missing or out of range" with its row and column.
    /// </remarks>
    internal static long?[]? Integers(IArrowArray array) => array switch
    {
        Int32Array a => Map(a.Length, i => (long?)a.GetValue(i)),
        Int64Array a => Map(a.Length, i => (long?)a.GetValue(i)),
        Int16Array a => Map(a.Length, i => (long?)a.GetValue(i)),
        Int8Array a => Map(a.Length, i => (long?)a.GetValue(i)),
        UInt8Array a => Map(a.Length, i => (long?)a.GetValue(i)),
        UInt16Array a => Map(a.Length, i => (long?)a.GetValue(i)),
        UInt32Array a => Map(a.Length, i => (long?)a.GetValue(i)),
        UInt64Array a => Map(a.Length, i => a.GetValue(i) is { } v && v <= long.MaxValue ? (long?)v : a.IsNull(i) ? null : -1),
        Decimal128Array a => Map(a.Length, i => Decimal(a, i) is { } v ? (Math.Floor(v) == v && Math.Abs(v) <= long.MaxValue ? (long?)v : -1) : null),
        DictionaryArray a => Decode(a, Integers, null),
        _ => null,
    };

    internal static double[]? Numbers(IArrowArray array) => array switch
    {
        DoubleArray a => Map(a.Length, i => a.GetValue(i) ?? double.NaN),
        FloatArray a => Map(a.Length, i => a.GetValue(i) is { } v ? v : double.NaN),
        Int32Array a => Map(a.Length, i => a.GetValue(i) is { } v ? v : double.NaN),
        Int64Array a => Map(a.Length, i => a.GetValue(i) is { } v ? v : double.NaN),
        Int16Array a => Map(a.Length, i => a.GetValue(i) is { } v ? v : double.NaN),
        Int8Array a => Map(a.Length, i => a.GetValue(i) is { } v ? v : double.NaN),
        UInt8Array a => Map(a.Length, i => a.GetValue(i) is { } v ? v : double.NaN),
        UInt16Array a => Map(a.Length, i => a.GetValue(i) is { } v ? v : double.NaN),
        UInt32Array a => Map(a.Length, i => a.GetValue(i) is { } v ? v : double.NaN),
        UInt64Array a => Map(a.Length, i => a.GetValue(i) is { } v ? v : double.NaN),
        Decimal128Array a => Map(a.Length, i => Decimal(a, i) is { } v ? (double)v : double.NaN),
        DictionaryArray a => Decode(a, Numbers, double.NaN),
        _ => null,
    };

    /// <summary>
    /// A date column. A timestamp with a time zone is an instant, and the session's date is the calendar date in that
    /// zone (the date the file states, as the CSV path keeps a written offset): the value comes back at the zone's
    /// offset. A timestamp without a zone is a wall-clock time, read as UTC like a CSV time without an offset; a
    /// <c>date32</c> or <c>date64</c> is that date at midnight UTC. <see langword="null"/> for another type or a zone this
    /// machine does not know; the first row whose text is not a date (−1 when none).
    /// </summary>
    internal static (DateTimeOffset?[]? Dates, int FirstBad) Dates(IArrowArray array) => array switch
    {
        Date32Array a => (Map(a.Length, i => a.GetDateTimeOffset(i)), -1),
        Date64Array a => (Map(a.Length, i => a.GetDateTimeOffset(i)), -1),
        TimestampArray a => (Zoned(a), -1),
        StringArray or LargeStringArray or StringViewArray or DictionaryArray when Strings(array) is { } texts => ParquetColumns.ParseIso(texts),
        _ => (null, -1),
    };

    /// <summary>The instants of a timestamp column at the offset its zone has at each instant; <see langword="null"/> when the zone is unknown.</summary>
    private static DateTimeOffset?[]? Zoned(TimestampArray array)
    {
        string? zone = ((TimestampType)array.Data.DataType).Timezone;
        if (string.IsNullOrEmpty(zone))
        {
            return Map(array.Length, i => array.GetTimestamp(i));
        }

        if (TimeZones.Find(zone!) is not { } info)
        {
            return null;
        }

        return Map(array.Length, i => array.GetTimestamp(i) is { } instant ? TimeZoneInfo.ConvertTime(instant, info) : (DateTimeOffset?)null);
    }

    /// <summary>A decimal value, or <see langword="null"/> for null or a value past <see cref="decimal"/>'s range (read from its text).</summary>
    private static decimal? Decimal(Decimal128Array array, int i)
    {
        if (array.IsNull(i))
        {
            return null;
        }

        try
        {
            return array.GetValue(i);
        }
        catch (OverflowException)
        {
            return decimal.TryParse(array.GetString(i), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal parsed) ? parsed : null;
        }
    }

    /// <summary>Decodes a dictionary-encoded column: each index looked up in the decoded dictionary; <see langword="null"/> when the dictionary's type does not fit or an index is out of range.</summary>
    private static T[]? Decode<T>(DictionaryArray array, Func<IArrowArray, T[]?> values, T missing)
    {
        if (values(array.Dictionary) is not { } dictionary)
        {
            return null;
        }

        var result = new T[array.Length];
        int i = 0;
        foreach (int index in array.EnumeratePhysicalIndices())
        {
            if (i >= result.Length)
            {
                break;
            }

            result[i] = missing;
            if (!array.IsNull(i))
            {
                if (index < 0 || index >= dictionary.Length)
                {
                    return null;
                }

                result[i] = dictionary[index];
            }

            i++;
        }

        return result;
    }

    private static T[] Map<T>(int length, Func<int, T> value)
    {
        var values = new T[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = value(i);
        }

        return values;
    }
}
