using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Consortium;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Schema;
using TherapeuticAlliance.Scoring;

namespace TherapeuticAlliance.Tests.Consortium;

public sealed class SitePartialTests
{
    /// <summary>A site's caseload: each client's WAI-SR and client and therapist Alliance Profiles over four sessions.</summary>
    private static List<(string Episode, AllianceScore Score, Assessment? Assessment)> Caseload(int seed, int clients)
    {
        var random = new Random(seed);
        var rows = new List<(string, AllianceScore, Assessment?)>();
        for (int client = 0; client < clients; client++)
        {
            string id = "S" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + client.ToString(System.Globalization.CultureInfo.InvariantCulture);
            int level = random.Next(2, 5);
            for (int session = 1; session <= 4; session++)
            {
                Assessment wai = AllianceInstruments.WaiSr.CreateAssessment(Perspective.Client, Occasion.Session(session), Enumerable.Range(0, 12).Select(_ => (decimal?)Math.Clamp(level + random.Next(-1, 2), 1, 5)).ToArray()).GetValueOrThrow();
                rows.Add((id, ScoringStrategies.Sum.Score(wai).GetValueOrThrow(), wai));
                foreach (Perspective perspective in new[] { Perspective.Client, Perspective.Therapist })
                {
                    Assessment profile = AllianceInstruments.AllianceProfile.CreateAssessment(perspective, Occasion.Session(session), Enumerable.Range(0, 9).Select(_ => (decimal?)random.Next(3, 8)).ToArray()).GetValueOrThrow();
                    rows.Add((id, ScoringStrategies.Sum.Score(profile).GetValueOrThrow(), profile));
                }
            }
        }

        return rows;
    }

    [Property(MaxTest = 15)]
    public Property SitesMerged_InAnyOrder_GiveThePooledStatistics()
    {
        Gen<(int Sites, int Seed)> cases = from sites in Gen.Choose(1, 6) from seed in Gen.Choose(1, 1000) select (sites, seed);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var parts = Enumerable.Range(0, c.Sites).Select(s => Caseload(c.Seed + s, 12)).ToList();
            SiteStatistics pooled = SiteStatistics.FromData(SiteData.FromScores(parts.SelectMany(p => p)), ScoringStrategies.Sum);
            var partials = parts.Select(p => SitePartial.FromJson(SitePartial.Build(SiteData.FromScores(p), ScoringStrategies.Sum, 10).ToJson()).GetValueOrThrow()).Reverse().ToList();
            SiteStatistics merged = SitePartial.Merge(partials).GetValueOrThrow().ToStatistics();

            Assert.Equal(pooled.Lines.Select(l => (l.InstrumentId, l.Scope, l.Statistic, l.N)), merged.Lines.Select(l => (l.InstrumentId, l.Scope, l.Statistic, l.N)));
            foreach (var (p, m) in pooled.Lines.Zip(merged.Lines))
            {
                Assert.True(double.IsNaN(p.Value) ? double.IsNaN(m.Value) : Math.Abs(p.Value - m.Value) <= 1e-9 * Math.Max(1, Math.Abs(p.Value)), $"{p} against {m}");
            }

            Assert.All(pooled.Lines, l => Assert.Contains(l.Statistic, StatisticNames.All));
        });
    }

    [Fact]
    public void APartial_NamesNoEpisode_AndAMalformedOneIsATypedError()
    {
        var rows = Caseload(3, 12);
        string json = SitePartial.Build(SiteData.FromScores(rows), ScoringStrategies.Sum, 10).ToJson();
        Assert.DoesNotContain("S3-", json, StringComparison.Ordinal);

        foreach (string bad in new[] { "[]", "{", json.Replace("alliance-site-partial", "other", StringComparison.Ordinal), json.Replace("\"schemaVersion\": \"1.0\"", "\"schemaVersion\": \"9.0\"", StringComparison.Ordinal) })
        {
            PartialResult<SitePartial> read = SitePartial.FromJson(bad);
            Assert.False(read.IsSuccess);
            Assert.Equal("invalid-partial", read.Error!.Code);
        }
    }

    [Fact]
    public void AScopeWithTooFewRows_IsWithheld_AndSaidWithoutItsCount()
    {
        // Two clients: 8 WAI-SR rows, 16 Alliance Profile rows and 8 client-therapist pairs, all under a minimum of 20.
        SitePartial partial = SitePartial.Build(SiteData.FromScores(Caseload(5, 2)), ScoringStrategies.Sum, 20);
        Assert.Empty(partial.Statistics);
        Assert.Contains("wai-sr/total withheld: fewer complete rows than the site's minimum.", partial.Notes);
        Assert.Contains("alliance-profile/client-therapist withheld: fewer complete rows than the site's minimum.", partial.Notes);
        Assert.DoesNotContain(partial.Notes, n => n.Contains("16", StringComparison.Ordinal) || n.Contains(" 8 ", StringComparison.Ordinal));
    }

    [Fact]
    public void LeadingNotes_AreCleanedAndCut()
    {
        SitePartial partial = SitePartial.Build(SiteData.FromScores(Caseload(5, 12)), ScoringStrategies.Sum, 10).WithLeadingNotes(new[] { "line\nbreak", new string('x', 1000) });
        Assert.Equal("line?break", partial.Notes[0]);
        Assert.Equal(SitePartial.MaximumNoteLength + 1, partial.Notes[1].Length);
        Assert.Throws<ArgumentException>(() => SitePartial.Build(SiteData.FromScores(Caseload(5, 2)), ScoringStrategies.Sum, 0));
        Assert.Throws<ArgumentException>(() => SitePartial.Merge(Array.Empty<SitePartial>()));
    }
}
