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
