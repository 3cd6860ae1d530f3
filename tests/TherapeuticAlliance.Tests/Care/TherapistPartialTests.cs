using TherapeuticAlliance.Consortium;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Statistics;
using TherapeuticAlliance.Tests.Trends;

namespace TherapeuticAlliance.Tests.Care;

/// <summary>Issue 28, part 5: a site's partial keeps per-therapist outcome statistics under the site's minimum, without identifiers, and partials of sites concatenate them.</summary>
public sealed class TherapistPartialTests
{
    /// <summary>Each therapist's clients: an ORS series from intake to final, keyed by therapist at every session.</summary>
    private static SiteData Site(params (string Therapist, int Clients, double Intake, double Gain)[] caseloads)
    {
        var rows = new List<(string, AllianceScore, Assessment?, CareKeys)>();
        int n = 0;
        foreach ((string therapist, int clients, double intake, double gain) in caseloads)
        {
            for (int c = 0; c < clients; c++, n++)
            {
                string id = "C" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                double first = intake + (c % 5);
                foreach (AllianceScore score in TrendTestData.Ors(first, first + (gain / 2), first + gain).Scores)
                {
                    rows.Add((id, score, null, new CareKeys(therapist, "north")));
                }
            }
        }

        return SiteData.FromScores(rows);
    }

    [Fact]
    public void APartial_KeepsEachCaseloadsIntakeAndFinalMoments_AndWithholdsSmallCaseloads_WithoutIdentifiers()
    {
        SitePartial partial = SitePartial.Build(Site(("SECRET-T1", 12, 18, 6), ("SECRET-T2", 10, 20, 2), ("SECRET-T3", 4, 15, 1)), ScoringStrategies.Sum, 10);

        Assert.Equal(2, partial.Therapists.Length);
        Assert.Equal(1, partial.TherapistsWithheld);
        CareGroupPartial first = partial.Therapists[0];   // the larger caseload first
        Assert.Equal(12, first.Clients);
        SufficientStatistics ors = Assert.Single(first.Statistics);
        Assert.Equal(("ors/intake-final", 12L), (ors.Scope, ors.Count));
        double meanIntake = Enumerable.Range(0, 12).Average(c => 18.0 + (c % 5));
        Assert.Equal(meanIntake, ors.Mean(0), 12);
        Assert.Equal(meanIntake + 6, ors.Mean(1), 12);
        Assert.Equal(ors.Comoment(0, 0), ors.Comoment(1, 1), 9);   // final = intake + 6: the same spread
        Assert.DoesNotContain(partial.Notes, n => n.Contains("therapist", StringComparison.Ordinal));   // counted in the document, not a note

        string json = partial.ToJson();
        Assert.DoesNotContain("SECRET", json, StringComparison.Ordinal);
        Assert.Contains("2 therapist group(s)", partial.ToString(), StringComparison.Ordinal);
        SitePartial back = SitePartial.FromJson(json).GetValueOrThrow();
        Assert.Equal(partial.Therapists.Select(t => (t.Clients, t.Statistics.Single().Count, t.Statistics.Single().Mean(1))), back.Therapists.Select(t => (t.Clients, t.Statistics.Single().Count, t.Statistics.Single().Mean(1))));
        Assert.Equal(1, back.TherapistsWithheld);
        Assert.Equal(json, back.ToJson());
    }

    [Fact]
    public void Merging_ListsEverySitesCaseloads_NeverPoolingTwoSitesTherapists()
    {
        SitePartial a = SitePartial.Build(Site(("T1", 12, 18, 6)), ScoringStrategies.Sum, 10);
        SitePartial b = SitePartial.Build(Site(("T1", 10, 20, 2), ("T2", 3, 20, 2)), ScoringStrategies.Sum, 10);
        SitePartial merged = SitePartial.Merge(new[] { a, b }).GetValueOrThrow();
        Assert.Equal(new[] { 12, 10 }, merged.Therapists.Select(t => t.Clients));   // "T1" of each site stays two groups
        Assert.Equal(1, merged.TherapistsWithheld);
        Assert.Equal(2, merged.Sites);
    }

    [Fact]
    public void MergingWithheldCountsPastInt32_IsAnInvalidPartial_NotAnOverflow()
    {
        string json = SitePartial.Build(Site(("T1", 12, 18, 6), ("T2", 3, 18, 6)), ScoringStrategies.Sum, 10).ToJson()
            .Replace("\"therapistsWithheld\": 1", "\"therapistsWithheld\": 2147483647", StringComparison.Ordinal);
        SitePartial big = SitePartial.FromJson(json).GetValueOrThrow();
        Assert.Contains("merge fewer sites", SitePartial.Merge(new[] { big, big }).AsT1.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DataWithoutTherapists_WritesNoTherapistsArray_AndSuchPartialsStillRead()
    {
        var rows = TrendTestData.Ors(20, 22, 25).Scores.Select(s => ("C1", s, (Assessment?)null)).ToList();
        SitePartial partial = SitePartial.Build(SiteData.FromScores(rows), ScoringStrategies.Sum, 1);
        Assert.Empty(partial.Therapists);
        string json = partial.ToJson();
        Assert.DoesNotContain("therapists", json, StringComparison.Ordinal);
        Assert.Empty(SitePartial.FromJson(json).GetValueOrThrow().Therapists);
    }

    [Theory]
    [InlineData("\"therapists\": []")]                                                         // no withheld count
    [InlineData("\"therapistsWithheld\": 0")]                                                  // no array
    [InlineData("\"therapists\": {}, \"therapistsWithheld\": 0")]
    [InlineData("\"therapists\": [], \"therapistsWithheld\": -1")]
    [InlineData("\"therapists\": [{\"clients\": 0, \"statistics\": []}], \"therapistsWithheld\": 0")]
    [InlineData("\"therapists\": [{\"clients\": 3}], \"therapistsWithheld\": 0")]
    [InlineData("\"therapists\": [7], \"therapistsWithheld\": 0")]
    public void AMalformedTherapistsPart_IsAnInvalidPartial_NamingIt(string part)
    {
        string json = SitePartial.Build(Site(("T1", 12, 18, 6)), ScoringStrategies.Sum, 10).ToJson();
        int at = json.IndexOf("\"therapists\"", StringComparison.Ordinal);
        string broken = string.Concat(json.AsSpan(0, at), part, "\n}");
        InvalidPartial error = SitePartial.FromJson(broken).AsT1;
        Assert.Contains("therapists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStatisticsEntryOverMoreClientsThanItsCaseload_OrOfAnotherScope_IsRefused()
    {
        SitePartial partial = SitePartial.Build(Site(("T1", 12, 18, 6)), ScoringStrategies.Sum, 10);
        string json = partial.ToJson();
        Assert.Contains("therapists entry 1", SitePartial.FromJson(json.Replace("\"clients\": 12", "\"clients\": 11", StringComparison.Ordinal)).AsT1.Message, StringComparison.Ordinal);
        Assert.Contains("therapists entry 1", SitePartial.FromJson(json.Replace("ors/intake-final", "ors/total", StringComparison.Ordinal)).AsT1.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASessionWhoseAdministrationsNameTwoTherapists_KeepsNoKeys_AndANoteCountsIt()
    {
        var rows = new List<(string, AllianceScore, Assessment?, CareKeys)>();
        AllianceScore[] ors = TrendTestData.Ors(20, 22).Scores.ToArray();
        AllianceScore[] srs = TrendTestData.Srs(30, 31).Scores.ToArray();
        rows.Add(("C1", ors[0], null, new CareKeys("T1")));
        rows.Add(("C1", srs[0], null, new CareKeys("T2")));
        rows.Add(("C1", ors[1], null, new CareKeys("T1")));
        rows.Add(("C1", srs[1], null, new CareKeys(site: "north")));
        SiteData data = SiteData.FromScores(rows);
        Assert.Contains(data.Notes, n => n.StartsWith("1 session(s) name different therapists", StringComparison.Ordinal));
        TherapeuticAlliance.Trends.Episode episode = data.Episodes.First(e => e.InstrumentId == "ors");
        Assert.Equal(new[] { CareKeys.None, new CareKeys("T1", "north") }, episode.Care.ToArray());
        Assert.Throws<ArgumentNullException>(() => SiteData.FromScores(new[] { ("C1", ors[0], (Assessment?)null, (CareKeys)null!) }));
    }
}
