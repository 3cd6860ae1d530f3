using System.Collections.Immutable;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Tests.Trends;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Display;

/// <summary>The caseload page is library API (issue 25): an application writes it without the tool, into writers it owns.</summary>
public sealed class CaseloadHtmlReportTests
{
    private static ImmutableArray<AllianceReport> Caseload() => EpisodeAnalyzer.Default.AnalyzeCaseload(new[]
    {
        Episode.Create("<b>client-a</b>", TrendTestData.Srs(38, 39, 40, 30, 31, 30.5).Scores, AllianceInstruments.Srs.Cutoff).GetValueOrThrow(),
        Episode.Create("client-b", TrendTestData.Srs(37, 38, 38, 39, 39, 40).Scores, AllianceInstruments.Srs.Cutoff).GetValueOrThrow(),
        Episode.Create("client-c", TrendTestData.Srs(36, 37, 37.5, 38, 38, 39).Scores, AllianceInstruments.Srs.Cutoff).GetValueOrThrow(),
    });

    [Fact]
    public void OnePage_HoldsTheAttentionList_TheClientsInWords_AndTheCallersProvenance()
    {
        var pages = new Dictionary<string, StringWriter>(StringComparer.Ordinal);
        IReadOnlyList<string> written = CaseloadHtmlReport.Write("page.html", name => pages[name] = new StringWriter(), Caseload(), new CaseloadReportOptions
        {
            Source = "ehr export",
            Generated = new DateTimeOffset(2026, 12, 6, 9, 30, 0, TimeSpan.Zero),
            ProvenanceLines = new[] { new KeyValuePair<string, string>("Made by", "our service") },
            Instruments = AllianceInstruments.All,
        });

        Assert.Equal(new[] { "page.html" }, written);
        string html = pages["page.html"].ToString();
        Assert.Contains("Who needs attention", html, StringComparison.Ordinal);
        Assert.Contains("ehr export · 3 clients", html, StringComparison.Ordinal);
        Assert.Contains("made 2026-12-06 09:30 UTC", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Made by</dt><dd>our service</dd>", html, StringComparison.Ordinal);
        Assert.Contains("a rupture not yet repaired", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;client-a&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>client-a</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Data used and left out", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ALargerCaseload_IsAnIndexAndClientPages_EachWriterDisposed()
    {
        var pages = new Dictionary<string, Writer>(StringComparer.Ordinal);
        IReadOnlyList<string> written = CaseloadHtmlReport.Write("r.html", name => pages[name] = new Writer(), Caseload(), new CaseloadReportOptions { ClientsPerPage = 2, DataSummary = "3 series analysed.", LeftOut = new[] { new KeyValuePair<string, int>("a reason", 2) } });

        Assert.Equal(new[] { "r.html", "r-001.html", "r-002.html" }, written);
        Assert.All(pages.Values, p => Assert.True(p.Disposed));
        Assert.Contains("Clients 1–2", pages["r.html"].ToString(), StringComparison.Ordinal);
        Assert.Contains("<td>a reason</td>", pages["r.html"].ToString(), StringComparison.Ordinal);
        Assert.Contains("id=\"client-3\"", pages["r-002.html"].ToString(), StringComparison.Ordinal);
        Assert.Equal("r-012.html", CaseloadHtmlReport.PageName("r", ".html", 12));
        Assert.Throws<ArgumentException>(() => CaseloadHtmlReport.Write("r.html", _ => new StringWriter(), Caseload(), new CaseloadReportOptions { ClientsPerPage = 0 }));
    }

    private sealed class Writer : StringWriter
    {
        internal bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
