using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace TherapeuticAlliance.Utilities;

/// <summary>
/// The one versioned JSON envelope of every mergeable partial (sufficient statistics, batch summaries, caseload norm
/// statistics and the site partial that holds them): <c>kind</c> and <c>schemaVersion</c> first, then the partial's
/// own fields. Reading checks, in this order and before any field of the partial is read: the size limit, a field
/// given twice at any depth, the nesting depth, valid JSON, an object, the kind and the schema version. Count bounds
/// are <see cref="PartialCounts"/>'s; the error type of every partial is <c>InvalidPartial</c>, which the callers wrap the problem in.
/// </summary>
internal static class PartialEnvelope
{
    /// <summary>The longest partial read, in characters (16 MiB): a partial holds aggregates, a few kilobytes a scope.</summary>
    internal const int MaximumLength = 16 * 1024 * 1024;

    /// <summary>The problem of a partial longer than <see cref="MaximumLength"/>.</summary>
    internal static readonly string TooLong = FormattableString.Invariant($"The partial is longer than {MaximumLength} characters; a partial holds aggregates only, a few kilobytes per scope.");

    /// <summary>Writes a partial: an indented UTF-8 JSON object with the kind, the schema version and then what <paramref name="body"/> writes.</summary>
    internal static string Write(string kind, string schemaVersion, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("kind", kind);
            json.WriteString("schemaVersion", schemaVersion);
            body(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Opens a partial's JSON: the document (the caller disposes it) when the envelope is this kind and version, else
    /// <see langword="null"/> and the problem, a message that names no value of the file (the caller makes it an <c>InvalidPartial</c>: this room uses no other).
    /// </summary>
    internal static JsonDocument? Open(string json, string kind, string schemaVersion, int maxDepth, out string? problem)
    {
        problem = null;
        if (json.Length > MaximumLength)
        {
            problem = TooLong;
            return null;
        }

        switch (JsonDuplicates.Scan(json, maxDepth))
        {
            case JsonScan.Duplicate:
                problem = "The partial gives a field twice; a partial names each field once.";
                return null;
            case JsonScan.Unreadable:
                problem = "The partial holds a string with an unpaired surrogate (raw or escaped); no text can carry it.";
                return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = maxDepth });
        }
        catch (JsonException)
        {
            problem = FormattableString.Invariant($"The partial is not valid JSON (or nests deeper than {maxDepth} levels).");
            return null;
        }

        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || Text(root, "kind") != kind)
        {
            document.Dispose();
            problem = $"The JSON is not a partial of this kind (its kind is not {kind}).";
            return null;
        }

        if (Text(root, "schemaVersion") != schemaVersion)
        {
            document.Dispose();
            problem = $"The partial's schema version is not {schemaVersion}: read it with the library version that wrote it, or recompute it.";
            return null;
        }

        return document;
    }

    /// <summary>Reads a partial's UTF-8 bytes, at most <see cref="MaximumLength"/> of them: the text, or null when the stream holds more (the caller reports <see cref="TooLong"/>).</summary>
    internal static string? ReadBounded(Stream utf8)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = utf8.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaximumLength)
            {
                return null;
            }
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>A string property, or <see langword="null"/> when it is missing or not a string.</summary>
    internal static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
