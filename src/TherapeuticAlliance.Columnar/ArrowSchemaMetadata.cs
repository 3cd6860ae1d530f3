using System;
using System.Collections.Generic;
using System.IO;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace TherapeuticAlliance.Columnar;

/// <summary>
/// The Arrow schema that Arrow-based writers (pandas and R through Arrow, Polars, Spark) store in a Parquet file's
/// key-value metadata under <c>ARROW:schema</c> (base64 of an Arrow IPC schema message). Parquet itself records only
/// that a timestamp is adjusted to UTC; the column's time zone, and so the calendar date the writer meant, is there.
/// </summary>
internal static class ArrowSchemaMetadata
{
    /// <summary>The metadata key: <c>ARROW:schema</c>.</summary>
    internal const string Key = "ARROW:schema";

    /// <summary>The longest value read: 1 MiB of base64 (a schema of thousands of columns is a few hundred kilobytes).</summary>
    private const int MaximumLength = 1024 * 1024;

    /// <summary>The time zone the Arrow schema gives a timestamp column, or <see langword="null"/> when there is no schema, no such column, no zone, or the schema cannot be read (the column is then read in UTC).</summary>
    internal static string? TimeZoneOf(IReadOnlyDictionary<string, string>? metadata, string column)
    {
        if (metadata is null || !metadata.TryGetValue(Key, out string? encoded) || encoded is null || encoded.Length > MaximumLength)
        {
            return null;
        }

        try
        {
            byte[] bytes = Convert.FromBase64String(encoded);
            using var reader = new ArrowStreamReader(new MemoryStream(bytes, writable: false));
            Apache.Arrow.Schema schema = reader.Schema;
            int index = schema.GetFieldIndex(column);
            return index >= 0 && schema.GetFieldByIndex(index).DataType is TimestampType { Timezone: { Length: > 0 } zone } ? zone : null;
        }
#pragma warning disable CA1031 // Any failure to read another writer's optional metadata leaves the column in UTC, as without it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
