using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TherapeuticAlliance.Consortium;
using TherapeuticAlliance.Reports;

namespace TherapeuticAlliance.Cli.Tests;

/// <summary>
/// Issue 25, "Bad input and compatibility": no number changes, and files written by 0.2.0 still read. The fixtures in
/// Compatibility/0.2.0 were written by the tool at 0.2.0 (commit af549d7) from docs/samples/alliance-sample.csv:
/// <c>alliance stats --partial</c> (whole) and <c>alliance analyze --output-format json</c> (its first three reports;
/// the whole output's SHA-256 is below). Neither format changed in issue 25, so neither schema version moved.
/// </summary>
public sealed class CompatibilityTests : CliTestBase
{
    /// <summary>SHA-256 of what 0.2.0's <c>alliance analyze docs/samples/alliance-sample.csv --output-format json</c> wrote (1,007,136 bytes, 300 reports).</summary>
    private const string Analyze020Sha256 = "c8175cf74a6b98463439044f269251c0c8690a5f96fc5061361e1be714b44a90";

    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "samples", "alliance-sample.csv");
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Compatibility", "0.2.0");

    [Fact]
    public void Analyze_OnTheSample_WritesByteForByteWhat020Wrote()
    {
        var (code, output, _) = Run("analyze", Sample, "--output-format", "json");
        Assert.Equal(0, code);
        Assert.Equal(Analyze020Sha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(output))));
    }

    [Fact]
    public void StatsPartial_OnTheSample_IsWhat020Wrote_AndA020PartialMerges()
    {
        string partial = Path.Combine(Dir, "site.json");
        Assert.Equal(0, Run("stats", Sample, "--partial", partial).Code);
        string old = System.IO.File.ReadAllText(Path.Combine(Fixtures, "site-partial.json"));
        Assert.Equal(old, System.IO.File.ReadAllText(partial));

        SitePartial read = SitePartial.FromJson(old).GetValueOrThrow();
        Assert.Equal(old, read.ToJson() + "\n");
        var (code, merged, _) = Run("merge", Path.Combine(Fixtures, "site-partial.json"), partial);
        Assert.Equal(0, code);
        Assert.Contains("raw_alpha", merged, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportDocuments_WrittenBy020_ReadBack_AndWriteTheSameJson()
    {
        using JsonDocument reports = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(Fixtures, "reports-first-3.json")));
        Assert.Equal(3, reports.RootElement.GetArrayLength());
        foreach (JsonElement report in reports.RootElement.EnumerateArray())
        {
            AllianceReportDocument document = AllianceReportDocument.FromJson(report.GetRawText()).GetValueOrThrow();
            Assert.Equal(AllianceReportDocument.CurrentSchemaVersion, document.SchemaVersion);
            using JsonDocument again = JsonDocument.Parse(document.ToJson());
            Assert.True(JsonElement.DeepEquals(report, again.RootElement), "a 0.2.0 report reads back to the same JSON");
        }
    }
}
