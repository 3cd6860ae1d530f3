using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Scoring;

/// <summary>
/// A mergeable summary of batch scores (<see cref="BatchScores"/>, or <see cref="BatchSummary"/> with the buffer it
/// describes): the rows scored, left invalid and left unscored, and for the total and each subscale column the number
/// of scores, their mean and their sum of squared deviations. A site computes one from its own rows; any number of
/// them merge, in any order, into the summary of the pooled batch (Chan, Golub &amp; LeVeque 1979's pairwise update,
/// exact up to rounding).
/// </summary>
/// <remarks>
/// <para><b>What a partial reveals:</b> the instrument, metric, strategy and missing-data policy; the counts of rows,
/// invalid rows and unscored rows; per column, how many rows were scored and their mean and variance. No row, row
/// number, identifier, minimum or maximum (an extreme is one person's score). A batch with fewer rows than a minimum
/// the site sets (10 by default, a design choice in the spirit of small-cell suppression) gives no partial, and so
/// does one whose total or a subscale was scored for between 1 and that minimum of rows.</para>
/// <para>Partials of another instrument, metric, strategy or strategy version, or scored under another missing-data
/// policy, never merge. This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class BatchSummaryStatistics
{
    /// <summary>The JSON's <c>kind</c>: <c>batch-summary-statistics</c>.</summary>
    public const string Kind = "batch-summary-statistics";

    /// <summary>The JSON schema version this library writes and reads: <c>1.0</c>.</summary>
    public const string CurrentSchemaVersion = "1.0";

    /// <summary>The default fewest rows a partial summarises: 10 (a design choice).</summary>
    public const int DefaultMinimumRows = 10;

    private readonly ImmutableArray<RunningMoments> _columns;

    private BatchSummaryStatistics(string instrumentId, ScoreMetric metric, string strategyName, string strategyVersion, MissingDataPolicy policy, long rows, long invalid, long unscored, ImmutableArray<string> names, ImmutableArray<RunningMoments> columns)
    {
        InstrumentId = instrumentId;
        Metric = metric;
        StrategyName = strategyName;
        StrategyVersion = strategyVersion;
        MissingDataPolicy = policy;
        RowCount = rows;
        InvalidRows = invalid;
        UnscoredRows = unscored;
        Columns = names;
        _columns = columns;
    }

    /// <summary>Gets the instrument identifier.</summary>
    public string InstrumentId { get; }

    /// <summary>Gets the metric of the scores.</summary>
    public ScoreMetric Metric { get; }

    /// <summary>Gets the name of the scoring strategy.</summary>
    public string StrategyName { get; }

    /// <summary>Gets the version of the scoring strategy.</summary>
    public string StrategyVersion { get; }

    /// <summary>Gets the missing-data policy the rows were scored under.</summary>
    public MissingDataPolicy MissingDataPolicy { get; }

    /// <summary>Gets the number of rows (administrations) in the batch or batches.</summary>
    public long RowCount { get; }

    /// <summary>Gets the number of rows with a value off the scale or off its step.</summary>
    public long InvalidRows { get; }

    /// <summary>Gets the number of valid rows with more missing items than the policy allows.</summary>
    public long UnscoredRows { get; }

    /// <summary>Gets the column names: <c>total</c>, then each subscale's dimension identifier, in instrument order.</summary>
    public ImmutableArray<string> Columns { get; }

    /// <summary>Summarises batch scores.</summary>
    /// <param name="scores">The scores.</param>
    /// <param name="instrument">The instrument they were scored with (for the subscale names).</param>
    /// <param name="minimumRows">The fewest rows a partial may summarise; at least 1, <see cref="DefaultMinimumRows"/> by default.</param>
    /// <returns>The summary, or an <see cref="InvalidPartial"/> when the batch has fewer rows than <paramref name="minimumRows"/>, or its total or a subscale was scored for at least one and fewer than that many.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="instrument"/> is not the one the scores came from, or <paramref name="minimumRows"/> is below 1.</exception>
    public static PartialResult<BatchSummaryStatistics> FromScores(BatchScores scores, Instrument instrument, int minimumRows = DefaultMinimumRows)
    {
        Guard.Against.Null(scores);
        Guard.Against.Null(instrument);
        Guard.Against.NegativeOrZero(minimumRows);
        CheckInstrument(instrument, scores.InstrumentId, scores.Subscales.Length + 1, nameof(instrument));
        int rows = scores.Totals.Length;
        if (rows < minimumRows)
        {
            return TooFew(rows, minimumRows);
        }

        var columns = ImmutableArray.CreateBuilder<RunningMoments>(scores.Subscales.Length + 1);
        columns.Add(RunningMoments.Of(scores.Totals.Span));
        foreach (BatchSubscale subscale in scores.Subscales)
        {
            columns.Add(RunningMoments.Of(subscale.Values.Span));
        }

        return FewScored(columns, minimumRows) ?? (PartialResult<BatchSummaryStatistics>)new BatchSummaryStatistics(scores.InstrumentId, scores.Metric, scores.StrategyName, scores.StrategyVersion, scores.MissingDataPolicy, rows, scores.InvalidRows.Length, scores.UnscoredRows, Names(instrument), columns.MoveToImmutable());
    }

    /// <summary>Summarises scores written into a caller's buffer by a batch strategy's <c>ScoreInto</c>.</summary>
    /// <param name="summary">The summary <c>ScoreInto</c> returned.</param>
    /// <param name="scores">The buffer it wrote: <see cref="BatchSummary.ColumnCount"/> columns of <see cref="BatchSummary.RowCount"/> scores each, the total first.</param>
    /// <param name="instrument">The instrument they were scored with (for the subscale names).</param>
    /// <param name="minimumRows">The fewest rows a partial may summarise; at least 1, <see cref="DefaultMinimumRows"/> by default.</param>
    /// <returns>The summary, or an <see cref="InvalidPartial"/> when the batch has fewer rows than <paramref name="minimumRows"/>, or its total or a subscale was scored for at least one and fewer than that many.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="summary"/> or <paramref name="instrument"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="scores"/> is shorter than the summary says, <paramref name="instrument"/> is not the one scored, or <paramref name="minimumRows"/> is below 1.</exception>
    public static PartialResult<BatchSummaryStatistics> FromBuffer(BatchSummary summary, ReadOnlySpan<double> scores, Instrument instrument, int minimumRows = DefaultMinimumRows)
    {
        Guard.Against.Null(summary);
        Guard.Against.Null(instrument);
        Guard.Against.NegativeOrZero(minimumRows);
        CheckInstrument(instrument, summary.InstrumentId, summary.ColumnCount, nameof(instrument));
        int rows = summary.RowCount;
        if ((long)rows * summary.ColumnCount > scores.Length)
        {
            throw new ArgumentException("The buffer is shorter than the summary's rows × columns.", nameof(scores));
        }

        if (rows < minimumRows)
        {
            return TooFew(rows, minimumRows);
        }

        var columns = ImmutableArray.CreateBuilder<RunningMoments>(summary.ColumnCount);
        for (int c = 0; c < summary.ColumnCount; c++)
        {
            columns.Add(RunningMoments.Of(scores.Slice(c * rows, rows)));
        }

        return FewScored(columns, minimumRows) ?? (PartialResult<BatchSummaryStatistics>)new BatchSummaryStatistics(summary.InstrumentId, summary.Metric, summary.StrategyName, summary.StrategyVersion, summary.MissingDataPolicy, rows, summary.InvalidRows.Length, summary.UnscoredRows, Names(instrument), columns.MoveToImmutable());
    }

    /// <summary>Gets the number of rows with a score in a column.</summary>
    /// <param name="column">The column's index in <see cref="Columns"/>.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="column"/> is not a column's index.</exception>
    public long ScoredCount(int column) => _columns[Check(column)].Count;

    /// <summary>Gets the mean score of a column, in points of <see cref="Metric"/>; NaN when no row was scored.</summary>
    /// <param name="column">The column's index in <see cref="Columns"/>.</param>
    /// <returns>The mean.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="column"/> is not a column's index.</exception>
    public double Mean(int column) => _columns[Check(column)] is { Count: > 0 } m ? m.Mean : double.NaN;

    /// <summary>Gets the standard deviation (n − 1) of a column's scores, in points of <see cref="Metric"/>; NaN with fewer than 2 scores.</summary>
    /// <param name="column">The column's index in <see cref="Columns"/>.</param>
    /// <returns>The SD.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="column"/> is not a column's index.</exception>
    public double StandardDeviation(int column) => _columns[Check(column)] is { Count: > 1 } m ? Math.Sqrt(m.SumOfSquares / (m.Count - 1)) : double.NaN;

    /// <summary>Merges two partials into the summary of their pooled rows.</summary>
    /// <param name="other">The other partial.</param>
    /// <returns>The merged summary, or an <see cref="InvalidPartial"/> naming what differs (instrument, metric, strategy, missing-data policy or columns), or saying the counts would add up to more than 2^53.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="other"/> is <see langword="null"/>.</exception>
    public PartialResult<BatchSummaryStatistics> Merge(BatchSummaryStatistics other)
    {
        Guard.Against.Null(other);
        string? differs =
            !string.Equals(InstrumentId, other.InstrumentId, StringComparison.Ordinal) ? "instrument"
            : Metric != other.Metric ? "metric"
            : !string.Equals(StrategyName, other.StrategyName, StringComparison.Ordinal) || !string.Equals(StrategyVersion, other.StrategyVersion, StringComparison.Ordinal) ? "scoring strategy or its version"
            : MissingDataPolicy != other.MissingDataPolicy ? "missing-data policy"
            : !Columns.SequenceEqual(other.Columns, StringComparer.Ordinal) ? "columns"
            : null;
        if (differs is null && !(PartialCounts.CanAdd(RowCount, other.RowCount) && PartialCounts.CanAdd(InvalidRows, other.InvalidRows) && PartialCounts.CanAdd(UnscoredRows, other.UnscoredRows)))
        {
            return new InvalidPartial("The merged counts would exceed 2^53 rows, beyond what this library counts exactly; merge fewer partials.");
        }

        if (differs is not null)
        {
            return new InvalidPartial($"The partials differ in their {differs}; only summaries scored alike merge. Rescore every site with the same instrument, metric, strategy and missing-data policy.");
        }

        return new BatchSummaryStatistics(
            InstrumentId, Metric, StrategyName, StrategyVersion, MissingDataPolicy, RowCount + other.RowCount, InvalidRows + other.InvalidRows, UnscoredRows + other.UnscoredRows, Columns, _columns.Zip(other._columns, (a, b) => a.Merge(b)).ToImmutableArray());
    }

    /// <summary>Merges any number of partials, in the order given (the result does not depend on it beyond rounding).</summary>
    /// <param name="partials">The partials; at least one.</param>
    /// <returns>The merged summary, or the first incompatibility.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="partials"/> is or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="partials"/> is empty.</exception>
    public static PartialResult<BatchSummaryStatistics> Merge(IEnumerable<BatchSummaryStatistics> partials)
    {
        Guard.Against.Null(partials);
        BatchSummaryStatistics? merged = null;
        foreach (BatchSummaryStatistics partial in partials)
        {
            Guard.Against.Null(partial, nameof(partials));
            if (merged is null)
            {
                merged = partial;
                continue;
            }

            PartialResult<BatchSummaryStatistics> next = merged.Merge(partial);
            if (next.IsT1)
            {
                return next;
            }

            merged = next.AsT0;
        }

        return merged ?? throw new ArgumentException("Give at least one partial.", nameof(partials));
    }

    /// <summary>Writes the partial as indented JSON (schema version <see cref="CurrentSchemaVersion"/>): aggregates only, see the type's remarks.</summary>
    /// <returns>The JSON text, numbers in their shortest round-trip form.</returns>
    public string ToJson()
    {
        return PartialEnvelope.Write(Kind, CurrentSchemaVersion, json =>
        {
            json.WriteString("instrument", InstrumentId);
            json.WriteString("metric", AllianceCodes.ToCode(Metric));
            json.WriteString("strategy", StrategyName);
            json.WriteString("strategyVersion", StrategyVersion);
            json.WriteString("missingData", MissingDataPolicy.Name);
            json.WriteNumber("rows", RowCount);
            json.WriteNumber("invalidRows", InvalidRows);
            json.WriteNumber("unscoredRows", UnscoredRows);
            json.WriteStartArray("columns");
            for (int c = 0; c < Columns.Length; c++)
            {
                json.WriteStartObject();
                json.WriteString("name", Columns[c]);
                json.WriteNumber("count", _columns[c].Count);
                json.WriteNumber("mean", _columns[c].Mean);
                json.WriteNumber("sumOfSquares", _columns[c].SumOfSquares);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }

    /// <summary>The most columns a batch summary read may have: 1,001 (the total and up to 1,000 subscales).</summary>
    public const int MaximumColumns = 1001;

    /// <summary>Reads a partial written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>
    /// The partial, or an <see cref="InvalidPartial"/> saying what is wrong: more than 16 MiB of text, malformed JSON, a field given twice,
    /// another kind, a newer schema version, an unknown metric or missing-data policy, inconsistent counts, or a
    /// missing, negative or non-finite count, mean or sum of squares, moments no data could give (a mean or sum of squares with no value, a sum of
    /// squares with one), more than <see cref="MaximumColumns"/> columns, a first column other than the total, or, for a built-in instrument,
    /// columns other than its total and subscales. It never throws on bad input.
    /// </returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="json"/> is <see langword="null"/>.</exception>
    public static PartialResult<BatchSummaryStatistics> FromJson(string json)
    {
        Guard.Against.Null(json);
        using JsonDocument? document = PartialEnvelope.Open(json, Kind, CurrentSchemaVersion, 8, out string? problem);
        if (document is null)
        {
            return new InvalidPartial(problem!);
        }

        try
        {
            JsonElement root = document.RootElement;
            if (PartialEnvelope.Text(root, "instrument") is not { Length: > 0 } instrument || PartialEnvelope.Text(root, "strategy") is not { Length: > 0 } strategy || PartialEnvelope.Text(root, "strategyVersion") is not { Length: > 0 } version)
            {
                return Invalid("The partial needs an instrument, a strategy and a strategy version.");
            }

            if (!AllianceCodes.TryParse(PartialEnvelope.Text(root, "metric"), out ScoreMetric metric))
            {
                return Invalid("The partial's metric is not one this library knows (sum, mean, pomp, ...).");
            }

            if (!MissingDataPolicy.TryParse(PartialEnvelope.Text(root, "missingData"), out MissingDataPolicy? policy))
            {
                return Invalid("The partial's missing-data policy is not one this library knows (complete-only, half-rule, prorate-max-items:N, prorate-max-fraction:F).");
            }

            if (Count(root, "rows") is not { } rows || Count(root, "invalidRows") is not { } invalid || Count(root, "unscoredRows") is not { } unscored || invalid + unscored > rows)
            {
                return Invalid("The partial's rows, invalidRows and unscoredRows must be whole numbers from 0 to 2^53, the last two adding up to at most the first.");
            }

            if (!root.TryGetProperty("columns", out JsonElement columnsElement) || columnsElement.ValueKind != JsonValueKind.Array || columnsElement.GetArrayLength() == 0)
            {
                return Invalid("The partial needs an array of columns, the total first.");
            }

            var names = ImmutableArray.CreateBuilder<string>();
            var columns = ImmutableArray.CreateBuilder<RunningMoments>();
            foreach (JsonElement column in columnsElement.EnumerateArray())
            {
                if (column.ValueKind != JsonValueKind.Object || PartialEnvelope.Text(column, "name") is not { Length: > 0 } name || Count(column, "count") is not { } count || count > rows
                    || Number(column, "mean") is not { } mean || Number(column, "sumOfSquares") is not { } squares || squares < 0.0)
                {
                    return Invalid(string.Format(CultureInfo.InvariantCulture, "Column {0} needs a name, a count of 0 up to the rows, a finite mean and a finite sum of squares of 0 or more.", names.Count + 1));
                }

                if (Utilities.PartialChecks.RunningMoments(count, mean, squares) is { } impossible)
                {
                    return Invalid(string.Format(CultureInfo.InvariantCulture, "Column {0}: {1}", names.Count + 1, impossible));
                }

                names.Add(name);
                columns.Add(new RunningMoments(count, mean, squares));
                if (names.Count > MaximumColumns)
                {
                    return Invalid(string.Format(CultureInfo.InvariantCulture, "The partial has more than {0} columns; a batch summary has the total and one column per subscale.", MaximumColumns));
                }
            }

            if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
            {
                return Invalid("The partial's column names must be distinct.");
            }

            if (names[0] != "total")
            {
                return Invalid("The partial's first column must be the total.");
            }

            // A built-in instrument's summary has exactly its total and subscales; a user's instrument is checked where it is merged or read with its definition.
            if (Instruments.AllianceInstruments.All.FirstOrDefault(i => i.Id == instrument) is { } builtIn && !names.SequenceEqual(Names(builtIn), StringComparer.Ordinal))
            {
                return Invalid("The partial's columns are not the total and the subscales of its instrument.");
            }

            return new BatchSummaryStatistics(instrument, metric, strategy, version, policy!, rows, invalid, unscored, names.ToImmutable(), columns.ToImmutable());
        }
        catch (JsonException)
        {
            return Invalid("The partial is not valid JSON.");
        }
    }

    /// <summary>Returns the instrument, metric and counts; no statistic.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture, "{0} rows of {1} ({2}): {3} invalid, {4} unscored", RowCount, InstrumentId, AllianceCodes.ToCode(Metric), InvalidRows, UnscoredRows);

    private static void CheckInstrument(Instrument instrument, string instrumentId, int columns, string parameter)
    {
        if (!string.Equals(instrument.Id, instrumentId, StringComparison.Ordinal) || instrument.SubscaleUnits.Length + 1 != columns)
        {
            throw new ArgumentException("The instrument is not the one the scores came from.", parameter);
        }
    }

    private static ImmutableArray<string> Names(Instrument instrument) =>
        instrument.SubscaleUnits.Select(u => u.Dimension!.Id).Prepend("total").ToImmutableArray();

    private static InvalidPartial TooFew(int rows, int minimum) => new(string.Format(
        CultureInfo.InvariantCulture, "The batch has {0} row(s), fewer than the {1} a partial may summarise; pool it with other data, or set the minimum to your governance's threshold.", rows, minimum));

    /// <summary>A column scored for fewer rows than the minimum would show few people's scores (one row's mean is its score): no partial.</summary>
    private static InvalidPartial? FewScored(ImmutableArray<RunningMoments>.Builder columns, int minimum) =>
        columns.Any(c => c.Count is > 0 && c.Count < minimum)
            ? new InvalidPartial(string.Format(CultureInfo.InvariantCulture, "The total or a subscale was scored for fewer rows than the {0} a partial may summarise; pool the batch with other data, or set the minimum to your governance's threshold.", minimum))
            : null;

    private static InvalidPartial Invalid(string message) => new(message);


    private static long? Count(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n) && PartialCounts.IsValid(n) ? n : null;

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double x) && !double.IsNaN(x) && !double.IsInfinity(x) ? x : null;

    private int Check(int column) => column >= 0 && column < Columns.Length ? column : throw new ArgumentOutOfRangeException(nameof(column), column, "Not a column's index.");
}
