using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Schema;
using TherapeuticAlliance.Tables;
using TherapeuticAlliance.Tests.Trends;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Care;

/// <summary>Issue 28, parts 3 and 4: caseloads grouped by therapist and site, under one disclosure policy.</summary>
public sealed class DisclosureAndGroupsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, null)]
    [InlineData(7, null)]
    [InlineData(8, 10)]
    [InlineData(12, 10)]
    [InlineData(13, 15)]
    [InlineData(22, 20)]
    [InlineData(23, 25)]
    public void OpenSafely_WithholdsCountsOfOneToSeven_AndRoundsTheRestToFive(int count, int? shown) =>
        Assert.Equal(shown, DisclosurePolicy.OpenSafely.Count(count));

    [Fact]
    public void TheDefault_WithholdsStatisticsOverFewerThanTen_AndShowsCountsAsTheyAre()
    {
        Assert.False(DisclosurePolicy.Default.Allows(9));
        Assert.True(DisclosurePolicy.Default.Allows(10));
        Assert.Equal(3, DisclosurePolicy.Default.Count(3));
        Assert.False(DisclosurePolicy.OpenSafely.Allows(7));
        Assert.True(DisclosurePolicy.OpenSafely.Allows(8));
        Assert.Throws<ArgumentOutOfRangeException>(() => DisclosurePolicy.Default.Count(-1));
    }

    [Fact]
    public void APolicyOutOfRange_IsAGuard_ListingEveryProblem()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => new DisclosurePolicy { MinimumPeople = 0, RoundCountsTo = 0 }.Validate());
        Assert.Contains("MinimumPeople", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RoundCountsTo", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CaseloadGroups.Summarise(Array.Empty<AllianceReport>(), CareKeyKind.Therapist, new DisclosurePolicy { RoundCountsTo = 101 }));
    }

    [Property(MaxTest = 300)]
    public bool EveryCountShown_IsZeroOrAtLeastTheMinimum_AndAMultipleOfTheRounding(PositiveInt minimum, PositiveInt rounding, NonNegativeInt count)
    {
        var policy = new DisclosurePolicy { MinimumPeople = Math.Min(minimum.Get, 50), RoundCountsTo = Math.Min(rounding.Get, 100), SuppressSmallCounts = true };
        int? shown = policy.Count(count.Get % 10_000);
        return shown is null || (shown % policy.RoundCountsTo == 0 && (count.Get % 10_000 == 0 || count.Get % 10_000 >= policy.MinimumPeople));
    }

    /// <summary>A caseload of <paramref name="perTherapist"/> clients per therapist: each client an SRS and an ORS series.</summary>
    private static ImmutableArray<AllianceReport> Caseload(params (string Therapist, string Site, int Clients)[] perTherapist)
    {
        var episodes = new List<Episode>();
        int n = 0;
        foreach ((string therapist, string site, int clients) in perTherapist)
        {
            for (int c = 0; c < clients; c++, n++)
            {
                var keys = Enumerable.Range(1, 4).ToDictionary(s => s, _ => new CareKeys(therapist, site));
                string id = "C" + n.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
                Episode srs = Episode.Create(id, TrendTestData.Srs(36, 37, 38, 38).Scores, TrendTestData.Srs(36).Cutoff).GetValueOrThrow().WithCare(keys);
                Episode ors = Episode.Create(id, TrendTestData.Ors(20, 24, 28, 30 + (c % 3)).Scores).GetValueOrThrow().WithCare(keys);
                episodes.Add(srs);
                episodes.Add(ors);
            }
        }

        return EpisodeAnalyzer.Default.AnalyzeCaseload(episodes);
    }

    [Fact]
    public void Groups_CountClientsAndSeries_AndWithholdAGroupBelowTheMinimum_WholeAndCounted()
    {
        CaseloadGroups groups = CaseloadGroups.Summarise(Caseload(("T1", "north", 12), ("T2", "north", 4)), CareKeyKind.Therapist);

        Assert.Equal(new[] { "T1", "T2" }, groups.Groups.Select(g => g.Key));
        CaseloadGroup t1 = groups.Groups[0];
        Assert.Equal((12, 24), (t1.Clients, t1.Episodes));
        Assert.Equal(12, t1.Act + t1.Watch + t1.NoAlert);
        Assert.Equal((12, 12, 1.0), (t1.AllianceClients, t1.OutcomeClients, t1.PairedOutcomeShare));
        Assert.Equal(100.0 * 38 / 40, t1.MeanAlliance!.Value, 9);                            // the latest SRS, POMP
        Assert.Equal(100.0 * (10 + (4 * 1 + 4 * 2) / 12.0) / 40, t1.MeanOutcomeChange!.Value, 9); // last minus first ORS, POMP
        Assert.False(t1.Withheld);
        Assert.Equal(0, t1.WithheldStatistics);

        CaseloadGroup t2 = groups.Groups[1];
        Assert.True(t2.Withheld);
        Assert.Equal(new int?[] { null, null, null, null, null, null, null }, new[] { t2.Clients, t2.Episodes, t2.Act, t2.Watch, t2.NoAlert, t2.AllianceClients, t2.OutcomeClients });
        Assert.Null(t2.MeanAlliance);
        Assert.Equal((1, 10), (groups.WithheldGroups, groups.WithheldStatistics));
        Assert.Equal("2 groups by therapist; 1 groups and 10 statistics withheld (fewer than 10 people)", groups.ToString());
        Assert.Equal("group withheld", t2.ToString());
        Assert.DoesNotContain("T1", t1.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BySite_AClientWithoutKeys_FormsTheGroupWithoutAKey_Last()
    {
        ImmutableArray<AllianceReport> keyed = Caseload(("T1", "north", 10));
        ImmutableArray<AllianceReport> plain = EpisodeAnalyzer.Default.AnalyzeCaseload(new[] { Episode.Create("Z", TrendTestData.Srs(36, 37).Scores).GetValueOrThrow() });
        CaseloadGroups groups = CaseloadGroups.Summarise(keyed.AddRange(plain), CareKeyKind.Site, new DisclosurePolicy { MinimumPeople = 1 });
        Assert.Equal(new[] { "north", null }, groups.Groups.Select(g => g.Key));
        CaseloadGroup none = groups.Groups[1];
        Assert.Equal((1, 0, 0.0), (none.Clients, none.OutcomeClients, none.PairedOutcomeShare));
        Assert.Null(none.MeanOutcomeChange);   // no data, not withheld
        Assert.Equal(0, none.WithheldStatistics);
    }

    [Fact]
    public void OpenSafely_RoundsEveryCount_AndWithholdsSmallOnes_CountingWhatItWithheld()
    {
        CaseloadGroups groups = CaseloadGroups.Summarise(Caseload(("T1", "north", 12)), CareKeyKind.Therapist, DisclosurePolicy.OpenSafely);
        CaseloadGroup g = Assert.Single(groups.Groups);
        Assert.Equal((10, 25), (g.Clients, g.Episodes));   // 12 and 24, rounded to 5
        int?[] counts = { g.Clients, g.Episodes, g.Act, g.Watch, g.NoAlert, g.AllianceClients, g.OutcomeClients };
        Assert.All(counts.OfType<int>(), c => Assert.Equal(0, c % 5));
        Assert.Equal(counts.Count(c => c is null), g.WithheldStatistics);
    }

    [Fact]
    public void AMeanOverFewerPeopleThanTheMinimum_IsWithheld_WithItsCount()
    {
        // 10 clients, of whom only 3 have an outcome series: the outcome mean is over 3 people.
        var episodes = new List<Episode>();
        for (int c = 0; c < 10; c++)
        {
            var keys = Enumerable.Range(1, 4).ToDictionary(s => s, _ => new CareKeys("T1"));
            string id = "C" + c.ToString(System.Globalization.CultureInfo.InvariantCulture);
            episodes.Add(Episode.Create(id, TrendTestData.Srs(36, 37, 38, 38).Scores).GetValueOrThrow().WithCare(keys));
            if (c < 3)
            {
                episodes.Add(Episode.Create(id, TrendTestData.Ors(20, 24, 28, 30).Scores).GetValueOrThrow().WithCare(keys));
            }
        }

        CaseloadGroup g = Assert.Single(CaseloadGroups.Summarise(EpisodeAnalyzer.Default.AnalyzeCaseload(episodes), CareKeyKind.Therapist).Groups);
        Assert.Equal(10, g.Clients);
        Assert.NotNull(g.MeanAlliance);
        Assert.Equal((null, (int?)null), (g.MeanOutcomeChange, g.OutcomeClients));
        Assert.Null(g.PairedOutcomeShare);   // 0.3 of 10 shown clients would disclose the withheld count of 3
        Assert.Equal(3, g.WithheldStatistics);
    }

    [Fact]
    public void OneWithheldLevel_WithholdsAnother_SoNoneIsTheSizeMinusTheOthers()
    {
        // 3 clients below the SRS cutoff (watch) and 9 without alerts; under OpenSAFELY the 3 are withheld, and the 0 at
        // act is withheld with them, or 10 (shown) minus 0 minus 10 would tell the watch count.
        var episodes = new List<Episode>();
        for (int c = 0; c < 12; c++)
        {
            var keys = Enumerable.Range(1, 4).ToDictionary(s => s, _ => new CareKeys("T1"));
            Episode template = c < 3 ? TrendTestData.Srs(30, 31, 30, 31) : TrendTestData.Srs(36, 37, 38, 38);
            episodes.Add(Episode.Create("C" + c.ToString(System.Globalization.CultureInfo.InvariantCulture), template.Scores, template.Cutoff).GetValueOrThrow().WithCare(keys));
        }

        CaseloadGroup g = Assert.Single(CaseloadGroups.Summarise(EpisodeAnalyzer.Default.AnalyzeCaseload(episodes), CareKeyKind.Therapist, DisclosurePolicy.OpenSafely).Groups);
        Assert.Equal(((int?)null, (int?)null, (int?)10), (g.Act, g.Watch, g.NoAlert));
        Assert.Equal(10, g.Clients);
    }

    [Fact]
    public void TheGroupsTable_HasTheSchemasColumns_WithWithheldFiguresAsNull()
    {
        TidyTable table = CaseloadGroups.Summarise(Caseload(("T1", "north", 12), ("T2", "south", 4)), CareKeyKind.Therapist).ToTidy();
        Assert.Equal(RowSchemas.CaseloadGroups.Columns.ToArray(), table.Columns.ToArray());
        Assert.Equal(("therapist", "T1", 12, 0), (table[0, RowSchemas.By], table[0, RowSchemas.Group], table[0, RowSchemas.Clients], table[0, RowSchemas.Withheld]));
        Assert.Equal(("T2", (object?)null, 1), (table[1, RowSchemas.Group], table[1, RowSchemas.Clients], table[1, RowSchemas.Withheld]));
    }

    [Fact]
    public void TheReport_OpensWithTheOverview_ShowingKeysInThePage_AndWithheldFiguresNever()
    {
        ImmutableArray<AllianceReport> reports = Caseload(("T1", "north", 12), ("T2-SMALL", "north", 4));
        var pages = new Dictionary<string, StringWriter>();
        CaseloadHtmlReport.Write("r.html", name => pages[name] = new StringWriter(), reports, new CaseloadReportOptions { OverviewBy = CareKeyKind.Therapist });
        string html = pages["r.html"].ToString();
        int overview = html.IndexOf("<section id=\"overview\"", StringComparison.Ordinal);
        Assert.True(overview > 0 && overview < html.IndexOf("<section id=\"attention\"", StringComparison.Ordinal), "the overview comes before the attention list");
        Assert.Contains("<h2 id=\"overview-h\">Overview by therapist</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">T1</th><td data-label=\"Clients\">12</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">T2-SMALL</th><td colspan=\"8\">withheld: fewer than 10 clients</td>", html, StringComparison.Ordinal);
        Assert.Contains("1 group and 10 figures were withheld", html, StringComparison.Ordinal);

        pages.Clear();
        CaseloadHtmlReport.Write("r.html", name => pages[name] = new StringWriter(), reports, new CaseloadReportOptions());
        Assert.DoesNotContain("id=\"overview\"", pages["r.html"].ToString(), StringComparison.Ordinal);
    }
}
