using System;
using Apache.Arrow;

namespace TherapeuticAlliance.Columnar;

/// <summary>Reads one Arrow array into an array of the type the layout needs; <see langword="null"/> when its type does not fit.</summary>
internal static class ArrowColumns
{
    internal static string?[]? Strings(IArrowArray array)
    {
        if (array is not StringArray strings)
        {
            return null;
        }

        var values = new string?[strings.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = strings.GetString(i);
        }

        return values;
    }

    internal static long?[]? Integers(IArrowArray array) => array switch
    {
        Int32Array a => Map(a.Length, i => (long?)a.GetValue(i)),
        Int64Array a => Map(a.Length, i => (long?)a.GetValue(i)),
        Int16Array a => Map(a.Length, i => (long?)a.GetValue(i)),
        Int8Array a => Map(a.Length, i => (long?)a.GetValue(i)),
        UInt8Array a => Map(a.Length, i => (long?)a.GetValue(i)),
        UInt16Array a => Map(a.Length, i => (long?)a.GetValue(i)),
        UInt32Array a => Map(a.Length, i => (long?)a.GetValue(i)),
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
        _ => null,
    };

    internal static (DateTimeOffset?[]? Dates, int FirstBad) Dates(IArrowArray array) => array switch
    {
        Date32Array a => (Map(a.Length, i => a.GetDateTimeOffset(i)), -1),
        Date64Array a => (Map(a.Length, i => a.GetDateTimeOffset(i)), -1),
        TimestampArray a => (Map(a.Length, i => a.GetTimestamp(i)), -1),
        StringArray a => ParquetColumns.ParseIso(Strings(a)!),
        _ => (null, -1),
    };

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
