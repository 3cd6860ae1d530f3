using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Statistics;

namespace TherapeuticAlliance.Tests.Scoring;

/// <summary>
/// Batch summaries as mergeable partials (issue 18, part 2): split a batch into sites, merge their partials in any
/// order, and get the pooled batch's counts, means and SDs per column to 1e-9; the JSON, its refusals and what never merges.
/// </summary>
public class BatchSummaryStatisticsTests
{
    private static bool Close(double expected, double actual) =>
        (double.IsNaN(expected) && double.IsNaN(actual)) || Math.Abs(expected - actual) <= 1e-9 * Math.Max(1.0, Math.Abs(expected));

    /// <summary>Rows of 12 WAI-SR responses 1–5, some missing, some off the scale (0 or 6).</summary>
    private static Gen<double[][]> Rows(int minimum) =>
        Gen.Choose(minimum, 40).SelectMany(n => Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(-3, 40).Select(v => v < -1 ? double.NaN : v == -1 ? 6.0 : 1 + (v % 5)), 12).Select(r => r), n));

    private static ResponseMatrix Matrix(IEnumerable<double[]> rows) => ResponseMatrix.FromRows(rows.Select(r => (IReadOnlyList<double>)r).ToList());

    private static BatchSummaryStatistics Partial(double[][] rows, MissingDataPolicy policy) =>
        BatchSummaryStatistics.FromScores(new SumScoringStrategy(new ScoringOptions { MissingDataPolicy = policy }).ScoreBatch(AllianceInstruments.WaiSr, Matrix(rows)).AsT0, AllianceInstruments.WaiSr, minimumRows: 1).GetValueOrThrow();

    [Property(MaxTest = 100)]
    public Property SplitIntoSites_MergedInAnyOrder_GivesThePooledBatchSummary() =>
        Prop.ForAll(Arb.From(Gen.Choose(1, 6).SelectMany(k => Gen.ArrayOf(Rows(1), k))), sites =>
        {
            MissingDataPolicy policy = MissingDataPolicy.ProrateUpTo(2);
            double[][] pooled = sites.SelectMany(s => s).ToArray();
            BatchScores scores = new SumScoringStrategy(new ScoringOptions { MissingDataPolicy = policy }).ScoreBatch(AllianceInstruments.WaiSr, Matrix(pooled)).AsT0;
            var partials = sites.Select(s => Partial(s, policy)).ToList();
            BatchSummaryStatistics merged = BatchSummaryStatistics.Merge(partials).GetValueOrThrow();
            BatchSummaryStatistics reversed = BatchSummaryStatistics.Merge(Enumerable.Reverse(partials).Select(p => BatchSummaryStatistics.FromJson(p.ToJson()).GetValueOrThrow())).GetValueOrThrow();
            var columns = new[] { scores.Totals }.Concat(scores.Subscales.Select(s => s.Values)).Select(c => c.ToArray().Where(v => !double.IsNaN(v)).ToArray()).ToArray();
            bool ok = merged.RowCount == pooled.Length && merged.InvalidRows == scores.InvalidRows.Length && merged.UnscoredRows == scores.UnscoredRows
                && merged.Columns.SequenceEqual(new[] { "total", "task", "bond", "goal" })
                && columns.Select((c, i) => merged.ScoredCount(i) == c.Length && reversed.ScoredCount(i) == c.Length
                    && Close(c.Length == 0 ? double.NaN : c.Average(), merged.Mean(i)) && Close(c.Length == 0 ? double.NaN : c.Average(), reversed.Mean(i))
                    && Close(c.Length < 2 ? double.NaN : Math.Sqrt(c.Sum(v => (v - c.Average()) * (v - c.Average())) / (c.Length - 1)), merged.StandardDeviation(i))
                    && Close(c.Length < 2 ? double.NaN : Math.Sqrt(c.Sum(v => (v - c.Average()) * (v - c.Average())) / (c.Length - 1)), reversed.StandardDeviation(i))).All(x => x);
            return ok.Label($"{sites.Length} sites, {pooled.Length} rows");
        });

    [Fact]
    public void TheBufferPath_GivesTheSameSummaryAsTheObjectPath()
    {
        double[][] rows = Enumerable.Range(0, 30).Select(r => Enumerable.Range(0, 12).Select(c => (double)(1 + ((r * 7 + c * 3) % 5))).ToArray()).ToArray();
        ResponseMatrix matrix = Matrix(rows);
        var buffer = new double[ScoringStrategies.BatchDestinationLength(AllianceInstruments.WaiSr, rows.Length)];
        BatchSummary summary = ScoringStrategies.Sum.ScoreBatchInto(AllianceInstruments.WaiSr, matrix, buffer).AsT0;
        BatchSummaryStatistics fromBuffer = BatchSummaryStatistics.FromBuffer(summary, buffer, AllianceInstruments.WaiSr).GetValueOrThrow();
        BatchSummaryStatistics fromScores = BatchSummaryStatistics.FromScores(ScoringStrategies.Sum.ScoreBatch(AllianceInstruments.WaiSr, matrix).AsT0, AllianceInstruments.WaiSr).GetValueOrThrow();
        Assert.Equal(fromScores.ToJson(), fromBuffer.ToJson());
        Assert.Equal(rows.Average(r => r.Sum()), fromBuffer.Mean(0), 12);
        Assert.Equal(("wai-sr", ScoreMetric.Sum, "sum", MissingDataPolicy.CompleteOnly, 30L), (fromBuffer.InstrumentId, fromBuffer.Metric, fromBuffer.StrategyName, fromBuffer.MissingDataPolicy, fromBuffer.RowCount));
        Assert.Equal(ScoringStrategies.Sum.Version, fromBuffer.StrategyVersion);
        Assert.Equal("30 rows of wai-sr (sum): 0 invalid, 0 unscored", fromBuffer.ToString());

        Assert.Throws<ArgumentException>("scores", () => BatchSummaryStatistics.FromBuffer(summary, buffer.AsSpan(1), AllianceInstruments.WaiSr));
        Assert.Throws<ArgumentException>("instrument", () => BatchSummaryStatistics.FromBuffer(summary, buffer, AllianceInstruments.Srs));
        Assert.Throws<ArgumentException>("minimumRows", () => BatchSummaryStatistics.FromBuffer(summary, buffer, AllianceInstruments.WaiSr, 0));
        Assert.Throws<ArgumentNullException>("summary", () => BatchSummaryStatistics.FromBuffer(null!, buffer, AllianceInstruments.WaiSr));
        Assert.Throws<ArgumentNullException>("instrument", () => BatchSummaryStatistics.FromBuffer(summary, buffer, null!));
        Assert.Throws<ArgumentNullException>("scores", () => BatchSummaryStatistics.FromScores(null!, AllianceInstruments.WaiSr));
        Assert.Throws<ArgumentNullException>("instrument", () => BatchSummaryStatistics.FromScores(ScoringStrategies.Sum.ScoreBatch(AllianceInstruments.WaiSr, matrix).AsT0, null!));
        Assert.Throws<ArgumentException>("instrument", () => BatchSummaryStatistics.FromScores(ScoringStrategies.Sum.ScoreBatch(AllianceInstruments.WaiSr, matrix).AsT0, AllianceInstruments.Srs));
        Assert.Throws<ArgumentOutOfRangeException>("column", () => fromBuffer.Mean(4));
        Assert.Throws<ArgumentOutOfRangeException>("column", () => fromBuffer.StandardDeviation(-1));
        Assert.Throws<ArgumentOutOfRangeException>("column", () => fromBuffer.ScoredCount(4));
        Assert.Throws<ArgumentNullException>("other", () => fromBuffer.Merge(null!));
        Assert.Throws<ArgumentException>("partials", () => BatchSummaryStatistics.Merge(Array.Empty<BatchSummaryStatistics>()));
        Assert.Throws<ArgumentNullException>("partials", () => BatchSummaryStatistics.Merge(new[] { fromBuffer, null! }));
        Assert.Throws<ArgumentNullException>("json", () => BatchSummaryStatistics.FromJson(null!));
    }

    [Fact]
    public void ABatchSmallerThanTheSitesMinimum_GivesNoPartial()
    {
        double[][] rows = Enumerable.Range(0, 9).Select(r => Enumerable.Repeat(3.0, 12).ToArray()).ToArray();
        BatchScores scores = ScoringStrategies.Sum.ScoreBatch(AllianceInstruments.WaiSr, Matrix(rows)).AsT0;
        PartialResult<BatchSummaryStatistics> result = BatchSummaryStatistics.FromScores(scores, AllianceInstruments.WaiSr);
        Assert.Equal("invalid-partial", result.Error!.Code);
        Assert.Contains("9 row(s), fewer than the 10", result.Error.Message, StringComparison.Ordinal);
        Assert.True(BatchSummaryStatistics.FromScores(scores, AllianceInstruments.WaiSr, 9).IsSuccess);

        // Ten rows but only one scored: its mean would be one person's score, so no partial.
        double[][] oneScored = rows.Append(rows[0]).Select((r, i) => i == 0 ? r : r.Select((v, c) => c == 0 ? double.NaN : v).ToArray()).ToArray();
        BatchScores few = ScoringStrategies.Sum.ScoreBatch(AllianceInstruments.WaiSr, Matrix(oneScored)).AsT0;
        Assert.Equal(10, few.Totals.Length);
        Assert.Contains("scored for fewer rows than the 10", BatchSummaryStatistics.FromScores(few, AllianceInstruments.WaiSr).Error!.Message, StringComparison.Ordinal);
        var fewBuffer = new double[ScoringStrategies.BatchDestinationLength(AllianceInstruments.WaiSr, 10)];
        BatchSummary fewSummary = ScoringStrategies.Sum.ScoreBatchInto(AllianceInstruments.WaiSr, Matrix(oneScored), fewBuffer).AsT0;
        Assert.Contains("scored for fewer rows", BatchSummaryStatistics.FromBuffer(fewSummary, fewBuffer, AllianceInstruments.WaiSr).Error!.Message, StringComparison.Ordinal);

        // One scored row: a mean, no SD; none scored: neither.
        BatchSummaryStatistics one = BatchSummaryStatistics.FromScores(ScoringStrategies.Sum.ScoreBatch(AllianceInstruments.WaiSr, Matrix(rows.Take(1))).AsT0, AllianceInstruments.WaiSr, 1).GetValueOrThrow();
        Assert.Equal((36.0, double.NaN), (one.Mean(0), one.StandardDeviation(0)));
        BatchSummaryStatistics none = BatchSummaryStatistics.FromScores(ScoringStrategies.Sum.ScoreBatch(AllianceInstruments.WaiSr, Matrix(new[] { Enumerable.Repeat(double.NaN, 12).ToArray() })).AsT0, AllianceInstruments.WaiSr, 1).GetValueOrThrow();
        Assert.Equal((0L, double.NaN, 1L), (none.ScoredCount(0), none.Mean(0), none.UnscoredRows));
        BatchSummaryStatistics both = one.Merge(none).GetValueOrThrow();
        Assert.Equal((1L, 36.0, 2L), (both.ScoredCount(0), both.Mean(0), both.RowCount));
        Assert.Equal(36.0, none.Merge(one).GetValueOrThrow().Mean(0));
    }

    [Fact]
    public void PartialsScoredOtherwise_NeverMerge()
    {
        double[][] rows = Enumerable.Range(0, 12).Select(r => Enumerable.Range(0, 12).Select(c => (double)(1 + ((r + c) % 5))).ToArray()).ToArray();
        BatchSummaryStatistics sum = Partial(rows, MissingDataPolicy.CompleteOnly);
        BatchSummaryStatistics prorated = Partial(rows, MissingDataPolicy.HalfRule);
        BatchSummaryStatistics mean = BatchSummaryStatistics.FromScores(ScoringStrategies.Mean.ScoreBatch(AllianceInstruments.WaiSr, Matrix(rows)).AsT0, AllianceInstruments.WaiSr).GetValueOrThrow();
        var srsRows = Enumerable.Range(0, 12).Select(r => Enumerable.Range(0, 4).Select(c => (double)((r + c) % 10)).ToArray());
        BatchSummaryStatistics srs = BatchSummaryStatistics.FromScores(ScoringStrategies.Sum.ScoreBatch(AllianceInstruments.Srs, Matrix(srsRows)).AsT0, AllianceInstruments.Srs).GetValueOrThrow();
        BatchSummaryStatistics otherStrategy = BatchSummaryStatistics.FromScores(new SumScoringStrategy(new ScoringOptions { Name = "site-sum" }).ScoreBatch(AllianceInstruments.WaiSr, Matrix(rows)).AsT0, AllianceInstruments.WaiSr).GetValueOrThrow();
        Assert.Contains("missing-data policy", sum.Merge(prorated).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("their metric", sum.Merge(mean).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("their instrument", sum.Merge(srs).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("scoring strategy", sum.Merge(otherStrategy).Error!.Message, StringComparison.Ordinal);
        // A built-in instrument's summary with other columns is refused when read (issue 27); a user's instrument's
        // summaries with different columns are read, and refuse to merge.
        Assert.Contains("not the total and the subscales", BatchSummaryStatistics.FromJson(sum.ToJson().Replace("\"bond\"", "\"bonds\"", StringComparison.Ordinal)).Error!.Message, StringComparison.Ordinal);
        string user = sum.ToJson().Replace("\"instrument\": \"wai-sr\"", "\"instrument\": \"site-wai\"", StringComparison.Ordinal);
        BatchSummaryStatistics userSum = BatchSummaryStatistics.FromJson(user).GetValueOrThrow();
        Assert.Contains("their columns", userSum.Merge(BatchSummaryStatistics.FromJson(user.Replace("\"bond\"", "\"bonds\"", StringComparison.Ordinal)).GetValueOrThrow()).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("strategy or its version", sum.Merge(BatchSummaryStatistics.FromJson(sum.ToJson().Replace("\"strategyVersion\": \"" + sum.StrategyVersion + "\"", "\"strategyVersion\": \"9.9\"", StringComparison.Ordinal)).GetValueOrThrow()).Error!.Message, StringComparison.Ordinal);
        Assert.True(BatchSummaryStatistics.Merge(new[] { sum, sum, prorated }).IsT1);
    }

    [Fact]
    public void TheJson_HoldsCountsMeansAndSumsOfSquaresOnly()
    {
        double[][] rows = Enumerable.Range(0, 10).Select(r => Enumerable.Range(0, 12).Select(c => c == 0 && r == 0 ? double.NaN : 3.0 + (r % 2)).ToArray()).ToArray();
        string json = Partial(rows, MissingDataPolicy.CompleteOnly).ToJson();
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(new[] { "kind", "schemaVersion", "instrument", "metric", "strategy", "strategyVersion", "missingData", "rows", "invalidRows", "unscoredRows", "columns" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("batch-summary-statistics", "1.0", "wai-sr", "sum", "complete-only", 10, 0, 1), (root.GetProperty("kind").GetString(), root.GetProperty("schemaVersion").GetString(), root.GetProperty("instrument").GetString(), root.GetProperty("metric").GetString(), root.GetProperty("missingData").GetString(), root.GetProperty("rows").GetInt32(), root.GetProperty("invalidRows").GetInt32(), root.GetProperty("unscoredRows").GetInt32()));
        var total = root.GetProperty("columns")[0];
        Assert.Equal(new[] { "name", "count", "mean", "sumOfSquares" }, total.EnumerateObject().Select(p => p.Name));

        // Rows 2-10 scored: five of 48 (odd rows) and four of 36 (even rows 2..8): mean 42.666..., SS 9 × (var of that).
        Assert.Equal(("total", 9), (total.GetProperty("name").GetString(), total.GetProperty("count").GetInt32()));
        Assert.Equal(((5 * 48) + (4 * 36)) / 9.0, total.GetProperty("mean").GetDouble(), 12);
        Assert.Equal(5 * 4 * 144 / 9.0, total.GetProperty("sumOfSquares").GetDouble(), 9);
        Assert.Equal(json, BatchSummaryStatistics.FromJson(json).GetValueOrThrow().ToJson());
    }

    [Fact]
    public void CountsBeyond2To53_AreRefused_AndAMergeThatWouldPassItToo()
    {
        double[][] rows = Enumerable.Range(0, 12).Select(r => Enumerable.Range(0, 12).Select(c => (double)(1 + ((r + c) % 5))).ToArray()).ToArray();
        string json = Partial(rows, MissingDataPolicy.CompleteOnly).ToJson();
        string huge = json.Replace("\"rows\": 12", "\"rows\": 9007199254740992", StringComparison.Ordinal);
        BatchSummaryStatistics big = BatchSummaryStatistics.FromJson(huge).GetValueOrThrow();
        Assert.Contains("exceed 2^53", big.Merge(big).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("from 0 to 2^53", BatchSummaryStatistics.FromJson(json.Replace("\"rows\": 12", "\"rows\": 9007199254740993", StringComparison.Ordinal)).Error!.Message, StringComparison.Ordinal);
        foreach (string field in new[] { "invalidRows", "unscoredRows" })
        {
            BatchSummaryStatistics many = BatchSummaryStatistics.FromJson(huge.Replace($"\"{field}\": 0", $"\"{field}\": 9007199254740992", StringComparison.Ordinal)).GetValueOrThrow();
            Assert.Contains("exceed 2^53", many.Merge(BatchSummaryStatistics.FromJson(json.Replace($"\"{field}\": 0", $"\"{field}\": 1", StringComparison.Ordinal)).GetValueOrThrow()).Error!.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "kind is not batch-summary-statistics")]
    [InlineData("""{"kind":"batch-summary-statistics","schemaVersion":"1.1"}""", "schema version is not 1.0")]
    [InlineData("""{"kind":"batch-summary-statistics","kind":"batch-summary-statistics"}""", "field twice")]
    [InlineData("""{"kind":"batch-summary-statistics","schemaVersion":"1.0","instrument":"wai-sr","strategy":"sum"}""", "needs an instrument, a strategy and a strategy version")]
    [InlineData("""{"kind":"batch-summary-statistics","schemaVersion":"1.0","instrument":"wai-sr","strategy":"sum","strategyVersion":"1.0","metric":"median"}""", "metric is not one")]
    [InlineData("""{"kind":"batch-summary-statistics","schemaVersion":"1.0","instrument":"wai-sr","strategy":"sum","strategyVersion":"1.0","metric":"sum","missingData":"listwise"}""", "missing-data policy is not one")]
    [InlineData("""{"kind":"batch-summary-statistics","schemaVersion":"1.0","instrument":"wai-sr","strategy":"sum","strategyVersion":"1.0","metric":"sum","missingData":"half-rule","rows":5,"invalidRows":3,"unscoredRows":3}""", "adding up to at most")]
    [InlineData("""{"kind":"batch-summary-statistics","schemaVersion":"1.0","instrument":"wai-sr","strategy":"sum","strategyVersion":"1.0","metric":"sum","missingData":"half-rule","rows":5,"invalidRows":-1,"unscoredRows":3}""", "adding up to at most")]
    [InlineData("""{"kind":"batch-summary-statistics","schemaVersion":"1.0","instrument":"wai-sr","strategy":"sum","strategyVersion":"1.0","metric":"sum","missingData":"half-rule","rows":5,"invalidRows":0,"unscoredRows":0,"columns":[]}""", "array of columns")]
    [InlineData("""{"kind":"batch-summary-statistics","schemaVersion":"1.0","instrument":"wai-sr","strategy":"sum","strategyVersion":"1.0","metric":"sum","missingData":"half-rule","rows":5,"invalidRows":0,"unscoredRows":0,"columns":[{"name":"total","count":6,"mean":1,"sumOfSquares":0}]}""", "Column 1 needs")]
    [InlineData("""{"kind":"batch-summary-statistics","schemaVersion":"1.0","instrument":"wai-sr","strategy":"sum","strategyVersion":"1.0","metric":"sum","missingData":"half-rule","rows":5,"invalidRows":0,"unscoredRows":0,"columns":[{"name":"total","count":5,"mean":1,"sumOfSquares":-2}]}""", "Column 1 needs")]
    [InlineData("""{"kind":"batch-summary-statistics","schemaVersion":"1.0","instrument":"wai-sr","strategy":"sum","strategyVersion":"1.0","metric":"sum","missingData":"half-rule","rows":5,"invalidRows":0,"unscoredRows":0,"columns":[{"name":"total","count":5,"mean":"x","sumOfSquares":0}]}""", "Column 1 needs")]
    [InlineData("""{"kind":"batch-summary-statistics","schemaVersion":"1.0","instrument":"wai-sr","strategy":"sum","strategyVersion":"1.0","metric":"sum","missingData":"half-rule","rows":5,"invalidRows":0,"unscoredRows":0,"columns":[{"name":"total","count":5,"mean":1,"sumOfSquares":0},{"name":"total","count":5,"mean":1,"sumOfSquares":0}]}""", "distinct")]
    [InlineData("""{"kind":"batch-summary-statistics","schemaVersion":"1.0","instrument":"wai-sr","strategy":"sum","strategyVersion":"1.0","metric":"sum","missingData":"half-rule","rows":5,"invalidRows":0,"unscoredRows":0,"columns":[3]}""", "Column 1 needs")]
    public void AMalformedPartial_IsATypedErrorSayingWhat(string json, string expected)
    {
        PartialResult<BatchSummaryStatistics> result = BatchSummaryStatistics.FromJson(json);
        Assert.Equal("invalid-partial", result.Error!.Code);
        Assert.Contains(expected, result.Error.Message, StringComparison.Ordinal);
    }
}
