using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Trends;

/// <summary>
/// Caseload norms as mergeable partials (issue 18, part 2): split a caseload into sites, merge the partials in any
/// order, and get the pooled caseload's norms (mean, SD, baseline SD and the median-based change scale) to 1e-9; the
/// JSON and its refusals; the small-group minimum.
/// </summary>
public class CaseloadNormStatisticsTests
{
    private static bool Close(double? expected, double? actual) =>
        expected is null ? actual is null : actual is not null && Math.Abs(expected.Value - actual.Value) <= 1e-9 * Math.Max(1.0, Math.Abs(expected.Value));

    private static Episode Make(string instrument, Perspective perspective, IEnumerable<double> values) =>
        global::TherapeuticAlliance.Trends.Episode.Create("e", values.Select((v, i) => TrendTestData.Score(i + 1, (decimal)v, perspective, minimum: 0m, maximum: 84m, instrument: instrument))).GetValueOrThrow();

    /// <summary>Sites of 1 to 12 episodes of 1 to 8 half-point scores, over two instruments and two perspectives.</summary>
    private static Gen<Episode[][]> Sites() =>
        from count in Gen.Choose(1, 6)
        from sites in Gen.ArrayOf(
            Gen.Choose(1, 12).SelectMany(episodes => Gen.ArrayOf(
                from instrument in Gen.Elements("srs", "wai-sr")
                from perspective in Gen.Elements(Perspective.Client, Perspective.Therapist)
                from length in Gen.Choose(1, 8)
                from values in Gen.ArrayOf(Gen.Choose(0, 80), length)
                select Make(instrument, perspective, values.Select(v => v / 2.0)),
                episodes)),
            count)
        select sites;

    private static bool SameNorms(IEnumerable<Episode> episodes, ReferenceNorms expected, ReferenceNorms actual) =>
        expected.Count == actual.Count && episodes.All(e =>
        {
            ReferenceNorm? x = expected.Find(e);
            ReferenceNorm? y = actual.Find(e);
            return x is null ? y is null : y is not null && Close(x.Mean, y.Mean) && Close(x.StandardDeviation, y.StandardDeviation) && Close(x.BaselineStandardDeviation, y.BaselineStandardDeviation)
                && x.ChangeStandardDeviation == y.ChangeStandardDeviation && x.SampleSize == y.SampleSize && x.Source == y.Source;
        });

    [Property(MaxTest = 200)]
    public Property SplitIntoSites_MergedInAnyOrder_GivesThePooledCaseloadNorms() =>
        Prop.ForAll(Arb.From(Sites()), sites =>
        {
            Episode[] pooled = sites.SelectMany(s => s).ToArray();
            ReferenceNorms expected = ReferenceNorms.FromCaseload(pooled);
            var partials = sites.Select(s => CaseloadNormStatistics.FromCaseload(s, minimumEpisodes: 1)).ToList();
            CaseloadNormStatistics merged = CaseloadNormStatistics.Merge(partials).GetValueOrThrow();
            CaseloadNormStatistics reversed = CaseloadNormStatistics.Merge(Enumerable.Reverse(partials)).GetValueOrThrow();
            CaseloadNormStatistics throughJson = CaseloadNormStatistics.Merge(partials.Select(p => CaseloadNormStatistics.FromJson(p.ToJson()).GetValueOrThrow())).GetValueOrThrow();
            return (SameNorms(pooled, expected, merged.ToReferenceNorms()) && SameNorms(pooled, expected, reversed.ToReferenceNorms()) && SameNorms(pooled, expected, throughJson.ToReferenceNorms())
                && merged.EpisodeCount == pooled.Length && merged.WithheldGroups == 0).Label($"{sites.Length} sites, {pooled.Length} episodes");
        });

    [Fact]
    public void TheChangeScale_IsTheMedianOfThePooledChanges_NotAMedianOfMedians()
    {
        // Site A's changes are 1, 1, 1, 1 (median 1), site B's 5, 5, 5, 5, 5, 5 (median 5): pooled, ten changes with
        // the fifth and sixth 5, so the median is 5, and a median of the sites' medians (3) would be wrong.
        Episode[] a = { Make("srs", Perspective.Client, new double[] { 30, 31, 30 }), Make("srs", Perspective.Client, new double[] { 20, 21, 20 }) };
        Episode[] b = { Make("srs", Perspective.Client, new double[] { 30, 35, 30, 35 }), Make("srs", Perspective.Client, new double[] { 10, 15, 10, 15 }) };
        ReferenceNorm norm = CaseloadNormStatistics.FromCaseload(a, 1).Merge(CaseloadNormStatistics.FromCaseload(b, 1)).GetValueOrThrow().ToReferenceNorms().Find(a[0])!;
        Assert.Equal(5.0 / 0.6744897501960817, norm.ChangeStandardDeviation!.Value, 12);
        Assert.Equal(ReferenceNorms.FromCaseload(a.Concat(b)).Find(a[0])!.ChangeStandardDeviation, norm.ChangeStandardDeviation);
        Assert.Equal(14, norm.SampleSize);
    }

    [Fact]
    public void TheOddCountMedian_IsTheMiddleChange()
    {
        // Changes 1, 2, 7 (odd count): median 2.
        Episode[] caseload = { Make("srs", Perspective.Client, new double[] { 10, 11, 13, 20 }), Make("srs", Perspective.Client, new double[] { 10, 10.5 }), Make("srs", Perspective.Client, new double[] { 12 }) };
        var norms = CaseloadNormStatistics.FromCaseload(caseload, 1);
        Assert.Null(norms.ToReferenceNorms().Find(caseload[0]));                 // 7 scores < MinimumScores
        Episode[] more = caseload.Append(Make("srs", Perspective.Client, new double[] { 30, 30, 30, 30 })).ToArray();
        // Changes 0.5, 1, 2, 7, 0, 0, 0 sorted 0, 0, 0, 0.5, 1, 2, 7: the fourth, 0.5.
        Assert.Equal(0.5 / 0.6744897501960817, CaseloadNormStatistics.FromCaseload(more, 1).ToReferenceNorms().Find(more[0])!.ChangeStandardDeviation!.Value, 12);
    }

    [Fact]
    public void GroupsWithFewerEpisodesThanTheSitesMinimum_AreWithheldAndCounted()
    {
        Episode[] caseload = Enumerable.Range(0, 10).Select(i => Make("srs", Perspective.Client, new double[] { 30 + i, 31, 29 + i }))
            .Append(Make("srs", Perspective.Therapist, new double[] { 30, 32 }))
            .ToArray();
        CaseloadNormStatistics partial = CaseloadNormStatistics.FromCaseload(caseload);
        Assert.Equal((1, 1L, 10L), (partial.GroupCount, partial.WithheldGroups, partial.EpisodeCount));
        Assert.Equal(2L, partial.Merge(partial).GetValueOrThrow().WithheldGroups);
        Assert.DoesNotContain("\"therapist\"", partial.ToJson(), StringComparison.Ordinal);
        Assert.Equal("caseload norm statistics: 1 group(s), 10 episode(s), 1 withheld", partial.ToString());
        Assert.Equal(2, CaseloadNormStatistics.FromCaseload(caseload, 1).GroupCount);
        Assert.Throws<ArgumentException>("minimumEpisodes", () => CaseloadNormStatistics.FromCaseload(caseload, 0));
        Assert.Throws<ArgumentNullException>("episodes", () => CaseloadNormStatistics.FromCaseload(null!));
        Assert.Throws<ArgumentNullException>("episodes", () => CaseloadNormStatistics.FromCaseload(new Episode[] { null! }));
        Assert.Throws<ArgumentNullException>("other", () => partial.Merge(null!));
        Assert.Throws<ArgumentNullException>("partials", () => CaseloadNormStatistics.Merge(null!));
        Assert.Throws<ArgumentNullException>("partials", () => CaseloadNormStatistics.Merge(new CaseloadNormStatistics[] { partial, null! }));
        Assert.Throws<ArgumentException>("partials", () => CaseloadNormStatistics.Merge(Array.Empty<CaseloadNormStatistics>()));
        Assert.Throws<ArgumentNullException>("json", () => CaseloadNormStatistics.FromJson(null!));
    }

    [Fact]
    public void TheJson_HoldsAggregatesOnly_AndReadsBack()
    {
        Episode[] caseload = Enumerable.Range(0, 3).Select(i => Make("wai-sr", Perspective.Client, new double[] { 40 + i, 42, 45 - i, 44 })).ToArray();
        string json = CaseloadNormStatistics.FromCaseload(caseload, 1).ToJson();
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(new[] { "kind", "schemaVersion", "withheldGroups", "groups" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("caseload-norm-statistics", "1.0", 0), (root.GetProperty("kind").GetString(), root.GetProperty("schemaVersion").GetString(), root.GetProperty("withheldGroups").GetInt32()));
        var group = root.GetProperty("groups")[0];
        Assert.Equal(new[] { "instrument", "perspective", "metric", "episodes", "scores", "baselines", "absoluteChanges" }, group.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("wai-sr", "client", "sum", 3), (group.GetProperty("instrument").GetString(), group.GetProperty("perspective").GetString(), group.GetProperty("metric").GetString(), group.GetProperty("episodes").GetInt32()));

        // 40 42 45 44 | 41 42 44 44 | 42 42 43 44: mean 42.75, sum of squares 24.25; intakes 40 41 42: mean 41, 2.
        Assert.Equal(12, group.GetProperty("scores").GetProperty("count").GetInt32());
        Assert.Equal(42.75, group.GetProperty("scores").GetProperty("mean").GetDouble(), 12);
        Assert.Equal(24.25, group.GetProperty("scores").GetProperty("sumOfSquares").GetDouble(), 12);
        Assert.Equal((3, 41.0, 2.0), (group.GetProperty("baselines").GetProperty("count").GetInt32(), group.GetProperty("baselines").GetProperty("mean").GetDouble(), group.GetProperty("baselines").GetProperty("sumOfSquares").GetDouble()));

        // Changes 2 3 1 | 1 2 0 | 0 1 1: how often each size occurred, smallest first, and nothing else.
        Assert.Equal(new[] { "0:2", "1:4", "2:2", "3:1" }, group.GetProperty("absoluteChanges").EnumerateArray().Select(b => $"{b[0].GetDouble()}:{b[1].GetInt32()}"));
        Assert.Equal(json, CaseloadNormStatistics.FromJson(json).GetValueOrThrow().ToJson());
        Assert.DoesNotContain("\"e\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "kind is not caseload-norm-statistics")]
    [InlineData("""{"kind":"sufficient-statistics"}""", "kind is not caseload-norm-statistics")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"2.0"}""", "schema version is not 1.0")]
    [InlineData("""{"kind":"caseload-norm-statistics","kind":"caseload-norm-statistics"}""", "field twice")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","groups":[]}""", "withheldGroups")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","withheldGroups":-1,"groups":[]}""", "withheldGroups")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","withheldGroups":[0],"groups":[]}""", "withheldGroups")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","withheldGroups":0,"groups":[{"instrument":"srs","perspective":null,"metric":"sum","episodes":"1"}]}""", "count of episodes")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","withheldGroups":0,"groups":[{"instrument":"srs","perspective":null,"metric":"sum","episodes":1,"scores":{"count":[2],"mean":1,"sumOfSquares":0},"baselines":{"count":1,"mean":1,"sumOfSquares":0}}]}""", "sum of squares of 0 or more")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","withheldGroups":0,"groups":[{"instrument":"srs","perspective":null,"metric":"sum","episodes":1,"scores":{"count":2,"mean":1,"sumOfSquares":0},"baselines":{"count":1,"mean":1,"sumOfSquares":0},"absoluteChanges":[["0",1]]}]}""", "distinct [change, count] pairs")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","withheldGroups":0,"groups":[{"instrument":"srs","perspective":null,"metric":"sum","episodes":1,"scores":{"count":2,"mean":1,"sumOfSquares":0},"baselines":{"count":1,"mean":1,"sumOfSquares":0},"absoluteChanges":[[0,[1]]]}]}""", "distinct [change, count] pairs")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","withheldGroups":0,"groups":{}}""", "array of groups")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","withheldGroups":0,"groups":[{}]}""", "Group 1 needs an instrument")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","withheldGroups":0,"groups":[{"instrument":"srs","metric":"sum"}]}""", "Group 1 needs a perspective")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","withheldGroups":0,"groups":[{"instrument":"srs","perspective":"family","metric":"sum"}]}""", "Group 1 needs a perspective")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","withheldGroups":0,"groups":[{"instrument":"srs","perspective":3,"metric":"sum"}]}""", "Group 1 needs a perspective")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","withheldGroups":0,"groups":[{"instrument":"srs","perspective":null,"metric":"median"}]}""", "Group 1 needs a metric")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","withheldGroups":0,"groups":[{"instrument":"srs","perspective":null,"metric":"sum","episodes":0}]}""", "count of episodes")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","withheldGroups":0,"groups":[{"instrument":"srs","perspective":null,"metric":"sum","episodes":1,"scores":{"count":1,"mean":1,"sumOfSquares":-1},"baselines":{"count":1,"mean":1,"sumOfSquares":0}}]}""", "sum of squares of 0 or more")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","withheldGroups":0,"groups":[{"instrument":"srs","perspective":null,"metric":"sum","episodes":1,"scores":{"count":1,"mean":"1","sumOfSquares":0},"baselines":{"count":1,"mean":1,"sumOfSquares":0}}]}""", "finite mean")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","withheldGroups":0,"groups":[{"instrument":"srs","perspective":null,"metric":"sum","episodes":2,"scores":{"count":2,"mean":1,"sumOfSquares":0},"baselines":{"count":1,"mean":1,"sumOfSquares":0}}]}""", "one baseline per episode")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","withheldGroups":0,"groups":[{"instrument":"srs","perspective":null,"metric":"sum","episodes":1,"scores":{"count":2,"mean":1,"sumOfSquares":0},"baselines":{"count":1,"mean":1,"sumOfSquares":0}}]}""", "absoluteChanges")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","withheldGroups":0,"groups":[{"instrument":"srs","perspective":null,"metric":"sum","episodes":1,"scores":{"count":2,"mean":1,"sumOfSquares":0},"baselines":{"count":1,"mean":1,"sumOfSquares":0},"absoluteChanges":[[-1,1]]}]}""", "distinct [change, count] pairs")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","withheldGroups":0,"groups":[{"instrument":"srs","perspective":null,"metric":"sum","episodes":1,"scores":{"count":3,"mean":1,"sumOfSquares":0},"baselines":{"count":1,"mean":1,"sumOfSquares":0},"absoluteChanges":[[0,1],[0,1]]}]}""", "distinct [change, count] pairs")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","withheldGroups":0,"groups":[{"instrument":"srs","perspective":null,"metric":"sum","episodes":1,"scores":{"count":2,"mean":1,"sumOfSquares":0},"baselines":{"count":1,"mean":1,"sumOfSquares":0},"absoluteChanges":[[0,0]]}]}""", "distinct [change, count] pairs")]
    [InlineData("""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","withheldGroups":0,"groups":[{"instrument":"srs","perspective":null,"metric":"sum","episodes":1,"scores":{"count":3,"mean":1,"sumOfSquares":0},"baselines":{"count":1,"mean":1,"sumOfSquares":0},"absoluteChanges":[[0,1]]}]}""", "number one fewer")]
    public void AMalformedPartial_IsATypedErrorSayingWhat(string json, string expected)
    {
        PartialResult<CaseloadNormStatistics> result = CaseloadNormStatistics.FromJson(json);
        Assert.Equal("invalid-partial", result.Error!.Code);
        Assert.Contains(expected, result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(result.Error.Message, result.Error.ToString());
        Assert.Throws<AllianceErrorException>(() => result.GetValueOrThrow());
    }

    [Fact]
    public void CountsBeyond2To53_AreRefused_AndAMergeThatWouldPassItToo()
    {
        const long max = 9_007_199_254_740_992;
        string Group(long scores, long episodes, long changes) => $$"""{"instrument":"srs","perspective":null,"metric":"sum","episodes":{{episodes}},"scores":{"count":{{scores}},"mean":1,"sumOfSquares":0},"baselines":{"count":{{episodes}},"mean":1,"sumOfSquares":0},"absoluteChanges":[[0,{{changes}}]]}""";
        string Partial(long withheld, string group) => $$"""{"kind":"caseload-norm-statistics","schemaVersion":"1.0","withheldGroups":{{withheld}},"groups":[{{group}}]}""";
        CaseloadNormStatistics big = CaseloadNormStatistics.FromJson(Partial(0, Group(max, 1, max - 1))).GetValueOrThrow();
        Assert.Contains("exceed 2^53", big.Merge(big).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("exceed 2^53", CaseloadNormStatistics.Merge(new[] { big, big }).Error!.Message, StringComparison.Ordinal);
        CaseloadNormStatistics withheld = CaseloadNormStatistics.FromJson(Partial(max, Group(2, 1, 1))).GetValueOrThrow();
        Assert.Contains("exceed 2^53", withheld.Merge(withheld).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("withheldGroups", CaseloadNormStatistics.FromJson(Partial(max + 1, Group(2, 1, 1))).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("count of episodes", CaseloadNormStatistics.FromJson(Partial(0, Group(max + 2, max + 1, 1))).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("sum of squares", CaseloadNormStatistics.FromJson(Partial(0, Group(max + 1, 1, max))).Error!.Message, StringComparison.Ordinal);
        string twoBins = Partial(0, Group(max, 1, max - 1).Replace("[[0," + (max - 1) + "]]", "[[0," + (max - 1) + "],[1,2]]", StringComparison.Ordinal));
        Assert.Contains("adding up to at most 2^53", CaseloadNormStatistics.FromJson(twoBins).Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AGroupGivenTwice_IsRefused()
    {
        string group = """{"instrument":"srs","perspective":null,"metric":"sum","episodes":1,"scores":{"count":2,"mean":1,"sumOfSquares":0},"baselines":{"count":1,"mean":1,"sumOfSquares":0},"absoluteChanges":[[0,1]]}""";
        string json = "{\"kind\":\"caseload-norm-statistics\",\"schemaVersion\":\"1.0\",\"withheldGroups\":0,\"groups\":[" + group + "," + group + "]}";
        Assert.Contains("Group 2 repeats", CaseloadNormStatistics.FromJson(json).Error!.Message, StringComparison.Ordinal);
        PartialResult<CaseloadNormStatistics> one = CaseloadNormStatistics.FromJson(json.Replace("," + group, string.Empty, StringComparison.Ordinal));
        Assert.True(one.IsSuccess);
        Assert.Null(one.Error);
        Assert.Equal(1, one.GetValueOrThrow().GroupCount);
    }
}
