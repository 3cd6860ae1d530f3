using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Schema;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Statistics;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tables;

/// <summary>
/// Reads long-format (tidy) data into the library's inputs in one call: item responses into a
/// <see cref="ResponseMatrix"/>, session totals into <see cref="Episode"/>s. The inverse of
/// <see cref="Tidy.ToTidy(ResponseMatrix)"/>, and of <see cref="Tidy.ToTidy(IEnumerable{Episode})"/> for sum scores.
/// </summary>
/// <remarks>
/// Identifiers (respondent, item, episode, instrument) are compared as the text the file holds, so <c>0042</c> and
/// <c>42</c> are different clients. Bad data comes back as a <see cref="TableError"/> naming the table's row (from 1,
/// the first row after the header: the CSV line is one more when no field spans lines) and column, never a cell's
/// content. This type is thread-safe.
/// </remarks>
public static class LongFormat
{
    /// <summary>Builds a response matrix from one row per response.</summary>
    /// <param name="table">The table; columns <paramref name="respondent"/>, <paramref name="item"/> and <paramref name="response"/> (a number, or NA when missing); other columns are ignored.</param>
    /// <param name="respondent">The column identifying the respondent (any value).</param>
    /// <param name="item">The column naming the item (any value; it becomes the column name).</param>
    /// <param name="response">The column of responses.</param>
    /// <returns>
    /// The matrix (respondents as rows and items as columns, each in order of first appearance; a response no row
    /// gives is missing), or a <see cref="TableError"/>: a column missing, no row, a respondent or item missing, a
    /// response that is not a finite number, a respondent and item given twice, or more cells than a matrix holds.
    /// Errors name the table's row (from 1, the first row after the header).
    /// </returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static TableResult<ResponseMatrix> ToResponseMatrix(TidyTable table, string respondent = "respondent", string item = "item", string response = "response")
    {
        Guard.Against.Null(table);
        Guard.Against.Null(respondent);
        Guard.Against.Null(item);
        Guard.Against.Null(response);
        if (Missing(table, respondent, item, response) is { } missing)
        {
            return missing;
        }

        if (table.RowCount == 0)
        {
            return new TableError(TableErrorKind.Empty, null, null, "The table has no responses: give one row per respondent and item.");
        }

        int rc = table.IndexOf(respondent), ic = table.IndexOf(item), vc = table.IndexOf(response);
        var respondents = new Dictionary<string, int>(StringComparer.Ordinal);
        var items = new Dictionary<string, int>(StringComparer.Ordinal);
        var cells = new Dictionary<(int, int), double>();
        for (int r = 0; r < table.RowCount; r++)
        {
            ImmutableArray<object?> row = table.Rows[r];
            if (row[rc] is null || row[ic] is null)
            {
                return BadValue(r, row[rc] is null ? respondent : item, "is missing: every row names its respondent and item.");
            }

            string who = Key(row[rc]);
            string what = Key(row[ic]);
            double value = row[vc] is null ? double.NaN : Number(row[vc]) ?? double.PositiveInfinity;
            if (double.IsInfinity(value) || (row[vc] is not null && double.IsNaN(value)))
            {
                return BadValue(r, response, "is not a number: give the response as a number, or NA when it is missing.");
            }

            int ri = respondents.TryGetValue(who, out int a) ? a : respondents[who] = respondents.Count;
            int ii = items.TryGetValue(what, out int b) ? b : items[what] = items.Count;
            if (cells.ContainsKey((ri, ii)))
            {
                return new TableError(TableErrorKind.DuplicateObservation, r + 1, item, string.Create(CultureInfo.InvariantCulture, $"Row {r + 1} gives a response its respondent already has for that item: keep one row per respondent and item."));
            }

            cells[(ri, ii)] = value;
        }

        if ((long)respondents.Count * items.Count > ResponseMatrix.MaximumValues)
        {
            return new TableError(TableErrorKind.BadValue, null, item, string.Create(CultureInfo.InvariantCulture, $"{respondents.Count} respondents × {items.Count} items is more than a response matrix holds: check that the respondent and item columns are the right ones."));
        }

        var values = new double[respondents.Count * items.Count];
        values.AsSpan().Fill(double.NaN);
        foreach (KeyValuePair<(int Row, int Column), double> cell in cells)
        {
            values[(cell.Key.Row * items.Count) + cell.Key.Column] = cell.Value;
        }

        return ResponseMatrix.FromRowMajor(values, respondents.Count, items.Count, items.OrderBy(p => p.Value).Select(p => p.Key));
    }

    /// <summary>Reads a long-format CSV of responses into a response matrix; see <see cref="ToResponseMatrix(TidyTable, string, string, string)"/>.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="respondent">The column identifying the respondent.</param>
    /// <param name="item">The column naming the item.</param>
    /// <param name="response">The column of responses.</param>
    /// <returns>The matrix, or a <see cref="TableError"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="IOException">Thrown when the file cannot be read.</exception>
    public static TableResult<ResponseMatrix> ReadResponseMatrix(string path, string respondent = "respondent", string item = "item", string response = "response")
    {
        Guard.Against.Null(respondent);
        Guard.Against.Null(item);
        Guard.Against.Null(response);
        TableResult<TidyTable> table = TidyCsv.Read(path);
        return table.IsSuccess ? ToResponseMatrix(table.AsT0, respondent, item, response) : table.AsT1;
    }

    /// <summary>
    /// Builds assessments from one row per item response: the long layout of the library's one input schema
    /// (<see cref="ResponseFileSchema"/>, <see cref="ResponseLayout.LongFormat"/>), as the command line's CSV reader and
    /// the columnar readers read it: <c>episode</c>, <c>session</c> (a whole number of 0 or more), optionally
    /// <c>date</c> (<see cref="SessionDates"/>), <c>perspective</c> (<see cref="ResponseFileSchema.PerspectiveCodes"/>),
    /// <c>instrument</c>, <c>item</c> (the item's identifier) and <c>value</c> (a number; NA when not answered).
    /// </summary>
    /// <param name="table">The table; other columns are ignored.</param>
    /// <param name="instruments">The instruments the rows may name, with distinct identifiers; <see langword="null"/> for <see cref="AllianceInstruments.All"/>.</param>
    /// <returns>
    /// One assessment per administration (episode, session, perspective and instrument), with its episode's identifier,
    /// in order of first appearance (an administration's rows need not be adjacent); or a <see cref="TableError"/> for
    /// the first row with a missing column, a missing key, an unknown instrument or perspective, a session that is not
    /// a whole number of 0 or more, a date that is not one, a value that is not a finite number, dates that differ
    /// within one administration, an item given twice, or an administration its instrument refuses (an item it does not
    /// have, a value off its scale: the message names the item, never the value).
    /// </returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="table"/> is <see langword="null"/> or <paramref name="instruments"/> contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when two of <paramref name="instruments"/> share an identifier.</exception>
    public static TableResult<ImmutableArray<(string Episode, Assessment Assessment)>> ToAssessments(TidyTable table, IEnumerable<Instrument>? instruments = null)
    {
        Guard.Against.Null(table);
        if (Missing(table, ResponseFileSchema.RequiredColumns(ResponseLayout.LongFormat, dateRequired: false).ToArray()) is { } missing)
        {
            return missing;
        }

        Dictionary<string, Instrument> known = Known(instruments);
        int ec = table.IndexOf(ResponseFileSchema.Episode), sc = table.IndexOf(ResponseFileSchema.Session), pc = table.IndexOf(ResponseFileSchema.Perspective);
        int inc = table.IndexOf(ResponseFileSchema.Instrument), ic = table.IndexOf(ResponseFileSchema.Item), vc = table.IndexOf(ResponseFileSchema.Value);
        int dc = table.HasColumn(ResponseFileSchema.Date) ? table.IndexOf(ResponseFileSchema.Date) : -1;
        var order = new List<(string Episode, int Session, Perspective Perspective, Instrument Instrument)>();
        var groups = new Dictionary<(string, int, Perspective, string), (int FirstRow, DateTimeOffset? Date, Dictionary<string, decimal?> Responses)>();
        for (int r = 0; r < table.RowCount; r++)
        {
            ImmutableArray<object?> row = table.Rows[r];
            if (row[ec] is null)
            {
                return BadValue(r, ResponseFileSchema.Episode, "is missing: every row names its episode.");
            }

            if (Number(row[sc]) is not { } s || s < 0 || s > int.MaxValue || s != Math.Floor(s))
            {
                return BadValue(r, ResponseFileSchema.Session, "is not a whole number of 0 or more.");
            }

            if (row[pc] is not string p || !AllianceCodes.TryParse(p, out Perspective perspective))
            {
                return BadValue(r, ResponseFileSchema.Perspective, "is not " + ResponseFileSchema.PerspectiveCodes + ".");
            }

            if (row[inc] is not string id || !known.TryGetValue(id, out Instrument? instrument))
            {
                return BadValue(r, ResponseFileSchema.Instrument, "is not an instrument this call knows: pass the instrument in instruments.");
            }

            if (row[ic] is null)
            {
                return BadValue(r, ResponseFileSchema.Item, "is missing: every row names its item.");
            }

            DateTimeOffset? date = null;
            if (dc >= 0 && row[dc] is not null && (row[dc] is not string text || !SessionDates.TryParse(text, out date)))
            {
                return BadValue(r, ResponseFileSchema.Date, "is not " + SessionDates.Expected + ".");
            }

            decimal? value = row[vc] is null ? null : Total(row[vc]);
            if (row[vc] is not null && value is null)
            {
                return BadValue(r, ResponseFileSchema.Value, "is not a finite number: give the response as a number, or NA when it was not answered.");
            }

            string episode = Key(row[ec]);
            var key = (episode, (int)s, perspective, id);
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = (r, date, new Dictionary<string, decimal?>(StringComparer.Ordinal));
                order.Add((episode, (int)s, perspective, instrument));
            }
            else if (group.Date != date)
            {
                return BadValue(r, ResponseFileSchema.Date, "differs from an earlier row of the same administration: give one date per administration.");
            }

            string item = Key(row[ic]);
            if (instrument.FindItem(item) is null)
            {
                return BadValue(r, ResponseFileSchema.Item, "is not an item of the row's instrument: give the item's identifier.");
            }

            if (group.Responses.ContainsKey(item))
            {
                return new TableError(TableErrorKind.DuplicateObservation, r + 1, ResponseFileSchema.Item, string.Create(CultureInfo.InvariantCulture, $"Row {r + 1} gives a response its administration already has for that item: keep one row per administration and item."));
            }

            group.Responses[item] = value;
        }

        var assessments = ImmutableArray.CreateBuilder<(string, Assessment)>(order.Count);
        foreach (var (episode, session, perspective, instrument) in order)
        {
            var group = groups[(episode, session, perspective, instrument.Id)];
            AssessmentResult assessment = instrument.CreateAssessment(perspective, Occasion.Session(session, group.Date), group.Responses.Select(p => ItemResponse.Create(p.Key, p.Value)));
            if (!assessment.IsSuccess)
            {
                return new TableError(TableErrorKind.BadValue, group.FirstRow + 1, ResponseFileSchema.Value, string.Create(CultureInfo.InvariantCulture, $"Row {group.FirstRow + 1}: the administration starting here is not valid for its instrument: {assessment.Error!.Message}"));
            }

            assessments.Add((episode, assessment.AsT0));
        }

        return assessments.MoveToImmutable();
    }

    /// <summary>
    /// Builds episodes from one row per session total: the totals layout of the library's one input schema
    /// (<see cref="ResponseFileSchema"/>, <see cref="ResponseLayout.TotalsFormat"/>): <c>episode</c>, <c>session</c> (1 or more),
    /// <c>perspective</c> (<see cref="ResponseFileSchema.PerspectiveCodes"/>), <c>instrument</c> (an identifier of
    /// <paramref name="instruments"/>) and <c>total</c> (the instrument's total, in points of its sum metric), and
    /// optionally <c>date</c> (<see cref="SessionDates"/>: a date, or a date and time with or without its offset; without
    /// one it is UTC, whatever the machine's time zone), <c>metric</c> (which must then be <c>sum</c>) and the care keys
    /// <c>therapist</c>, <c>site</c> and <c>team</c> (<see cref="CareKeys"/>; rows of one episode's session must agree,
    /// and the episodes get them per session: <see cref="Episode.Care"/>). Other columns,
    /// such as the range <see cref="Tidy.ToTidy(IEnumerable{Episode})"/> writes, are ignored; that table of sum scores
    /// reads back into the same episodes (the provenance becomes a reported total's).
    /// </summary>
    public static TableResult<ImmutableArray<EpisodeResult>> ToEpisodes(TidyTable table, IEnumerable<Instrument>? instruments = null, InconsistentSessionHandling handling = InconsistentSessionHandling.RejectEpisode)
    {
        Guard.Against.Null(table);

        if (Missing(table, ResponseFileSchema.Episode, ResponseFileSchema.Instrument, ResponseFileSchema.Perspective, ResponseFileSchema.Session, ResponseFileSchema.Total) is { } missing)
        {
            return missing;
        }

        Dictionary<string, Instrument> known = Known(instruments);

        int mc = table.HasColumn(RowSchemas.Metric) ? table.IndexOf(RowSchemas.Metric) : -1;
        int ec = table.IndexOf(ResponseFileSchema.Episode), inc = table.IndexOf(ResponseFileSchema.Instrument), pc = table.IndexOf(ResponseFileSchema.Perspective), sc = table.IndexOf(ResponseFileSchema.Session), vc = table.IndexOf(ResponseFileSchema.Total);
        int dc = table.HasColumn(ResponseFileSchema.Date) ? table.IndexOf(ResponseFileSchema.Date) : -1;
        int[] cc = ResponseFileSchema.CareColumns.Select(c => table.HasColumn(c) ? table.IndexOf(c) : -1).ToArray();
        var care = new Dictionary<(string Episode, int Session), CareKeys>();
        var scores = new List<(string, AllianceScore)>(table.RowCount);
        for (int r = 0; r < table.RowCount; r++)
        {
            ImmutableArray<object?> row = table.Rows[r];
            if (row[ec] is null)
            {
                return BadValue(r, ResponseFileSchema.Episode, "is missing: every row names its episode.");
            }

            if (row[inc] is not string id || !known.TryGetValue(id, out Instrument? instrument))
            {
                return BadValue(r, ResponseFileSchema.Instrument, "is not an instrument this call knows: pass the instrument in instruments.");
            }

            if (row[pc] is not string p || !AllianceCodes.TryParse(p, out Perspective perspective))
            {
                return BadValue(r, ResponseFileSchema.Perspective, "is not " + ResponseFileSchema.PerspectiveCodes + ".");
            }

            if (mc >= 0 && row[mc] is not null && !Equals(row[mc], AllianceCodes.ToCode(ScoreMetric.Sum)))
            {
                return BadValue(r, RowSchemas.Metric, "is not sum: only totals (sums) can be read back into episodes, as reported totals. Score the assessments again for other metrics.");
            }

            if (Number(row[sc]) is not { } s || s < 1 || s > int.MaxValue || s != Math.Floor(s))
            {
                return BadValue(r, ResponseFileSchema.Session, "is not a whole number of 1 or more.");
            }

            if (Total(row[vc]) is not { } total)
            {
                return BadValue(r, ResponseFileSchema.Total, "is not a finite number: give the total in points.");
            }

            DateTimeOffset? at = null;
            if (dc >= 0 && row[dc] is not null)
            {
                if (row[dc] is not string text || !SessionDates.TryParse(text, out DateTimeOffset? parsed))
                {
                    return BadValue(r, ResponseFileSchema.Date, "is not " + SessionDates.Expected + ".");
                }

                at = parsed;
            }

            ReportedTotalResult score = ReportedTotals.Create(instrument, perspective, Occasion.Session((int)s, at), total);
            if (!score.IsSuccess)
            {
                return new TableError(TableErrorKind.BadValue, r + 1, ResponseFileSchema.Total, string.Create(CultureInfo.InvariantCulture, $"Row {r + 1}: {score.Error!.Message}"));
            }

            var keys = new string?[3];
            for (int k = 0; k < 3; k++)
            {
                if (cc[k] >= 0 && row[cc[k]] is not null)
                {
                    // A number read from CSV (therapist 101) is its text, as an episode identifier is.
                    string key = Key(row[cc[k]]);
                    if (!CareKeys.IsValidKey(key))
                    {
                        return BadValue(r, ResponseFileSchema.CareColumns[k], "is not an identifier: " + CareKeys.KeyRule + ".");
                    }

                    keys[k] = key;
                }
            }

            string episodeId = Key(row[ec]);
            var sessionKeys = new CareKeys(keys[0], keys[1], keys[2]);
            if (care.TryGetValue((episodeId, (int)s), out CareKeys? earlier))
            {
                if (earlier.ConflictsWith(sessionKeys) is { IsEmpty: false } conflict)
                {
                    return BadValue(r, CareKeys.ToCode(conflict[0]), "differs from the one an earlier row gave for the same episode and session: one session has one therapist, site and team.");
                }

                sessionKeys = earlier.Fill(sessionKeys);
            }

            if (!sessionKeys.IsEmpty)
            {
                care[(episodeId, (int)s)] = sessionKeys;
            }

            scores.Add((episodeId, score.AsT0));
        }

        ImmutableArray<EpisodeResult> episodes = Episodes.FromScores(scores, handling);
        if (care.Count == 0)
        {
            return episodes;
        }

        var bySession = care.GroupBy(c => c.Key.Episode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, CareKeys>)g.ToDictionary(c => c.Key.Session, c => c.Value), StringComparer.Ordinal);
        return episodes.Select(e => e.IsT0 && bySession.TryGetValue(e.AsT0.Id, out IReadOnlyDictionary<int, CareKeys>? keysOf) ? (EpisodeResult)e.AsT0.WithCare(keysOf) : e).ToImmutableArray();
    }

    /// <summary>Reads a long-format CSV of session totals into episodes; see <see cref="ToEpisodes(TidyTable, IEnumerable{Instrument}, InconsistentSessionHandling)"/>.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="instruments">The instruments the rows may name; <see langword="null"/> for <see cref="AllianceInstruments.All"/>.</param>
    /// <param name="handling">What a duplicated or out-of-order session does.</param>
    /// <returns>The episodes, or a <see cref="TableError"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">Thrown when the file cannot be read.</exception>
    public static TableResult<ImmutableArray<EpisodeResult>> ReadEpisodes(string path, IEnumerable<Instrument>? instruments = null, InconsistentSessionHandling handling = InconsistentSessionHandling.RejectEpisode)
    {
        TableResult<TidyTable> table = TidyCsv.Read(path);
        return table.IsSuccess ? ToEpisodes(table.AsT0, instruments, handling) : table.AsT1;
    }

    private static Dictionary<string, Instrument> Known(IEnumerable<Instrument>? instruments)
    {
        var known = new Dictionary<string, Instrument>(StringComparer.Ordinal);
        foreach (Instrument instrument in instruments ?? AllianceInstruments.All)
        {
            Guard.Against.Null(instrument, nameof(instruments));
            if (!known.TryAdd(instrument.Id, instrument))
            {
                throw new ArgumentException("Two instruments share an identifier.", nameof(instruments));
            }
        }

        return known;
    }

    private static TableError? Missing(TidyTable table, params string[] columns)
    {
        foreach (string column in columns)
        {
            if (column is null)
            {
                throw new ArgumentNullException(nameof(columns));
            }

            if (!table.HasColumn(column))
            {
                return new TableError(TableErrorKind.MissingColumn, null, column, $"The table has no column {column}: name the columns as documented, or pass the names used.");
            }
        }

        return null;
    }

    private static TableError BadValue(int row, string column, string what) =>
        new(TableErrorKind.BadValue, row + 1, column, string.Create(CultureInfo.InvariantCulture, $"Row {row + 1}: the {column} {what}"));

    private static string Key(object? cell) => TidyCsv.Format(cell);

    /// <summary>A cell as a number: doubles as read from CSV, numeric text, and the ints and decimals a table built in code holds.</summary>
    private static double? Number(object? cell) => cell switch
    {
        double d => d,
        int i => i,
        decimal m => (double)m,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) => parsed,
        _ => null,
    };

    /// <summary>A total as an exact decimal: decimal text (36.0) read exactly, doubles converted; null when not a finite number in the decimal range.</summary>
    private static decimal? Total(object? cell) => cell switch
    {
        decimal m => m,
        int i => i,
        string s when decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal parsed) => parsed,
        double d when !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) < 7.9e28 => (decimal)d,
        _ => null,
    };
}
