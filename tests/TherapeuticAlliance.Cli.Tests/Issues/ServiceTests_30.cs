using System.Text.Json;
using TherapeuticAlliance.Columnar;
using TherapeuticAlliance.Schema;
using TherapeuticAlliance.Tables;

namespace TherapeuticAlliance.Cli.Tests.Issues;

/// <summary>
/// Issue 30: <c>alliance service FILE</c> prints the service view of a caseload (therapist and site effects, benchmarks,
/// dependability) or writes its six tables as JSON, CSV and Parquet; the report carries a "Service" section, first for a
/// manager's overview and behind the attention list otherwise; bad options and case-mix files are typed errors.
/// </summary>
public sealed class ServiceTests_30 : CliTestBase
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "samples", "alliance-sample.csv");

    [Fact]
    public void SitesPartials_WrittenWithPartial_MergeIntoThePooledView()
    {
        // The sample split by site, as two services would hold it; each writes its partial, the folder of them is merged.
        string[] lines = System.IO.File.ReadAllLines(Sample);
        string folder = Directory.CreateDirectory(Path.Combine(Dir, "partials")).FullName;
        foreach (string site in new[] { "north", "south" })
        {
            string csv = File(site + ".csv", string.Join("\n", lines.Take(1).Concat(lines.Skip(1).Where(l => l.Split(',')[6] == site))) + "\n");
            var (written, _, note) = Run("service", csv, "--partial", Path.Combine(folder, site + ".json"), "--disclosure", "opensafely");
            Assert.Equal(0, written);
            Assert.Contains(site == "north" ? "wrote service partial: 41 episodes from 1 site partial(s)." : "wrote service partial: 19 episodes from 1 site partial(s).", note, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("C001", System.IO.File.ReadAllText(Path.Combine(folder, "north.json")), StringComparison.Ordinal);
        var (code, merged, error) = Run("service", folder, "--disclosure", "opensafely");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        var (_, pooled, _) = Run("service", Sample, "--disclosure", "opensafely");
        // The caseload's figures are the pooled ones; two of the sample's six therapists have fewer than 8 clients, so
        // their sites keep them home: the merged view says so, and four therapists are too few for a therapist variance.
        string[] Figures(string text) => text.Split('\n').Where(l => l.StartsWith("Caseload:", StringComparison.Ordinal) || l.StartsWith("  effect size", StringComparison.Ordinal) || l.StartsWith("  reliable", StringComparison.Ordinal) || l.StartsWith("  recovery", StringComparison.Ordinal) || l.StartsWith("  reached", StringComparison.Ordinal)).ToArray();
        Assert.Equal(5, Figures(pooled).Length);
        Assert.Equal(Figures(pooled), Figures(merged));
        Assert.Contains("note: The sites withheld 0 site, 2 therapist and 0 month group(s) from their partials", merged, StringComparison.Ordinal);
        Assert.Contains("Therapist effects on the outcome: not estimated. 4 therapist(s) have two or more clients", merged, StringComparison.Ordinal);
        Assert.Contains("a therapist's mean: no therapist variance estimated", merged, StringComparison.Ordinal);

        // A file that is not a service partial is an error naming the file, never its content.
        File("bad.json", "{\"kind\": \"service-partial\", \"schemaVersion\": \"1.0\", \"settings\": \"SECRET\"}");
        var (bad, _, message) = Run("service", Path.Combine(Dir, "bad.json"));
        Assert.Equal(1, bad);
        Assert.Contains("bad.json: The partial needs 'settings' as an object.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Service_PrintsTheSummary_NamingNoTherapistSiteOrClient()
    {
        var (code, output, error) = Run("service", Sample);
        Assert.Equal(0, code);
        Assert.Contains("Service view: 60 episodes (outcome ors, alliance srs; reliable change 5 points, clinical cutoff 25, higher is better)", output, StringComparison.Ordinal);
        Assert.Contains("Therapist effects on the outcome: final ~ intake + (1 | site) + (1 | therapist)", output, StringComparison.Ordinal);
        Assert.Contains("therapist share of the variance", output, StringComparison.Ordinal);
        Assert.Contains("Dependability of alliance scores (G coefficients)", output, StringComparison.Ordinal);
        Assert.Contains("published gaskell-2022-other: effect_size 1.01", output, StringComparison.Ordinal);
        foreach (string key in new[] { "T01", "north", "C001" })
        {
            Assert.DoesNotContain(key, output, StringComparison.Ordinal);
        }

        Assert.Contains("12960 rows accepted", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Service_Json_HoldsTheSixTables_UnderTheirSchemaNames()
    {
        var (code, output, _) = Run("service", Sample, "--json", "--benchmark", "gaskell-2022-other", "nhs-tt-2025-04");
        Assert.Equal(0, code);
        using JsonDocument json = JsonDocument.Parse(output);
        foreach (RowSchema schema in new[] { RowSchemas.ServiceVariance, RowSchemas.ServiceTherapists, RowSchemas.ServiceBenchmarks, RowSchemas.ServiceComparison, RowSchemas.ServiceDependability, RowSchemas.ServiceNotes })
        {
            JsonElement rows = json.RootElement.GetProperty(schema.Name);
            Assert.True(rows.GetArrayLength() > 0, schema.Name);
            Assert.Equal(schema.Columns, rows[0].EnumerateObject().Select(p => p.Name));
        }

        Assert.Equal(2, json.RootElement.GetProperty(RowSchemas.ServiceComparison.Name).GetArrayLength());
        JsonElement caseload = json.RootElement.GetProperty(RowSchemas.ServiceBenchmarks.Name)[0];
        Assert.Equal("caseload", caseload.GetProperty(RowSchemas.Grouping).GetString());
        Assert.Equal(60, caseload.GetProperty(RowSchemas.EpisodeCount).GetInt32());
        // 6 therapists: 4 have fewer than 10 clients, so their effects are withheld under the default policy.
        JsonElement[] therapists = json.RootElement.GetProperty(RowSchemas.ServiceTherapists.Name).EnumerateArray().ToArray();
        Assert.Equal(12, therapists.Length);
        Assert.Equal(8, therapists.Count(t => t.GetProperty(RowSchemas.Classification).GetString() == "withheld"));
    }

    [Fact]
    public async Task Service_WritesCsvAndParquet_OneFilePerTable_ThatReadBack()
    {
        string csv = Path.Combine(Dir, "csv"), parquet = Path.Combine(Dir, "parquet");
        var (code, _, _) = Run("service", Sample, "--csv", csv, "--parquet", parquet, "--disclosure", "opensafely");
        Assert.Equal(0, code);
        foreach (string name in new[] { "service-variance", "service-therapists", "service-benchmarks", "service-comparison", "service-dependability", "service-notes" })
        {
            TidyTable fromCsv = TidyCsv.Read(Path.Combine(csv, name + ".csv")).GetValueOrThrow();
            using FileStream stream = System.IO.File.OpenRead(Path.Combine(parquet, name + ".parquet"));
            TidyTable fromParquet = (await ColumnarTables.ReadParquetAsync(stream)).GetValueOrThrow();
            Assert.Equal(fromCsv.Columns.ToArray(), fromParquet.Columns.ToArray());
            Assert.Equal(fromCsv.RowCount, fromParquet.RowCount);
        }

        // OpenSAFELY's rule rounds counts to 5: the caseload's 60 episodes stay 60, a site's 41 become 40.
        TidyTable benchmarks = TidyCsv.Read(Path.Combine(csv, "service-benchmarks.csv")).GetValueOrThrow();
        Assert.Equal(40.0, benchmarks[1, RowSchemas.EpisodeCount]);
    }

    [Fact]
    public void Service_CaseMix_EntersTheModels_AndBadFilesAndOptionsAreTypedErrors()
    {
        string[] episodes = System.IO.File.ReadLines(Sample).Skip(1).Select(l => l.Split(',')[0]).Distinct().ToArray();
        string mix = File("mix.csv", "episode,age\n" + string.Join("\n", episodes.Select((e, i) => $"{e},{20 + (i % 30)}")) + "\n");
        var (code, output, _) = Run("service", Sample, "--case-mix", mix);
        Assert.Equal(0, code);
        Assert.Contains("final ~ intake + age + (1 | site) + (1 | therapist)", output, StringComparison.Ordinal);

        var (bad, _, error) = Run("service", Sample, "--case-mix", File("bad.csv", "episode,intake\nC001,3\n"));
        Assert.Equal(1, bad);
        Assert.Contains("Column 2's name cannot be a covariate", error, StringComparison.Ordinal);
        Assert.Equal(2, Run("service", Sample, "--benchmark", "no-such-benchmark").Code);
        Assert.Equal(2, Run("service", Sample, "--reliable-change", "0").Code);
    }

    [Fact]
    public void Report_HasTheServiceSection_FirstForAManager_BehindTheAttentionListForAClinician()
    {
        string clinician = Path.Combine(Dir, "clinician.html"), manager = Path.Combine(Dir, "manager.html");
        Assert.Equal(0, Run("report", Sample, "--output", clinician).Code);
        Assert.Equal(0, Run("report", Sample, "--output", manager, "--by", "therapist").Code);
        string a = System.IO.File.ReadAllText(clinician), b = System.IO.File.ReadAllText(manager);
        Assert.True(a.IndexOf("id=\"attention-h\"", StringComparison.Ordinal) < a.IndexOf("id=\"service-h\"", StringComparison.Ordinal));
        Assert.True(b.IndexOf("id=\"service-h\"", StringComparison.Ordinal) < b.IndexOf("id=\"attention-h\"", StringComparison.Ordinal));
        Assert.Contains("must not be used to rank therapists", a, StringComparison.Ordinal);
        Assert.Contains("class=\"caterpillar\"", a, StringComparison.Ordinal);
        Assert.Contains("Dependability of alliance scores", a, StringComparison.Ordinal);
    }
}
