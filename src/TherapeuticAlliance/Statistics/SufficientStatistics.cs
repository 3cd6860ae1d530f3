using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Statistics;

/// <summary>
/// Mergeable sufficient statistics of a response matrix's complete rows: their count, the columns' means and the
/// co-moment matrix Σ(x − x̄)(y − ȳ). A site computes one from its own rows; any number of them merge, in any
/// order, into the statistics of the pooled rows (Chan, Golub &amp; LeVeque 1979's pairwise update, exact up to
/// floating-point rounding), from which Cronbach's alpha with item statistics, the six ICCs, Pearson's r and
/// Bland–Altman's limits follow as from the pooled data.
/// </summary>
/// <remarks>
/// <para><b>What a partial reveals:</b> the number of complete rows and of incomplete ones left out, each column's
/// name, mean and variance, and every pair of columns' covariance, over the site's rows together; no row, identifier,
/// date or free text. With few rows these aggregates come close to the rows themselves (one row's means are its
/// responses), so <see cref="FromMatrix"/> refuses fewer rows than a minimum the site sets (10 by default, a design
/// choice in the spirit of small-cell suppression; set it to your governance's threshold).</para>
/// <para>The missing-data rule is complete rows (listwise deletion), as <see cref="Reliability.CronbachAlpha(ResponseMatrix)"/>
/// and <see cref="Agreement.IntraclassCorrelations(ResponseMatrix, double)"/> apply it; partials built under another
/// rule, over other columns, or of another scope never merge. This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class SufficientStatistics
{
    /// <summary>The JSON's <c>kind</c>: <c>sufficient-statistics</c>.</summary>
    public const string Kind = "sufficient-statistics";

    /// <summary>The JSON schema version this library writes and reads: <c>1.0</c>.</summary>
    public const string CurrentSchemaVersion = "1.0";

    /// <summary>The missing-data rule: <c>complete-rows</c>.</summary>
    public const string CompleteRows = "complete-rows";

    /// <summary>The default minimum number of complete rows a partial may summarise: 10.</summary>
    public const int DefaultMinimumRows = 10;

    private readonly double[] _means;
    private readonly double[] _comoments;

    private SufficientStatistics(string scope, ImmutableArray<string> columns, long count, long rowsDropped, double[] means, double[] comoments)
    {
        Scope = scope;
        Columns = columns;
        Count = count;
        RowsDropped = rowsDropped;
        _means = means;
        _comoments = comoments;
    }

    /// <summary>Gets what the columns measure, such as <c>wai-sr@1.0</c>; partials of different scopes never merge.</summary>
    public string Scope { get; }

    /// <summary>Gets the column names, in order.</summary>
    public ImmutableArray<string> Columns { get; }

    /// <summary>Gets the number of complete rows summarised.</summary>
    public long Count { get; }

    /// <summary>Gets the number of rows left out for a missing value.</summary>
    public long RowsDropped { get; }

    /// <summary>Gets the missing-data rule, <see cref="CompleteRows"/>.</summary>
    public string MissingData { get; } = CompleteRows;

    /// <summary>Gets a column's mean over the complete rows, in points of its scale.</summary>
    /// <param name="column">The column, from 0.</param>
    /// <returns>The mean.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="column"/> is out of range.</exception>
    public double Mean(int column) => _means[Check(column, nameof(column))];

    /// <summary>Gets the co-moment Σ(x − x̄)(y − ȳ) of two columns over the complete rows, in squared points; the covariance is it divided by <see cref="Count"/> − 1.</summary>
    /// <param name="row">The first column, from 0.</param>
    /// <param name="column">The second column, from 0.</param>
    /// <returns>The co-moment.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when a column is out of range.</exception>
    public double Comoment(int row, int column) => _comoments[(Check(row, nameof(row)) * Columns.Length) + Check(column, nameof(column))];

    /// <summary>Summarises a response matrix's complete rows.</summary>
    /// <param name="responses">The responses (or ratings: targets by raters); at least 2 columns.</param>
    /// <param name="scope">What the columns measure, such as <c>wai-sr@1.0</c> or <c>srs-client-therapist</c>; not blank.</param>
    /// <param name="minimumRows">The fewest complete rows a partial may summarise; at least 2. Default <see cref="DefaultMinimumRows"/>.</param>
    /// <returns>The statistics, or an error: fewer than 2 columns, everything missing, or fewer complete rows than <paramref name="minimumRows"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="scope"/> is blank or <paramref name="minimumRows"/> is less than 2.</exception>
    public static StatisticsResult<SufficientStatistics> FromMatrix(ResponseMatrix responses, string scope, int minimumRows = DefaultMinimumRows)
    {
        Guard.Against.Null(responses);
        Guard.Against.NullOrWhiteSpace(scope);
        Guard.Against.InvalidInput(minimumRows, nameof(minimumRows), static m => m >= 2, "A partial needs at least 2 rows.");
        return FromMirroredMatrix(responses, scope, minimumRows, null, 0.0);
    }

    /// <summary>
    /// Summarises a response matrix's complete rows with the columns flagged in <paramref name="reversed"/> mirrored
    /// (<paramref name="mirror"/> − x): the one reverse-keying rule, <see cref="CompleteRows.From(ResponseMatrix, bool[], double)"/>,
    /// which <see cref="Reliability.ForInstrument"/> uses too. Arguments are checked by the caller.
    /// </summary>
    internal static StatisticsResult<SufficientStatistics> FromMirroredMatrix(ResponseMatrix responses, string scope, int minimumRows, bool[]? reversed, double mirror)
    {
        int k = responses.ColumnCount;
        if (k < 2)
        {
            return StatisticsError.TooFewColumns(k, "column");
        }

        if (Statistics.CompleteRows.AllMissing(responses))
        {
            return StatisticsError.AllMissing();
        }

        Statistics.CompleteRows data = Statistics.CompleteRows.From(responses, reversed, mirror);
        if (data.Used < minimumRows)
        {
            return new StatisticsError(
                StatisticsErrorKind.TooFewRows,
                string.Format(CultureInfo.InvariantCulture, "Only {0} complete row(s); a partial summarises at least {1}, so that it reveals no client's responses. Pool more rows before sharing.", data.Used, minimumRows));
        }

        double[,] cov = Moments.Covariance(data, out double[] means);
        var comoments = new double[k * k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                comoments[(i * k) + j] = cov[i, j] * (data.Used - 1);
            }
        }

        return new SufficientStatistics(scope, responses.ColumnNames, data.Used, data.Dropped, means, comoments);
    }

    /// <summary>Merges two partials into the statistics of their pooled rows.</summary>
    /// <param name="other">The other partial.</param>
    /// <returns>The merged statistics, or an error when the partials differ in scope, columns or missing-data rule, or their counts would add up to more than 2^53 (an <see cref="InvalidPartial"/> naming what differs).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="other"/> is <see langword="null"/>.</exception>
    public PartialResult<SufficientStatistics> Merge(SufficientStatistics other)
    {
        Guard.Against.Null(other);
        if (!string.Equals(Scope, other.Scope, StringComparison.Ordinal))
        {
            return Incompatible("The partials are of different scopes; only partials of the same instrument and columns merge.");
        }

        if (!Columns.SequenceEqual(other.Columns, StringComparer.Ordinal))
        {
            return Incompatible("The partials have different columns; compute every site's partial over the same columns, in the same order.");
        }

        if (!PartialCounts.CanAdd(Count, other.Count) || !PartialCounts.CanAdd(RowsDropped, other.RowsDropped))
        {
            return Incompatible("The merged counts would exceed 2^53 rows, beyond what this library counts exactly; merge fewer partials.");
        }

        int k = Columns.Length;
        long n = Count + other.Count;
        double weight = (double)Count * other.Count / n;
        var delta = new double[k];
        var means = new double[k];
        for (int i = 0; i < k; i++)
        {
            delta[i] = other._means[i] - _means[i];
            means[i] = _means[i] + (delta[i] * other.Count / n);
        }

        var comoments = new double[k * k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                comoments[(i * k) + j] = _comoments[(i * k) + j] + other._comoments[(i * k) + j] + (delta[i] * delta[j] * weight);
            }
        }

        return new SufficientStatistics(Scope, Columns, n, RowsDropped + other.RowsDropped, means, comoments);
    }

    /// <summary>Merges any number of partials, in the order given (the result does not depend on it beyond rounding).</summary>
    /// <param name="partials">The partials; at least one.</param>
    /// <returns>The merged statistics, or the first incompatibility.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="partials"/> is or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="partials"/> is empty.</exception>
    public static PartialResult<SufficientStatistics> Merge(IEnumerable<SufficientStatistics> partials)
    {
        Guard.Against.Null(partials);
        SufficientStatistics? merged = null;
        foreach (SufficientStatistics partial in partials)
        {
            Guard.Against.Null(partial, nameof(partials));
            if (merged is null)
            {
                merged = partial;
                continue;
            }

            PartialResult<SufficientStatistics> next = merged.Merge(partial);
            if (next.IsT1)
            {
                return next;
            }

            merged = next.AsT0;
        }

        return merged ?? throw new ArgumentException("Give at least one partial.", nameof(partials));
    }

    /// <summary>Computes Cronbach's alpha with item statistics, as <see cref="Reliability.CronbachAlpha(ResponseMatrix)"/> does from the pooled rows.</summary>
    /// <returns>
    /// The analysis, or an error as for the data. A column without variance is dropped and named, as
    /// <c>psych::alpha</c> does; unlike the data path, the complete rows stay those of all the columns (a partial keeps
    /// no rows to recount).
    /// </returns>
    public StatisticsResult<ReliabilityAnalysis> CronbachAlpha() => Reliability.CronbachAlpha(this);

    /// <summary>Computes the six ICCs (targets as rows, raters as columns), as <see cref="Agreement.IntraclassCorrelations(ResponseMatrix, double)"/> does from the pooled rows.</summary>
    /// <param name="confidence">The confidence level of the bounds, between 0 and 1; .95 by default.</param>
    /// <returns>The analysis, or an error as for the data.</returns>
    /// <remarks>From the co-moments M: SS between raters n·Σ(x̄ⱼ − x̄)², SS total trace(M) plus that, SS between targets Σⱼₗ Mⱼₗ / k (the row sums' sum of squares over k).</remarks>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="confidence"/> is not between 0 and 1.</exception>
    public StatisticsResult<IccAnalysis> IntraclassCorrelations(double confidence = 0.95) => Agreement.IntraclassCorrelations(this, confidence);

    /// <summary>Computes the Pearson correlation of the two columns, as <see cref="Agreement.Pearson(ReadOnlySpan{double}, ReadOnlySpan{double})"/> does from the pooled pairs.</summary>
    /// <returns>The correlation, or an error when there are not exactly two columns or a column does not vary.</returns>
    public StatisticsResult<double> Pearson() => Agreement.Pearson(this);

    /// <summary>Computes Bland–Altman's bias and limits of agreement (first column minus second), as <see cref="Agreement.BlandAltman(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/> does from the pooled pairs: the differences' variance is (M₀₀ + M₁₁ − 2M₀₁) / (n − 1).</summary>
    /// <param name="multiplier">The number of SDs of the differences either side of the bias; 1.96 by default.</param>
    /// <returns>The analysis, or an error when there are not exactly two columns.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="multiplier"/> is not positive and finite.</exception>
    public StatisticsResult<BlandAltmanAnalysis> BlandAltman(double multiplier = 1.96) => Agreement.BlandAltman(this, multiplier);

    /// <summary>Writes the partial as indented JSON (schema version <see cref="CurrentSchemaVersion"/>): aggregates only, see the type's remarks.</summary>
    /// <returns>The JSON text, numbers in their shortest round-trip form.</returns>
    public string ToJson()
    {
        return PartialEnvelope.Write(Kind, CurrentSchemaVersion, json =>
        {
            json.WriteString("scope", Scope);
            json.WriteString("missingData", MissingData);
            json.WriteNumber("count", Count);
            json.WriteNumber("rowsDropped", RowsDropped);
            json.WriteStartArray("columns");
            foreach (string column in Columns)
            {
                json.WriteStringValue(column);
            }

            json.WriteEndArray();
            json.WriteStartArray("means");
            foreach (double mean in _means)
            {
                json.WriteNumberValue(mean);
            }

            json.WriteEndArray();
            json.WriteStartArray("comoments");
            for (int i = 0; i < Columns.Length; i++)
            {
                json.WriteStartArray();
                for (int j = 0; j < Columns.Length; j++)
                {
                    json.WriteNumberValue(_comoments[(i * Columns.Length) + j]);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        });
    }

    /// <summary>Reads a partial written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The partial, or an <see cref="InvalidPartial"/> saying what is wrong: more than 16 MiB of text, malformed JSON, a field given twice, another kind, a newer schema version, another missing-data rule, a missing or malformed field, shapes that do not match, a count below 2, a non-finite number, a negative variance, or co-moments no data could give (asymmetric, beyond the Cauchy–Schwarz bound, or not positive semi-definite, to a relative tolerance of 1e-9). It never throws on bad input.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="json"/> is <see langword="null"/>.</exception>
    public static PartialResult<SufficientStatistics> FromJson(string json)
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
            if (PartialEnvelope.Text(root, "missingData") != CompleteRows)
            {
                return Invalid("The partial was computed under another missing-data rule than complete rows; recompute it with this library.");
            }

            string? scope = PartialEnvelope.Text(root, "scope");
            if (string.IsNullOrWhiteSpace(scope))
            {
                return Invalid("The partial has no scope.");
            }

            if (!root.TryGetProperty("count", out JsonElement countElement) || countElement.ValueKind != JsonValueKind.Number || !countElement.TryGetInt64(out long count) || count < 2 || !PartialCounts.IsValid(count)
                || !root.TryGetProperty("rowsDropped", out JsonElement droppedElement) || droppedElement.ValueKind != JsonValueKind.Number || !droppedElement.TryGetInt64(out long dropped) || !PartialCounts.IsValid(dropped))
            {
                return Invalid("The partial's count must be a whole number from 2 to 2^53, and its rowsDropped from 0 to 2^53.");
            }

            if (!root.TryGetProperty("columns", out JsonElement columnsElement) || columnsElement.ValueKind != JsonValueKind.Array
                || columnsElement.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(c.GetString())))
            {
                return Invalid("The partial's columns must be an array of names.");
            }

            ImmutableArray<string> columns = columnsElement.EnumerateArray().Select(c => c.GetString()!).ToImmutableArray();
            int k = columns.Length;
            if (k < 2 || columns.Distinct(StringComparer.Ordinal).Count() != k)
            {
                return Invalid("The partial needs at least 2 columns, with distinct names.");
            }

            if (Numbers(root, "means") is not { } means || means.Length != k)
            {
                return Invalid("The partial's means must be one finite number per column.");
            }

            if (!root.TryGetProperty("comoments", out JsonElement rows) || rows.ValueKind != JsonValueKind.Array || rows.GetArrayLength() != k)
            {
                return Invalid("The partial's comoments must be a square array, one row per column.");
            }

            var comoments = new double[k * k];
            int i = 0;
            foreach (JsonElement row in rows.EnumerateArray())
            {
                if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != k)
                {
                    return Invalid("The partial's comoments must be a square array, one row per column.");
                }

                int j = 0;
                foreach (JsonElement value in row.EnumerateArray())
                {
                    if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double c) || double.IsNaN(c) || double.IsInfinity(c))
                    {
                        return Invalid("The partial's comoments must be finite numbers.");
                    }

                    comoments[(i * k) + j] = c;
                    j++;
                }

                if (comoments[(i * k) + i] < 0)
                {
                    return Invalid("A column's co-moment with itself (its sum of squares) cannot be negative.");
                }

                i++;
            }

            if (Utilities.PartialChecks.CoMoments(comoments, k) is { } impossible)
            {
                return Invalid(impossible);
            }

            return new SufficientStatistics(scope!, columns, count, dropped, means, comoments);
        }
        catch (JsonException)
        {
            return Invalid("The partial is not valid JSON.");
        }
    }

    /// <summary>The covariance matrix (n − 1) of the columns.</summary>
    internal double[,] Covariance()
    {
        int k = Columns.Length;
        var cov = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                cov[i, j] = _comoments[(i * k) + j] / (Count - 1);
            }
        }

        return cov;
    }

    /// <summary>The column means, copied.</summary>
    internal double[] Means() => (double[])_means.Clone();

    /// <summary>Returns the scope, the columns and the counts; no statistic.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}: {1} columns, {2} complete rows, {3} dropped", Scope, Columns.Length, Count, RowsDropped);

    private static InvalidPartial Incompatible(string message) => new(message);

    private static InvalidPartial Invalid(string message) => new(message);


    private static double[]? Numbers(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out JsonElement array) || array.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var values = new List<double>();
        foreach (JsonElement value in array.EnumerateArray())
        {
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double d) || double.IsNaN(d) || double.IsInfinity(d))
            {
                return null;
            }

            values.Add(d);
        }

        return values.ToArray();
    }

    private int Check(int column, string name) => column >= 0 && column < Columns.Length ? column : throw new ArgumentOutOfRangeException(name);
}
