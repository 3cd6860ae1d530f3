using TherapeuticAlliance.Consortium;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Statistics;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Consortium;

/// <summary>
/// Issue 25, part 2: every partial reader goes through one envelope (size limit, duplicate keys at any depth, depth,
/// kind, schema version) and fails with one error type, <see cref="InvalidPartial"/>.
/// </summary>
public sealed class PartialEnvelopeTests
{
    public static TheoryData<string, string> Kinds() => new()
    {
        { "sufficient-statistics", "1.0" },
        { "batch-summary-statistics", "1.0" },
        { "caseload-norm-statistics", "1.0" },
        { "alliance-site-partial", "1.0" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryPartialReader_RefusesTheSameEnvelopeFaults_WithOneErrorType(string kind, string version)
    {
        string tooLong = "{\"kind\":\"" + kind + "\",\"pad\":\"" + new string('x', 16 * 1024 * 1024) + "\"}";
        string nestedTwice = "{\"kind\":\"" + kind + "\",\"schemaVersion\":\"" + version + "\",\"x\":{\"a\":1,\"a\":2}}";
        string otherKind = "{\"kind\":\"alliance-report\",\"schemaVersion\":\"" + version + "\"}";
        string newer = "{\"kind\":\"" + kind + "\",\"schemaVersion\":\"9.0\"}";
        string deep = "{\"kind\":\"" + kind + "\",\"schemaVersion\":\"" + version + "\",\"x\":" + new string('[', 40) + new string(']', 40) + "}";
        Assert.Contains("longer than 16777216 characters", Read(kind, tooLong).Message, StringComparison.Ordinal);
        Assert.Contains("gives a field twice", Read(kind, nestedTwice).Message, StringComparison.Ordinal);
        Assert.Contains("its kind is not " + kind, Read(kind, otherKind).Message, StringComparison.Ordinal);
        Assert.Contains("schema version is not 1.0", Read(kind, newer).Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON (or nests deeper than", Read(kind, deep).Message, StringComparison.Ordinal);
        Assert.Equal("invalid-partial", Read(kind, newer).Code);
    }

    private static InvalidPartial Read(string kind, string json) => kind switch
    {
        "sufficient-statistics" => SufficientStatistics.FromJson(json).AsT1,
        "batch-summary-statistics" => BatchSummaryStatistics.FromJson(json).AsT1,
        "caseload-norm-statistics" => CaseloadNormStatistics.FromJson(json).AsT1,
        _ => SitePartial.FromJson(json).AsT1,
    };
}
