using System.Globalization;
using System.Text.Json;
using TherapeuticAlliance.Schema;

namespace TherapeuticAlliance.Cli.Tests.Issues;

/// <summary>
/// Issue 31: <c>alliance linkage FILE --alliance srs --outcome ors</c> prints the paired counts, the decomposition, the
/// repeated-measures correlation and the lagged within-person model; <c>--json</c> every figure; <c>--ri-clpm</c> the
/// RI-CLPM's wide data and lavaan model; bad options are usage errors.
/// </summary>
public sealed class LinkageTests_31 : CliTestBase
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "samples", "alliance-sample.csv");

    [Fact]
    public void Linkage_OnTheSample_PrintsCountsDecompositionCorrelationAndTheLaggedModel()
    {
        var (code, output, _) = Run("linkage", Sample, "--alliance", "srs", "--outcome", "ors");
        Assert.Equal(0, code);
        // The sample: 60 clients with 12 SRS and ORS sessions each; lag 1 pairs 11 of each client's 12.
        Assert.Contains("660 pairs from 60 of 60 clients; 60 of 720 alliance ratings unpaired", output, StringComparison.Ordinal);
        Assert.Contains("Repeated-measures correlation", output, StringComparison.Ordinal);
        Assert.Contains("outcome_next ~ outcome + alliance_within + alliance_between + (1 | client)", output, StringComparison.Ordinal);
        Assert.Contains("alliance_within", output, StringComparison.Ordinal);
        Assert.Contains("not detrended", output, StringComparison.Ordinal);

        var (_, detrended, _) = Run("linkage", Sample, "--detrend", "--therapist-intercept");
        Assert.Contains("+ session + (1 | client) + (1 | therapist)", detrended, StringComparison.Ordinal);
    }

    [Fact]
    public void Linkage_Json_HoldsEveryFigureUnderTheLibrarysSchemas()
    {
        var (code, output, _) = Run("linkage", Sample, "--json");
        Assert.Equal(0, code);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement pairs = json.RootElement.GetProperty(RowSchemas.LinkagePairs.Name);
        Assert.Equal(660, pairs.GetArrayLength());
        Assert.Equal(RowSchemas.LinkagePairs.Columns.ToArray(), pairs[0].EnumerateObject().Select(p => p.Name).ToArray());
        var statistics = json.RootElement.GetProperty(RowSchemas.LinkageStatistics.Name).EnumerateArray()
            .ToDictionary(r => r.GetProperty(RowSchemas.Statistic).GetString()!, r => r.GetProperty(RowSchemas.Value));
        Assert.Equal(660, statistics["pairs"].GetDouble());
        Assert.Equal(660 - 60 - 1, statistics["rmcorr_df"].GetDouble());
        Assert.InRange(statistics["rmcorr_r"].GetDouble(), -1, 1);
        Assert.InRange(statistics["alliance_share_within_clients"].GetDouble() + statistics["alliance_share_between_clients"].GetDouble() + statistics["alliance_share_between_therapists"].GetDouble(), 0.999999, 1.000001);
        Assert.True(statistics["alliance_within_conf_low"].GetDouble() < statistics["alliance_within_estimate"].GetDouble());
        Assert.Equal(4, json.RootElement.GetProperty(RowSchemas.MixedFixedEffects.Name).GetArrayLength());
        Assert.NotEmpty(json.RootElement.GetProperty(RowSchemas.LinkageNotes.Name).EnumerateArray());
    }

    [Fact]
    public void Linkage_RiClpm_WritesTheWideDataAndTheLavaanModel()
    {
        string folder = Path.Combine(Dir, "riclpm");
        var (code, _, _) = Run("linkage", Sample, "--ri-clpm", folder, "--waves", "5");
        Assert.Equal(0, code);
        string[] data = System.IO.File.ReadAllLines(Path.Combine(folder, "ri-clpm.csv"));
        Assert.Equal("client,alliance1,alliance2,alliance3,alliance4,alliance5,outcome1,outcome2,outcome3,outcome4,outcome5", data[0]);
        Assert.Equal(61, data.Length);
        Assert.All(data.Skip(1), l => Assert.Equal(11, l.Split(',').Length));
        string model = System.IO.File.ReadAllText(Path.Combine(folder, "ri-clpm.lav"));
        Assert.Contains("RIalliance =~ 1*alliance1 + 1*alliance2 + 1*alliance3 + 1*alliance4 + 1*alliance5", model, StringComparison.Ordinal);
        Assert.Contains("woutcome5 ~ walliance4 + woutcome4", model, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--lag", "30")]
    [InlineData("--max-gap", "0")]
    [InlineData("--waves", "1")]
    public void Linkage_OptionsOutOfRange_AreUsageErrors(string option, string value)
    {
        var (code, output, error) = Run("linkage", Sample, option, value);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Linkage_WithoutTheAllianceInstrument_IsADataError_AndEveryOutcomeAdministrationPairsByNextAdministration()
    {
        var (code, _, error) = Run("linkage", Sample, "--alliance", "nosuch");
        Assert.Equal(1, code);
        Assert.Contains("no client-rated series of the alliance instrument", error, StringComparison.Ordinal);
        var (gap, output, _) = Run("linkage", Sample, "--max-gap", "2", "--lag", "1");
        Assert.Equal(0, gap);
        Assert.Contains("by next administration within 2 sessions", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Linkage_Strict_WithAProblemInTheFile_WritesNothing_AndTheSameInstrumentTwiceIsAUsageError()
    {
        string[] lines = System.IO.File.ReadAllLines(Sample);
        string bad = File("bad.csv", string.Join("\n", lines.Take(200).Append(lines[5])) + "\n");
        string folder = Path.Combine(Dir, "tables");
        var (code, output, error) = Run("linkage", bad, "--strict", "--csv", folder);
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.False(Directory.Exists(folder));
        Assert.Contains("no result was written", error, StringComparison.Ordinal);
        var (same, _, usage) = Run("linkage", Sample, "--alliance", "ors");
        Assert.Equal(2, same);
        Assert.Contains("same instrument", usage, StringComparison.Ordinal);
    }
}
