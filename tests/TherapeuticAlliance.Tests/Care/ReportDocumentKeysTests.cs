using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Tests.Trends;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Care;

/// <summary>Issue 28: the report document (analyze's JSON) carries each session's care keys in schema 2.1, and a document without keys stays 2.0, byte for byte.</summary>
public sealed class ReportDocumentKeysTests
{
    private static AllianceReport Report(bool keys)
    {
        Episode episode = Episode.Create("C1", TrendTestData.Srs(36, 37, 30, 31).Scores, TrendTestData.Srs(36).Cutoff).GetValueOrThrow();
        if (keys)
        {
            episode = episode.WithCare(new Dictionary<int, CareKeys> { [1] = new("T1", "north"), [3] = new("T2", "north", "team-a") });
        }

        return EpisodeAnalyzer.Default.Analyze(episode);
    }

    [Fact]
    public void ADocumentWithKeys_IsSchema21_AndRoundTripsThem()
    {
        string json = Report(keys: true).ToJson();
        Assert.Contains("\"schemaVersion\": \"2.1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"therapist\": \"T2\"", json, StringComparison.Ordinal);
        Assert.Contains("\"team\": \"team-a\"", json, StringComparison.Ordinal);
        AllianceReportDocument document = AllianceReportDocument.FromJson(json).AsT0;
        Assert.Equal(new CareKeys("T1", "north"), document.Sessions[0].Care);
        Assert.Equal(CareKeys.None, document.Sessions[1].Care);
        Assert.Equal(new CareKeys("T2", "north", "team-a"), document.Sessions[2].Care);
        Assert.Equal(json, document.ToJson());
        Assert.DoesNotContain("T2", document.Sessions[2].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ADocumentWithoutKeys_IsStill20_WithNoKeyProperty()
    {
        string json = Report(keys: false).ToJson();
        Assert.Contains("\"schemaVersion\": \"2.0\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("therapist", json, StringComparison.Ordinal);
        Assert.Equal(json, AllianceReportDocument.FromJson(json).AsT0.ToJson());
    }

    [Fact]
    public void AVersionThatDoesNotMatchItsKeys_OrABadKey_IsAnInvalidDocument_NamingNoKey()
    {
        string with = Report(keys: true).ToJson();
        string without = Report(keys: false).ToJson();
        Assert.True(AllianceReportDocument.FromJson(with.Replace("\"2.1\"", "\"2.0\"", StringComparison.Ordinal)).IsT1);
        Assert.True(AllianceReportDocument.FromJson(without.Replace("\"2.0\"", "\"2.1\"", StringComparison.Ordinal)).IsT1);
        Assert.True(AllianceReportDocument.FromJson(without.Replace("\"2.0\"", "\"1.0\"", StringComparison.Ordinal)).IsT1);
        var bad = AllianceReportDocument.FromJson(with.Replace("\"T2\"", "\" SECRET \"", StringComparison.Ordinal));
        Assert.True(bad.IsT1);
        Assert.DoesNotContain("SECRET", bad.AsT1.Message, StringComparison.Ordinal);
        Assert.True(AllianceReportDocument.FromJson(with.Replace("\"T2\"", "\"SECRET\\u0007\"", StringComparison.Ordinal)).IsT1);
    }
}
