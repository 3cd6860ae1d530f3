namespace TherapeuticAlliance.Cli.Tests.Issues;

/// <summary>Issue 32 through the CLI: any registered kind is fitted and read, the fit reports its cross-validation, and a model file 0.2.0 wrote still loads.</summary>
public sealed class ExpectedResponseTests_32 : CliTestBase
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "samples", "alliance-sample.csv");

    [Fact]
    public void TheFit_ReportsTheCrossValidationOfEveryKind_AndMarksTheBest()
    {
        var (code, output, error) = Run("expected-response", "fit", Sample);
        Assert.Equal(0, code);
        Assert.Contains("\"kind\": \"intake-log-session\"", output, StringComparison.Ordinal);
        Assert.Contains("cross-validation over clients (5 folds", error, StringComparison.Ordinal);
        Assert.Contains("expected-response:   intake-log-session: precision", error, StringComparison.Ordinal);
        Assert.Contains("expected-response:   mixed-log-session: precision", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n'), l => l.EndsWith("<- best", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("current-level")]
    [InlineData("next-score")]
    [InlineData("none")]
    public void AMixedModel_IsFitted_AndTriageAndTheReportReadIt(string update)
    {
        string model = Path.Combine(Dir, "mixed.json");
        var (code, _, error) = Run("expected-response", "fit", Sample, "--model", "mixed-log-session", "--update", update, "-o", model);
        Assert.Equal(0, code);
        Assert.Contains("client effects", error, StringComparison.Ordinal);
        Assert.Contains("\"update\": \"" + update + "\"", System.IO.File.ReadAllText(model), StringComparison.Ordinal);
        var (triageCode, triage, _) = Run("triage", Sample, "--expected-response", model);
        Assert.Equal(0, triageCode);
        Assert.Contains("episode", triage, StringComparison.Ordinal);
        var (reportCode, _, _) = Run("report", Sample, "--expected-response", model, "-o", Path.Combine(Dir, "report.html"));
        Assert.Equal(0, reportCode);
        Assert.Contains("client effects", System.IO.File.ReadAllText(Path.Combine(Dir, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownKind_IsAUsageError_ListingTheRegisteredKinds()
    {
        var (code, _, error) = Run("expected-response", "fit", Sample, "--model", "patient-jane");
        Assert.Equal(2, code);
        Assert.Contains("intake-log-session, mixed-log-session", error, StringComparison.Ordinal);
        Assert.DoesNotContain("jane", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TherapistEffects_AreFittedFromTheTherapistColumn_WithoutATherapistInTheFile()
    {
        string model = Path.Combine(Dir, "t.json");
        var (code, _, error) = Run("expected-response", "fit", Sample, "--model", "mixed-log-session", "--therapist-effects", "-o", model);
        Assert.Equal(0, code);
        Assert.Contains("therapist effects (SD", error, StringComparison.Ordinal);
        Assert.DoesNotMatch("\"T\\d", System.IO.File.ReadAllText(model));
    }

    /// <summary>Compatibility/0.2.0/expected-response-ors.json was written by the CLI built at commit 3c82149 (the 0.2.0 compatibility baseline of the other files there) from that folder's sample.</summary>
    [Fact]
    public void AModelFile_Written0_2_0_StillLoads_AndFlagsTheSameSessions()
    {
        string old = Path.Combine(AppContext.BaseDirectory, "Compatibility", "0.2.0", "expected-response-ors.json");
        string now = Path.Combine(Dir, "now.json");
        // Fitted today with 0.2.0's rule (each score alone), the file is 0.2.0's byte for byte, and both flag the same sessions.
        Assert.Equal(0, Run("expected-response", "fit", Path.Combine(AppContext.BaseDirectory, "Compatibility", "0.2.0", "alliance-sample.csv"), "--level-window", "1", "-o", now).Code);
        Assert.Equal(System.IO.File.ReadAllText(old).ReplaceLineEndings("\n"), System.IO.File.ReadAllText(now).ReplaceLineEndings("\n"));
        var (code, triage, _) = Run("triage", Sample, "--expected-response", old);
        Assert.Equal(0, code);
        Assert.Equal(triage, Run("triage", Sample, "--expected-response", now).Out);

        // Today's default adds the level rule under schema 1.1 with the same coefficients; a window out of range is a usage error.
        string level = Path.Combine(Dir, "level.json");
        Assert.Equal(0, Run("expected-response", "fit", Path.Combine(AppContext.BaseDirectory, "Compatibility", "0.2.0", "alliance-sample.csv"), "-o", level).Code);
        string written = System.IO.File.ReadAllText(level);
        Assert.Contains("\"schemaVersion\": \"1.1\"", written, StringComparison.Ordinal);
        Assert.Contains("\"window\": 3", written, StringComparison.Ordinal);
        Assert.Contains(System.IO.File.ReadAllText(old).Split("\"coefficients\"")[1].Split("\"residualVariance\"")[0], written, StringComparison.Ordinal);
        Assert.Equal(2, Run("expected-response", "fit", Path.Combine(AppContext.BaseDirectory, "Compatibility", "0.2.0", "alliance-sample.csv"), "--level-window", "0", "-o", level).Code);
    }
}
