using TherapeuticAlliance.Consortium;
using TherapeuticAlliance.ExpectedResponse;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Statistics;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Hostile;

/// <summary>
/// Issue 27: a lone surrogate, escaped (<c>{"\udc00": 1}</c>) or raw in the text, threw
/// <see cref="InvalidOperationException"/> or <see cref="ArgumentException"/> out of every JSON reader (the shared
/// duplicate-key scan read the name as a string). Each reader now returns its typed error, whose message quotes
/// nothing from the text.
/// </summary>
public sealed class LoneSurrogateTests
{
    public static TheoryData<string> Inputs() => new()
    {
        "{\"\\udc00\": 1}",
        "{\"kind\": \"\\ud800\"}",
        "{\"a\": [\"x\\udfff\"]}",
        "{\"\udc00\": 1}",
        "{\"kind\": \"a\ud800\"}",
        "\ud800",
    };

    [Theory]
    [MemberData(nameof(Inputs), DisableDiscoveryEnumeration = true)]
    public void EveryJsonReader_ReturnsItsTypedError_OnALoneSurrogate(string json)
    {
        IAllianceError[] errors =
        [
            InstrumentDefinition.Parse(json).Error!,
            AllianceReportDocument.FromJson(json).Error!,
            ExpectedResponseModel.FromJson(json).Error!,
            SufficientStatistics.FromJson(json).Error!,
            BatchSummaryStatistics.FromJson(json).Error!,
            CaseloadNormStatistics.FromJson(json).Error!,
            SitePartial.FromJson(json).Error!,
        ];
        Assert.All(errors, error =>
        {
            Assert.NotNull(error);
            Assert.DoesNotContain("\\u", error.Message, StringComparison.Ordinal);
            Assert.False(Utilities.JsonDuplicates.HasLoneSurrogate(error.Message));
        });
    }

    [Fact]
    public void AValidSurrogatePair_IsStillRead()
    {
        // An emoji, escaped and raw, is an ordinary string: only an unpaired half is refused.
        Assert.Equal(Utilities.JsonScan.Clean, Utilities.JsonDuplicates.Scan("{\"a\": \"\\ud83d\\ude00\", \"b\": \"\ud83d\ude00\"}", 8));
        Assert.Equal(Utilities.JsonScan.Unreadable, Utilities.JsonDuplicates.Scan("{\"a\": \"\\ud83d\"}", 8));
        Assert.Equal(Utilities.JsonScan.Duplicate, Utilities.JsonDuplicates.Scan("{\"a\": 1, \"a\": 2}", 8));
    }

    [Fact]
    public void AReportDocument_LongerThanItsLimit_IsRefusedBeforeParsing()
    {
        string json = "{\"pad\": \"" + new string('x', AllianceReportDocument.MaximumJsonLength) + "\"}";
        Assert.Contains("longer than 4,000,000 characters", AllianceReportDocument.FromJson(json).Error!.Message, StringComparison.Ordinal);
    }
}
