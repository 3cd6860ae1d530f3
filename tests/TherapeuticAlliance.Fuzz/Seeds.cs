using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TherapeuticAlliance.Fhir;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Fuzz;

/// <summary>
/// Writes the starting corpus of every target: valid inputs made by the library itself, and the inputs blind
/// mutation rarely reaches: extreme numbers, deep nesting, duplicate keys, odd encodings. Regenerate with
/// <c>dotnet run --project tests/TherapeuticAlliance.Fuzz -- seeds tests/TherapeuticAlliance.Fuzz/seeds</c>.
/// </summary>
internal static class Seeds
{
    private static string ReplaceFirst(string text, string find, string replacement)
    {
        int at = text.IndexOf(find, StringComparison.Ordinal);
        return at < 0 ? throw new InvalidOperationException("A seed's pattern is missing: " + find) : string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }

    internal static void Write(string root)
    {
        var seeds = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);

        var instruments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Instrument instrument in AllianceInstruments.All)
        {
            instruments[instrument.Id + ".json"] = InstrumentDefinition.ToJson(instrument);
        }

        string srs = InstrumentDefinition.ToJson(AllianceInstruments.Srs);
        instruments["extreme-numbers.json"] = srs.Replace("\"maximum\": 10", "\"maximum\": 1e308", StringComparison.Ordinal).Replace("\"minimum\": 0", "\"minimum\": -1e308", StringComparison.Ordinal);
        instruments["huge-exponent.json"] = srs.Replace("\"maximum\": 10", "\"maximum\": 1e999999", StringComparison.Ordinal);
        instruments["duplicate-keys.json"] = ReplaceFirst(srs, "\"id\": \"srs\",", "\"id\": \"srs\", \"id\": \"other\",");
        instruments["deep-nesting.json"] = new string('[', 5000) + new string(']', 5000);
        instruments["deep-objects.json"] = string.Concat(Enumerable.Repeat("{\"a\":", 2000)) + "1" + new string('}', 2000);
        seeds["instrument-json"] = instruments;

        decimal?[][] sessions = { new decimal?[] { 9.5m, 9.5m, 9.4m, 9.6m }, new decimal?[] { 9.6m, 9.5m, 9.5m, 9.6m }, new decimal?[] { 7.0m, 7.1m, 7.0m, 7.2m }, new decimal?[] { 9.4m, 9.5m, 9.5m, 9.6m }, new decimal?[] { 8.0m, 8.1m, 8.0m, 8.2m } };
        var scores = sessions.Select((v, i) => ScoringStrategies.Sum.Score(AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(i + 1), v).GetValueOrThrow()).GetValueOrThrow());
        using ServiceProvider services = new ServiceCollection().AddTherapeuticAlliance().Services.BuildServiceProvider();
        string report = services.GetRequiredService<EpisodeAnalyzer>().Analyze(Episode.Create("seed", scores).GetValueOrThrow()).ToJson();
        seeds["report-json"] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["report.json"] = report,
            ["extreme-numbers.json"] = report.Replace("\"value\":", "\"value\": 1e308, \"x\":", StringComparison.Ordinal),
            ["duplicate-keys.json"] = ReplaceFirst(report, "\"schemaVersion\": \"2.0\",", "\"schemaVersion\": \"2.0\", \"schemaVersion\": \"1.0\","),
            ["deep-nesting.json"] = "{\"schemaVersion\":\"2.0\",\"findings\":" + new string('[', 3000) + new string(']', 3000) + "}",
            ["empty.json"] = "{}",
        };

        Assessment assessment = AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(3, new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero)), 8.8m, 9.1m, 9.0m, 9.1m).GetValueOrThrow();
        string response = AllianceFhirMapper.ToJson(AllianceFhirMapper.ToQuestionnaireResponse(assessment));
        Assessment wai = AllianceInstruments.WaiSr.CreateAssessment(Perspective.Client, Occasion.Session(1), Enumerable.Range(0, 12).Select(i => (decimal?)(1 + (i % 5))).ToArray()).GetValueOrThrow();
        seeds["fhir-questionnaire-response"] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["srs.json"] = response,
            ["wai-sr.json"] = AllianceFhirMapper.ToJson(AllianceFhirMapper.ToQuestionnaireResponse(wai)),
            ["extreme-numbers.json"] = response.Replace("8.8", "79228162514264337593543950336", StringComparison.Ordinal).Replace("9.1", "1e400", StringComparison.Ordinal),
            ["duplicate-keys.json"] = ReplaceFirst(response, "\"status\":", "\"status\": \"in-progress\", \"status\":"),
            ["deep-nesting.json"] = "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":" + string.Concat(Enumerable.Repeat("[{\"linkId\":\"1\",\"item\":", 500)) + "[]" + string.Concat(Enumerable.Repeat("}]", 500)) + "}",
        };

        const string header = "episode,session,date,perspective,instrument,item,value\n";
        string rows = string.Concat(Enumerable.Range(1, 4).Select(i => string.Create(CultureInfo.InvariantCulture, $"E1,1,2026-01-05,client,srs,{i},9\nE1,2,2026-01-12,client,srs,{i},8.5\n")));
        seeds["cli-csv"] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["long.csv"] = header + rows,
            ["wide.csv"] = "episode,session,date,perspective,instrument,1,2,3,4\nE1,1,2026-01-05,client,srs,9,9,9,9.1\nE1,2,2026-01-12,client,srs,8.8,9.1,9.0,9.1\n",
            ["totals.csv"] = "episode,session,date,perspective,instrument,total\nE1,1,2026-01-05,client,ors,21.5\nE1,2,2026-01-12,client,ors,24\n",
            ["extreme-numbers.csv"] = header + "E1,1,2026-01-05,client,srs,1,1e308\nE1,1,2026-01-05,client,srs,2,-0\nE1,1,2026-01-05,client,srs,3,NaN\nE1,1,2026-01-05,client,srs,4,79228162514264337593543950336\n",
            ["quoted.csv"] = header + "\"E\"\"1\",1,2026-01-05,client,srs,1,\"9\n\"\n",
            ["bom-crlf.csv"] = "\uFEFF" + (header + rows).Replace("\n", "\r\n", StringComparison.Ordinal),
            // Issue 28: therapist, site and team columns, a change of therapist, and an ORS session naming a second site.
            ["care-keys.csv"] = "episode,session,date,perspective,instrument,therapist,site,team,item,value\n" + string.Concat(Enumerable.Range(1, 4).Select(i => string.Create(CultureInfo.InvariantCulture,
                $"E1,1,2026-01-05,client,srs,T1,north,red,{i},9\n"))) + string.Concat(Enumerable.Range(1, 4).Select(i => string.Create(CultureInfo.InvariantCulture,
                $"E1,1,2026-01-05,client,ors,,south,,{i},6\n"))) + string.Concat(Enumerable.Range(1, 4).Select(i => string.Create(CultureInfo.InvariantCulture,
                $"E1,2,2026-01-12,client,srs,T2,north,,{i},8.5\n"))),
        };

        // A site's partial as 'alliance stats --partial' writes it: twelve synthetic WAI-SR clients over four sessions.
        var random = new Random(18);
        var waiAssessments = new List<Assessment>();
        var waiScores = new List<(string Episode, AllianceScore Score)>();
        for (int client = 0; client < 12; client++)
        {
            for (int session = 1; session <= 4; session++)
            {
                Assessment a = AllianceInstruments.WaiSr.CreateAssessment(Perspective.Client, Occasion.Session(session), Enumerable.Range(0, 12).Select(_ => (decimal?)random.Next(1, 6)).ToArray()).GetValueOrThrow();
                waiAssessments.Add(a);
                waiScores.Add(("C" + client.ToString(CultureInfo.InvariantCulture), ScoringStrategies.Sum.Score(a).GetValueOrThrow()));
            }
        }

        var site = TherapeuticAlliance.Consortium.SiteData.FromScores(waiScores.Select((s, i) => (s.Episode, s.Score, (Assessment?)waiAssessments[i])));
        string partial = TherapeuticAlliance.Consortium.SitePartial.Build(site, ScoringStrategies.Sum, 2).ToJson();
        seeds["partial-json"] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["site.json"] = partial,
            ["newer-version.json"] = ReplaceFirst(partial, "\"schemaVersion\": \"1.0\"", "\"schemaVersion\": \"9.0\""),
            ["extreme-numbers.json"] = ReplaceFirst(partial, "\"count\": 48", "\"count\": 9223372036854775807"),
            ["duplicate-keys.json"] = ReplaceFirst(partial, "\"kind\": \"alliance-site-partial\",", "\"kind\": \"alliance-site-partial\", \"kind\": \"x\","),
        };

        // A mixed-model partial of a small nested caseload (3 sites, 2 therapists each, 4 clients each), and variants.
        var post = new List<double>();
        var pre = new List<double>();
        var siteLabels = new List<string?>();
        var therapistLabels = new List<string?>();
        var mixedRandom = new Random(29);
        for (int s = 0; s < 3; s++)
        {
            for (int t = 0; t < 2; t++)
            {
                for (int c = 0; c < 4; c++)
                {
                    double intake = 10 + (mixedRandom.NextDouble() * 20);
                    pre.Add(Math.Round(intake, 1));
                    post.Add(Math.Round(5 + (0.8 * intake) + s - t + (mixedRandom.NextDouble() * 6), 1));
                    siteLabels.Add("S" + s.ToString(CultureInfo.InvariantCulture));
                    therapistLabels.Add("T" + t.ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        var frame = new Multilevel.ModelFrame(
            new Dictionary<string, IReadOnlyList<double>> { ["post"] = post, ["pre"] = pre },
            new Dictionary<string, IReadOnlyList<string?>> { ["site"] = siteLabels, ["therapist"] = therapistLabels });
        string mixed = Multilevel.LinearMixedModel.Partial("post ~ pre + (1 | site/therapist)", frame, new DisclosurePolicy { MinimumPeople = 2 }).AsT0.ToJson();
        seeds["mixed-partial-json"] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["nested.json"] = mixed,
            ["newer-version.json"] = ReplaceFirst(mixed, "\"schemaVersion\": \"1.0\"", "\"schemaVersion\": \"9.0\""),
            ["extreme-rows.json"] = ReplaceFirst(mixed, "\"rows\": 24", "\"rows\": 2147483647"),
            ["duplicate-keys.json"] = ReplaceFirst(mixed, "\"kind\": \"mixed-model-partial\",", "\"kind\": \"mixed-model-partial\", \"kind\": \"x\","),
        };

        seeds["case-mix-csv"] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["case-mix.csv"] = "episode,age,risk\nC1,34,1\nC2,NA,0\nC3,51.5,2\n",
            ["bad-name.csv"] = "episode,age group\nC1,3\n",
            ["duplicate.csv"] = "episode,age\nC1,3\nC1,4\n",
        };

        // A service partial of two sites' small caseload (a policy minimum of 2, so every group leaves), one client without a therapist.
        var serviceRandom = new Random(30);
        var episodes = new List<Service.ServiceEpisode>();
        for (int t = 0; t < 6; t++)
        {
            for (int c = 0; c < 3; c++)
            {
                double intake = Math.Round(10 + (serviceRandom.NextDouble() * 15), 1);
                int ratings = 2 + c;
                episodes.Add(new Service.ServiceEpisode("C" + ((t * 3) + c).ToString(CultureInfo.InvariantCulture), "T" + t.ToString(CultureInfo.InvariantCulture), t < 3 ? "north" : "south", intake, Math.Round(intake + 6 + t - (serviceRandom.NextDouble() * 8), 1), 5, new DateTimeOffset(2026, 1 + c, 3, 12, 0, 0, TimeSpan.Zero), ratings, 32 + t + serviceRandom.NextDouble(), ratings * serviceRandom.NextDouble(), c == 1, new Dictionary<string, double> { ["risk"] = c }));
            }
        }

        var serviceOptions = new Service.ServiceOptions { CaseMix = ["risk"], Policy = new DisclosurePolicy { MinimumPeople = 2 } };
        string service = Service.ServicePartial.Create(episodes, serviceOptions).GetValueOrThrow().ToJson();
        seeds["service-partial-json"] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["two-sites.json"] = service,
            ["newer-version.json"] = ReplaceFirst(service, "\"schemaVersion\": \"1.0\"", "\"schemaVersion\": \"9.0\""),
            ["extreme-episodes.json"] = ReplaceFirst(service, "\"episodes\": 18", "\"episodes\": 2147483647"),
            ["duplicate-keys.json"] = ReplaceFirst(service, "\"kind\": \"service-partial\",", "\"kind\": \"service-partial\", \"kind\": \"x\","),
            ["no-model.json"] = ReplaceFirst(service, "\"sitesWithout\": 0", "\"sitesWithout\": 1"),
        };

        foreach (var (target, files) in seeds)
        {
            string folder = Path.Combine(root, target);
            Directory.CreateDirectory(folder);
            foreach (var (name, text) in files)
            {
                File.WriteAllText(Path.Combine(folder, name), text, new UTF8Encoding(false));
            }
        }
    }
}
