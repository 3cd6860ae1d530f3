using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace TherapeuticAlliance.Utilities;

/// <summary>
/// Finds a property given twice in one JSON object. System.Text.Json keeps the last copy silently (its own check,
/// <c>AllowDuplicateProperties</c>, exists only from version 10, and net8.0 uses the framework's version 8), so the
/// readers run this one pass first on every target framework.
/// </summary>
internal static class JsonDuplicates
{
    /// <summary>Returns whether any object in <paramref name="json"/> repeats a property name; malformed JSON returns false (the reader reports it).</summary>
    internal static bool Any(string json, int maxDepth)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = maxDepth, CommentHandling = JsonCommentHandling.Skip });
        var names = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        names.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        names.Push(null);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        names.Pop();
                        break;
                    case JsonTokenType.PropertyName when names.Count > 0 && names.Peek() is { } seen && !seen.Add(reader.GetString()!):
                        return true;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }
}
