using System.Globalization;
using System.Text.Json;
using TherapeuticAlliance.Columnar;
using TherapeuticAlliance.Schema;
using TherapeuticAlliance.Tables;

namespace TherapeuticAlliance.Cli.Tests.Issues;

/// <summary>
/// Issue 29: <c>alliance mixed FILE --formula '…'</c> fits a linear mixed model on any CSV or Parquet table, prints
/// lme4's summary layout, writes every figure with --json and the tidy tables with --csv/--parquet; bad tables and
/// formulas are typed errors (exit 1) that quote no cell.
/// </summary>
public sealed class MultilevelTests_29 : CliTestBase
{
    private static readonly string Episodes = Path.Combine(AppContext.BaseDirectory, "multilevel", "episodes.csv");
    private static readonly string Gappy = Path.Combine(AppContext.BaseDirectory, "multilevel", "episodes-gappy.csv");

    /// <summary>lme4's value of a model in the shared oracle (multilevel-expected.csv, extra-expected.csv).</summary>
    private static double Lme4(string file, string model, string name) => double.Parse(
        System.IO.File.ReadLines(Path.Combine(AppContext.BaseDirectory, "multilevel", file)).Single(l => l.StartsWith(model + "," + name + ",", StringComparison.Ordinal)).Split(',')[^1],
        CultureInfo.InvariantCulture);

    [Fact]
    public void Mixed_PrintsLme4sSummary_WithTheOraclesEstimates()
    {
        var (code, output, error) = Run("mixed", Episodes, "--formula", "post ~ pre + (1 | site / therapist)");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Linear mixed model fit by REML. t-tests use Satterthwaite's method", output, StringComparison.Ordinal);
        Assert.Contains(" therapist:site (Intercept)", output, StringComparison.Ordinal);
        Assert.Contains("Number of obs: 1521, groups:  therapist:site, 48; site, 6", output, StringComparison.Ordinal);
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, "REML criterion at convergence: {0:0.0}", Lme4("multilevel-expected.csv", "m2_site_therapist_reml", "reml_criterion")), output, StringComparison.Ordinal);
        Assert.DoesNotContain("T0101", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_Json_HoldsEveryTable_UnderItsSchemaName_WithLme4sValues()
    {
        var (code, output, _) = Run("mixed", Episodes, "--formula", "post ~ pre + (1 | therapist)", "--ml", "--json");
        Assert.Equal(0, code);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(
            new[] { RowSchemas.MixedFixedEffects, RowSchemas.MixedVarCorr, RowSchemas.MixedRanef, RowSchemas.MixedFit, RowSchemas.MixedFitted }.Select(s => s.Name),
            json.RootElement.EnumerateObject().Select(p => p.Name));
        JsonElement pre = json.RootElement.GetProperty(RowSchemas.MixedFixedEffects.Name).EnumerateArray().Single(r => r.GetProperty(RowSchemas.Term).GetString() == "pre");
        Assert.Equal(Lme4("multilevel-expected.csv", "m6_therapist_ml", "beta[pre]"), pre.GetProperty(RowSchemas.Estimate).GetDouble(), 1e-6);
        JsonElement logLik = json.RootElement.GetProperty(RowSchemas.MixedFit.Name).EnumerateArray().Single(r => r.GetProperty(RowSchemas.Statistic).GetString() == StatisticNames.LogLikelihood);
        Assert.Equal(Lme4("multilevel-expected.csv", "m6_therapist_ml", "loglik"), logLik.GetProperty(RowSchemas.Value).GetDouble(), 1e-4);
        Assert.Equal(48, json.RootElement.GetProperty(RowSchemas.MixedRanef.Name).GetArrayLength());
        Assert.Equal(1521, json.RootElement.GetProperty(RowSchemas.MixedFitted.Name).GetArrayLength());
    }

    [Fact]
    public void Mixed_Profile_PrintsConfintsLayout_AndTheJsonHoldsLme4sProfileIntervals()
    {
        var (code, output, _) = Run("mixed", Episodes, "--formula", "post ~ pre + (1 | therapist)", "--profile");
        Assert.Equal(0, code);
        Assert.Contains("Profile confidence intervals (ML deviance, as confint(fit, method = \"profile\")):", output, StringComparison.Ordinal);
        Assert.Contains("2.5 %", output, StringComparison.Ordinal);
        Assert.Contains("97.5 %", output, StringComparison.Ordinal);
        string sd = output.Split('\n').Single(l => l.StartsWith("sd_(Intercept)|therapist ", StringComparison.Ordinal));
        Assert.Equal(new[] { "sd_(Intercept)|therapist", "1.400058", "2.663342" }, sd.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        var (jsonCode, json, _) = Run("mixed", Episodes, "--formula", "post ~ pre + (1 | therapist)", "--profile", "--json");
        Assert.Equal(0, jsonCode);
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement[] rows = document.RootElement.GetProperty(RowSchemas.MixedConfint.Name).EnumerateArray().ToArray();
        Assert.Equal(new[] { "sd_(Intercept)|therapist", "sigma", "(Intercept)", "pre" }, rows.Select(r => r.GetProperty(RowSchemas.Parameter).GetString()));
        foreach (JsonElement row in rows)
        {
            string parameter = row.GetProperty(RowSchemas.Parameter).GetString()!;
            Assert.Equal(Lme4("extra-expected.csv", "m11_profile_therapist", $"ci_lower[{parameter}]"), row.GetProperty(RowSchemas.ConfLow).GetDouble(), 5e-5 * 10);
            Assert.Equal(Lme4("extra-expected.csv", "m11_profile_therapist", $"ci_upper[{parameter}]"), row.GetProperty(RowSchemas.ConfHigh).GetDouble(), 5e-5 * 10);
            Assert.Equal(0.95, row.GetProperty(RowSchemas.ConfLevel).GetDouble());
        }

        // Without --profile there is no profile (it costs refits).
        Assert.DoesNotContain("Profile confidence", Run("mixed", Episodes, "--formula", "post ~ pre + (1 | therapist)").Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mixed_CsvAndParquet_WriteTheTidyTables_AndAParquetTableIsReadAsTheCsvIs()
    {
        string csv = Path.Combine(Dir, "csv"), parquet = Path.Combine(Dir, "parquet");
        var (code, _, error) = Run("mixed", Gappy, "--formula", "post ~ pre + (1 | therapist)", "--csv", csv, "--parquet", parquet);
        Assert.Equal(0, code);
        Assert.Contains("233 row(s) left out for a missing value", error, StringComparison.Ordinal);
        foreach (RowSchema schema in new[] { RowSchemas.MixedFixedEffects, RowSchemas.MixedVarCorr, RowSchemas.MixedRanef, RowSchemas.MixedFit, RowSchemas.MixedFitted })
        {
            TidyTable table = TidyCsv.Read(Path.Combine(csv, schema.Name + ".csv")).GetValueOrThrow();
            Assert.Equal(schema.Columns.ToArray(), table.Columns.ToArray());
            await using FileStream stream = System.IO.File.OpenRead(Path.Combine(parquet, schema.Name + ".parquet"));
            Assert.Equal(table.RowCount, (await ColumnarTables.ReadParquetAsync(stream)).GetValueOrThrow().RowCount);
        }

        TidyTable fitted = TidyCsv.Read(Path.Combine(csv, RowSchemas.MixedFitted.Name + ".csv")).GetValueOrThrow();
        Assert.Equal(Lme4("extra-expected.csv", "m10_missing_values_reml", "fitted[1]"), fitted.GetDouble(0, RowSchemas.Fitted), 1e-6);
        Assert.Null(fitted[9, RowSchemas.Fitted]);

        // The same data as Parquet (written from the CSV through the library) fits the same model to the same numbers.
        string data = Path.Combine(Dir, "episodes.parquet");
        await using (FileStream stream = System.IO.File.Create(data))
        {
            await ColumnarTables.WriteParquetAsync(stream, TidyCsv.Read(Gappy).GetValueOrThrow());
        }

        var fromParquet = Run("mixed", data, "--input-format", "parquet", "--formula", "post ~ pre + (1 | therapist)");
        Assert.Equal(0, fromParquet.Code);
        Assert.Equal(Run("mixed", Gappy, "--formula", "post ~ pre + (1 | therapist)").Out, fromParquet.Out);
    }

    [Theory]
    [InlineData("post ~ pre + (1 | nosuch)", "no such column")]
    [InlineData("post ~ pre", "no random-effects term")]
    [InlineData("post ~ site + therapist + (1 | therapist)", "rank deficient")]
    public void Mixed_ABadFormula_IsExit1_WithWhatToDo(string formula, string says)
    {
        var (code, output, error) = Run("mixed", Episodes, "--formula", formula);
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(says, error, StringComparison.Ordinal);
        Assert.DoesNotContain("T0101", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_ABadTable_IsExit1_QuotingNoCell_AndNoFormulaIsUsage()
    {
        string ragged = File("ragged.csv", "post,pre,therapist\n1,2,SECRET-T\n1,2\n");
        var (code, _, error) = Run("mixed", ragged, "--formula", "post ~ pre + (1 | therapist)");
        Assert.Equal(1, code);
        Assert.Contains("Line 3", error, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error, StringComparison.Ordinal);

        string notParquet = Bytes("x.parquet", new byte[] { 80, 65, 82, 49, 0, 1, 2, 3 });
        Assert.Equal(1, Run("mixed", notParquet, "--input-format", "parquet", "--formula", "post ~ pre + (1 | therapist)").Code);
        Assert.Equal(1, Run("mixed", File("empty.csv", "post,pre,therapist\n"), "--formula", "post ~ pre + (1 | therapist)").Code);
        Assert.Equal(2, Run("mixed", Episodes).Code);
    }
    [Fact]
    public void Mixed_WarnsWhenAStrayTextMakesANumericColumnCategorical_AndWhenTheFileIsNotCommaSeparated()
    {
        // Regression (review): one text cell in 'pre' made it a factor with ~250 contrasts named after its cells, exit 0
        // and no word on standard error. The fit still follows R's rule; standard error now says which column and row.
        string[] lines = System.IO.File.ReadAllLines(Episodes);
        lines[17] = string.Join(",", lines[17].Split(',').Select((cell, i) => i == 4 ? "MRN99999" : cell));
        var (_, _, error) = Run("mixed", File("stray.csv", string.Join("\n", lines) + "\n"), "--formula", "post ~ alliance + (1 | site)");
        Assert.Contains("warning: Column 'pre' is read as categorical, but only 1 of its 1521 cells are not numbers (the first in data row 17)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("MRN", error, StringComparison.Ordinal);

        var semicolons = Run("mixed", File("semicolons.csv", "post;pre;therapist\n1;2;a\n"), "--formula", "post ~ pre + (1 | therapist)");
        Assert.Equal(1, semicolons.Code);
        Assert.Contains("probably not comma-separated", semicolons.Err, StringComparison.Ordinal);
        Assert.Empty(Run("mixed", Episodes, "--formula", "post ~ pre + (1 | therapist)").Err);
    }
    [Fact]
    public void Mixed_SitesPartials_WrittenAtEachSite_MergeIntoThePooledFit_AndABadOneIsNamed()
    {
        // Four sites of five therapists with twelve clients each (the default disclosure policy's 10 rows a level).
        var random = new Random(7);
        string header = "site,therapist,pre,post\n";
        var rows = new List<(int Site, string Line)>();
        for (int site = 1; site <= 4; site++)
        {
            double siteEffect = random.NextDouble() * 3;
            for (int therapist = 1; therapist <= 5; therapist++)
            {
                double therapistEffect = random.NextDouble() * 4;
                for (int client = 0; client < 12; client++)
                {
                    double pre = 10 + (random.NextDouble() * 20);
                    double post = 5 + (0.8 * pre) + siteEffect + therapistEffect + (random.NextDouble() * 8);
                    rows.Add((site, string.Create(CultureInfo.InvariantCulture, $"S{site},T{site}{therapist},{pre:0.##},{post:0.##}\n")));
                }
            }
        }

        string all = Path.Combine(Dir, "all.csv"), north = Path.Combine(Dir, "north.csv"), south = Path.Combine(Dir, "south.csv"), partials = Path.Combine(Dir, "partials");
        System.IO.File.WriteAllText(all, header + string.Concat(rows.Select(r => r.Line)));
        System.IO.File.WriteAllText(north, header + string.Concat(rows.Where(r => r.Site <= 2).Select(r => r.Line)));
        System.IO.File.WriteAllText(south, header + string.Concat(rows.Where(r => r.Site > 2).Select(r => r.Line)));
        Directory.CreateDirectory(partials);
        const string formula = "post ~ pre + (1 | site / therapist)";
        foreach (var (site, name) in new[] { (north, "north.json"), (south, "south.json") })
        {
            var (siteCode, _, siteError) = Run("mixed", site, "--formula", formula, "--partial", Path.Combine(partials, name));
            Assert.Equal(0, siteCode);
            Assert.Contains("wrote mixed-model partial: 120 observations", siteError, StringComparison.Ordinal);
        }

        double Criterion(string json) => JsonDocument.Parse(json).RootElement.GetProperty(RowSchemas.MixedFit.Name).EnumerateArray()
            .Single(r => r.GetProperty(RowSchemas.Statistic).GetString() == StatisticNames.RemlCriterion).GetProperty(RowSchemas.Value).GetDouble();
        var pooled = Run("mixed", all, "--formula", formula, "--json");
        var merged = Run("mixed", partials, "--json");
        Assert.Equal(0, merged.Code);
        Assert.Equal(Criterion(pooled.Out), Criterion(merged.Out), 1e-9 * Math.Abs(Criterion(pooled.Out)));
        Assert.Equal(0, Run("mixed", Path.Combine(partials, "north.json")).Code);   // one partial alone fits too (its 'site' has 2 levels)

        // A formula given with partials is not theirs to change: ignored, and said so.
        var withFormula = Run("mixed", partials, "--formula", "post ~ 1 + (1 | site)");
        Assert.Equal(Criterion(merged.Out), Criterion(Run("mixed", partials, "--json", "--formula", "post ~ 1 + (1 | site)").Out));
        Assert.Contains("partials carry their own formula, so they were ignored", withFormula.Err, StringComparison.Ordinal);

        // A damaged partial in the folder: exit 1, the file named, nothing of it quoted.
        System.IO.File.WriteAllText(Path.Combine(partials, "broken.json"), "{\"kind\": \"mixed-model-partial\", \"schemaVersion\": \"1.0\", \"formula\": \"T9 SECRET\"}");
        var broken = Run("mixed", partials);
        Assert.Equal(1, broken.Code);
        Assert.Contains("broken.json: The partial needs its fixed effects", broken.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", broken.Err, StringComparison.Ordinal);

        // The oracle's caseload has therapists with fewer than 10 clients: no partial is written, and the disclosure rule says why.
        string refused = Path.Combine(Dir, "refused.json");
        var small = Run("mixed", Episodes, "--formula", "post ~ pre + (1 | therapist)", "--partial", refused);
        Assert.Equal(1, small.Code);
        Assert.Contains("disclosure policy's minimum", small.Err, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(refused));
        Assert.Equal(2, Run("mixed", Episodes).Code);   // a table needs --formula
    }
    [Fact]
    public void Mixed_ReadsASemicolonTableWithDecimalCommas_AsTheCommaTableIsRead()
    {
        // An Excel-style European export: ';' between fields, ',' for the decimal point.
        string european = Path.Combine(Dir, "episodes-de.csv");
        System.IO.File.WriteAllLines(european, System.IO.File.ReadAllLines(Episodes).Select(l => l.Replace(',', ';').Replace('.', ',')));
        var comma = Run("mixed", Episodes, "--formula", "post ~ pre + (1 | therapist)");
        var semicolon = Run("mixed", european, "--formula", "post ~ pre + (1 | therapist)", "--delimiter", ";", "--decimal-comma");
        Assert.Equal(0, semicolon.Code);
        Assert.Equal(comma.Out, semicolon.Out);

        // Read as comma-separated, the file is one column: exit 1, with a warning that names the options.
        var unread = Run("mixed", european, "--formula", "post ~ pre + (1 | therapist)");
        Assert.Equal(1, unread.Code);
        Assert.Contains("--delimiter ';' --decimal-comma", unread.Err, StringComparison.Ordinal);
        Assert.Equal(2, Run("mixed", Episodes, "--formula", "post ~ pre + (1 | therapist)", "--decimal-comma").Code);
    }
}
