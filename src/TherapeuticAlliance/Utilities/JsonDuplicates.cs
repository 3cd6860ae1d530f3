using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace TherapeuticAlliance.Utilities;

/// <summary>What <see cref="JsonDuplicates.Scan"/> found.</summary>
internal enum JsonScan
{
    /// <summary>No object repeats a property name and every string decodes (malformed JSON is also reported here: the reader's own parse reports it).</summary>
    Clean,

    /// <summary>An object gives a property twice.</summary>
    Duplicate,

    /// <summary>A string or property name holds a lone surrogate, raw or escaped (<c>"\udc00"</c>): no .NET string can carry it through UTF-8, so System.Text.Json throws where it reads it.</summary>
    Unreadable,
}

/// <summary>
/// Finds a property given twice in one JSON object. System.Text.Json keeps the last copy silently (its own check,
/// <c>AllowDuplicateProperties</c>, exists only from version 10, and net8.0 uses the framework's version 8), so the
/// readers run this one pass first on every target framework. The same pass finds lone surrogates, raw in the text or
/// escaped in a string, which System.Text.Json accepts while parsing and then throws on (<see cref="InvalidOperationException"/>
/// from <c>GetString</c>, <see cref="ArgumentException"/> when transcoding): issue 27.
/// </summary>
internal static class JsonDuplicates
{
    /// <summary>Scans <paramref name="json"/> once: a repeated property name, a lone surrogate, or neither.</summary>
    internal static JsonScan Scan(string json, int maxDepth)
    {
        if (HasLoneSurrogate(json))
        {
            return JsonScan.Unreadable;
        }

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
                    case JsonTokenType.PropertyName:
                        string name = reader.GetString()!;
                        // Stryker disable once Equality : equivalent; a property name is always inside an object, so the stack is never empty here
                        if (names.Count > 0 && names.Peek() is { } seen && !seen.Add(name))
                        {
                            return JsonScan.Duplicate;
                        }

                        break;
                    case JsonTokenType.String when reader.ValueIsEscaped:
                        _ = reader.GetString();
                        break;
                }
            }
        }
        // Stryker disable once Block : equivalent; without the block the method falls through to the same "clean" below
        catch (JsonException)
        {
            return JsonScan.Clean;
        }
        catch (InvalidOperationException)
        {
            // GetString on an escaped lone surrogate ("\udc00").
            return JsonScan.Unreadable;
        }

        return JsonScan.Clean;
    }

    /// <summary>Whether the UTF-16 text holds a surrogate that is not half of a pair.</summary>
    /// <remarks>A high surrogate followed by a low one is a pair and both are skipped; any other surrogate is alone.</remarks>
    internal static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }
}
