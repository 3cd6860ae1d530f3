using System.Text.Json;

namespace TherapeuticAlliance.Cli.Tests;

/// <summary>
/// 'alliance stats --partial' and 'alliance merge' (issue 18, part 2): sites' partials merged in any order give what
/// 'stats' gives on the pooled file; partials hold no rows or identifiers; what is withheld is said; what cannot merge
/// is refused with nothing written.
/// </summary>
public class PartialMergeTests : CliTestBase
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "samples", "alliance-sample.csv");

    /// <summary>
    /// Splits the sample by episode into sites (whole episodes stay at one site, as they would), dealing episodes round
    /// robin in order of first appearance. The split is the same in every process: an earlier version used
    /// <c>string.GetHashCode</c>, which .NET randomises per process, so now and then one site drew too few episodes for a
    /// norm group and withheld it, and the merge rightly differed from the pooled file (a flaky CI failure under de-DE).
    /// </summary>
    private string[] Sites(int count)
    {
        string[] lines = System.IO.File.ReadAllLines(Sample);
        var siteOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in lines.Skip(1))
        {
            string episode = line.Split(',')[0];
            if (!siteOf.ContainsKey(episode))
            {
                siteOf[episode] = siteOf.Count % count;
            }
        }

        return Enumerable.Range(0, count).Select(site => File(
            $"site{site}.csv",
            string.Join("\n", lines.Take(1).Concat(lines.Skip(1).Where(l => siteOf[l.Split(',')[0]] == site))) + "\n")).ToArray();
    }

    private static List<(string Key, double? Value, long N)> Statistics(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("statistics").EnumerateArray()
            .Select(s => ($"{s.GetProperty("instrument").GetString()} {s.GetProperty("scope").GetString()} {s.GetProperty("statistic").GetString()}", s.GetProperty("value").ValueKind == JsonValueKind.Null ? (double?)null : s.GetProperty("value").GetDouble(), s.GetProperty("n").GetInt64()))
            .ToList();
    }

    [Fact]
    public void SitesPartials_MergedInAnyOrder_GiveThePooledStatistics()
    {
        string[] sites = Sites(3);
        string[] partials = sites.Select((site, i) =>
        {
            string path = Path.Combine(Dir, $"site{i}.json");
            var (code, output, error) = Run("stats", site, "--partial", path);
            Assert.Equal(0, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains($"Wrote {path}", error, StringComparison.Ordinal);
            return path;
        }).ToArray();

        var (pooledCode, pooledJson, _) = Run("stats", Sample, "--json");
        Assert.Equal(0, pooledCode);
        var pooled = Statistics(pooledJson);
        Assert.Contains(pooled, s => s.Key == "wai-sr total raw_alpha");
        Assert.Contains(pooled, s => s.Key == "alliance-profile client-therapist ICC2");
        Assert.Contains(pooled, s => s.Key == "srs scores/total mean");
        Assert.Contains(pooled, s => s.Key == "srs norm/client/sum change_sd");
        foreach (string[] order in new[] { partials, partials.Reverse().ToArray(), new[] { partials[1], partials[2], partials[0] } })
        {
            var (code, json, error) = Run(new[] { "merge" }.Concat(order).Append("--json").ToArray());
            Assert.Equal(0, code);
            Assert.Contains("Merged 3 partial(s) from 3 site(s).", error, StringComparison.Ordinal);
            var merged = Statistics(json);
            Assert.Equal(pooled.Select(s => (s.Key, s.N)), merged.Select(s => (s.Key, s.N)));
            foreach (var (expected, actual) in pooled.Zip(merged))
            {
                Assert.True(Math.Abs(expected.Value!.Value - actual.Value!.Value) <= 1e-9 * Math.Max(1, Math.Abs(expected.Value.Value)), $"{expected.Key}: {expected.Value} vs {actual.Value}");
            }
        }

        // The text table is the same as the pooled one, line for line.
        Assert.Equal(Run("stats", Sample).Out, Run(new[] { "merge" }.Concat(partials).ToArray()).Out);
    }

    [Fact]
    public void APartial_HoldsAggregatesOnly()
    {
        string site = Sites(2)[0];
        string path = Path.Combine(Dir, "site.json");
        Assert.Equal(0, Run("stats", site, "--partial", path).Code);
        string json = System.IO.File.ReadAllText(path);
        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal(("alliance-site-partial", "1.0"), (document.RootElement.GetProperty("kind").GetString(), document.RootElement.GetProperty("schemaVersion").GetString()));
        // Since issue 28 the sample names therapists: the optional per-therapist part follows (no identifier in it).
        Assert.Equal(new[] { "kind", "schemaVersion", "statistics", "scores", "norms", "notes", "therapists", "therapistsWithheld" }, document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("\"T0", json, StringComparison.Ordinal);          // no therapist identifier
        Assert.DoesNotContain("\"C0", json, StringComparison.Ordinal);          // no episode identifier
        Assert.DoesNotContain("2026-", json, StringComparison.Ordinal);         // no date
    }

    [Fact]
    public void ASmallSite_WithholdsWhatItHasTooFewRowsFor_AndTheMergeSaysSo()
    {
        string[] lines = System.IO.File.ReadAllLines(Sample);
        string small = File("small.csv", string.Join("\n", lines.Take(1).Concat(lines.Skip(1).Where(l => l.StartsWith("C001,", StringComparison.Ordinal)))) + "\n");
        string smallPartial = Path.Combine(Dir, "small.json");
        string bigPartial = Path.Combine(Dir, "big.json");
        Assert.Equal(0, Run("stats", small, "--partial", smallPartial).Code);
        Assert.Equal(0, Run("stats", Sample, "--partial", bigPartial).Code);
        string json = System.IO.File.ReadAllText(smallPartial);
        Assert.Contains("withheld: ", json, StringComparison.Ordinal);
        Assert.Contains("norm group(s) (instrument, perspective and metric) withheld: fewer than 10 episodes.", json, StringComparison.Ordinal);

        var (code, text, _) = Run("merge", bigPartial, smallPartial);
        Assert.Equal(0, code);
        Assert.Contains(": from 1 of 2 sites (the others withheld it).", text, StringComparison.Ordinal);

        // A lower minimum, set by the site's governance, keeps them.
        Assert.Equal(0, Run("stats", small, "--partial", smallPartial, "--minimum-rows", "1").Code);
        Assert.DoesNotContain("norm group(s)", System.IO.File.ReadAllText(smallPartial), StringComparison.Ordinal);
        Assert.Equal(2, Run("stats", small, "--partial", smallPartial, "--minimum-rows", "0").Code);
    }

    [Fact]
    public void TotalsOnlyAdministrations_AreNotedInThePartial_AndInTheMerge()
    {
        string path = File("totals.csv", "episode,session,date,perspective,instrument,total\n"
            + string.Concat(Enumerable.Range(1, 12).Select(i => $"E{i},1,2026-01-05,client,ors,{20 + (i % 7)}\nE{i},2,2026-01-12,client,ors,{22 + (i % 5)}\n")));
        string partial = Path.Combine(Dir, "totals.json");
        Assert.Equal(0, Run("stats", path, "--partial", partial).Code);
        Assert.Contains("ors: 24 administration(s) give totals only", System.IO.File.ReadAllText(partial), StringComparison.Ordinal);
        var (code, text, _) = Run("merge", partial);
        Assert.Equal(0, code);
        Assert.Contains("note: ors: 24 administration(s) give totals only", text, StringComparison.Ordinal);
        Assert.Contains("ors                 norm/client/sum", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PartialsThatCannotMerge_AreRefused_AndNothingIsWritten()
    {
        string site = Sites(2)[0];
        string sum = Path.Combine(Dir, "sum.json");
        string mean = Path.Combine(Dir, "mean.json");
        Assert.Equal(0, Run("stats", site, "--partial", sum).Code);
        Assert.Equal(0, Run("stats", site, "--partial", mean, "--strategy", "mean").Code);
        string good = System.IO.File.ReadAllText(sum);

        var cases = new (string Content, string Expected)[]
        {
            ("{", "The partial is not valid JSON"),
            (new string(' ', TherapeuticAlliance.Consortium.SitePartial.MaximumLength + 1), "The partial is longer than 16777216 characters"),
            ("""{"kind":"something-else"}""", "its kind is not alliance-site-partial"),
            (good.Replace("\"schemaVersion\": \"1.0\",\n  \"statistics\"", "\"schemaVersion\": \"2.0\",\n  \"statistics\"", StringComparison.Ordinal), "The partial's schema version is not 1.0"),
            (good.Replace("\"missingData\": \"complete-rows\"", "\"missingData\": \"pairwise\"", StringComparison.Ordinal), "statistics entry 1: The partial was computed under another missing-data rule"),
            (good.Replace("\"kind\": \"caseload-norm-statistics\",\n    \"schemaVersion\": \"1.0\"", "\"kind\": \"caseload-norm-statistics\",\n    \"schemaVersion\": \"1.1\"", StringComparison.Ordinal), "norms: The partial's schema version is not 1.0"),
            ("""{"kind":"alliance-site-partial","schemaVersion":"1.0"}""", "The partial needs the arrays statistics, scores and notes and the object norms."),
        };
        // Issue 27: a poisoned site (co-moments no data could give: here a correlation far beyond 1) is refused too.
        var poisoned = System.Text.Json.Nodes.JsonNode.Parse(good)!;
        poisoned["statistics"]![0]!["comoments"]![0]![1] = 1e9;
        poisoned["statistics"]![0]!["comoments"]![1]![0] = 1e9;
        cases = cases.Append((poisoned.ToJsonString(), "exceeds the Cauchy–Schwarz bound")).ToArray();

        // One site's damaged or impossible partial is left out and named; the others still merge (issue 27; until then
        // one bad file stopped the whole merge).
        string alone = Run("merge", sum).Out;
        foreach (var (content, expected) in cases)
        {
            string bad = File("bad.json", content);
            var (code, output, error) = Run("merge", sum, bad);
            Assert.Equal(AllianceCli.Partial, code);
            Assert.Equal(alone, output);
            Assert.Contains("bad.json: ", error, StringComparison.Ordinal);
            Assert.Contains(expected, error, StringComparison.Ordinal);
            Assert.Contains("This site was left out of the merge.", error, StringComparison.Ordinal);
            Assert.Contains("Merged 1 partial(s) from 1 site(s).", error, StringComparison.Ordinal);
            Assert.Equal(0, Run("merge", sum, bad, "--allow-partial").Code);
            Assert.Equal(AllianceCli.DataErrors, Run("merge", bad).Code);
        }

        var (mixedCode, mixedOut, mixedError) = Run("merge", sum, mean);
        Assert.Equal((2, string.Empty), (mixedCode, mixedOut));
        Assert.Contains("the partials do not merge: ", mixedError, StringComparison.Ordinal);
        Assert.Contains("differ in their metric", mixedError, StringComparison.Ordinal);

        string twice = File("twice.json", good.Replace("\"statistics\": [\n", "\"statistics\": [\n" + JsonStatistic(good) + ",\n", StringComparison.Ordinal));
        Assert.Contains("gives a scope twice", Run("merge", twice).Err, StringComparison.Ordinal);
        Assert.Contains("no partial could be read; nothing was merged.", Run("merge", twice).Err, StringComparison.Ordinal);
        Assert.Contains("does not exist", Run("merge", Path.Combine(Dir, "missing.json")).Err, StringComparison.Ordinal);
        Assert.Equal(2, Run("merge").Code);
    }

    [Fact]
    public void AFolderOfPartials_Merges_AndTheScopesKeepTheirOrderWhenTheFirstSiteWithheldOne()
    {
        string[] sites = Sites(2);
        string folder = Path.Combine(Dir, "partials");
        Directory.CreateDirectory(folder);
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(0, Run("stats", sites[i], "--partial", Path.Combine(folder, $"site{i}.json")).Code);
        }

        var (code, fromFolder, error) = Run("merge", folder);
        Assert.Equal(0, code);
        Assert.Contains("Merged 2 partial(s) from 2 site(s).", error, StringComparison.Ordinal);
        Assert.Equal(Run("merge", Path.Combine(folder, "site0.json"), Path.Combine(folder, "site1.json")).Out, fromFolder);

        // The first site withheld wai-sr/total (as a site with too few complete rows would): the merged lines still
        // come total first, then the subscales, as stats prints them.
        var first = System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(folder, "site0.json")))!;
        var statistics = first["statistics"]!.AsArray();
        statistics.Remove(statistics.Single(n => (string?)n!["scope"] == "wai-sr/total"));
        string withheld = File("withheld.json", first.ToJsonString());
        string text = Run("merge", withheld, Path.Combine(folder, "site1.json")).Out;
        string[] wai = text.Split('\n').Where(l => l.StartsWith("wai-sr ", StringComparison.Ordinal) && l.Contains(" raw_alpha ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(new[] { "total", "task", "bond", "goal" }, wai.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]));
        Assert.Contains("wai-sr/total: from 1 of 2 sites (the others withheld it).", text, StringComparison.Ordinal);

        Directory.CreateDirectory(Path.Combine(Dir, "empty"));
        Assert.Equal(2, Run("merge", Path.Combine(Dir, "empty")).Code);
        Assert.Equal(2, Run("stats", sites[0], "--partial", Path.Combine(Dir, "x.json"), "--json").Code);
        Assert.Equal(2, Run("stats", sites[0], "--partial", Path.Combine(Dir, "x.json"), "--parquet", Path.Combine(Dir, "x.parquet")).Code);
    }

    [Fact]
    public void APartialsNotes_ArePrintedCleaned_AndFieldsGivenTwiceOrTooManyNotesAreRefused()
    {
        string site = Sites(2)[0];
        string path = Path.Combine(Dir, "site.json");
        Assert.Equal(0, Run("stats", site, "--partial", path).Code);
        var node = System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(path))!;
        node["notes"]!.AsArray().Add("a note\u001b[31m with a control character and " + new string('x', 600));
        string text = Run("merge", File("noted.json", node.ToJsonString())).Out;
        string note = text.Split('\n').Single(l => l.StartsWith("note: a note", StringComparison.Ordinal));
        Assert.DoesNotContain("\u001b", note, StringComparison.Ordinal);
        Assert.Contains("a note?[31m with a control character", note, StringComparison.Ordinal);
        Assert.True(note.Length <= "note: ".Length + 400);

        var many = System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(path))!;
        for (int i = 0; i < 1001; i++)
        {
            many["notes"]!.AsArray().Add("n");
        }

        Assert.Contains("more than 1000 notes", Run("merge", File("many.json", many.ToJsonString())).Err, StringComparison.Ordinal);
        string twice = System.IO.File.ReadAllText(path).Replace("\"notes\": [", "\"notes\": [], \"notes\": [", StringComparison.Ordinal);
        Assert.Contains("The partial gives a field twice", Run("merge", File("twice-notes.json", twice)).Err, StringComparison.Ordinal);
        string badScope = System.IO.File.ReadAllText(path).Replace("\"scope\": \"alliance-profile/total\"", "\"scope\": \"total\"", StringComparison.Ordinal);
        Assert.Contains("its scope is not INSTRUMENT/PART", Run("merge", File("scope.json", badScope)).Err, StringComparison.Ordinal);
    }

    private static string JsonStatistic(string partial)
    {
        using JsonDocument document = JsonDocument.Parse(partial);
        return document.RootElement.GetProperty("statistics")[0].GetRawText();
    }
}
