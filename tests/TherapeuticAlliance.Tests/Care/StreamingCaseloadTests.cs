using System.Collections.Immutable;
using System.Text.RegularExpressions;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Tables;
using TherapeuticAlliance.Tests.Trends;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Care;

/// <summary>
/// Issue 28, part 6: a caseload streamed one client at a time gives what the whole caseload gives: the same norms,
/// reports, ranking, groups and report pages, while what is held grows with the clients' number, not their sessions.
/// </summary>
public sealed class StreamingCaseloadTests
{
    /// <summary>Clients with an SRS and an ORS series each, at two therapists; some dip (ruptures), some do not.</summary>
    private static List<Episode> Episodes(int clients)
    {
        var episodes = new List<Episode>();
        for (int c = 0; c < clients; c++)
        {
            string id = "C" + c.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
            var keys = Enumerable.Range(1, 5).ToDictionary(s => s, _ => new CareKeys(c % 3 == 0 ? "T1" : "T2", "north"));
            double dip = c % 4 == 0 ? 6 : 0;
            episodes.Add(Episode.Create(id, TrendTestData.Srs(36, 37, 38, 38 - dip, 37 - dip).Scores, TrendTestData.Srs(36).Cutoff).GetValueOrThrow().WithCare(keys));
            episodes.Add(Episode.Create(id, TrendTestData.Ors(20, 22 + (c % 5), 24, 26 - (c % 7), 30).Scores).GetValueOrThrow().WithCare(keys));
        }

        return episodes;
    }

    private static List<IReadOnlyList<AllianceReport>> ByClient(IEnumerable<AllianceReport> reports) =>
        reports.GroupBy(r => r.EpisodeId, StringComparer.Ordinal).Select(g => (IReadOnlyList<AllianceReport>)g.ToList()).ToList();

    [Fact]
    public void JudgingNorms_ThenAnalyzeWith_ClientByClient_GivesTheReportsOfAnalyzeCaseload()
    {
        List<Episode> episodes = Episodes(40);
        foreach (CaseloadNormUse use in new[] { CaseloadNormUse.WhenLarge, CaseloadNormUse.Always, CaseloadNormUse.Never })
        {
            ImmutableArray<AllianceReport> whole = EpisodeAnalyzer.Default.AnalyzeCaseload(episodes, null, use);
            ReferenceNorms judged = EpisodeAnalyzer.JudgingNorms(episodes, null, use);
            var streamed = episodes.GroupBy(e => e.Id, StringComparer.Ordinal).SelectMany(client => EpisodeAnalyzer.Default.AnalyzeWith(client, judged)).ToList();
            Assert.Equal(whole.Select(r => r.ToJson()).ToArray(), streamed.Select(r => r.ToJson()).ToArray());
        }

        // The caseload's norms are in force (40 series per instrument is a large caseload): the test is not vacuous.
        Assert.NotNull(EpisodeAnalyzer.JudgingNorms(episodes).Find(episodes[0]));
        Assert.Null(EpisodeAnalyzer.JudgingNorms(episodes, null, CaseloadNormUse.Never).Find(episodes[0]));
    }

    [Fact]
    public void JudgingNorms_UnderNever_DoesNotReadTheEpisodes_AndOtherwiseReadsThemOnce()
    {
        int read = 0;
        IEnumerable<Episode> Counted()
        {
            foreach (Episode e in Episodes(10))
            {
                read++;
                yield return e;
            }
        }

        _ = EpisodeAnalyzer.JudgingNorms(Counted(), null, CaseloadNormUse.Never);
        Assert.Equal(0, read);
        _ = EpisodeAnalyzer.JudgingNorms(Counted(), null, CaseloadNormUse.Always);
        Assert.Equal(20, read);
        Assert.Throws<ArgumentException>(() => EpisodeAnalyzer.JudgingNorms(Counted(), null, (CaseloadNormUse)99));
        Assert.Throws<ArgumentNullException>(() => EpisodeAnalyzer.JudgingNorms(null!));
        Assert.Throws<ArgumentNullException>(() => EpisodeAnalyzer.Default.AnalyzeWith(new Episode[] { null! }, null));
    }

    [Fact]
    public void Rank_OfEntriesMadeClientByClient_IsTheOrderOfTheWholeCaseload()
    {
        ImmutableArray<AllianceReport> reports = EpisodeAnalyzer.Default.AnalyzeCaseload(Episodes(40));
        List<IReadOnlyList<AllianceReport>> clients = ByClient(reports);
        clients.Reverse();
        static IEnumerable<string> Rows(ImmutableArray<TriageEntry> entries) => entries.ToTidy(new HashSet<string>()).Rows.Select(r => string.Join("|", r));
        Assert.Equal(Rows(CaseloadTriage.Clients(reports)), Rows(CaseloadTriage.Rank(clients.SelectMany(c => CaseloadTriage.Clients(c)))));
        Assert.Equal(Rows(CaseloadTriage.Episodes(reports)), Rows(CaseloadTriage.Rank(clients.SelectMany(c => CaseloadTriage.Episodes(c)))));
        Assert.Contains(CaseloadTriage.Clients(reports), e => e.Level == AttentionLevel.Act);
        Assert.Throws<ArgumentNullException>(() => CaseloadTriage.Rank(new TriageEntry[] { null! }));
    }

    [Fact]
    public void SummariseClients_GivesTheGroupsOfSummarise_AndRefusesABatchOfTwoClients()
    {
        ImmutableArray<AllianceReport> reports = EpisodeAnalyzer.Default.AnalyzeCaseload(Episodes(40));
        CaseloadGroups whole = CaseloadGroups.Summarise(reports, CareKeyKind.Therapist);
        CaseloadGroups streamed = CaseloadGroups.SummariseClients(ByClient(reports), CareKeyKind.Therapist);
        Assert.Equal(whole.Groups.ToArray(), streamed.Groups.ToArray());
        Assert.Equal(2, streamed.Groups.Length);
        Assert.Equal(whole.ToTidy().Rows.Select(r => string.Join("|", r)), streamed.ToTidy().Rows.Select(r => string.Join("|", r)));
        Assert.Throws<ArgumentException>(() => CaseloadGroups.SummariseClients(new[] { (IReadOnlyList<AllianceReport>)reports.Take(4).ToList() }, CareKeyKind.Therapist));
        Assert.Throws<ArgumentException>(() => CaseloadGroups.SummariseClients(new[] { (IReadOnlyList<AllianceReport>)Array.Empty<AllianceReport>() }, CareKeyKind.Therapist));
        Assert.Throws<ArgumentNullException>(() => CaseloadGroups.SummariseClients(new IReadOnlyList<AllianceReport>[] { null! }, CareKeyKind.Therapist));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(7)]
    public void TheWriter_FedClientByClient_InAnyOrder_WritesThePagesOfWrite(int clientsPerPage)
    {
        ImmutableArray<AllianceReport> reports = EpisodeAnalyzer.Default.AnalyzeCaseload(Episodes(30));
        var options = new CaseloadReportOptions { ClientsPerPage = clientsPerPage, OverviewBy = CareKeyKind.Therapist, Disclosure = new DisclosurePolicy { MinimumPeople = 3 } };
        var expected = new Dictionary<string, StringWriter>();
        IReadOnlyList<string> written = CaseloadHtmlReport.Write("r.html", name => expected[name] = new StringWriter(), reports, options);

        var actual = new Dictionary<string, StringWriter>();
        List<IReadOnlyList<AllianceReport>> clients = ByClient(reports);
        clients.Reverse();
        IReadOnlyList<string> streamed;
        using (var writer = new CaseloadHtmlReportWriter("r.html", name => actual[name] = new StringWriter(), options))
        {
            clients.ForEach(writer.Add);
            Assert.Equal(30, writer.Clients);
            streamed = writer.Complete();
        }

        // Chart identifiers are numbered in the order clients were added; everything else is the same.
        static string Page(StringWriter page) => Regex.Replace(page.ToString(), "chart-[0-9]+", "chart-n");
        Assert.Equal(written, streamed);
        Assert.Equal(written.Select(n => Page(expected[n])), streamed.Select(n => Page(actual[n])));
        Assert.Contains("id=\"overview\"", expected["r.html"].ToString(), StringComparison.Ordinal);
        Assert.Contains("href=\"#client-1\"", clientsPerPage == 100 ? expected["r.html"].ToString() : "href=\"#client-1\"", StringComparison.Ordinal);
    }

    [Fact]
    public void TheIndex_NamesAtMostTheLimitInEachList_AndSaysWhereTheRestAre()
    {
        int clients = CaseloadHtmlReportWriter.IndexListLimit + 30;
        var episodes = Enumerable.Range(0, clients)
            .Select(c => Episode.Create("C" + c.ToString("00000", System.Globalization.CultureInfo.InvariantCulture), TrendTestData.Ors(20, 24, 28).Scores).GetValueOrThrow())
            .ToList();
        ImmutableArray<AllianceReport> reports = EpisodeAnalyzer.Default.AnalyzeCaseload(episodes, null, CaseloadNormUse.Never);
        Assert.All(reports, r => Assert.Empty(r.Alerts));
        var pages = new Dictionary<string, StringWriter>();
        IReadOnlyList<string> written = CaseloadHtmlReport.Write("r.html", name => pages[name] = new StringWriter(), reports, new CaseloadReportOptions());
        string index = pages["r.html"].ToString();
        int start = index.IndexOf("<details class=\"no-alert\">", StringComparison.Ordinal);
        string list = index[start..index.IndexOf("</details>", start, StringComparison.Ordinal)];
        Assert.Equal(CaseloadHtmlReportWriter.IndexListLimit, Regex.Count(list, "<li><a href="));
        Assert.Contains("1030 clients with no alert", list, StringComparison.Ordinal);
        Assert.Contains("30 more clients with no alert are not named here, to keep this page quick to open; they follow in the same order on the client pages, from page 11.", list, StringComparison.Ordinal);
        Assert.Equal(12, written.Count);   // the index and 11 pages of 100 clients
        Assert.Contains("id=\"client-1030\"", pages["r-011.html"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheWriter_GuardsItsUse_AndItsSpill()
    {
        ImmutableArray<AllianceReport> reports = EpisodeAnalyzer.Default.AnalyzeCaseload(Episodes(3));
        List<IReadOnlyList<AllianceReport>> clients = ByClient(reports);
        var writer = new CaseloadHtmlReportWriter("r.html", _ => new StringWriter(), new CaseloadReportOptions(), new MemoryStream());
        Assert.Throws<ArgumentException>(() => writer.Add(Array.Empty<AllianceReport>()));
        Assert.Throws<ArgumentException>(() => writer.Add(reports.ToList()));
        Assert.Throws<ArgumentNullException>(() => writer.Add(null!));
        writer.Add(clients[0]);
        Assert.Single(writer.Complete());
        Assert.Throws<InvalidOperationException>(() => writer.Add(clients[1]));
        Assert.Throws<InvalidOperationException>(() => writer.Complete());
        writer.Dispose();
        writer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => writer.Add(clients[1]));

        Assert.Throws<ArgumentException>(() => new CaseloadHtmlReportWriter("r.html", _ => new StringWriter(), new CaseloadReportOptions(), new ReadOnlyStream()));
        Assert.Throws<ArgumentException>(() => new CaseloadHtmlReportWriter("", _ => new StringWriter(), new CaseloadReportOptions()));
        Assert.Throws<ArgumentException>(() => new CaseloadHtmlReportWriter("r.html", _ => new StringWriter(), new CaseloadReportOptions { ClientsPerPage = 0 }));
        Assert.Throws<ArgumentException>(() => new CaseloadHtmlReportWriter("r.html", _ => new StringWriter(), new CaseloadReportOptions { OverviewBy = CareKeyKind.Site, Disclosure = new DisclosurePolicy { MinimumPeople = 0 } }));
    }

    [Fact]
    public void AnIdentifierHoldingMarkup_IsTextInTheSectionsTheWriterSetsAside()
    {
        var episode = Episode.Create("<b>C1</b>", TrendTestData.Ors(20, 24, 28).Scores).GetValueOrThrow();
        var pages = new Dictionary<string, StringWriter>();
        using (var writer = new CaseloadHtmlReportWriter("r.html", name => pages[name] = new StringWriter(), new CaseloadReportOptions()))
        {
            writer.Add(EpisodeAnalyzer.Default.AnalyzeCaseload(new[] { episode }));
            writer.Complete();
        }

        string index = pages["r.html"].ToString();
        Assert.DoesNotContain("<b>C1</b>", index, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;C1&lt;/b&gt;", index, StringComparison.Ordinal);
        Assert.Contains("id=\"client-1\"", index, StringComparison.Ordinal);
    }

    [Fact]
    public void CaseloadNormStatistics_ReadInOnePass_DoNotDependOnTheEpisodesOrder_AndSortTheirGroups()
    {
        List<Episode> episodes = Episodes(12);
        string forward = CaseloadNormStatistics.FromCaseload(episodes, 1).ToJson();
        episodes.Reverse();
        string backward = CaseloadNormStatistics.FromCaseload(episodes, 1).ToJson();
        // The groups come in one order whatever the episodes' order (the sums differ only in their last bits).
        static string[] Groups(string json) => Regex.Matches(json, "\"instrument\": \"([a-z-]+)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(new[] { "ors", "srs" }, Groups(forward));
        Assert.Equal(Groups(forward), Groups(backward));
    }

    private sealed class ReadOnlyStream : MemoryStream
    {
        public override bool CanWrite => false;
    }
}
