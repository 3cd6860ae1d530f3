using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using TherapeuticAlliance.Instruments;

namespace TherapeuticAlliance.Cli;

/// <summary>The layout of an input file.</summary>
internal enum InputFormat
{
    Auto,
    Long,
    Wide,
}

/// <summary>One administration read from a file: its key, its responses, and the line it started on.</summary>
internal sealed record Administration(string Episode, int Session, DateTimeOffset? Date, Perspective Perspective, Instrument Instrument, IReadOnlyList<ItemResponse> Responses, long Line, int Rows);

/// <summary>A problem with the input: file, line, column and what was expected; never the content of other rows.</summary>
internal sealed record InputProblem(string File, long Line, string? Column, string Message)
{
    public override string ToString() => Column is null
        ? $"{File}:{Line.ToString(CultureInfo.InvariantCulture)}: {Message}"
        : $"{File}:{Line.ToString(CultureInfo.InvariantCulture)}: column '{Column}': {Message}";
}

/// <summary>
/// Streams administrations from a tidy long CSV (one row per item response) or a wide CSV (one row per
/// administration), in bounded memory: long rows of one administration must be adjacent. Parsing uses CsvHelper
/// with the invariant culture; a byte-order mark and CRLF line ends are accepted.
/// </summary>
internal sealed class AdministrationReader
{
    internal static readonly string[] KeyColumns = { "episode", "session", "date", "perspective", "instrument" };
    private const string NumberExpected = "expected a number with '.' as decimal point, or an empty cell for not answered.";
    private static readonly string[] LongColumns = { "episode", "session", "date", "perspective", "instrument", "item", "value" };

    private readonly IInstrumentCatalog _catalog;
    private readonly string _displayName;
    private readonly InputFormat _format;

    internal AdministrationReader(IInstrumentCatalog catalog, string displayName, InputFormat format)
    {
        _catalog = catalog;
        _displayName = displayName;
        _format = format;
    }

    internal long RowsRead { get; private set; }

    internal long RowsRejected { get; private set; }

    internal List<InputProblem> Problems { get; } = new();

    /// <summary>Reads administrations; problems are collected in <see cref="Problems"/> and their rows skipped.</summary>
    internal IEnumerable<Administration> Read(TextReader reader, Action<long>? progress = null)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ",",
            DetectDelimiter = false,
            HasHeaderRecord = true,
            BadDataFound = null,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim,
        };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read())
        {
            Problems.Add(new InputProblem(_displayName, 1, null, "the file is empty; expected a header row such as " + string.Join(",", LongColumns) + "."));
            yield break;
        }

        csv.ReadHeader();
        string[] header = (csv.HeaderRecord ?? Array.Empty<string>()).Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        InputFormat format = _format == InputFormat.Auto
            ? (header.Contains("item") || header.Contains("value") ? InputFormat.Long : InputFormat.Wide)
            : _format;
        string[] required = format == InputFormat.Long ? LongColumns : KeyColumns;
        string[] missing = required.Where(c => !header.Contains(c)).ToArray();
        if (missing.Length > 0)
        {
            string hint = header.Length == 1 && (header[0].Contains(';', StringComparison.Ordinal) || header[0].Contains('\t', StringComparison.Ordinal))
                ? " The file seems to use another delimiter; use commas."
                : string.Empty;
            Problems.Add(new InputProblem(_displayName, 1, null, $"missing column(s) {string.Join(", ", missing)}; expected {string.Join(",", required)}{(format == InputFormat.Wide ? ",<item ids>" : string.Empty)}.{hint}"));
            yield break;
        }

        int[] keyIndex = KeyColumns.Select(c => Array.IndexOf(header, c)).ToArray();
        var seen = new HashSet<(string, int, Perspective, string)>();
        if (format == InputFormat.Long)
        {
            int itemIndex = Array.IndexOf(header, "item");
            int valueIndex = Array.IndexOf(header, "value");
            Pending? pending = null;
            while (csv.Read())
            {
                (long line, Key? key) = NextRow(csv, keyIndex, progress);
                if (key is null)
                {
                    continue;
                }

                string item = csv.GetField(itemIndex) ?? string.Empty;
                string rawValue = csv.GetField(valueIndex) ?? string.Empty;
                if (pending is not null && !pending.Key.SameAdministration(key))
                {
                    if (Complete(pending, seen) is { } done)
                    {
                        yield return done;
                    }

                    pending = null;
                }

                pending ??= new Pending(key, line);
                if (!Identifiers(item))
                {
                    Reject(line, "item", "expected an item identifier of the instrument (letters, digits, '-', '_' or '.').", pending);
                    continue;
                }

                if (!TryValue(rawValue, out decimal? value))
                {
                    Reject(line, "value", NumberExpected, pending);
                    continue;
                }

                pending.Responses.Add(ItemResponse.Create(item, value));
                pending.Rows++;
            }

            if (pending is not null && Complete(pending, seen) is { } last)
            {
                yield return last;
            }
        }
        else
        {
            while (csv.Read())
            {
                (long line, Key? key) = NextRow(csv, keyIndex, progress);
                if (key is null)
                {
                    continue;
                }

                var pending = new Pending(key, line) { Rows = 1 };
                bool bad = false;
                for (int c = 0; c < header.Length; c++)
                {
                    if (KeyColumns.Contains(header[c]))
                    {
                        continue;
                    }

                    string raw = csv.GetField(c) ?? string.Empty;
                    if (raw.Length == 0)
                    {
                        continue;
                    }

                    if (!TryValue(raw, out decimal? value))
                    {
                        Problems.Add(new InputProblem(_displayName, line, header[c], NumberExpected));
                        bad = true;
                        continue;
                    }

                    if (key.Instrument.FindItem(header[c]) is null)
                    {
                        Problems.Add(new InputProblem(_displayName, line, header[c], $"instrument '{key.Instrument.Id}' has no such item; leave the cell empty."));
                        bad = true;
                        continue;
                    }

                    pending.Responses.Add(ItemResponse.Create(header[c], value));
                }

                if (bad)
                {
                    RowsRejected++;
                    continue;
                }

                if (Complete(pending, seen) is { } done)
                {
                    yield return done;
                }
            }
        }
    }

    /// <summary>Counts the row, reports progress and parses its key; a row whose key is invalid is counted as rejected.</summary>
    private (long Line, Key? Key) NextRow(CsvReader csv, int[] keyIndex, Action<long>? progress)
    {
        RowsRead++;
        progress?.Invoke(RowsRead);
        long line = csv.Parser.RawRow;
        Key? key = ParseKey(csv, keyIndex, line);
        if (key is null)
        {
            RowsRejected++;
        }

        return (line, key);
    }

    private static bool Identifiers(string item) =>
        item.Length is > 0 and <= 64 && item.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static bool TryValue(string raw, out decimal? value)
    {
        value = null;
        if (raw.Length == 0)
        {
            return true;
        }

        if (decimal.TryParse(raw, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out decimal parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    private void Reject(long line, string column, string message, Pending pending)
    {
        Problems.Add(new InputProblem(_displayName, line, column, message));
        pending.Rejected = true;
        pending.Rows++;
    }

    private Administration? Complete(Pending pending, HashSet<(string, int, Perspective, string)> seen)
    {
        if (pending.Rejected)
        {
            RowsRejected += pending.Rows;
            return null;
        }

        Key key = pending.Key;
        if (!seen.Add((key.Episode, key.Session, key.Perspective, key.Instrument.Id)))
        {
            Problems.Add(new InputProblem(_displayName, pending.Line, "session", "this session was already given for the same episode, perspective and instrument; keep one administration per session (rows of one administration must be adjacent)."));
            RowsRejected += pending.Rows;
            return null;
        }

        return new Administration(key.Episode, key.Session, key.Date, key.Perspective, key.Instrument, pending.Responses, pending.Line, pending.Rows);
    }

    private Key? ParseKey(CsvReader csv, int[] keyIndex, long line)
    {
        string Field(int k) => csv.GetField(keyIndex[k]) ?? string.Empty;
        string episode = Field(0);
        if (episode.Length == 0)
        {
            Problems.Add(new InputProblem(_displayName, line, "episode", "expected an episode identifier."));
            return null;
        }

        if (!int.TryParse(Field(1), NumberStyles.None, CultureInfo.InvariantCulture, out int session))
        {
            Problems.Add(new InputProblem(_displayName, line, "session", "expected a whole session number of 0 or more."));
            return null;
        }

        DateTimeOffset? date = null;
        string rawDate = Field(2);
        if (rawDate.Length > 0)
        {
            if (!DateTimeOffset.TryParse(rawDate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
            {
                Problems.Add(new InputProblem(_displayName, line, "date", "expected an ISO 8601 date such as 2026-03-02, or an empty cell."));
                return null;
            }

            date = parsed;
        }

        Perspective? perspective = Field(3).ToLowerInvariant() switch
        {
            "client" => Perspective.Client,
            "therapist" => Perspective.Therapist,
            "observer" => Perspective.Observer,
            "collateral" => Perspective.Collateral,
            _ => null,
        };
        if (perspective is null)
        {
            Problems.Add(new InputProblem(_displayName, line, "perspective", "expected client, therapist, observer or collateral."));
            return null;
        }

        if (!_catalog.TryGetInstrument(Field(4).ToLowerInvariant(), out Instrument? instrument))
        {
            Problems.Add(new InputProblem(_displayName, line, "instrument", "expected an instrument identifier: " + string.Join(", ", _catalog.Instruments.Select(i => i.Id)) + "."));
            return null;
        }

        return new Key(episode, session, date, perspective.Value, instrument);
    }

    private sealed record Key(string Episode, int Session, DateTimeOffset? Date, Perspective Perspective, Instrument Instrument)
    {
        internal bool SameAdministration(Key other) =>
            Episode == other.Episode && Session == other.Session && Perspective == other.Perspective && Instrument.Id == other.Instrument.Id;
    }

    private sealed class Pending
    {
        internal Pending(Key key, long line)
        {
            Key = key;
            Line = line;
        }

        internal Key Key { get; }

        internal long Line { get; }

        internal List<ItemResponse> Responses { get; } = new();

        internal bool Rejected { get; set; }

        internal int Rows { get; set; }
    }
}
