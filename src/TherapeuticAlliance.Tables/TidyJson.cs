using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Tables;

/// <summary>
/// Writes tidy rows as JSON: an array with one object per row, whose properties are the columns in order. Numbers are
/// JSON numbers (decimals exactly, doubles in their shortest round-trip form), text is a string, a missing cell, NaN or
/// an infinity is <c>null</c>. The same rows as <see cref="TidyCsv"/> and the columnar package's Parquet writer, so one
/// schema (<see cref="Schema.RowSchemas"/>) has one shape in every format.
/// </summary>
/// <remarks>This type is thread-safe.</remarks>
public static class TidyJson
{
    /// <summary>Writes rows as they come, without holding them.</summary>
    /// <param name="columns">The column names.</param>
    /// <param name="rows">The rows, each as long as <paramref name="columns"/>, with cells of the types a <see cref="TidyTable"/> holds (null, string, int, double, decimal).</param>
    /// <param name="stream">A writable stream; left open. UTF-8, indented, ending with a line break.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when a row's length is not the number of columns.</exception>
    /// <exception cref="InvalidOperationException">Thrown when a cell is of another type.</exception>
    public static void Write(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows, Stream stream)
    {
        Guard.Against.Null(columns);
        Guard.Against.Null(rows);
        Guard.Against.Null(stream);

        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            WriteArray(columns, rows, json);
        }

        stream.WriteByte((byte)'\n');
        stream.Flush();
    }

    /// <summary>Writes rows as one JSON array value into a writer the caller owns (for example as a property of a larger document), flushing as it goes.</summary>
    /// <param name="columns">The column names.</param>
    /// <param name="rows">The rows, as <see cref="Write(IReadOnlyList{string}, IEnumerable{IReadOnlyList{object}}, Stream)"/> takes them.</param>
    /// <param name="json">The writer, positioned where a value may be written; left open.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when a row's length is not the number of columns.</exception>
    /// <exception cref="InvalidOperationException">Thrown when a cell is of another type.</exception>
    public static void WriteArray(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows, Utf8JsonWriter json)
    {
        Guard.Against.Null(columns);
        Guard.Against.Null(rows);
        Guard.Against.Null(json);
        json.WriteStartArray();
        foreach (IReadOnlyList<object?> row in rows)
        {
            if (row is null || row.Count != columns.Count)
            {
                throw new ArgumentException("Every row has one cell per column.", nameof(rows));
            }

            json.WriteStartObject();
            for (int c = 0; c < columns.Count; c++)
            {
                json.WritePropertyName(columns[c]);
                WriteCell(json, row[c]);
            }

            json.WriteEndObject();
            if (json.BytesPending > 1 << 16)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
    }

    /// <summary>Writes a table; see <see cref="Write(IReadOnlyList{string}, IEnumerable{IReadOnlyList{object}}, Stream)"/>.</summary>
    /// <param name="table">The table.</param>
    /// <param name="stream">A writable stream; left open.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static void Write(TidyTable table, Stream stream)
    {
        Guard.Against.Null(table);
        Write(table.Columns, table.Rows.Select(r => (IReadOnlyList<object?>)r), stream);
    }

    /// <summary>Returns a table as JSON text.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="table"/> is <see langword="null"/>.</exception>
    public static string ToJson(TidyTable table)
    {
        using var buffer = new MemoryStream();
        Write(table, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteCell(Utf8JsonWriter json, object? cell)
    {
        switch (cell)
        {
            case null:
                json.WriteNullValue();
                break;
            case double d when double.IsNaN(d) || double.IsInfinity(d):
                json.WriteNullValue();
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            case decimal m:
                json.WriteNumberValue(m);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            default:
                throw new InvalidOperationException("The table holds a cell of an unsupported type.");
        }
    }
    /// <summary>Writes several tables as one JSON object: one property per table, its name the key (a schema's name), its value the table's array of objects as <see cref="WriteArray"/> writes it.</summary>
    /// <param name="tables">The tables, by name, in order.</param>
    /// <returns>The JSON text, indented.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="tables"/> is or holds <see langword="null"/>.</exception>
    public static string ToJson(IEnumerable<KeyValuePair<string, TidyTable>> tables)
    {
        Guard.Against.Null(tables);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            foreach (KeyValuePair<string, TidyTable> table in tables)
            {
                writer.WritePropertyName(Guard.Against.Null(table.Key, nameof(tables)));
                WriteArray(Guard.Against.Null(table.Value, nameof(tables)).Columns, table.Value.Rows.Select(r => (IReadOnlyList<object?>)r), writer);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
