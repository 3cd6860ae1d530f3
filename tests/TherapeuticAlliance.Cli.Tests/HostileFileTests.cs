namespace TherapeuticAlliance.Cli.Tests;

/// <summary>
/// Issue 27 through the tool: a damaged Parquet file made the CLI print "Unhandled exception" with a stack trace (or
/// hang); instrument definitions and model files were read whole whatever their size.
/// </summary>
public sealed class HostileFileTests : CliTestBase
{
    private static readonly string Regression = Path.Combine(AppContext.BaseDirectory, "fuzz", "regressions", "parquet", "footer-varint-past-end-hang.parquet");

    [Fact]
    public void TheParquetFileThatHung_IsAnUnreadableFileError_WithNoStackTrace()
    {
        string path = Bytes("hung.parquet", System.IO.File.ReadAllBytes(Regression));
        var (code, output, error) = Run("score", path, "--input-format", "parquet");
        Assert.Equal(AllianceCli.DataErrors, code);
        Assert.Equal(string.Empty, output);
        Assert.DoesNotContain("Unhandled", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInstrumentDefinitionOrModelFile_LargerThanItsLimit_IsRefusedBeforeItIsRead()
    {
        string sample = Path.Combine(AppContext.BaseDirectory, "samples", "alliance-sample.csv");
        string huge = Bytes("huge.json", new byte[4_000_001]);
        var (code, _, error) = Run("score", sample, "--instrument-definition", huge);
        Assert.Equal(AllianceCli.Usage, code);
        Assert.Contains("larger than 4,000,000 bytes", error, StringComparison.Ordinal);

        string model = Bytes("model.json", new byte[400_001]);
        var (modelCode, _, modelError) = Run("analyze", sample, "--expected-response", model);
        Assert.Equal(AllianceCli.Usage, modelCode);
        Assert.Contains("larger than 400,000 bytes", modelError, StringComparison.Ordinal);
    }
}

/// <summary>
/// Issue 27's degenerate-statistics example through the tool: a client total constant at a value not exact in binary
/// gave "pearson-r 0.0000" from 'alliance stats' while 'stats --partial' and 'merge' said no variance. Both now say no
/// variance.
/// </summary>
public sealed class ConstantColumnCliTests : CliTestBase
{
    [Fact]
    public void AConstantClientTotal_HasNoCorrelation_InStatsAndInTheMergedPartial()
    {
        string definition = File("site-srs.json", TherapeuticAlliance.Instruments.InstrumentDefinition.ToJson(TherapeuticAlliance.Instruments.AllianceInstruments.Srs)
            .Replace("\"id\": \"srs\"", "\"id\": \"site-srs\"", StringComparison.Ordinal)
            .Replace("\"perspectives\": [\n    \"client\"\n  ]", "\"perspectives\": [ \"client\", \"therapist\" ]", StringComparison.Ordinal));
        var rows = new System.Text.StringBuilder("episode,session,date,perspective,instrument,1,2,3,4\n");
        for (int s = 1; s <= 14; s++)
        {
            // The client's total is 9.1 × 4 in every session; the therapist's varies.
            rows.Append(FormattableString.Invariant($"E{s % 3},{s},2026-01-{s:00},client,site-srs,9.1,9.1,9.1,9.1\n"));
            rows.Append(FormattableString.Invariant($"E{s % 3},{s},2026-01-{s:00},therapist,site-srs,{5 + (s % 4)}.3,8.1,7.2,9.9\n"));
        }

        string data = File("constant.csv", rows.ToString());
        var (code, stats, statsError) = Run("stats", data, "--instrument-definition", definition, "--json");
        Assert.True(code == 0, statsError);
        Assert.DoesNotContain("pearson", stats, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("correlation", statsError + stats, StringComparison.Ordinal);

        string partial = Path.Combine(Dir, "site.json");
        Assert.Equal(0, Run("stats", data, "--instrument-definition", definition, "--partial", partial, "--minimum-rows", "2").Code);
        var (mergeCode, merged, _) = Run("merge", partial, "--json");
        Assert.Equal(0, mergeCode);
        Assert.DoesNotContain("pearson", merged, StringComparison.OrdinalIgnoreCase);
    }
}
