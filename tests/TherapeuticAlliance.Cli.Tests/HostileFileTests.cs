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
