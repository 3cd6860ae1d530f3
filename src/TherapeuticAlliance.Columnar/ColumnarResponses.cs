using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Apache.Arrow;
using Apache.Arrow.Types;
using Ardalis.GuardClauses;
using Parquet;
using Parquet.Schema;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Schema;
using TherapeuticAlliance.Statistics;

namespace TherapeuticAlliance.Columnar;

/// <summary>
/// Reads administrations from Apache Arrow record batches and Parquet files into <see cref="ResponseBlock"/>s, one per
/// instrument, for the batch scoring path.
/// </summary>
/// <remarks>
/// <para><b>Columns</b> (names are lower-case and exact): <c>episode</c> (string), <c>session</c> (any integer type,
/// 0 or more), <c>perspective</c> (string: <c>client</c>, <c>therapist</c> or <c>observer</c>), <c>instrument</c>
/// (string: an identifier the catalog knows), optionally <c>date</c> (a date, a timestamp, or an ISO 8601 string).
/// Wide layout: one numeric column per item, named by the item's identifier (<c>1</c> … <c>12</c> for the WAI-SR);
/// long layout: <c>item</c> (string) and <c>value</c>. Numeric means double, float, or any integer type; null is a
/// missing response. Other columns are an error in the wide layout (they would be read as items) and ignored in the
/// long one.</para>
/// <para><b>Errors</b>: a wrong schema, a missing column, a column of the wrong type, a key cell missing or unknown,
/// or a response given twice is a <see cref="ColumnarError"/> naming the column and the 1-based row (counted over
/// all row groups and partitions), never a cell's content; nothing is returned in part.</para>
/// <para><b>Memory</b>: a file or batch is held as its columns (about 8 bytes per response plus the keys); read a
/// partitioned dataset one partition at a time (<see cref="PartitionFiles"/>) to bound memory by the largest
/// partition. All members are thread-safe.</para>
/// </remarks>
public static class ColumnarResponses
{
    /// <summary>Lists a dataset's Parquet files: the file itself, or a folder's <c>*.parquet</c> files at any depth (Hive-style <c>key=value</c> folders included), in ordinal order of their paths.</summary>
    /// <param name="path">A Parquet file or a folder of partitions.</param>
    /// <returns>The files; empty when a folder holds none.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="path"/> is blank.</exception>
    /// <exception cref="FileNotFoundException">Thrown when <paramref name="path"/> is neither a file nor a folder.</exception>
    public static ImmutableArray<string> PartitionFiles(string path)
    {
        Guard.Against.NullOrWhiteSpace(path);
        if (File.Exists(path))
        {
            return ImmutableArray.Create(path);
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException("No Parquet file or folder of partitions at the path given.", path);
        }

        return Directory.EnumerateFiles(path, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToImmutableArray();
    }

    /// <summary>Reads a Parquet file, or every partition of a folder (<see cref="PartitionFiles"/>), into one block per instrument.</summary>
    /// <param name="path">A Parquet file or a folder of partitions.</param>
    /// <param name="catalog">The instruments the <c>instrument</c> column may name.</param>
    /// <param name="layout">The layout; <see cref="ResponseLayout.Auto"/> by default.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The blocks, in the order their instruments first appear; or the first problem (see the type's remarks).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="path"/> or <paramref name="catalog"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="path"/> is blank.</exception>
    /// <exception cref="FileNotFoundException">Thrown when <paramref name="path"/> is neither a file nor a folder.</exception>
    public static async Task<ColumnarResult<ImmutableArray<ResponseBlock>>> ReadParquetAsync(string path, IInstrumentCatalog catalog, ResponseLayout layout = ResponseLayout.Auto, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(catalog);
        ImmutableArray<string> files = PartitionFiles(path);
        if (files.IsEmpty)
        {
            return new ColumnarError(ColumnarErrorKind.Unreadable, "The folder holds no .parquet file.");
        }

        RawColumns? raw = null;
        string[]? firstSchema = null;
        foreach (string file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            FileStream stream;
            try
            {
                stream = File.OpenRead(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return new ColumnarError(ColumnarErrorKind.Unreadable, "A partition could not be opened: " + ex.GetType().Name + ".");
            }

            await using (stream.ConfigureAwait(false))
            {
                ColumnarError? error = await AppendParquetAsync(stream, catalog, layout, r => raw = r, () => raw, schema =>
                {
                    firstSchema ??= schema;
                    return firstSchema.SequenceEqual(schema, StringComparer.Ordinal);
                }, cancellationToken).ConfigureAwait(false);
                if (error is not null)
                {
                    return error;
                }
            }
        }

        return raw!.ToBlocks(catalog);
    }

    /// <summary>Reads a Parquet stream into one block per instrument.</summary>
    /// <param name="stream">A readable, seekable stream of one Parquet file.</param>
    /// <param name="catalog">The instruments the <c>instrument</c> column may name.</param>
    /// <param name="layout">The layout; <see cref="ResponseLayout.Auto"/> by default.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The blocks, or the first problem.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="stream"/> or <paramref name="catalog"/> is <see langword="null"/>.</exception>
    public static async Task<ColumnarResult<ImmutableArray<ResponseBlock>>> ReadParquetStreamAsync(Stream stream, IInstrumentCatalog catalog, ResponseLayout layout = ResponseLayout.Auto, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(stream);
        Guard.Against.Null(catalog);
        RawColumns? raw = null;
        ColumnarError? error = await AppendParquetAsync(stream, catalog, layout, r => raw = r, () => raw, _ => true, cancellationToken).ConfigureAwait(false);
        return error is not null ? error : raw!.ToBlocks(catalog);
    }

    /// <summary>
    /// Reads only an instrument's item columns of one wide Parquet file (one partition of a dataset partitioned by
    /// instrument) straight into a response matrix: no key column is read, so this is the fast path for analyses that
    /// need no keys (score summaries, alpha, ICCs; see <c>BatchSummaryStatistics</c> and <c>SufficientStatistics</c>).
    /// </summary>
    /// <param name="file">A wide Parquet file whose rows are all administrations of <paramref name="instrument"/>.</param>
    /// <param name="instrument">The instrument; its item identifiers name the columns read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// The matrix (one row per administration, the items in instrument order; NaN for null), or a
    /// <see cref="ColumnarError"/>: unreadable (the file cannot be opened or parsed, or holds more responses than one
    /// matrix can), two columns of one name, an item column missing or not numeric, or an <c>instrument</c> column
    /// whose row-group statistics show another instrument (read such a file with <see cref="ReadParquetAsync(string, IInstrumentCatalog, ResponseLayout, CancellationToken)"/>).
    /// </returns>
    /// <remarks>Memory: the matrix (8 bytes per response) and one column's buffer of a row group at a time.</remarks>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="file"/> or <paramref name="instrument"/> is <see langword="null"/>.</exception>
    /// <exception cref="FileNotFoundException">Thrown when <paramref name="file"/> does not exist.</exception>
    public static async Task<ColumnarResult<ResponseMatrix>> ReadResponseMatrixAsync(string file, Instrument instrument, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(file);
        Guard.Against.Null(instrument);
        if (!File.Exists(file))
        {
            throw new FileNotFoundException("No Parquet file at the path given.", file);
        }

        FileStream stream;
        try
        {
            stream = File.OpenRead(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ColumnarError(ColumnarErrorKind.Unreadable, "The file could not be opened: " + ex.GetType().Name + ".");
        }

        await using (stream.ConfigureAwait(false))
        {
            (ParquetReader? opened, ColumnarError? notParquet) = await OpenAsync(stream, cancellationToken).ConfigureAwait(false);
            if (opened is not { } reader)
            {
                return notParquet!;
            }

            await using (reader.ConfigureAwait(false))
            {
                DataField[] all;
                try
                {
                    all = reader.Schema.GetDataFields();
                }
                catch (Exception ex) when (IsParserFailure(ex, cancellationToken))
                {
                    return new ColumnarError(ColumnarErrorKind.Unreadable, "The file's schema could not be read (" + ex.GetType().Name + "); the file may be damaged.");
                }

                if (Repeated(all.Select(f => f.Name)) is { } repeated)
                {
                    return Repeats(repeated);
                }

                var byName = all.ToDictionary(f => f.Name, StringComparer.Ordinal);
                var fields = new DataField[instrument.Items.Length];
                for (int c = 0; c < fields.Length; c++)
                {
                    if (!byName.TryGetValue(instrument.Items[c].Id, out DataField? field))
                    {
                        return new ColumnarError(ColumnarErrorKind.MissingColumn, $"Column '{instrument.Items[c].Id}' is missing; the wide layout needs one column per item of the instrument.", instrument.Items[c].Id);
                    }

                    fields[c] = field;
                }

                long total = 0;
                try
                {
                    for (int g = 0; g < reader.RowGroupCount; g++)
                    {
                        using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                        total += group.RowCount;
                        // An empty row group (several writers write one) has no statistics and no rows of any instrument.
                        if (group.RowCount > 0 && byName.TryGetValue(ResponseFileSchema.Instrument, out DataField? instrumentField)
                            && (group.GetStatistics(instrumentField) is not { } statistics || !string.Equals(statistics.MinValue?.ToString(), instrument.Id, StringComparison.Ordinal) || !string.Equals(statistics.MaxValue?.ToString(), instrument.Id, StringComparison.Ordinal)))
                        {
                            return new ColumnarError(ColumnarErrorKind.BadValue, "The file's instrument column shows administrations of another instrument (or has no statistics); read it with ReadParquetAsync, which groups rows by instrument.", ResponseFileSchema.Instrument);
                        }
                    }
                }
                catch (Exception ex) when (IsParserFailure(ex, cancellationToken))
                {
                    return new ColumnarError(ColumnarErrorKind.Unreadable, "A row group's metadata could not be read (" + ex.GetType().Name + "); the file may be damaged.");
                }

                if (total * fields.Length > ResponseMatrix.MaximumValues)
                {
                    return new ColumnarError(ColumnarErrorKind.Unreadable, "The file holds more responses than one response matrix can; split it into smaller partitions.");
                }

                int rows = (int)total;
                var values = new double[rows * fields.Length];
                int offset = 0;
                try
                {
                    for (int g = 0; g < reader.RowGroupCount; g++)
                    {
                        using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                        int n = checked((int)group.RowCount);
                        for (int c = 0; c < fields.Length; c++)
                        {
                            if (!await ParquetColumns.NumbersIntoAsync(group, fields[c], values.AsMemory((c * rows) + offset, n), cancellationToken).ConfigureAwait(false))
                            {
                                return WrongType(fields[c].Name, "a numeric column (an item's responses)");
                            }
                        }

                        offset += n;
                    }
                }
                catch (Exception ex) when (IsParserFailure(ex, cancellationToken))
                {
                    return new ColumnarError(ColumnarErrorKind.Unreadable, "A row group could not be read (" + ex.GetType().Name + "); the file may be damaged or use an encoding this reader does not support.");
                }

                // A float column can hold ±∞, which no response is (the matrix would refuse it with an exception).
                int infinite = System.Array.FindIndex(values, double.IsInfinity);
                if (infinite >= 0)
                {
                    // Column-major: the index is column × rows + row (rows > 0 when any value exists). The column is the
                    // instrument's item id, the library's text.
                    long row = (infinite % rows) + 1;
                    string item = fields[infinite / rows].Name;
                    return new ColumnarError(ColumnarErrorKind.BadValue, string.Format(CultureInfo.InvariantCulture, "Row {0}, column '{1}': the response is infinite; give a number on the item's scale, or null when not answered.", row, item), item, row);
                }

                return ResponseMatrix.FromColumnMajor(values, rows, fields.Length, instrument.Items.Select(i => i.Id));
            }
        }
    }

    /// <summary>Reads Arrow record batches (of one schema) into one block per instrument.</summary>
    /// <param name="batches">The batches, in order.</param>
    /// <param name="catalog">The instruments the <c>instrument</c> column may name.</param>
    /// <param name="layout">The layout; <see cref="ResponseLayout.Auto"/> by default.</param>
    /// <returns>The blocks, or the first problem.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="batches"/> or <paramref name="catalog"/> is or contains <see langword="null"/>.</exception>
    public static ColumnarResult<ImmutableArray<ResponseBlock>> FromRecordBatches(IEnumerable<RecordBatch> batches, IInstrumentCatalog catalog, ResponseLayout layout = ResponseLayout.Auto)
    {
        Guard.Against.Null(batches);
        Guard.Against.Null(catalog);
        RawColumns? raw = null;
        string[]? firstSchema = null;
        foreach (RecordBatch batch in batches)
        {
            Guard.Against.Null(batch, nameof(batches));
            string[] names = batch.Schema.FieldsList.Select(f => f.Name).ToArray();
            if (Repeated(names) is { } repeated)
            {
                return Repeats(repeated);
            }

            firstSchema ??= names;
            if (!firstSchema.SequenceEqual(names, StringComparer.Ordinal))
            {
                return new ColumnarError(ColumnarErrorKind.SchemaMismatch, "The record batches have different columns; give batches of one schema.");
            }

            if (raw is null)
            {
                ResponseLayout resolved = RawColumns.Resolve(layout, names);
                if (resolved == ResponseLayout.TotalsFormat)
                {
                    return TotalsUnsupported();
                }

                if (RawColumns.Missing(resolved, names) is { } missing)
                {
                    return MissingColumn(missing, resolved);
                }

                raw = new RawColumns(resolved);
            }

            ColumnarError? error = AppendArrow(raw, batch);
            if (error is not null)
            {
                return error;
            }
        }

        return raw is null ? new ColumnarError(ColumnarErrorKind.Unreadable, "No record batch was given.") : raw.ToBlocks(catalog);
    }

    /// <summary>Opens a Parquet reader on a stream, or says the input is not Parquet this reader understands; shared by every read.</summary>
    internal static async Task<(ParquetReader? Reader, ColumnarError? Error)> OpenAsync(Stream stream, CancellationToken cancellationToken)
    {
        try
        {
            if (await ParquetPreflight.CheckAsync(stream, cancellationToken).ConfigureAwait(false) is { } problem)
            {
                return (null, new ColumnarError(ColumnarErrorKind.Unreadable, problem));
            }

            var guarded = new GuardedReadStream(stream, GuardedReadStream.BudgetFor(stream.Length));
            return (await ParquetReader.CreateAsync(guarded, cancellationToken: cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception ex) when (IsParserFailure(ex, cancellationToken))
        {
            return (null, new ColumnarError(ColumnarErrorKind.Unreadable, "The input is not a Parquet file this reader understands (" + ex.GetType().Name + ")."));
        }
    }

    /// <summary>
    /// Whether an exception out of Parquet.Net is the file's fault, to be reported as <see cref="ColumnarErrorKind.Unreadable"/>:
    /// every exception but the caller's own cancellation. The structure is checked first (<see cref="ParquetPreflight"/>),
    /// so what is left are the decoder's failures on damaged data, whose types the library does not document (issue 27
    /// found Thrift protocol errors, <see cref="NullReferenceException"/>, <see cref="OverflowException"/> and the
    /// reader's own types); an allocation the preflight's limits allow cannot exhaust memory.
    /// </summary>
    internal static bool IsParserFailure(Exception ex, CancellationToken cancellationToken) =>
        !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested);

    /// <summary>The first name given twice, with the 1-based positions of its first two columns.</summary>
    internal static (string Name, int First, int Second)? Repeated(IEnumerable<string> names)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int position = 0;
        foreach (string name in names)
        {
            position++;
            if (seen.TryGetValue(name, out int first))
            {
                return (name, first, position);
            }

            seen[name] = position;
        }

        return null;
    }

    /// <summary>Whether a column name is one of the layouts' own (which a message may quote: it is the library's text, not the file's).</summary>
    private static bool IsLayoutColumn(string name) =>
        ResponseFileSchema.KeyColumns.Contains(name) || ResponseFileSchema.CareColumns.Contains(name) || name is ResponseFileSchema.Item or ResponseFileSchema.Value or ResponseFileSchema.Total;

    private static ColumnarError Repeats((string Name, int First, int Second) repeated) => IsLayoutColumn(repeated.Name)
        ? new(ColumnarErrorKind.SchemaMismatch, string.Format(CultureInfo.InvariantCulture, "Two columns are named '{0}' (columns {1} and {2}; a nested field may share a top-level name); give every column its own name.", repeated.Name, repeated.First, repeated.Second), repeated.Name, null, repeated.Second)
        : new(ColumnarErrorKind.SchemaMismatch, string.Format(CultureInfo.InvariantCulture, "Columns {0} and {1} have the same name (a nested field may share a top-level name); give every column its own name.", repeated.First, repeated.Second), null, null, repeated.Second);

    /// <summary>An item column (named by the file) that is not numeric, named by its position only.</summary>
    private static ColumnarError ItemNotNumeric(int position) => new(
        ColumnarErrorKind.WrongType, string.Format(CultureInfo.InvariantCulture, "Column {0} (an item's responses) is not a numeric column; convert it, or export it as a numeric column.", position), null, null, position);

    private static ColumnarError MissingColumn(string column, ResponseLayout layout) => new(
        ColumnarErrorKind.MissingColumn,
        layout == ResponseLayout.LongFormat
            ? $"Column '{column}' is missing; the long layout needs {string.Join(", ", ResponseFileSchema.RequiredColumns(layout, dateRequired: false))} ({ResponseFileSchema.Date} is optional)."
            : $"Column '{column}' is missing; the wide layout needs {string.Join(", ", ResponseFileSchema.RequiredColumns(layout, dateRequired: false))} ({ResponseFileSchema.Date} is optional), then one column per item.",
        column);

    private static ColumnarError TotalsUnsupported() => new(
        ColumnarErrorKind.MissingColumn,
        $"The input has a '{ResponseFileSchema.Total}' column: the totals layout is read from CSV only; give item responses in the long or wide layout.",
        ResponseFileSchema.Total);

    private static ColumnarError WrongType(string column, string expected) => new(
        ColumnarErrorKind.WrongType, $"Column '{Names.Clean(column)}' is not {expected}; convert it, or export it as {expected}.", Names.Clean(column));

    private static async Task<ColumnarError?> AppendParquetAsync(Stream stream, IInstrumentCatalog catalog, ResponseLayout layout, Action<RawColumns> create, Func<RawColumns?> current, Func<string[], bool> sameSchema, CancellationToken cancellationToken)
    {
        (ParquetReader? opened, ColumnarError? notParquet) = await OpenAsync(stream, cancellationToken).ConfigureAwait(false);
        if (opened is not { } reader)
        {
            return notParquet;
        }

        await using (reader.ConfigureAwait(false))
        {
            DataField[] fields;
            try
            {
                fields = reader.Schema.GetDataFields();
            }
            catch (Exception ex) when (IsParserFailure(ex, cancellationToken))
            {
                return new ColumnarError(ColumnarErrorKind.Unreadable, "The file's schema could not be read (" + ex.GetType().Name + "); the file may be damaged.");
            }

            string[] names = fields.Select(f => f.Name).ToArray();
            if (Repeated(names) is { } repeated)
            {
                return Repeats(repeated);
            }

            if (!sameSchema(names))
            {
                return new ColumnarError(ColumnarErrorKind.SchemaMismatch, "The partitions have different columns; give every partition the same schema.");
            }

            RawColumns? raw = current();
            if (raw is null)
            {
                ResponseLayout resolved = RawColumns.Resolve(layout, names);
                if (resolved == ResponseLayout.TotalsFormat)
                {
                    return TotalsUnsupported();
                }

                if (RawColumns.Missing(resolved, names) is { } missing)
                {
                    return MissingColumn(missing, resolved);
                }

                raw = new RawColumns(resolved);
                create(raw);
            }

            var byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
            TimeZoneInfo? dateZone = null;
            if (byName.TryGetValue(ResponseFileSchema.Date, out DataField? zoned) && zoned is DateTimeDataField { IsAdjustedToUTC: true }
                && ArrowSchemaMetadata.TimeZoneOf(reader.CustomMetadata, ResponseFileSchema.Date) is { } zoneName)
            {
                dateZone = TimeZones.Find(zoneName);
                if (dateZone is null)
                {
                    return new ColumnarError(ColumnarErrorKind.WrongType, "The date column's time zone (from the file's Arrow schema) is not one this machine's time zone database has; write the dates with an offset or as dates.", ResponseFileSchema.Date);
                }
            }

            try
            {
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                    int n = checked((int)group.RowCount);
                    long first = raw.Rows;
                    string?[]? episodes = await ParquetColumns.StringsAsync(group, byName[ResponseFileSchema.Episode], n, cancellationToken).ConfigureAwait(false);
                    long?[]? sessions = await ParquetColumns.IntegersAsync(group, byName[ResponseFileSchema.Session], n, cancellationToken).ConfigureAwait(false);
                    string?[]? perspectives = await ParquetColumns.StringsAsync(group, byName[ResponseFileSchema.Perspective], n, cancellationToken).ConfigureAwait(false);
                    string?[]? instruments = await ParquetColumns.StringsAsync(group, byName[ResponseFileSchema.Instrument], n, cancellationToken).ConfigureAwait(false);
                    (DateTimeOffset?[]? dates, int bad) = byName.TryGetValue(ResponseFileSchema.Date, out DataField? dateField) ? await ParquetColumns.DatesAsync(group, dateField, n, dateZone, cancellationToken).ConfigureAwait(false) : (null, -1);
                    if (episodes is null || perspectives is null || instruments is null)
                    {
                        return WrongType(episodes is null ? ResponseFileSchema.Episode : perspectives is null ? ResponseFileSchema.Perspective : ResponseFileSchema.Instrument, "a string column");
                    }

                    if (sessions is null)
                    {
                        return WrongType(ResponseFileSchema.Session, "an integer column");
                    }

                    if (dateField is not null && dates is null)
                    {
                        return WrongType(ResponseFileSchema.Date, "a date, timestamp or ISO 8601 string column");
                    }

                    if (bad >= 0)
                    {
                        return new ColumnarError(ColumnarErrorKind.BadValue, string.Format(CultureInfo.InvariantCulture, "Row {0}, column 'date': the text is not " + SessionDates.Expected + ".", first + bad + 1), ResponseFileSchema.Date, first + bad + 1);
                    }

                    raw.AddKeys(episodes, sessions, dates, perspectives, instruments, n);
                    var care = new string?[]?[3];
                    for (int k = 0; k < 3; k++)
                    {
                        if (byName.TryGetValue(ResponseFileSchema.CareColumns[k], out DataField? careField))
                        {
                            care[k] = await ParquetColumns.StringsAsync(group, careField, n, cancellationToken).ConfigureAwait(false) ?? (string?[]?)null;
                            if (care[k] is null)
                            {
                                return WrongType(ResponseFileSchema.CareColumns[k], "a string column");
                            }
                        }
                    }

                    raw.AddCare(care, n);
                    if (raw.Layout == ResponseLayout.LongFormat)
                    {
                        string?[]? items = await ParquetColumns.StringsAsync(group, byName[ResponseFileSchema.Item], n, cancellationToken).ConfigureAwait(false);
                        double[]? values = await ParquetColumns.NumbersAsync(group, byName[ResponseFileSchema.Value], n, cancellationToken).ConfigureAwait(false);
                        if (items is null)
                        {
                            return WrongType(ResponseFileSchema.Item, "a string column");
                        }

                        if (values is null)
                        {
                            return WrongType(ResponseFileSchema.Value, "a numeric column");
                        }

                        raw.AddLong(items, values);
                    }
                    else
                    {
                        for (int c = 0; c < fields.Length; c++)
                        {
                            DataField field = fields[c];
                            if (ResponseFileSchema.KeyColumns.Contains(field.Name) || ResponseFileSchema.CareColumns.Contains(field.Name))
                            {
                                continue;
                            }

                            double[]? values = await ParquetColumns.NumbersAsync(group, field, n, cancellationToken).ConfigureAwait(false);
                            if (values is null)
                            {
                                return ItemNotNumeric(c + 1);
                            }

                            raw.AddWide(field.Name, c + 1, values, first);
                        }
                    }
                }
            }
            catch (Exception ex) when (IsParserFailure(ex, cancellationToken))
            {
                return new ColumnarError(ColumnarErrorKind.Unreadable, "A row group could not be read (" + ex.GetType().Name + "); the file may be damaged or use an encoding this reader does not support.");
            }
        }

        return null;
    }

    private static ColumnarError? AppendArrow(RawColumns raw, RecordBatch batch)
    {
        int n = batch.Length;
        long first = raw.Rows;
        IArrowArray Column(string name) => batch.Column(name);
        string?[]? episodes = ArrowColumns.Strings(Column(ResponseFileSchema.Episode));
        long?[]? sessions = ArrowColumns.Integers(Column(ResponseFileSchema.Session));
        string?[]? perspectives = ArrowColumns.Strings(Column(ResponseFileSchema.Perspective));
        string?[]? instruments = ArrowColumns.Strings(Column(ResponseFileSchema.Instrument));
        bool hasDate = batch.Schema.GetFieldIndex(ResponseFileSchema.Date) >= 0;
        (DateTimeOffset?[]? dates, int bad) = hasDate ? ArrowColumns.Dates(Column(ResponseFileSchema.Date)) : (null, -1);
        if (episodes is null || perspectives is null || instruments is null)
        {
            return WrongType(episodes is null ? ResponseFileSchema.Episode : perspectives is null ? ResponseFileSchema.Perspective : ResponseFileSchema.Instrument, "a string column");
        }

        if (sessions is null)
        {
            return WrongType(ResponseFileSchema.Session, "an integer column");
        }

        if (hasDate && dates is null)
        {
            return WrongType(ResponseFileSchema.Date, "a date, timestamp or ISO 8601 string column");
        }

        if (bad >= 0)
        {
            return new ColumnarError(ColumnarErrorKind.BadValue, string.Format(CultureInfo.InvariantCulture, "Row {0}, column 'date': the text is not " + SessionDates.Expected + ".", first + bad + 1), ResponseFileSchema.Date, first + bad + 1);
        }

        raw.AddKeys(episodes, sessions, dates, perspectives, instruments, n);
        var care = new string?[]?[3];
        for (int k = 0; k < 3; k++)
        {
            if (batch.Schema.GetFieldIndex(ResponseFileSchema.CareColumns[k]) >= 0)
            {
                care[k] = ArrowColumns.Strings(Column(ResponseFileSchema.CareColumns[k]));
                if (care[k] is null)
                {
                    return WrongType(ResponseFileSchema.CareColumns[k], "a string column");
                }
            }
        }

        raw.AddCare(care, n);
        if (raw.Layout == ResponseLayout.LongFormat)
        {
            string?[]? items = ArrowColumns.Strings(Column(ResponseFileSchema.Item));
            double[]? values = ArrowColumns.Numbers(Column(ResponseFileSchema.Value));
            if (items is null)
            {
                return WrongType(ResponseFileSchema.Item, "a string column");
            }

            if (values is null)
            {
                return WrongType(ResponseFileSchema.Value, "a numeric column");
            }

            raw.AddLong(items, values);
        }
        else
        {
            for (int c = 0; c < batch.Schema.FieldsList.Count; c++)
            {
                Apache.Arrow.Field field = batch.Schema.FieldsList[c];
                if (ResponseFileSchema.KeyColumns.Contains(field.Name) || ResponseFileSchema.CareColumns.Contains(field.Name))
                {
                    continue;
                }

                double[]? values = ArrowColumns.Numbers(batch.Column(c));
                if (values is null)
                {
                    return ItemNotNumeric(c + 1);
                }

                raw.AddWide(field.Name, c + 1, values, first);
            }
        }

        return null;
    }
}
