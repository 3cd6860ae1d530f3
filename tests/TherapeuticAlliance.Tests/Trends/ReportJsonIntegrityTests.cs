using System.Text.Json.Nodes;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Reports;

namespace TherapeuticAlliance.Tests.Trends;

/// <summary>Report and instrument JSON readers are all or nothing: partial, inconsistent or ambiguous input is an error (issue 11, part 6).</summary>
public class ReportJsonIntegrityTests
{
    private static string Json() => EpisodeAnalyzer.Default.Analyze(TrendTestData.Srs(34, 35, 30, 31, 36)).ToJson();

    private static string Edit(Action<JsonObject> edit)
    {
        JsonObject root = JsonNode.Parse(Json())!.AsObject();
        edit(root);
        return root.ToJsonString();
    }

    private static JsonObject Session(JsonObject root, int index) => root["sessions"]![index]!.AsObject();

    public static TheoryData<string, string> BrokenReports() => new()
    {
        { "missing minimum", Edit(r => r.Remove("minimum")) },
        { "missing maximum", Edit(r => r.Remove("maximum")) },
        { "missing value", Edit(r => Session(r, 1).Remove("value")) },
        { "missing pomp", Edit(r => Session(r, 1).Remove("pomp")) },
        { "missing session", Edit(r => Session(r, 1).Remove("session")) },
        { "maximum below minimum", Edit(r => { r["minimum"] = 40; r["maximum"] = 0; }) },
        { "duplicated session", Edit(r => Session(r, 2)["session"] = 2) },
        { "sessions out of order", Edit(r => Session(r, 0)["session"] = 9) },
        { "pomp over 100", Edit(r => Session(r, 1)["pomp"] = 187.5) },
        { "pomp not the value's", Edit(r => Session(r, 1)["pomp"] = 12.5) },
        { "value above the maximum", Edit(r => Session(r, 1)["value"] = 41) },
        { "range past decimal arithmetic", Edit(r => { r["minimum"] = -7.9e28; r["maximum"] = 7.9e28; }) },
        { "alert on an unknown session", Edit(r => r["alerts"]!.AsArray().Add(new JsonObject { ["rule"] = "below-cutoff", ["code"] = "below-cutoff", ["severity"] = "watch", ["sessions"] = new JsonArray(99), ["message"] = "m" })) },
        { "alert of an unknown severity", Edit(r => r["alerts"]!.AsArray().Add(new JsonObject { ["rule"] = "below-cutoff", ["code"] = "below-cutoff", ["severity"] = "red", ["sessions"] = new JsonArray(1), ["message"] = "m" })) },
        { "alert without a code", Edit(r => r["alerts"]!.AsArray().Add(new JsonObject { ["rule"] = "below-cutoff", ["severity"] = "act", ["sessions"] = new JsonArray(1), ["message"] = "m" })) },
        { "a schema 1.0 document", Edit(r => r["schemaVersion"] = "1.0") },
    };

    [Theory]
    [MemberData(nameof(BrokenReports))]
    public void PartialOrInconsistentReports_AreRejected(string what, string json)
    {
        Assert.True(AllianceReportDocument.FromJson(Json()).IsT0);
        Assert.True(AllianceReportDocument.FromJson(json).IsT1, what);
    }

    [Fact]
    public void DuplicateKeys_AreRejected_ByTheReportAndInstrumentReaders()
    {
        string report = Json();
        string duplicated = report.Replace("\"instrumentId\": \"srs\"", "\"instrumentId\": \"srs\", \"instrumentId\": \"ors\"", StringComparison.Ordinal);
        Assert.NotEqual(report, duplicated);
        Assert.True(AllianceReportDocument.FromJson(duplicated).IsT1);

        string definition = InstrumentDefinition.ToJson(AllianceInstruments.Srs);
        string twice = definition.Replace("\"id\": \"srs\"", "\"id\": \"srs\", \"id\": \"srs2\"", StringComparison.Ordinal);
        Assert.NotEqual(definition, twice);
        Assert.True(InstrumentDefinition.Parse(definition).IsT0);
        Assert.True(InstrumentDefinition.Parse(twice).IsT1);
    }

    [Fact]
    public void ReportsReadFromJson_CannotBeChangedThroughCasts()
    {
        AllianceReportDocument report = AllianceReportDocument.FromJson(Json()).AsT0;
        ReportFinding finding = report.Findings.First(f => f.Sessions.Count > 0);
        Assert.False(finding.Sessions is List<int>);
        Assert.True(finding.Sessions is System.Collections.Immutable.ImmutableArray<int>);
        Assert.Throws<NotSupportedException>(() => ((IList<int>)finding.Sessions).Add(1));
        Assert.Throws<NotSupportedException>(() => ((IDictionary<string, double>)finding.Values).Add("x", 1));
        Assert.Throws<NotSupportedException>(() => ((IDictionary<string, double>)finding.Parameters).Clear());

        // A finding built from a caller's mutable list keeps its own copy.
        var sessions = new List<int> { 1, 2 };
        var copy = new ReportFinding("r", "t", sessions, new Dictionary<string, double>(), new Dictionary<string, double>(), "s");
        sessions.Add(3);
        Assert.Equal(new[] { 1, 2 }, copy.Sessions);
        var alertSessions = new List<int> { 4 };
        var alert = new ReportAlert("r", alertSessions, "m", "c", TherapeuticAlliance.Trends.AlertSeverity.Act);
        alertSessions.Clear();
        Assert.Equal(new[] { 4 }, alert.Sessions);
    }
}
