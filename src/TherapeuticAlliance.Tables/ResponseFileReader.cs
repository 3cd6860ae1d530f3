using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Hashing;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using CsvHelper.Configuration;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Schema;

namespace TherapeuticAlliance.Tables;

/// <summary>
/// Streams administrations from a long CSV (one row per item response), a wide CSV (one row per administration) or a
/// totals CSV (one reported total per administration)
/// in two passes over the file: the first finds administrations whose rows are not adjacent or that are given more
/// than once (they are rejected whole, never scored in part), the second parses and yields. Memory stays bounded by
/// the largest administration plus about 40 bytes per administration for the first pass.
/// </summary>
/// <remarks>
/// <para>
/// The columns are <see cref="ResponseFileSchema"/>'s (episode, session, date, perspective, instrument, then item and
/// value, item columns, or total and subscale columns). An administration is checked whole: a bad key, a date that
/// differs between its rows, a row with the wrong number of fields, an unknown item or a value that is not a number
/// rejects every row of it, with one <see cref="InputProblem"/> per reason naming the line and column. Problems with
/// the whole file (not UTF-8, no header, a missing or repeated column, a field longer than
/// <see cref="MaxFieldLength"/>) stop the read (<see cref="Fatal"/>).
/// </para>
/// <para>
/// No message quotes a cell or a column name from the file. The file is read twice, so it must not change while it is
/// read. A reader is used once, by one caller: it is not thread-safe.
/// </para>
/// </remarks>
public sealed class ResponseFileReader : IAdministrationSource
{
    /// <summary>The longest field accepted: 4,096 characters. A longer one (often an unclosed quote) stops the read.</summary>
    public const int MaxFieldLength = 4096;

    private static readonly string[] KeyColumns = ResponseFileSchema.KeyColumns.Concat(ResponseFileSchema.CareColumns).ToArray();

    private readonly IInstrumentCatalog _catalog;
    private readonly string _path;
    private readonly string _displayName;
    private readonly ResponseFileOptions _options;
    private readonly List<InputProblem> _problems = new();
    private readonly NumberFormatInfo _numbers;
    private readonly string _numberExpected;

    /// <summary>Creates a reader of one file.</summary>
    /// <param name="catalog">The instruments the file may name (by identifier, in any case).</param>
    /// <param name="path">The file's path. Only its name appears in problems.</param>
    /// <param name="options">How to read the file's text, or <see langword="null"/> for <see cref="ResponseFileOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="catalog"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    public ResponseFileReader(IInstrumentCatalog catalog, string path, ResponseFileOptions? options = null)
    {
        Guard.Against.Null(catalog);
        Guard.Against.Null(path);
        options ??= ResponseFileOptions.Default;
        _catalog = catalog;
        _path = path;
        _displayName = SafeText(Path.GetFileName(path));
        _options = options;
        _numbers = new NumberFormatInfo { NumberDecimalSeparator = options.DecimalComma ? "," : ".", NegativeSign = "-" };
        _numberExpected = options.DecimalComma
            ? "expected a number with ',' as decimal point (--decimal-comma), or an empty cell for not answered."
            : "expected a number with '.' as decimal point, or an empty cell for not answered (use --decimal-comma for ',').";
    }

    /// <inheritdoc/>
    public long RowsRead { get; private set; }

    /// <inheritdoc/>
    public long RowsRejected { get; private set; }

    /// <inheritdoc/>
    /// <remarks>An administration is a group of adjacent rows with one key (long layout) or one row (wide and totals layouts).</remarks>
    public long AdministrationsRejected { get; private set; }

    /// <inheritdoc/>
    public bool Fatal { get; private set; }

    private List<InputProblem> Problems => _problems;

    /// <inheritdoc/>
    public IReadOnlyList<InputProblem> TakeProblems()
    {
        if (_problems.Count == 0)
        {
            return Array.Empty<InputProblem>();
        }

        InputProblem[] taken = _problems.ToArray();
        _problems.Clear();
        return taken;
    }

    /// <summary>Removes line breaks and bidirectional and other control characters from text written into a message, and caps its length (an ellipsis marks a cut).</summary>
    private static string SafeText(string text, int maxLength = 120) => TherapeuticAlliance.SafeText.Clean(text, maxLength);

    /// <inheritdoc/>
    /// <remarks>Problems are collected (<see cref="TakeProblems"/>) and their rows skipped; enumerate once.</remarks>
    public IEnumerable<Administration> Read(Action<long>? progress = null)
    {
        if (_options.Encoding is null && FindInvalidUtf8(_path) is { } badLine)
        {
            Fail(badLine, "the file is not valid UTF-8 (a Windows-1252 or Latin-1 export?). Give its encoding with --encoding, for example --encoding windows-1252.");
            yield break;
        }

        Dictionary<UInt128, (long First, long Second)>? scattered = Scan();
        if (scattered is null)
        {
            yield break;
        }

        using var csv = Open();
        if (!TryRead(csv))
        {
            yield break;
        }

        csv.ReadHeader();
        string[] header = Header(csv);
        ResponseLayout format = Layout(header);
        int[] keyIndex = KeyColumns.Select(c => Array.IndexOf(header, c)).ToArray();
        if (format == ResponseLayout.LongFormat)
        {
            int itemIndex = Array.IndexOf(header, ResponseFileSchema.Item);
            int valueIndex = Array.IndexOf(header, ResponseFileSchema.Value);
            Pending? pending = null;
            while (TryRead(csv))
            {
                long line = NextRow(csv, progress);
                UInt128 hash = KeyHash(csv, keyIndex);
                if (pending is not null && pending.Hash != hash)
                {
                    if (Complete(pending, scattered) is { } done)
                    {
                        yield return done;
                    }

                    pending = null;
                }

                pending ??= Start(csv, keyIndex, header.Length, hash, line);
                pending.Rows++;
                if (!RowFits(csv, header.Length, line) || !DateAgrees(csv, keyIndex, pending, line) || !CareAgrees(csv, keyIndex, pending, line))
                {
                    pending.Rejected = true;
                    continue;
                }

                if (pending.Rejected)
                {
                    continue;
                }

                string item = csv.GetField(itemIndex) ?? string.Empty;
                if (!IsIdentifier(item))
                {
                    Reject(pending, line, ResponseFileSchema.Item, "expected an item identifier of the instrument (letters, digits, '-', '_' or '.').");
                    continue;
                }

                if (!TryValue(csv.GetField(valueIndex) ?? string.Empty, out decimal? value))
                {
                    Reject(pending, line, ResponseFileSchema.Value, _numberExpected);
                    continue;
                }

                if (pending.Responses.Count == pending.Key!.Instrument.Items.Length)
                {
                    Reject(pending, line, null, "the administration has more rows than its instrument has items; give each item once.");
                    continue;
                }

                pending.Responses.Add(ItemResponse.Create(item, value));
                pending.Lines.Add(line);
            }

            if (pending is not null && Complete(pending, scattered) is { } last)
            {
                yield return last;
            }
        }
        else
        {
            int totalIndex = format == ResponseLayout.TotalsFormat ? Array.IndexOf(header, ResponseFileSchema.Total) : -1;
            while (TryRead(csv))
            {
                long line = NextRow(csv, progress);
                UInt128 hash = KeyHash(csv, keyIndex);
                Pending pending = Start(csv, keyIndex, header.Length, hash, line);
                pending.Rows = 1;
                if (!RowFits(csv, header.Length, line) || !DateAgrees(csv, keyIndex, pending, line))
                {
                    pending.Rejected = true;
                }

                if (format == ResponseLayout.TotalsFormat && !pending.Rejected)
                {
                    ReadTotals(csv, header, totalIndex, pending, line);
                    if (Complete(pending, scattered) is { } totals)
                    {
                        yield return totals with { Total = pending.Total, SubscaleTotals = pending.SubscaleTotals };
                    }

                    continue;
                }

                for (int c = 0; c < header.Length && !pending.Rejected; c++)
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

                    if (pending.Key!.Instrument.FindItem(header[c]) is null)
                    {
                        Reject(pending, line, null, UnknownColumn(c, "item"));
                        continue;
                    }

                    if (!TryValue(raw, out decimal? value))
                    {
                        Reject(pending, line, header[c], _numberExpected);
                        continue;
                    }

                    pending.Responses.Add(ItemResponse.Create(header[c], value));
                    pending.Lines.Add(line);
                }

                if (Complete(pending, scattered) is { } done)
                {
                    yield return done;
                }
            }
        }
    }

    /// <summary>Reads a total-only row: the total, then any subscale totals (a column per subscale identifier, empty when not given).</summary>
    private void ReadTotals(CsvReader csv, string[] header, int totalIndex, Pending pending, long line)
    {
        if (!TryValue(csv.GetField(totalIndex) ?? string.Empty, out decimal? total) || total is null)
        {
            Reject(pending, line, ResponseFileSchema.Total, _numberExpected.Replace(", or an empty cell for not answered", string.Empty, StringComparison.Ordinal));
            return;
        }

        pending.Total = total;
        for (int c = 0; c < header.Length; c++)
        {
            if (c == totalIndex || KeyColumns.Contains(header[c]))
            {
                continue;
            }

            string raw = csv.GetField(c) ?? string.Empty;
            if (raw.Length == 0)
            {
                continue;
            }

            if (!pending.Key!.Instrument.Subscales.Any(s => s.Dimension.Id == header[c]))
            {
                Reject(pending, line, null, UnknownColumn(c, "subscale"));
            }
            else if (!TryValue(raw, out decimal? value))
            {
                Reject(pending, line, header[c], _numberExpected);
            }
            else
            {
                pending.SubscaleTotals.Add(new KeyValuePair<string, decimal>(header[c], value!.Value));
            }
        }
    }

    /// <summary>
    /// First pass: checks the header and finds every administration whose rows stand in more than one place
    /// (not adjacent, or given twice), with the line of its first place. Null when the file cannot be read.
    /// </summary>
    private Dictionary<UInt128, (long First, long Second)>? Scan()
    {
        using var csv = Open();
        if (!TryRead(csv))
        {
            if (!Fatal)
            {
                Fail(1, "the file is empty; expected a header row such as " + string.Join(",", ResponseFileSchema.RequiredColumns(ResponseLayout.LongFormat)) + ".");
            }

            return null;
        }

        csv.ReadHeader();
        string[] header = Header(csv);
        ResponseLayout format = Layout(header);
        string[] required = ResponseFileSchema.RequiredColumns(format).ToArray();
        string[] missing = required.Where(c => !header.Contains(c)).ToArray();
        if (missing.Length > 0)
        {
            string hint = header.Length == 1 && (header[0].Contains(';', StringComparison.Ordinal) || header[0].Contains('\t', StringComparison.Ordinal) || header[0].Contains(',', StringComparison.Ordinal))
                ? " The file seems to use another delimiter; give it with --delimiter."
                : string.Empty;
            Fail(1, $"missing column(s) {string.Join(", ", missing)}; expected {string.Join(",", required)}{(format == ResponseLayout.WideFormat ? ",<item ids>" : string.Empty)}.{hint}");
            return null;
        }

        string[] duplicated = header.Where(h => h.Length > 0).GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (duplicated.Length > 0 || header.Any(h => h.Length == 0))
        {
            Fail(1, "every column needs a name of its own; the header has an empty or repeated column name.");
            return null;
        }

        int[] keyIndex = KeyColumns.Select(c => Array.IndexOf(header, c)).ToArray();
        var scattered = new Dictionary<UInt128, (long First, long Second)>();
        bool any = ScanRows(csv, format, keyIndex, scattered, byClient: true);
        if (_notGrouped && !Fatal)
        {
            // The file is not grouped by client: scan again, holding every administration's first line.
            using var again = Open();
            _ = TryRead(again);
            again.ReadHeader();
            any = ScanRows(again, format, keyIndex, scattered, byClient: false);
        }

        if (Fatal)
        {
            return null;
        }

        if (!any)
        {
            Fail(1, "the file has a header but no rows.");
            return null;
        }

        return scattered;
    }

    private bool _notGrouped;

    /// <summary>
    /// Reads the rows after the header, noting every administration whose rows stand in more than one place. With
    /// <paramref name="byClient"/>, the first lines are held for the current client only (a file grouped by client,
    /// as exports write it, can repeat an administration only inside its client's rows), so memory does not grow with
    /// the file; when a client's rows resume after another's, it stops, sets <see cref="_notGrouped"/> and returns
    /// false with nothing noted, and the caller scans again without it.
    /// </summary>
    private bool ScanRows(CsvReader csv, ResponseLayout format, int[] keyIndex, Dictionary<UInt128, (long First, long Second)> scattered, bool byClient)
    {
        var first = new Dictionary<UInt128, long>();
        var closed = new HashSet<UInt128>();
        UInt128? client = null;
        UInt128? previous = null;
        bool any = false;
        while (TryRead(csv))
        {
            any = true;
            UInt128 hash = KeyHash(csv, keyIndex);
            if (byClient)
            {
                UInt128 id = XxHash128.HashToUInt128(MemoryMarshal.AsBytes((keyIndex[0] < csv.Parser.Count ? csv.GetField(keyIndex[0]) ?? string.Empty : string.Empty).AsSpan()));
                if (id != client)
                {
                    if (client is { } done)
                    {
                        closed.Add(done);
                        first.Clear();
                    }

                    if (closed.Contains(id))
                    {
                        _notGrouped = true;
                        scattered.Clear();
                        return false;
                    }

                    client = id;
                }
            }

            if (format != ResponseLayout.LongFormat || previous != hash)
            {
                if (!first.TryAdd(hash, csv.Parser.RawRow))
                {
                    scattered.TryAdd(hash, (first[hash], csv.Parser.RawRow));
                }

                previous = hash;
            }
        }

        return any;
    }

    private CsvReader Open()
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = _options.Delimiter.ToString(),
            DetectDelimiter = false,
            HasHeaderRecord = true,
            BadDataFound = null,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim,
            MaxFieldSize = MaxFieldLength,
        };
        Encoding encoding = _options.Encoding ?? new UTF8Encoding(false, throwOnInvalidBytes: false);
        var text = new StreamReader(_path, encoding, detectEncodingFromByteOrderMarks: _options.Encoding is null);
        return new CsvReader(text, config);
    }

    /// <summary>Reads the next row; a parser failure (an over-long field) ends the read with a problem naming the line.</summary>
    private bool TryRead(CsvReader csv)
    {
        if (Fatal)
        {
            return false;
        }

        // A record can span lines (a quoted line break): a parser failure is reported at the line its record starts on.
        long start = csv.Parser.RawRow + 1;
        try
        {
            return csv.Read();
        }
        catch (CsvHelperException)
        {
            Fail(start, $"a field is longer than {MaxFieldLength.ToString("N0", CultureInfo.InvariantCulture)} characters or cannot be parsed (an unclosed quote?). Nothing was read past this point.");
            return false;
        }
    }

    private static string[] Header(CsvReader csv) =>
        (csv.HeaderRecord ?? Array.Empty<string>()).Select(ResponseFileSchema.NormalizeColumn).ToArray();

    private ResponseLayout Layout(string[] header) => _options.Layout == ResponseLayout.Auto ? ResponseFileSchema.DetectLayout(header) : _options.Layout;

    private void Fail(long line, string message)
    {
        Fatal = true;
        Problems.Add(new InputProblem(_displayName, line, null, message));
    }

    private long NextRow(CsvReader csv, Action<long>? progress)
    {
        RowsRead++;
        progress?.Invoke(RowsRead);
        return csv.Parser.RawRow;
    }

    /// <summary>Hashes the raw key fields (episode, session, perspective, instrument) with XxHash128: equal keys, equal hashes.</summary>
    /// <remarks>
    /// The key is normalised as <see cref="ParseKey"/> reads it (a session number as its value, perspective and
    /// instrument in lower case), so rows that parse to the same administration hash alike: "SRS" and "srs", or
    /// session "01" and "1", are one administration, never two halves scored apart.
    /// </remarks>
    private static UInt128 KeyHash(CsvReader csv, int[] keyIndex)
    {
        string Field(int k) => keyIndex[k] < csv.Parser.Count ? csv.GetField(keyIndex[k]) ?? string.Empty : string.Empty;
        string session = Field(1);
        var key = new StringBuilder(64)
            .Append(Field(0)).Append('\u001F')
            .Append(int.TryParse(session, NumberStyles.None, CultureInfo.InvariantCulture, out int number) ? number.ToString(CultureInfo.InvariantCulture) : session).Append('\u001F')
            .Append(Field(3).ToLowerInvariant()).Append('\u001F')
            .Append(Field(4).ToLowerInvariant());
        return XxHash128.HashToUInt128(MemoryMarshal.AsBytes(key.ToString().AsSpan()));
    }

    private Pending Start(CsvReader csv, int[] keyIndex, int fields, UInt128 hash, long line)
    {
        var pending = new Pending(hash, line);
        if (csv.Parser.Count >= fields)
        {
            pending.Key = ParseKey(csv, keyIndex, line);
        }

        pending.Rejected = pending.Key is null;
        return pending;
    }

    /// <summary>Checks that a row has as many fields as the header; a row that does not is rejected whole.</summary>
    private bool RowFits(CsvReader csv, int fields, long line)
    {
        if (csv.Parser.Count == fields)
        {
            return true;
        }

        string hint = _options.Delimiter == ',' && csv.Parser.Count > fields ? " A value with a decimal comma must be quoted, or give --delimiter ';' with --decimal-comma." : string.Empty;
        Problems.Add(new InputProblem(_displayName, line, null, string.Format(CultureInfo.InvariantCulture, "expected {0} fields, found {1}.{2}", fields, csv.Parser.Count, hint)));
        return false;
    }

    /// <summary>Parses the row's date; every row of one administration must give the same date.</summary>
    private bool DateAgrees(CsvReader csv, int[] keyIndex, Pending pending, long line)
    {
        if (pending.Key is null)
        {
            return false;
        }

        if (!TryDate(csv.GetField(keyIndex[2]) ?? string.Empty, out DateTimeOffset? date))
        {
            Problems.Add(new InputProblem(_displayName, line, ResponseFileSchema.Date, _options.DateFormat is null
                ? "expected " + SessionDates.Expected + " (or give the file's format with --date-format), or an empty cell."
                : "expected a date in the format given with --date-format, or an empty cell."));
            return false;
        }

        if (!pending.DateSet)
        {
            pending.Date = date;
            pending.DateSet = true;
            return true;
        }

        if (pending.Date != date)
        {
            Problems.Add(new InputProblem(_displayName, line, ResponseFileSchema.Date, "the rows of one administration give different dates; give one date per administration."));
            return false;
        }

        return true;
    }

    /// <summary>Checks that a row of an administration gives the care keys its first row gave (long layout: one administration, one therapist, site and team).</summary>
    private bool CareAgrees(CsvReader csv, int[] keyIndex, Pending pending, long line)
    {
        if (pending.Key is null || pending.Rows == 1)
        {
            return true;
        }

        for (int k = 0; k < 3; k++)
        {
            int index = keyIndex[CareOffset + k];
            string? cell = index < 0 ? null : NullIfEmpty(csv.GetField(index));
            if (!string.Equals(cell, pending.Key.Care.Get(CareKeys.AllKinds[k]), StringComparison.Ordinal))
            {
                Problems.Add(new InputProblem(_displayName, line, ResponseFileSchema.CareColumns[k], "the rows of one administration give different " + ResponseFileSchema.CareColumns[k] + " identifiers; give one per administration.") { EpisodeId = pending.Key.Episode });
                return false;
            }
        }

        return true;
    }

    /// <summary>Where the care columns start in <see cref="KeyColumns"/>.</summary>
    private static readonly int CareOffset = ResponseFileSchema.KeyColumns.Length;

    /// <summary>An empty cell, or <c>NA</c> (as R and the library's own tables write a missing value), is not recorded.</summary>
    private static string? NullIfEmpty(string? cell) => string.IsNullOrEmpty(cell) || cell == "NA" ? null : cell;

    private bool TryDate(string raw, out DateTimeOffset? date) => SessionDates.TryParse(raw, out date, _options.DateFormat);

    private static bool IsIdentifier(string item) =>
        item.Length is > 0 and <= 64 && item.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private bool TryValue(string raw, out decimal? value)
    {
        value = null;
        if (raw.Length == 0)
        {
            return true;
        }

        if (raw.Length <= 32 && decimal.TryParse(raw, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, _numbers, out decimal parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    /// <summary>Names a column the row's instrument does not know by its position: its header text is the file's, not the library's, and is never echoed.</summary>
    private static string UnknownColumn(int index, string what) => string.Format(
        CultureInfo.InvariantCulture,
        "column {0}: the row's instrument has no {1} of this column's name; leave the cell empty.",
        index + 1,
        what);

    private void Reject(Pending pending, long line, string? column, string message)
    {
        Problems.Add(new InputProblem(_displayName, line, column, message) { EpisodeId = pending.Key?.Episode });
        pending.Rejected = true;
    }

    private Administration? Complete(Pending pending, Dictionary<UInt128, (long First, long Second)> scattered)
    {
        if (scattered.TryGetValue(pending.Hash, out var places))
        {
            Problems.Add(new InputProblem(_displayName, pending.Line, null, string.Format(
                CultureInfo.InvariantCulture,
                "rows of one administration are not adjacent, or it is given twice: the same episode, session, perspective and instrument also stand at line {0}. Every part of it is left out; sort the file by episode, session, perspective and instrument, or remove the repeat.",
                places.First == pending.Line ? places.Second : places.First)) { EpisodeId = pending.Key?.Episode });
            RowsRejected += pending.Rows;
            AdministrationsRejected++;
            return null;
        }

        if (pending.Rejected)
        {
            RowsRejected += pending.Rows;
            AdministrationsRejected++;
            return null;
        }

        Key key = pending.Key!;
        return new Administration(key.Episode, key.Session, pending.Date, key.Perspective, key.Instrument, pending.Responses, pending.Lines, pending.Line, pending.Rows) { Keys = key.Care };
    }

    private Key? ParseKey(CsvReader csv, int[] keyIndex, long line)
    {
        string Field(int k) => csv.GetField(keyIndex[k]) ?? string.Empty;
        string episode = Field(0);
        if (episode.Length == 0)
        {
            Problems.Add(new InputProblem(_displayName, line, ResponseFileSchema.Episode, "expected an episode identifier."));
            return null;
        }

        if (!int.TryParse(Field(1), NumberStyles.None, CultureInfo.InvariantCulture, out int session))
        {
            Problems.Add(new InputProblem(_displayName, line, ResponseFileSchema.Session, "expected a whole session number of 0 or more.") { EpisodeId = episode });
            return null;
        }

        if (!AllianceCodes.TryParse(Field(3).ToLowerInvariant(), out Perspective perspective))
        {
            Problems.Add(new InputProblem(_displayName, line, ResponseFileSchema.Perspective, "expected " + ResponseFileSchema.PerspectiveCodes + ".") { EpisodeId = episode });
            return null;
        }

        if (!_catalog.TryGetInstrument(Field(4).ToLowerInvariant(), out Instrument? instrument))
        {
            Problems.Add(new InputProblem(_displayName, line, ResponseFileSchema.Instrument, "expected an instrument identifier: " + string.Join(", ", _catalog.Instruments.Select(i => i.Id)) + ".") { EpisodeId = episode });
            return null;
        }

        var care = new string?[3];
        for (int k = 0; k < 3; k++)
        {
            int index = keyIndex[CareOffset + k];
            care[k] = index < 0 ? null : NullIfEmpty(csv.GetField(index));
            if (care[k] is { } given && !CareKeys.IsValidKey(given))
            {
                Problems.Add(new InputProblem(_displayName, line, ResponseFileSchema.CareColumns[k], "expected an identifier: " + CareKeys.KeyRule + ", or an empty cell.") { EpisodeId = episode });
                return null;
            }
        }

        return new Key(episode, session, perspective, instrument, care[0] is null && care[1] is null && care[2] is null ? CareKeys.None : new CareKeys(care[0], care[1], care[2]));
    }

    /// <summary>
    /// Returns the line of the first byte sequence that is not valid UTF-8, or null when the whole file is valid.
    /// Reads the file in 64 KiB blocks with <see cref="Utf8.ToUtf16"/> (no allocation per block).
    /// </summary>
    private static long? FindInvalidUtf8(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        byte[] buffer = new byte[1 << 16];
        char[] chars = new char[1 << 16];
        int carried = 0;
        long line = 1;
        while (true)
        {
            int read = stream.Read(buffer, carried, buffer.Length - carried);
            int length = carried + read;
            bool final = read == 0;
            System.Buffers.OperationStatus status = Utf8.ToUtf16(buffer.AsSpan(0, length), chars, out int consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
            line += buffer.AsSpan(0, consumed).Count((byte)'\n');
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                return line;
            }

            if (final)
            {
                return null;
            }

            carried = length - consumed;
            buffer.AsSpan(consumed, carried).CopyTo(buffer);
        }
    }

    private sealed record Key(string Episode, int Session, Perspective Perspective, Instrument Instrument, CareKeys Care);

    private sealed class Pending
    {
        internal Pending(UInt128 hash, long line)
        {
            Hash = hash;
            Line = line;
        }

        internal UInt128 Hash { get; }

        internal long Line { get; }

        internal Key? Key { get; set; }

        internal DateTimeOffset? Date { get; set; }

        internal bool DateSet { get; set; }

        internal List<ItemResponse> Responses { get; } = new();

        internal List<long> Lines { get; } = new();

        internal decimal? Total { get; set; }

        internal List<KeyValuePair<string, decimal>> SubscaleTotals { get; } = new();

        internal bool Rejected { get; set; }

        internal int Rows { get; set; }
    }
}
