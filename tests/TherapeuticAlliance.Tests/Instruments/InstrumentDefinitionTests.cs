using FsCheck.Xunit;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Tests.Arbitraries;

namespace TherapeuticAlliance.Tests.Instruments;

public class InstrumentDefinitionTests
{
    private const string LicensedWai = """
        {
          "format": 1,
          "id": "site-wai",
          "version": "1.0",
          "name": "Site WAI (licensed key)",
          "scale": { "minimum": 1, "maximum": 7, "step": 1 },
          "items": [ { "id": "1" }, { "id": "2", "reversed": true }, { "id": "3", "label": "Item three" } ],
          "subscales": [ { "id": "goal", "name": "Goal", "items": [ "1", "2" ], "mapsTo": [ "mutual-goals-collaboration" ] } ],
          "perspectives": [ "client", "therapist" ],
          "cutoff": { "threshold": 10, "operator": "lessThanOrEqual" },
          "missingData": { "rule": "prorate-max-items", "parameter": 1 }
        }
        """;

    [Fact]
    public void Parse_ReadsADefinition()
    {
        Instrument wai = InstrumentDefinition.Parse(LicensedWai).GetValueOrThrow();
        Assert.Equal("site-wai", wai.Id);
        Assert.Equal(RatingScale.OneToSeven, wai.Scale);
        Assert.True(wai.FindItem("2")!.IsReversed);
        Assert.Equal("Item three", wai.FindItem("3")!.Label);
        Assert.Equal("Item 1", wai.FindItem("1")!.Label);
        Assert.Equal(AllianceDimension.MutualGoalsCollaboration, wai.Subscales.Single().MapsTo.Single());
        Assert.Equal(new[] { Perspective.Client, Perspective.Therapist }, wai.Perspectives);
        Assert.Equal(new ScoreCutoff(10m, CutoffOperator.LessThanOrEqual), wai.Cutoff);
        Assert.Equal(MissingDataPolicy.ProrateUpTo(1), wai.DefaultMissingDataPolicy);
    }

    [Fact]
    public void BuiltIns_RoundTrip()
    {
        foreach (Instrument instrument in AllianceInstruments.All)
        {
            Assert.Equal(instrument, InstrumentDefinition.Parse(InstrumentDefinition.ToJson(instrument)).GetValueOrThrow());
        }
    }

    [Property(Arbitrary = new[] { typeof(AllianceArbitraries) })]
    public bool AnyInstrument_RoundTripsThroughJson(Instrument instrument) =>
        InstrumentDefinition.Parse(InstrumentDefinition.ToJson(instrument)).Match(parsed => parsed.Equals(instrument), _ => false);

    [Theory]
    [InlineData("", "malformed")]
    [InlineData("null", "empty")]
    [InlineData("{", "malformed")]
    [InlineData("[1,2]", "malformed")]
    [InlineData("{\"id\": 5}", "malformed")]
    [InlineData("{\"idd\": \"x\"}", "unexpected or repeated property")]
    [InlineData("{\"format\": 2, \"id\": \"x\", \"version\": \"1\", \"name\": \"X\", \"scale\": {\"minimum\":1,\"maximum\":5,\"step\":1}, \"items\":[{\"id\":\"1\"}], \"perspectives\":[\"client\"]}", "format")]
    [InlineData("{\"id\": \"x\", \"version\": \"1\", \"name\": \"X\", \"scale\": {\"minimum\":1,\"maximum\":5,\"step\":3}, \"items\":[{\"id\":\"1\"}], \"perspectives\":[\"client\"]}", "scale:")]
    [InlineData("{\"id\": \"x\", \"version\": \"1\", \"name\": \"X\", \"scale\": {\"minimum\":1,\"maximum\":5,\"step\":1}, \"items\":[], \"perspectives\":[\"client\"]}", "items:")]
    [InlineData("{\"id\": \"x\", \"version\": \"1\", \"name\": \"X\", \"scale\": {\"minimum\":1,\"maximum\":5,\"step\":1}, \"items\":[{\"id\":\"1\"}], \"perspectives\":[\"patient\"]}", "perspectives:")]
    [InlineData("{\"id\": \"x\", \"version\": \"1\", \"name\": \"X\", \"scale\": {\"minimum\":1,\"maximum\":5,\"step\":1}, \"items\":[{\"id\":\"1\"}], \"perspectives\":[\"client\"], \"cutoff\": {\"threshold\": 3, \"operator\": \"<\"}}", "cutoff:")]
    [InlineData("{\"id\": \"x\", \"version\": \"1\", \"name\": \"X\", \"scale\": {\"minimum\":1,\"maximum\":5,\"step\":1}, \"items\":[{\"id\":\"1\"}], \"perspectives\":[\"client\"], \"missingData\": {\"rule\": \"prorate-max-items\", \"parameter\": 0.5}}", "missingData:")]
    [InlineData("{\"id\": \"x\", \"version\": \"1\", \"name\": \"X\", \"scale\": {\"minimum\":1,\"maximum\":5,\"step\":1}, \"items\":[{\"id\":\"1\"}], \"perspectives\":[\"client\"], \"subscales\": [{\"id\":\"s\",\"name\":\"S\",\"items\":[\"1\"],\"mapsTo\":[\"bond\"]}]}", "not a model dimension")]
    [InlineData("{\"id\": \"x\", \"version\": \"1\", \"name\": \"X\", \"measure\": \"mood\", \"scale\": {\"minimum\":1,\"maximum\":5,\"step\":1}, \"items\":[{\"id\":\"1\"}], \"perspectives\":[\"client\"]}", "measure:")]
    [InlineData("{\"id\": \"x\", \"version\": \"1\", \"name\": \"X\", \"scale\": {\"minimum\":1,\"maximum\":5,\"step\":1}, \"items\":[null], \"perspectives\":[\"client\"]}", "items[0]")]
    public void Parse_BadInput_ReturnsErrorsInsteadOfThrowing(string json, string expected)
    {
        var result = InstrumentDefinition.Parse(json);
        Assert.True(result.IsT1, "expected an error");
        Assert.Contains(expected, result.AsT1.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parse_HostileInput_NeverThrows()
    {
        string deep = new string('[', 10_000) + new string(']', 10_000);
        Assert.True(InstrumentDefinition.Parse(deep).IsT1);
        Assert.True(InstrumentDefinition.Parse(new string(' ', 1_000_001)).IsT1);
        Assert.True(InstrumentDefinition.Parse("{\"scale\": {\"minimum\": 1e400}}").IsT1);
        Assert.True(InstrumentDefinition.Parse("\uFEFF{}").IsT1);
    }

    [Fact]
    public void Parse_NullJson_Throws() =>
        Assert.Throws<ArgumentNullException>("json", () => InstrumentDefinition.Parse(null!));

    [Fact]
    public void GetValueOrThrow_OnError_Throws() =>
        Assert.Throws<AllianceErrorException>(() => InstrumentDefinition.Parse("{}").GetValueOrThrow());
}
