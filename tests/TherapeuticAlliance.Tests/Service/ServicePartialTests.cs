using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Xunit;
using TherapeuticAlliance.Service;

namespace TherapeuticAlliance.Tests.Service;

/// <summary>Issue 30, part 4: the service view merges across sites through partials that carry sums, not episodes; merged, they give the pooled analysis; what the disclosure policy keeps home is counted; a hostile partial is a typed error.</summary>
public sealed class ServicePartialTests
{
    private const string Marker = "MRN-0042-MARKER";

    /// <summary>
    /// Three sites of six therapists with twelve clients each (every therapist and month group at a site above the
    /// disclosure minimum), therapist and site effects planted, 3 to 12 alliance ratings per client, a case-mix covariate.
    /// </summary>
    internal static List<ServiceEpisode> Sites(int seed = 11, int sites = 3, int therapists = 6, int clients = 12, string prefix = "T")
    {
        var random = new Random(seed);
        var episodes = new List<ServiceEpisode>();
        for (int s = 0; s < sites; s++)
        {
            double siteEffect = 1.5 * (s - 1);
            for (int t = 0; t < therapists; t++)
            {
                double effect = 3 * ((t / (double)Math.Max(1, therapists - 1)) - 0.5);
                string therapist = prefix + s.ToString(CultureInfo.InvariantCulture) + "-" + t.ToString(CultureInfo.InvariantCulture);
                double allianceLevel = 33 + effect + (2 * random.NextDouble());
                for (int c = 0; c < clients; c++)
                {
                    double intake = 10 + (15 * random.NextDouble());
                    double severity = random.NextDouble();
                    double final = intake + 7 + effect + siteEffect - (3 * severity) + (8 * (random.NextDouble() - 0.5));
                    int ratings = 3 + ((c * 7) % 10);
                    double clientLevel = allianceLevel + (3 * (random.NextDouble() - 0.5));
                    double spread = ratings * (0.5 + random.NextDouble());
                    var closed = new DateTimeOffset(2026, 1 + (c % 2), 10 + (c % 5), 12, 0, 0, TimeSpan.Zero);
                    episodes.Add(new ServiceEpisode($"{therapist}-C{c}", therapist, "site-" + s.ToString(CultureInfo.InvariantCulture), intake, final, 6, closed, ratings, clientLevel, spread, c % 3 == 0, new Dictionary<string, double> { ["severity"] = severity }));
                }
            }
        }

        return episodes;
    }

    private static readonly ServiceOptions WithCaseMix = new() { CaseMix = ["severity"] };

    private static void Near(double? expected, double? actual, double relative, string what)
    {
        Assert.True(expected.HasValue == actual.HasValue, what + ": one is missing");
        if (expected is { } e && actual is { } a)
        {
            Assert.True(Math.Abs(e - a) <= relative * Math.Max(Math.Abs(e), 1e-3), $"{what}: expected {e:R}, got {a:R}");
        }
    }

    private static ServicePartial RoundTrip(ServicePartial partial) => ServicePartial.FromJson(partial.ToJson()).GetValueOrThrow();

    private static void SameAnalysis(ServiceAnalysis pooled, ServiceAnalysis merged)
    {
        Assert.Equal(pooled.Episodes, merged.Episodes);
        Assert.Equal(pooled.Benchmarks.Length, merged.Benchmarks.Length);
        foreach (var (p, m) in pooled.Benchmarks.Zip(merged.Benchmarks))
        {
            string what = ServiceCodes.ToCode(p.Grouping) + " row";
            Assert.Equal((p.Grouping, p.Group, p.Episodes, p.Paired, p.Withheld, p.Cases), (m.Grouping, m.Group, m.Episodes, m.Paired, m.Withheld, m.Cases));
            foreach (var (e, a) in new[] { (p.IntakeMean, m.IntakeMean), (p.FinalMean, m.FinalMean), (p.EffectSize, m.EffectSize), (p.EffectSizeLow, m.EffectSizeLow), (p.EffectSizeHigh, m.EffectSizeHigh), (p.SeverityAdjustedEffectSize, m.SeverityAdjustedEffectSize), (p.ReliableImprovement, m.ReliableImprovement), (p.ReliableDeterioration, m.ReliableDeterioration), (p.Recovery, m.Recovery), (p.ReliableRecovery, m.ReliableRecovery), (p.ReachedTarget, m.ReachedTarget), (p.AllianceMean, m.AllianceMean), (p.Completeness, m.Completeness) })
            {
                Near(e, a, 1e-9, what);
            }
        }

        foreach (var (p, m) in new[] { (pooled.Outcome, merged.Outcome), (pooled.Alliance, merged.Alliance) })
        {
            TherapistEffectsAnalysis a = p.GetValueOrThrow(), b = m.GetValueOrThrow();
            Assert.Equal(a.Formula, b.Formula);
            Assert.Equal((a.Episodes, a.LeftOut, a.ClientsForTargetReliability), (b.Episodes, b.LeftOut, b.ClientsForTargetReliability));
            foreach (var (x, y) in a.Shares.Zip(b.Shares))
            {
                Assert.Equal((x.Group, x.Levels), (y.Group, y.Levels));
                Near(x.Share, y.Share, 1e-6, "share " + x.Group);
                Near(x.Lower, y.Lower, 1e-5, "lower " + x.Group);
                Near(x.Upper, y.Upper, 1e-5, "upper " + x.Group);
            }

            Assert.Equal(a.Therapists.Select(t => (t.Therapist, t.Site, t.Clients, t.Classification)).OrderBy(t => t.Therapist, StringComparer.Ordinal).ToArray(), b.Therapists.Select(t => (t.Therapist, t.Site, t.Clients, t.Classification)).OrderBy(t => t.Therapist, StringComparer.Ordinal).ToArray());
            foreach (TherapistEffect t in a.Therapists)
            {
                Near(t.Effect, b.Therapists.Single(x => x.Therapist == t.Therapist).Effect, 1e-5, "effect");
            }
        }

        AllianceDependability d = pooled.Dependability.GetValueOrThrow(), e2 = merged.Dependability.GetValueOrThrow();
        Near(d.TherapistVariance, e2.TherapistVariance, 1e-6, "therapist variance");
        Near(d.ClientVariance, e2.ClientVariance, 1e-6, "client variance");
        Near(d.ResidualVariance, e2.ResidualVariance, 1e-9, "residual variance");
        Near(d.RemlCriterion, e2.RemlCriterion, 1e-10, "REML criterion");
        Assert.Equal((d.SessionsPerClient, d.ClientsPerTherapist), (e2.SessionsPerClient, e2.ClientsPerTherapist));
    }

    [Fact]
    public void SitesPartials_ReadBackAndMerged_GiveThePooledAnalysis()
    {
        List<ServiceEpisode> all = Sites();
        ServicePartial[] partials = all.GroupBy(e => e.Site).Select(site => RoundTrip(ServicePartial.Create(site, WithCaseMix).GetValueOrThrow())).ToArray();
        ServicePartial merged = ServicePartial.Merge(partials).GetValueOrThrow();
        Assert.Equal((216, 3), (merged.Episodes, merged.Sites));
        ServiceAnalysis fromPartials = ServiceAnalysis.FromPartial(merged, WithCaseMix);
        ServiceAnalysis pooled = ServiceAnalysis.Run(all, WithCaseMix);
        Assert.Contains("(1 | site)", fromPartials.Outcome.GetValueOrThrow().Formula, StringComparison.Ordinal);
        Assert.Empty(fromPartials.Notes);
        SameAnalysis(pooled, fromPartials);

        // The merged partial travels too: written, read, analysed again, the same.
        SameAnalysis(pooled, ServiceAnalysis.FromPartial(RoundTrip(merged), WithCaseMix));
    }

    [Fact]
    public void OneSitesPartial_IsAnalysedWithoutTheSiteFactor_AsItsEpisodesAre()
    {
        List<ServiceEpisode> site = Sites(sites: 1, therapists: 8);
        ServiceAnalysis fromPartial = ServiceAnalysis.FromPartial(RoundTrip(ServicePartial.Create(site).GetValueOrThrow()));
        Assert.Equal("final ~ intake + (1 | therapist)", fromPartial.Outcome.GetValueOrThrow().Formula);
        SameAnalysis(ServiceAnalysis.Run(site), fromPartial);
    }

    [Fact]
    public void SmallGroups_StayAtTheirSite_AndTheMergedViewCountsThem()
    {
        // A therapist with 4 clients at one site: below the minimum of 10, so neither their benchmark row, their
        // model rows nor their dependability cells leave the site; the merged view says so and names no one.
        List<ServiceEpisode> all = Sites(prefix: "T");
        all.AddRange(Sites(seed: 3, sites: 1, therapists: 2, clients: 4, prefix: Marker).Select(e => new ServiceEpisode(e.Client, e.Therapist, "site-0", e.Intake, e.Final, 6, e.Closed, e.AllianceSessions, e.AllianceMean, e.AllianceSumOfSquares, null, e.CaseMix)));
        ServicePartial[] partials = all.GroupBy(e => e.Site).Select(site => ServicePartial.Create(site).GetValueOrThrow()).ToArray();
        string json = partials[0].ToJson();
        Assert.DoesNotContain(Marker, json, StringComparison.Ordinal);
        Assert.Contains("T0-1", json, StringComparison.Ordinal);

        // The two small therapists hold 8 clients together: withheld alone, the caseload's sums less the released ones
        // would describe those 8, so the smallest released therapist (12 clients) is withheld with them (20 left out).
        ServiceAnalysis merged = ServiceAnalysis.FromPartial(ServicePartial.Merge(partials.Select(RoundTrip)).GetValueOrThrow());
        Assert.True(merged.Notes.Any(n => n.Contains("0 site, 3 therapist and 0 month group(s)", StringComparison.Ordinal)), string.Join("\n", merged.Notes));
        Assert.Contains(merged.Notes, n => n.Contains("left 3 therapist(s) out of the dependability", StringComparison.Ordinal));
        TherapistEffectsAnalysis outcome = merged.Outcome.GetValueOrThrow();
        Assert.True(outcome.Notes.Any(n => n.StartsWith("3 therapist(s) were left out of the sites' partials", StringComparison.Ordinal)), string.Join("\n", outcome.Notes));
        Assert.Equal(20, outcome.LeftOut);
        Assert.Equal(17, outcome.Therapists.Length);
        Assert.Equal(224, merged.Benchmarks.Single(b => b.Grouping == ServiceGrouping.Caseload).Episodes);
        Assert.DoesNotContain(merged.Benchmarks, b => b.Group.StartsWith(Marker, StringComparison.Ordinal));
        Assert.DoesNotContain(Marker, merged.Summary(), StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, merged.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ASiteBelowTheMinimum_MakesNoPartial_AndSaysWhatToDo()
    {
        ServicePartialResult result = ServicePartial.Create(Sites(sites: 1, therapists: 1, clients: 9, prefix: Marker));
        Assert.Equal(ServiceErrorKind.Disclosure, result.AsT1.Kind);
        Assert.Contains("fewer episodes than the disclosure policy's minimum (10)", result.AsT1.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, result.AsT1.Message, StringComparison.Ordinal);

        // Enough episodes, but 4 pre-post pairs: their means would describe 4 people, so no partial either.
        List<ServiceEpisode> unpaired = Sites(sites: 1, therapists: 2, clients: 10).Select((e, i) => i < 4 ? e : new ServiceEpisode(e.Client, e.Therapist, e.Site, e.Intake, null, 1, e.Closed, e.AllianceSessions, e.AllianceMean, e.AllianceSumOfSquares)).ToList();
        Assert.Contains("fewer pre-post pairs", ServicePartial.Create(unpaired).AsT1.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PartialsOfOtherSettings_DoNotMerge_AndTheMessageSaysWhich()
    {
        List<ServiceEpisode> all = Sites();
        ServicePartial a = ServicePartial.Create(all.Where(e => e.Site == "site-0")).GetValueOrThrow();
        ServicePartial b = ServicePartial.Create(all.Where(e => e.Site == "site-1"), new ServiceOptions { ReliableChange = 6 }).GetValueOrThrow();
        ServiceError error = ServicePartial.Merge(new[] { a, b }).AsT1;
        Assert.Equal(ServiceErrorKind.UnreadablePartial, error.Kind);
        Assert.StartsWith("Partial 2 was made with other settings", error.Message, StringComparison.Ordinal);

        // The analysis takes the partial's settings, whatever its own options say about them.
        Assert.Equal(6, ServiceAnalysis.FromPartial(b, new ServiceOptions { ReliableChange = 9, Level = 0.9 }).Options.ReliableChange);
        Assert.Equal(0.9, ServiceAnalysis.FromPartial(b, new ServiceOptions { Level = 0.9 }).Options.Level);
    }

    [Fact]
    public void ThePartialsShape_ShowsNoLabel()
    {
        ServicePartial partial = ServicePartial.Create(Sites(prefix: Marker)).GetValueOrThrow();
        Assert.Equal("service partial: 216 episodes from 1 site partial(s)", partial.ToString());
        Assert.Equal("service-partial", ServicePartial.Kind);
        Assert.StartsWith("{\n  \"kind\": \"service-partial\",\n  \"schemaVersion\": \"1.0\"", partial.ToJson().Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void ImpossibleSums_AreRefused_NamingTheField()
    {
        string json = ServicePartial.Create(Sites()).GetValueOrThrow().ToJson();
        // The caseload's counts: 216 episodes, 216 pairs; claiming 300 pairs is impossible.
        string bad = new System.Text.RegularExpressions.Regex("(\"counts\": \\[\\s*216,\\s*)216").Replace(json, "${1}300", 1);
        Assert.NotEqual(json, bad);
        ServiceError error = ServicePartial.FromJson(bad).AsT1;
        Assert.Equal(ServiceErrorKind.UnreadablePartial, error.Kind);
        Assert.StartsWith("group 1: its counts or sums are impossible", error.Message, StringComparison.Ordinal);
        Assert.Equal(ServiceErrorKind.UnreadablePartial, ServicePartial.FromJson("{\"kind\":\"service-partial\",\"schemaVersion\":\"1.0\",\"settings\":{},\"settings\":{}}").AsT1.Kind);
        Assert.Equal(ServiceErrorKind.UnreadablePartial, ServicePartial.FromJson(new MemoryStream(new byte[(16 * 1024 * 1024) + 10])).AsT1.Kind);
    }

    [Fact]
    public void ReadablePartialsWithImpossibleCounts_NumbersOrNames_AreRefusedBeforeTheyOverflowOrEcho()
    {
        // Found by review: each of these read, then threw on merging or analysing (checked arithmetic, non-finite sums),
        // or put the file's text into the summary.
        string json = ServicePartial.Create(Sites(), WithCaseMix).GetValueOrThrow().ToJson();
        var regex = (string pattern) => new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(5));
        string Error(string text)
        {
            ServicePartialResult result = ServicePartial.FromJson(text);
            Assert.False(result.IsSuccess);
            Assert.Equal(ServiceErrorKind.UnreadablePartial, result.AsT1.Kind);
            Assert.DoesNotContain("SECRET", result.AsT1.Message, StringComparison.Ordinal);
            return result.AsT1.Message;
        }

        // A therapist's group claiming two billion episodes (more than the caseload's 216).
        string huge = regex("(\"grouping\": \"therapist\",\\s*\"group\": \"[^\"]+\",\\s*\"counts\": \\[\\s*)12,").Replace(json, "${1}2000000000,", 1);
        Assert.NotEqual(json, huge);
        Assert.Contains("more episodes, pairs, rated episodes, cases or targets than the caseload", Error(huge), StringComparison.Ordinal);
        // A sum of 1e308 (its merge with a copy would be infinite).
        string big = regex("(\"sums\": \\[\\s*)[-0-9.eE+]+,").Replace(json, "${1}1e308,", 1);
        Assert.Contains("at most 1e150 in size", Error(big), StringComparison.Ordinal);
        // An instrument name carrying a line break and text, and a month that is not yyyy-MM.
        Assert.Contains("instrument identifier", Error(json.Replace("\"outcomeInstrument\": \"ors\"", "\"outcomeInstrument\": \"ors\\nSECRET\"", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("month group is named yyyy-MM", Error(json.Replace("\"group\": \"2026-01\"", "\"group\": \"SECRET\"", StringComparison.Ordinal)), StringComparison.Ordinal);
        // The regression's count must be the caseload's adjusted episodes.
        Assert.Contains("regression: its count and means disagree", Error(regex("(\"regression\": \\{\\s*\"count\": )\\d+").Replace(json, "${1}7", 1)), StringComparison.Ordinal);

        // And the rounding of a count near int.MaxValue no longer overflows (DisclosurePolicy.Count).
        Assert.Equal(2147483646, new DisclosurePolicy { RoundCountsTo = 2 }.Count(int.MaxValue));
        Assert.Equal(2147483645, new DisclosurePolicy { RoundCountsTo = 5 }.Count(int.MaxValue));
    }

    [Fact]
    public void MutatedPartials_AreATypedErrorOrAPartial_NeverAnException_AndQuoteNothing()
    {
        string json = ServicePartial.Create(Sites(prefix: Marker)).GetValueOrThrow().ToJson();
        var random = new Random(20261202);   // this seed, at 1,500 mutations, found the profile interval's exception on a criterion that is not a number (MixedModelFit.Root)
        string[] replacements = { "-1", "1e308", "\"x\"", "null", "[]", "{}", "2147483648", "0.5", "\"\\udc00\"", "true" };
        int errors = 0;
        for (int i = 0; i < 1500; i++)
        {
            var text = new StringBuilder(json);
            int position = random.Next(text.Length);
            switch (i % 4)
            {
                case 0:
                    text.Remove(position, Math.Min(1 + random.Next(8), text.Length - position));
                    break;
                case 1:
                    text[position] = (char)random.Next(32, 127);
                    break;
                case 2:
                    text.Length = position;
                    break;
                default:
                    // A number token replaced by another value.
                    int digit = json.IndexOfAny("0123456789".ToCharArray(), position);
                    if (digit < 0)
                    {
                        continue;
                    }

                    int end = digit;
                    while (end < json.Length && "0123456789.eE+-".Contains(json[end], StringComparison.Ordinal))
                    {
                        end++;
                    }

                    text.Remove(digit, end - digit).Insert(digit, replacements[random.Next(replacements.Length)]);
                    break;
            }

            ServicePartialResult result = ServicePartial.FromJson(text.ToString());
            if (!result.IsSuccess)
            {
                errors++;
                Assert.DoesNotContain(Marker, result.AsT1.Message, StringComparison.Ordinal);
            }
            else
            {
                // What reads must analyse without an exception.
                _ = ServiceAnalysis.FromPartial(result.AsT0).Summary();
            }
        }

        Assert.True(errors > 750, errors.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The law behind merging: however the episodes are split among sites, the merged benchmarks are the pooled ones.</summary>
    [Property(MaxTest = 25)]
    public bool AnySplitOfTheEpisodes_MergesToThePooledBenchmarks(PositiveInt seed, PositiveInt parts)
    {
        var options = new ServiceOptions { CaseMix = ["severity"], Policy = new DisclosurePolicy { MinimumPeople = 1 } };
        List<ServiceEpisode> all = Sites(seed: seed.Get % 1000, sites: 2, therapists: 5, clients: 3);
        int k = 1 + (parts.Get % 5);
        var random = new Random(seed.Get);
        ServicePartial[] partials = all.GroupBy(_ => random.Next(k)).Select(g => ServicePartial.Create(g, options)).Where(r => r.IsSuccess).Select(r => RoundTrip(r.AsT0)).ToArray();
        var merged = ServiceAnalysis.FromPartial(ServicePartial.Merge(partials).GetValueOrThrow(), options).Benchmarks;
        var pooled = ServiceBenchmarks.Compute(all, options);
        return merged.Length == pooled.Length && merged.Zip(pooled).All(p => p.First.Group == p.Second.Group && p.First.Episodes == p.Second.Episodes
            && Close(p.First.EffectSize, p.Second.EffectSize) && Close(p.First.SeverityAdjustedEffectSize, p.Second.SeverityAdjustedEffectSize) && Close(p.First.EffectSizeLow, p.Second.EffectSizeLow) && Close(p.First.AllianceMean, p.Second.AllianceMean) && Close(p.First.Recovery, p.Second.Recovery));
    }

    private static bool Close(double? a, double? b) => a.HasValue == b.HasValue && (a is null || Math.Abs(a.Value - b!.Value) <= 1e-9 * Math.Max(1, Math.Abs(a.Value)));
}
