using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Statistics;

namespace TherapeuticAlliance.Tests.Hostile;

/// <summary>
/// Issue 27, part 2: partials are validated as statistics before they merge. An asymmetric co-moment matrix, or a
/// symmetric impossible one ([[1, 5], [5, 1]]), was accepted and gave Pearson r = 5 and alpha 1.667 or made the ICCs
/// throw; a batch summary with 100,000 columns that are not the instrument's was accepted.
/// </summary>
public sealed class PoisonedPartialTests
{
    private static ResponseMatrix Rows(IEnumerable<double[]> rows, int k) =>
        ResponseMatrix.FromRows(rows.Select(r => (IReadOnlyList<double>)r).ToList(), Enumerable.Range(1, k).Select(i => $"q{i}"));

    private static string WithComoments(double[][] comoments)
    {
        int k = comoments.Length;
        var rows = Enumerable.Range(0, 5).Select(i => Enumerable.Range(0, k).Select(j => (double)((i * (j + 1)) % 5)).ToArray());
        JsonNode node = JsonNode.Parse(SufficientStatistics.FromMatrix(Rows(rows, k), "test@1.0", 2).GetValueOrThrow().ToJson())!;
        node["comoments"] = new JsonArray(comoments.Select(r => (JsonNode)new JsonArray(r.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray())).ToArray());
        return node.ToJsonString();
    }

    public static TheoryData<string, double[][], string> Impossible() => new()
    {
        { "the issue's example: r = 5", [[1, 5], [5, 1]], "Cauchy–Schwarz bound" },
        { "asymmetric", [[4, 1], [2, 4]], "not symmetric (columns 1 and 2)" },
        { "pairwise possible, jointly impossible", [[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]], "not positive semi-definite" },
        { "a negative sum of squares", [[-1, 0], [0, 1]], "sum of squares" },
        { "a covariance with a constant column", [[0, 0.5], [0.5, 1]], "Cauchy–Schwarz bound" },
    };

    [Theory]
    [MemberData(nameof(Impossible))]
    public void ASufficientStatisticsPartial_ThatNoDataCouldGive_IsRefused(string name, double[][] comoments, string message)
    {
        _ = name;
        InvalidPartial error = SufficientStatistics.FromJson(WithComoments(comoments)).AsT1;
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0.9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PossibleComoments_WithinRounding_AreRead()
    {
        // Symmetric to 1e-12 relative, and a perfectly correlated pair (r = 1 exactly, a singular matrix) are data.
        Assert.True(SufficientStatistics.FromJson(WithComoments([[2, 1.000000000001], [1, 2]])).IsSuccess);
        Assert.True(SufficientStatistics.FromJson(WithComoments([[4, 6, 0], [6, 9, 0], [0, 0, 0]])).IsSuccess);
    }

    [Property(MaxTest = 200)]
    public Property EveryPartialComputedFromData_PassesTheChecks() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(2, 6).SelectMany(k => Gen.Choose(2, 30).SelectMany(n =>
                Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 12).Select(v => v == 12 ? 3.0 : v * 0.37), k), n).Select(rows => (k, rows))))),
            data =>
            {
                SufficientStatistics partial = SufficientStatistics.FromMatrix(Rows(data.rows, data.k), "test@1.0", 2).GetValueOrThrow();
                PartialResult<SufficientStatistics> back = SufficientStatistics.FromJson(partial.ToJson());
                PartialResult<SufficientStatistics> merged = SufficientStatistics.Merge(new[] { partial, back.GetValueOrThrow() });
                return back.IsSuccess && SufficientStatistics.FromJson(merged.GetValueOrThrow().ToJson()).IsSuccess;
            });

    private static string BatchJson(Func<JsonNode, JsonNode> edit)
    {
        var rows = Enumerable.Range(0, 6).Select(i => Enumerable.Range(0, 12).Select(j => (double)(1 + ((i + j) % 5))).ToArray()).ToList();
        BatchSummaryStatistics partial = BatchSummaryStatistics.FromScores(ScoringStrategies.Sum.ScoreBatch(AllianceInstruments.WaiSr, ResponseMatrix.FromRows(rows.Select(r => (IReadOnlyList<double>)r).ToList())).AsT0, AllianceInstruments.WaiSr, minimumRows: 1).GetValueOrThrow();
        return edit(JsonNode.Parse(partial.ToJson())!).ToJsonString();
    }

    [Fact]
    public void ABatchSummary_WithColumnsThatAreNotTheInstruments_IsRefused()
    {
        Assert.True(BatchSummaryStatistics.FromJson(BatchJson(n => n)).IsSuccess);

        // The example: 100,000 columns.
        string many = BatchJson(n =>
        {
            var columns = new JsonArray();
            for (int i = 0; i < 100_000; i++)
            {
                columns.Add(new JsonObject { ["name"] = i == 0 ? "total" : "c" + i, ["count"] = 1, ["mean"] = 1.0, ["sumOfSquares"] = 0.0 });
            }

            n["columns"] = columns;
            return n;
        });
        Assert.Contains("more than 1001 columns", BatchSummaryStatistics.FromJson(many).AsT1.Message, StringComparison.Ordinal);

        string renamed = BatchJson(n =>
        {
            n["columns"]![1]!["name"] = "not-a-subscale";
            return n;
        });
        Assert.Contains("not the total and the subscales of its instrument", BatchSummaryStatistics.FromJson(renamed).AsT1.Message, StringComparison.Ordinal);

        string empty = BatchJson(n =>
        {
            n["columns"]![0]!["count"] = 0;
            return n;
        });
        Assert.Contains("Column 1: A column with no value", BatchSummaryStatistics.FromJson(empty).AsT1.Message, StringComparison.Ordinal);
    }
}

/// <summary>The checks themselves, at their edges (the readers refuse non-finite numbers before they reach them).</summary>
public sealed class PartialChecksTests
{
    private static string? Check(double[][] c) => Utilities.PartialChecks.CoMoments(c.SelectMany(r => r).ToArray(), c.Length);

    [Fact]
    public void NonFiniteEntries_AreRefused_OnTheDiagonalOrOffIt()
    {
        Assert.Contains("finite number of 0 or more", Check([[double.NaN, 0], [0, 1]]), StringComparison.Ordinal);
        Assert.Contains("finite number of 0 or more", Check([[1, 0], [0, double.PositiveInfinity]]), StringComparison.Ordinal);
        Assert.Contains("must be finite", Check([[1, 0.5], [double.NaN, 1]]), StringComparison.Ordinal);
        Assert.Contains("must be finite", Check([[1, double.NegativeInfinity], [0.5, 1]]), StringComparison.Ordinal);
    }

    [Fact]
    public void Symmetry_IsRelativeToTheScale()
    {
        // 1e-4 on co-moments of 1e6 is 1e-10 relative: rounding, accepted. 1e-8 on 1 is 1e-8 relative: refused.
        Assert.Null(Check([[1e6, 5e5], [5e5 + 1e-4, 1e6]]));
        Assert.Contains("not symmetric", Check([[1, 0.5], [0.5 + 1e-8, 1]]), StringComparison.Ordinal);
    }

    [Fact]
    public void PositiveSemiDefiniteness_IsCheckedOnTheCorrelationScale_WithItsTolerance()
    {
        // Three columns correlating −0.9 pairwise: each pair possible, the three together not (an eigenvalue of −0.8).
        Assert.Contains("not positive semi-definite", Check([[1, -0.9, -0.9], [-0.9, 1, -0.9], [-0.9, -0.9, 1]]), StringComparison.Ordinal);

        // The same on a tiny scale (sums of squares of 1e-3): the eigenvalue is judged on correlations, so −1e-6 is refused.
        double r = -0.5 - 5e-7, d = 1e-3;
        Assert.Contains("not positive semi-definite", Check([[d, r * d, r * d], [r * d, d, r * d], [r * d, r * d, d]]), StringComparison.Ordinal);

        // An eigenvalue of −1e-9 is within the tolerance of 1e-9 × 3 columns: rounding, accepted.
        double near = -0.5 - 5e-10;
        Assert.Null(Check([[1, near, near], [near, 1, near], [near, near, 1]]));
    }

    [Fact]
    public void ConstantColumns_AreLeftOutOfTheEigenvalueCheck_AndAllConstantIsData()
    {
        Assert.Null(Check([[0, 0], [0, 0]]));
        Assert.Null(Check([[0, 0, 0], [0, 0, 0], [0, 0, 0]]));
        Assert.Null(Check([[1, -0.5, 0], [-0.5, 1, 0], [0, 0, 0]]));
    }

    [Fact]
    public void RunningMoments_AreConsistentWithTheirCounts()
    {
        Assert.Contains("no value", Utilities.PartialChecks.RunningMoments(0, 1.0, 0.0), StringComparison.Ordinal);
        Assert.Contains("no value", Utilities.PartialChecks.RunningMoments(0, 0.0, 2.0), StringComparison.Ordinal);
        Assert.Contains("one value", Utilities.PartialChecks.RunningMoments(1, 3.0, 2.0), StringComparison.Ordinal);
        Assert.Null(Utilities.PartialChecks.RunningMoments(0, 0.0, 0.0));
        Assert.Null(Utilities.PartialChecks.RunningMoments(1, 3.0, 0.0));
        Assert.Null(Utilities.PartialChecks.RunningMoments(2, 3.0, 2.0));
    }
}

/// <summary>The one JSON scan at its edges.</summary>
public sealed class JsonScanTests
{
    [Fact]
    public void TheScan_FindsDuplicatesPerObject_LoneSurrogates_AndLeavesDepthToTheReader()
    {
        Assert.Equal(Utilities.JsonScan.Clean, Utilities.JsonDuplicates.Scan("{\"a\": {\"b\": 1}, \"b\": 2}", 8));
        Assert.Equal(Utilities.JsonScan.Duplicate, Utilities.JsonDuplicates.Scan("[{\"a\": 1}, {\"a\": 1, \"a\": 2}]", 8));
        Assert.Equal(Utilities.JsonScan.Clean, Utilities.JsonDuplicates.Scan("[[[[[[[[[[{\"a\": 1, \"a\": 2}]]]]]]]]]]", 8));
        Assert.Equal(Utilities.JsonScan.Clean, Utilities.JsonDuplicates.Scan("{\"a\": 1 /* a comment */, \"b\": 2}", 8));
        Assert.Equal(Utilities.JsonScan.Unreadable, Utilities.JsonDuplicates.Scan("{\"a\": \"\\udc00\"}", 8));
        Assert.Equal(Utilities.JsonScan.Unreadable, Utilities.JsonDuplicates.Scan("{\"\\udc00\": 1}", 8));
        Assert.Equal(Utilities.JsonScan.Unreadable, Utilities.JsonDuplicates.Scan("{\"a\": \"\udc00\"}", 8));
    }

    /// <summary>Built at run time: a lone surrogate in an attribute's string constant does not survive compilation (it becomes U+FFFD).</summary>
    public static TheoryData<string, bool> Texts()
    {
        string high = ((char)0xD83D).ToString(), low = ((char)0xDE00).ToString();
        return new()
        {
            { "ab", false },
            { "a" + high + low + "b", false },
            { high + low, false },
            { high, true },
            { "a" + high, true },
            { low + "a", true },
            { high + high + low, true },
            { high + low + low, true },
        };
    }

    [Theory]
    [MemberData(nameof(Texts), DisableDiscoveryEnumeration = true)]
    public void ALoneSurrogate_IsOneThatIsNotHalfOfAPair(string text, bool lone) =>
        Assert.Equal(lone, Utilities.JsonDuplicates.HasLoneSurrogate(text));
}
