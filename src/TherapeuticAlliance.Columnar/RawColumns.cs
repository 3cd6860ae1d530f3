using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Schema;
using TherapeuticAlliance.Statistics;

namespace TherapeuticAlliance.Columnar;

/// <summary>
/// The columns of a columnar input, appended row group by row group (Parquet) or batch by batch (Arrow), and turned
/// into one <see cref="ResponseBlock"/> per instrument. Both readers share these rules.
/// </summary>
internal sealed class RawColumns
{
    private readonly List<string?> _episodes = new();
    private readonly List<long?> _sessions = new();
    private readonly List<DateTimeOffset?> _dates = new();
    private readonly List<string?> _perspectives = new();
    private readonly List<string?> _instruments = new();
    private readonly List<string?>[] _care = { new(), new(), new() };
    private readonly Dictionary<(string?, string?, string?), CareKeys> _careKeys = new();
    private readonly List<string?> _items = new();
    private readonly List<double> _values = new();
    private readonly Dictionary<string, List<double>> _wide = new(StringComparer.Ordinal);
    private readonly List<string> _wideOrder = new();
    private readonly Dictionary<string, int> _widePosition = new(StringComparer.Ordinal);
    private readonly Dictionary<Instrument, Dictionary<string, int>> _itemIndex = new(ReferenceEqualityComparer.Instance);

    internal RawColumns(ResponseLayout layout) => Layout = layout;

    internal ResponseLayout Layout { get; }

    internal long Rows => _episodes.Count;

    /// <summary>The wide layout's item columns, in the input's order.</summary>
    internal IReadOnlyList<string> WideColumns => _wideOrder;

    /// <summary>Decides the layout from the column names, by the library's one rule (<see cref="ResponseFileSchema.DetectLayout"/>).</summary>
    internal static ResponseLayout Resolve(ResponseLayout requested, ICollection<string> names) =>
        requested != ResponseLayout.Auto ? requested : ResponseFileSchema.DetectLayout(names);

    /// <summary>Checks that the layout's required columns are present (the date is optional here); returns the missing one.</summary>
    internal static string? Missing(ResponseLayout layout, ICollection<string> names) =>
        ResponseFileSchema.RequiredColumns(layout, dateRequired: false).FirstOrDefault(c => !names.Contains(c));

    internal void AddKeys(IEnumerable<string?> episodes, IEnumerable<long?> sessions, IEnumerable<DateTimeOffset?>? dates, IEnumerable<string?> perspectives, IEnumerable<string?> instruments, int count)
    {
        _episodes.AddRange(episodes);
        _sessions.AddRange(sessions);
        _dates.AddRange(dates ?? Enumerable.Repeat<DateTimeOffset?>(null, count));
        _perspectives.AddRange(perspectives);
        _instruments.AddRange(instruments);
    }

    /// <summary>Adds the rows' optional care columns (therapist, site, team; <see langword="null"/> for a column the input does not have), for the rows just added by <see cref="AddKeys"/>.</summary>
    internal void AddCare(string?[]?[] columns, int count)
    {
        for (int k = 0; k < 3; k++)
        {
            _care[k].AddRange(columns[k] ?? Enumerable.Repeat<string?>(null, count));
        }
    }

    internal void AddLong(IEnumerable<string?> items, IEnumerable<double> values)
    {
        _items.AddRange(items);
        _values.AddRange(values);
    }

    /// <summary>Adds a wide item column's values for the rows just added; rows before this part had no such column (NaN).</summary>
    internal void AddWide(string name, int position, IEnumerable<double> values, long firstRow)
    {
        if (!_wide.TryGetValue(name, out List<double>? column))
        {
            _wide[name] = column = new List<double>();
            _wideOrder.Add(name);
            _widePosition[name] = position;
        }

        while (column.Count < firstRow)
        {
            column.Add(double.NaN);
        }

        column.AddRange(values);
    }

    /// <summary>Builds one block per instrument, in the order instruments first appear; the first problem found is the error.</summary>
    internal ColumnarResult<ImmutableArray<ResponseBlock>> ToBlocks(IInstrumentCatalog catalog)
    {
        foreach (List<double> column in _wide.Values)
        {
            while (column.Count < _episodes.Count)
            {
                column.Add(double.NaN);
            }
        }

        var instruments = new Dictionary<string, Instrument>(StringComparer.Ordinal);
        var builders = new List<Builder>();
        var byInstrument = new Dictionary<string, Builder>(StringComparer.Ordinal);
        var administrations = new Dictionary<(string Episode, int Session, Perspective Perspective, string Instrument), (Builder Builder, int Row)>();
        int rows = _episodes.Count;
        for (int r = 0; r < rows; r++)
        {
            long row = r + 1;
            if (_episodes[r] is not { Length: > 0 } episode)
            {
                return Bad(ResponseFileSchema.Episode, row, "The episode identifier is missing; give every row one.");
            }

            if (_sessions[r] is not { } session || session < 0 || session > int.MaxValue)
            {
                return Bad(ResponseFileSchema.Session, row, "The session number is missing or out of range; give a whole number of 0 or more.");
            }

            if (!AllianceCodes.TryParse(_perspectives[r], out Perspective perspective))
            {
                return Bad(ResponseFileSchema.Perspective, row, "The perspective is missing or not " + ResponseFileSchema.PerspectiveCodes + ".");
            }

            if (_instruments[r] is not { Length: > 0 } instrumentId || !catalog.TryGetInstrument(instrumentId, out Instrument? instrument))
            {
                return Bad(ResponseFileSchema.Instrument, row, "The instrument is missing or not one the catalog knows; add its definition to the catalog or correct the identifier.");
            }

            if (Care(r, row) is not { } care)
            {
                int k = Enumerable.Range(0, 3).First(k => _care[k][r] is { Length: > 0 } given && !CareKeys.IsValidKey(given));
                return Bad(ResponseFileSchema.CareColumns[k], row, "The identifier breaks the rule: " + CareKeys.KeyRule + ". Leave the cell null when it is not recorded.");
            }

            instruments[instrumentId] = instrument;
            if (!byInstrument.TryGetValue(instrumentId, out Builder? builder))
            {
                byInstrument[instrumentId] = builder = new Builder(instrument);
                builders.Add(builder);
            }

            if (Layout == ResponseLayout.WideFormat)
            {
                if (administrations.ContainsKey((episode, (int)session, perspective, instrumentId)))
                {
                    return new ColumnarError(ColumnarErrorKind.DuplicateOrUnknownItem, string.Format(CultureInfo.InvariantCulture, "Row {0} gives an administration (episode, session, perspective and instrument) an earlier row gave; keep one.", row), null, row);
                }

                int index = builder.Add(episode, (int)session, perspective, _dates[r], row, care);
                builder.CountRow(index);
                administrations[(episode, (int)session, perspective, instrumentId)] = (builder, index);
                foreach (string name in _wideOrder)
                {
                    double value = _wide[name][r];
                    if (double.IsInfinity(value))
                    {
                        return NotFinite(row, _widePosition[name]);
                    }

                    if (Items(instrument).TryGetValue(name, out int item))
                    {
                        builder.Set(index, item, value);
                    }
                    else if (!double.IsNaN(value))
                    {
                        return new ColumnarError(ColumnarErrorKind.DuplicateOrUnknownItem, string.Format(CultureInfo.InvariantCulture, "Row {0} has a value in column {1}, which is not an item of its instrument; leave it null or correct the instrument.", row, _widePosition[name]), null, row, _widePosition[name]);
                    }
                }
            }
            else
            {
                var key = (episode, (int)session, perspective, instrumentId);
                if (!administrations.TryGetValue(key, out var at))
                {
                    at = (builder, builder.Add(episode, (int)session, perspective, _dates[r], row, care));
                    administrations[key] = at;
                }
                else if (!ReferenceEquals(at.Builder.CareAt(at.Row), care))
                {
                    int k = Enumerable.Range(0, 3).First(k => !string.Equals(at.Builder.CareAt(at.Row).Get(CareKeys.AllKinds[k]), care.Get(CareKeys.AllKinds[k]), StringComparison.Ordinal));
                    return new ColumnarError(ColumnarErrorKind.BadValue, string.Format(CultureInfo.InvariantCulture, "Row {0}, column '{1}': the rows of one administration give different identifiers; give one per administration.", row, ResponseFileSchema.CareColumns[k]), ResponseFileSchema.CareColumns[k], row);
                }

                if (_items[r] is not { Length: > 0 } itemId || !Items(instrument).TryGetValue(itemId, out int item))
                {
                    return new ColumnarError(ColumnarErrorKind.DuplicateOrUnknownItem, string.Format(CultureInfo.InvariantCulture, "Row {0} names no item, or an item its instrument does not have.", row), ResponseFileSchema.Item, row);
                }

                if (double.IsInfinity(_values[r]))
                {
                    return NotFinite(row, null);
                }

                if (!at.Builder.TrySet(at.Row, item, _values[r]))
                {
                    return new ColumnarError(ColumnarErrorKind.DuplicateOrUnknownItem, string.Format(CultureInfo.InvariantCulture, "Row {0} gives a response an earlier row of the same administration gave; keep one.", row), ResponseFileSchema.Item, row);
                }
            }
        }

        if (Layout == ResponseLayout.WideFormat && _wideOrder.FirstOrDefault(name => !instruments.Values.Any(i => Items(i).ContainsKey(name))) is { } stray)
        {
            return new ColumnarError(ColumnarErrorKind.DuplicateOrUnknownItem, string.Format(CultureInfo.InvariantCulture, "Column {0} is not an item of any instrument in the input; remove or rename it.", _widePosition[stray]), null, null, _widePosition[stray]);
        }

        return builders.Select(b => b.Build()).ToImmutableArray();
    }

    /// <summary>The row's care keys (one shared instance per distinct combination, so equal keys compare by reference), or null when one breaks <see cref="CareKeys.KeyRule"/>.</summary>
    private CareKeys? Care(int r, long row)
    {
        string? t = _care[0][r] is { Length: > 0 } a ? a : null;
        string? s = _care[1][r] is { Length: > 0 } b ? b : null;
        string? m = _care[2][r] is { Length: > 0 } c ? c : null;
        if (_careKeys.TryGetValue((t, s, m), out CareKeys? keys))
        {
            return keys;
        }

        if ((t is not null && !CareKeys.IsValidKey(t)) || (s is not null && !CareKeys.IsValidKey(s)) || (m is not null && !CareKeys.IsValidKey(m)))
        {
            return null;
        }

        return _careKeys[(t, s, m)] = t is null && s is null && m is null ? CareKeys.None : new CareKeys(t, s, m);
    }

    private Dictionary<string, int> Items(Instrument instrument)
    {
        if (!_itemIndex.TryGetValue(instrument, out Dictionary<string, int>? index))
        {
            _itemIndex[instrument] = index = instrument.Items.Select((item, i) => (item.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        }

        return index;
    }

    /// <summary>A response of ±∞ (a float column can hold one): refused with its row and column, as a response off the scale would be; NaN is a missing response.</summary>
    private static ColumnarError NotFinite(long row, int? position) => position is { } p
        ? new(ColumnarErrorKind.BadValue, string.Format(CultureInfo.InvariantCulture, "Row {0}, column {1}: the response is infinite; give a number on the item's scale, or null when not answered.", row, p), null, row, p)
        : new(ColumnarErrorKind.BadValue, string.Format(CultureInfo.InvariantCulture, "Row {0}, column '{1}': the response is infinite; give a number on the item's scale, or null when not answered.", row, ResponseFileSchema.Value), ResponseFileSchema.Value, row);

    private static ColumnarError Bad(string column, long row, string message) =>
        new(ColumnarErrorKind.BadValue, string.Format(CultureInfo.InvariantCulture, "Row {0}, column '{1}': {2}", row, column, message), column, row);

    /// <summary>One instrument's administrations, collected row by row into growing arrays.</summary>
    private sealed class Builder
    {
        private readonly Instrument _instrument;
        private readonly int _items;
        private readonly List<string> _episodes = new();
        private readonly List<int> _sessions = new();
        private readonly List<Perspective> _perspectives = new();
        private readonly List<DateTimeOffset?> _dates = new();
        private readonly List<CareKeys> _care = new();
        private readonly List<long> _rows = new();
        private readonly List<double> _values = new();   // row-major while collecting
        private readonly List<bool> _set = new();
        private readonly List<int> _rowCounts = new();

        internal Builder(Instrument instrument)
        {
            _instrument = instrument;
            _items = instrument.Items.Length;
        }

        internal int Add(string episode, int session, Perspective perspective, DateTimeOffset? date, long row, CareKeys care)
        {
            _episodes.Add(episode);
            _care.Add(care);
            _sessions.Add(session);
            _perspectives.Add(perspective);
            _dates.Add(date);
            _rows.Add(row);
            _rowCounts.Add(0);
            for (int i = 0; i < _items; i++)
            {
                _values.Add(double.NaN);
                _set.Add(false);
            }

            return _episodes.Count - 1;
        }

        internal CareKeys CareAt(int row) => _care[row];

        internal void Set(int row, int item, double value) => _values[(row * _items) + item] = value;

        internal void CountRow(int row) => _rowCounts[row] = 1;

        internal bool TrySet(int row, int item, double value)
        {
            int at = (row * _items) + item;
            if (_set[at])
            {
                return false;
            }

            _set[at] = true;
            _values[at] = value;
            _rowCounts[row]++;
            return true;
        }

        internal ResponseBlock Build()
        {
            int rows = _episodes.Count;
            ResponseMatrix matrix = ResponseMatrix.FromRowMajor(_values.ToArray(), rows, _items, _instrument.Items.Select(i => i.Id));
            return new ResponseBlock(_instrument, _episodes.ToImmutableArray(), _sessions.ToImmutableArray(), _perspectives.ToImmutableArray(), _dates.ToImmutableArray(), _rows.ToImmutableArray(), _rowCounts.ToImmutableArray(), matrix) { Care = _care.ToImmutableArray() };
        }
    }
}
