using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace TherapeuticAlliance.Cli.Tests.Issues;

/// <summary>
/// Issue 28: therapist and site as keys from input to report. The bundled sample has 6 therapists at 2 sites (its
/// truth file says who saw each client); triage and the report filter and group by them under one disclosure policy;
/// conflicting or malformed keys are typed problems naming file, line and column, never the key.
/// </summary>
public sealed class TherapistsAndSitesTests_28 : CliTestBase
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "samples", "alliance-sample.csv");
    private static readonly string Truth = Path.Combine(AppContext.BaseDirectory, "samples", "alliance-sample-truth.csv");

    /// <summary>Each client's therapist and site at its last session, from the truth file.</summary>
    private static Dictionary<string, (string Therapist, string Site)> Latest()
    {
        string[] lines = System.IO.File.ReadAllLines(Truth);
        string[] header = lines[0].Split(',');
        int t = Array.IndexOf(header, "therapist"), moved = Array.IndexOf(header, "therapist_from_session_7"), s = Array.IndexOf(header, "site");
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0], c => (c[moved].Length > 0 ? c[moved] : c[t], c[s]));
    }

    private static string[] Ids() => Latest().Values.SelectMany(v => new[] { v.Therapist, v.Site }).Distinct().ToArray();

    [Fact]
    public void TriageByTherapist_CountsEachTherapistsClients_AsTheTruthHasThem_AndWithholdsSmallCaseloads()
    {
        var (code, output, error) = Run("triage", Sample, "--by", "therapist");
        Assert.Equal(0, code);
        string[] lines = output.Trim().Split('\n');
        Assert.Equal("by,group,n_clients,n_episodes,act,watch,no_alert,mean_alliance_pomp,alliance_n,mean_outcome_change_pomp,outcome_n,paired_outcome_share,withheld", lines[0]);
        var truth = Latest().GroupBy(c => c.Value.Therapist).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(truth.Keys.Order(StringComparer.Ordinal), lines.Skip(1).Select(l => l.Split(',')[1]));
        foreach (string[] row in lines.Skip(1).Select(l => l.Split(',')))
        {
            int clients = truth[row[1]];
            if (clients >= 10)
            {
                Assert.Equal((clients.ToString(CultureInfo.InvariantCulture), clients * 5, "0"), (row[2], int.Parse(row[3], CultureInfo.InvariantCulture), row[12]));
                Assert.Equal("1", row[11]);   // every client has a first and a last ORS
            }
            else
            {
                Assert.Equal("NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,1", string.Join(",", row[2..]));
            }
        }

        Assert.Contains("groups by therapist;", error, StringComparison.Ordinal);
        Assert.All(Ids(), id => Assert.DoesNotContain(id, error, StringComparison.Ordinal));
    }

    [Fact]
    public void TriageBySite_UnderOpenSafely_RoundsEveryCountToFive()
    {
        var (code, output, _) = Run("triage", Sample, "--by", "site", "--disclosure", "opensafely", "--output-format", "json");
        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetArrayLength());
        foreach (var row in json.RootElement.EnumerateArray())
        {
            foreach (string column in new[] { "n_clients", "n_episodes", "act", "watch", "no_alert", "alliance_n", "outcome_n" })
            {
                var cell = row.GetProperty(column);
                Assert.True(cell.ValueKind == System.Text.Json.JsonValueKind.Null || (cell.GetInt32() % 5 == 0 && (cell.GetInt32() == 0 || cell.GetInt32() >= 8)), column);
            }
        }
    }

    [Fact]
    public void ATherapistsOwnAttentionList_HoldsTheirClientsOnly_AndTheKeyIsNeverEchoed()
    {
        var (code, output, error) = Run("triage", Sample, "--therapist", "T02");
        Assert.Equal(0, code);
        string[] expected = Latest().Where(c => c.Value.Therapist == "T02").Select(c => c.Key).Order(StringComparer.Ordinal).ToArray();
        string[] rows = output.Trim().Split('\n').Skip(1).ToArray();
        Assert.Equal(expected, rows.Select(r => r.Split(',')[1]).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal("T02", r.Split(',')[4]));
        Assert.Contains(expected.Length + " of 60 clients have the therapist given", error, StringComparison.Ordinal);
        Assert.DoesNotContain("T02", error, StringComparison.Ordinal);

        var (_, none, noneError) = Run("triage", Sample, "--therapist", "t02", "--site", "north");
        Assert.Single(none.Trim().Split('\n'));   // the header alone: keys are compared exactly
        Assert.Contains("0 of 60 clients have the therapist and site given", noneError, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportByTherapist_OpensWithTheOverview_BeforeTheAttentionList()
    {
        string page = Path.Combine(Dir, "report.html");
        var (code, _, error) = Run("report", Sample, "--by", "therapist", "--output", page);
        Assert.Equal(0, code);
        string html = System.IO.File.ReadAllText(page);
        int overview = html.IndexOf("<h2 id=\"overview-h\">Overview by therapist</h2>", StringComparison.Ordinal);
        Assert.True(overview > 0 && overview < html.IndexOf("id=\"attention\"", StringComparison.Ordinal));
        var truth = Latest().GroupBy(c => c.Value.Therapist).ToDictionary(g => g.Key, g => g.Count());
        foreach ((string therapist, int clients) in truth)
        {
            Assert.Contains(clients >= 10
                ? $"<th scope=\"row\">{therapist}</th><td data-label=\"Clients\">{clients}</td>"
                : $"<th scope=\"row\">{therapist}</th><td colspan=\"8\">withheld: fewer than 10 clients</td>", html, StringComparison.Ordinal);
        }

        Assert.Contains("--by therapist", html, StringComparison.Ordinal);   // the provenance names the grouping
        Assert.All(Ids(), id => Assert.DoesNotContain(id, error, StringComparison.Ordinal));

        // A therapist's own report: their clients only.
        Assert.Equal(0, Run("report", Sample, "--therapist", "T01", "--output", page).Code);
        string own = System.IO.File.ReadAllText(page);
        int sections = System.Text.RegularExpressions.Regex.Count(own, "<section class=\"client\"");
        Assert.Equal(truth["T01"], sections);
        Assert.Equal(sections, System.Text.RegularExpressions.Regex.Count(own, "Latest session 12, seen by T01 at north\\. Rated: "));   // each client says who sees them now
    }

    [Fact]
    public void StatsBySite_GivesEachSitesStatistics_AndWithholdsGroupsBelowTheMinimum()
    {
        var (code, output, error) = Run("stats", Sample, "--by", "site");
        Assert.Equal(0, code);
        string[] lines = output.Trim().Split('\n');
        Assert.Equal("by,group,instrument,scope,statistic,value,n", lines[0]);
        Assert.Equal(new[] { "north", "south" }, lines.Skip(1).Select(l => l.Split(',')[1]).Distinct());
        Assert.Contains("2 groups by site; 0 withheld (fewer than 10 clients)", error, StringComparison.Ordinal);
        var (_, filtered, filteredError) = Run("stats", Sample, "--site", "south");
        Assert.Contains(" of 2160 scored administrations are of sessions with the site given", filteredError, StringComparison.Ordinal);
        Assert.NotEqual(Run("stats", Sample).Out, filtered);

        var (_, byTherapist, therapistError) = Run("stats", Sample, "--by", "therapist");
        int large = Latest().GroupBy(c => c.Value.Therapist).Count(g => g.Count() >= 10);
        Assert.True(byTherapist.Trim().Split('\n').Skip(1).Select(l => l.Split(',')[1]).Distinct().Count() <= 6);
        Assert.Contains("groups by therapist; ", therapistError, StringComparison.Ordinal);
        Assert.Contains("withheld (fewer than 10 clients)", therapistError, StringComparison.Ordinal);
        Assert.True(large >= 1);

        Assert.Equal(AllianceCli.Usage, Run("stats", Sample, "--by", "site", "--partial", Path.Combine(Dir, "p.json")).Code);
    }

    [Fact]
    public void StatsPartial_KeepsTheLargeCaseloadsOutcomeStatistics_WithoutIdentifiers_AndMergeListsEverySites()
    {
        string partial = Path.Combine(Dir, "site.json");
        var (code, _, error) = Run("stats", Sample, "--partial", partial);
        Assert.Equal(0, code);
        var truth = Latest().GroupBy(c => c.Value.Therapist).ToDictionary(g => g.Key, g => g.Count());
        int large = truth.Count(t => t.Value >= 10);
        Assert.Contains($"{large} therapist group(s) ({truth.Count - large} withheld)", error, StringComparison.Ordinal);
        string json = System.IO.File.ReadAllText(partial);
        Assert.All(Ids(), id => Assert.DoesNotContain("\"" + id + "\"", json, StringComparison.Ordinal));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(truth.Values.Where(v => v >= 10).OrderDescending(), document.RootElement.GetProperty("therapists").EnumerateArray().Select(t => t.GetProperty("clients").GetInt32()));

        string copy = Path.Combine(Dir, "copy.json");
        System.IO.File.Copy(partial, copy);
        Assert.Equal(0, Run("merge", partial, copy).Code);
    }

    [Fact]
    public void Score_WritesEachSessionsKeys_AsTheFileGaveThem()
    {
        var (code, output, _) = Run("score", Sample);
        Assert.Equal(0, code);
        string[] sample = System.IO.File.ReadAllLines(Sample).Skip(1).ToArray();
        var keys = sample.Select(l => l.Split(',')).GroupBy(c => (c[0], c[1])).ToDictionary(g => g.Key, g => (g.First()[5], g.First()[6]));
        foreach (string[] row in output.Trim().Split('\n').Skip(1).Select(l => l.Split(',')))
        {
            Assert.Equal(keys[(row[0], row[1])], (row[5], row[6]));
            Assert.Equal("NA", row[7]);
        }
    }

    [Fact]
    public void TwoSitesForOneSession_LeaveTheSessionOut_NamingLinesAndColumn_NeverTheSite()
    {
        string csv = "episode,session,date,perspective,instrument,therapist,site,item,value\n" +
            Rows("E1", 1, "srs", "T1", "north") + Rows("E1", 1, "ors", "T1", "SECRET-SITE") +
            Rows("E1", 2, "srs", "T1", "north") + Rows("E1", 2, "ors", "", "") + Rows("E1", 3, "srs", "T1", "north") + Rows("E1", 3, "ors", "T1", "north");
        var (code, output, error) = Run("score", File("two-sites.csv", csv));
        Assert.Equal(0, code);   // scoring reads administrations one by one; the session check is where episodes are built
        Assert.Equal(6, output.Trim().Split('\n').Skip(1).Select(l => string.Join(",", l.Split(',')[..5])).Distinct().Count());

        var (triageCode, triage, triageError) = Run("triage", File("two-sites.csv", csv), "--by", "episode");
        Assert.Equal(AllianceCli.Partial, triageCode);
        Assert.Contains("two-sites.csv:2: column 'site': the administrations of session 1 give different site identifiers (lines 2 and 6)", triageError, StringComparison.Ordinal);
        Assert.Contains("two-sites.csv:6: column 'site':", triageError, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", triageError + triage, StringComparison.Ordinal);
        Assert.Contains("16 rows accepted, 8 rows rejected.", triageError, StringComparison.Ordinal);
        // Session 2's ORS gave no keys: it takes the session's from the SRS.
        Assert.Contains(",T1,north,", triage, StringComparison.Ordinal);

        string Rows(string episode, int session, string instrument, string therapist, string site) =>
            string.Concat(Enumerable.Range(1, 4).Select(i => $"{episode},{session},2026-01-0{session},client,{instrument},{therapist},{site},{i},{(instrument == "srs" ? 9 : 6)}\n"));
    }

    [Fact]
    public void AMalformedTherapistId_IsATypedProblem_NamingLineAndColumn_NeverTheId()
    {
        string csv = "episode,session,date,perspective,instrument,therapist,item,value\n" +
            string.Concat(Enumerable.Range(1, 4).Select(i => $"E1,1,,client,srs,\"SECRET\u202Eid\",{i},9\n")) +
            string.Concat(Enumerable.Range(1, 4).Select(i => $"E2,1,,client,srs,T2,{i},9\n"));
        var (code, output, error) = Run("score", File("bad-id.csv", csv));
        Assert.Equal(AllianceCli.Partial, code);
        Assert.Contains("bad-id.csv:2: column 'therapist': expected an identifier", error, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error + output, StringComparison.Ordinal);
        Assert.Contains("E2,1,NA,client,srs,T2,NA,NA,", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParquetPartitions_WithAndWithoutTheKeys_AreRefusedTogether_NotMergedSilently()
    {
        string folder = Path.Combine(Dir, "parts");
        Directory.CreateDirectory(folder);
        await WriteWide(Path.Combine(folder, "a.parquet"), withKeys: true);
        await WriteWide(Path.Combine(folder, "b.parquet"), withKeys: false);
        var (code, _, error) = Run("score", folder, "--input-format", "parquet");
        Assert.Equal(AllianceCli.DataErrors, code);
        Assert.Contains("The partitions have different columns", error, StringComparison.Ordinal);

        System.IO.File.Delete(Path.Combine(folder, "b.parquet"));
        var (ok, output, _) = Run("score", folder, "--input-format", "parquet");
        Assert.Equal(0, ok);
        Assert.Contains("E1,1,NA,client,srs,T1,north,NA,", output, StringComparison.Ordinal);
    }

    private static async Task WriteWide(string path, bool withKeys)
    {
        var fields = new List<DataField> { new DataField<string>("episode"), new DataField<int>("session"), new DataField<string>("perspective"), new DataField<string>("instrument") };
        if (withKeys)
        {
            fields.Add(new DataField<string>("therapist"));
            fields.Add(new DataField<string>("site"));
        }

        fields.AddRange(Enumerable.Range(1, 4).Select(i => new DataField<double>(i.ToString(CultureInfo.InvariantCulture))));
        await using FileStream stream = System.IO.File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields.ToArray()), stream);
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        int f = 0;
        await group.WriteAsync(fields[f++], new[] { "E1" });
        await group.WriteAsync<int>(fields[f++], new[] { 1 }.AsMemory());
        await group.WriteAsync(fields[f++], new[] { "client" });
        await group.WriteAsync(fields[f++], new[] { "srs" });
        if (withKeys)
        {
            await group.WriteAsync(fields[f++], new[] { "T1" });
            await group.WriteAsync(fields[f++], new[] { "north" });
        }

        while (f < fields.Count)
        {
            await group.WriteAsync<double>(fields[f++], new[] { 9.0 }.AsMemory());
        }
    }
}
