using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TherapeuticAlliance.Cli.BrowserTests;

/// <summary>
/// The HTML report opened as a clinician opens it: in headless chromium, at a laptop's width (1366 px) and a phone's
/// (390 px). Screenshots go to .ci-out/browser, which CI keeps.
/// </summary>
public sealed class ReportBrowserTests : IClassFixture<ReportFixture>
{
    private readonly ReportFixture _fixture;

    public ReportBrowserTests(ReportFixture fixture) => _fixture = fixture;

    public static TheoryData<int, int> Screens => new() { { 1366, 768 }, { 390, 844 } };

    [BrowserTheory]
    [MemberData(nameof(Screens))]
    public async Task Report_HasNoHorizontalOverflow_OnEveryPage(int width, int height)
    {
        IPage page = await OpenAsync(width, height);
        foreach (string url in new[] { ReportFixture.Url(_fixture.Single), ReportFixture.Url(_fixture.Paged), ReportFixture.Url(Path.Combine(Path.GetDirectoryName(_fixture.Paged)!, "report-002.html")), ReportFixture.Url(_fixture.Hostile) })
        {
            await page.GotoAsync(url);
            await page.EvaluateAsync("() => document.querySelectorAll('details:not(.data)').forEach(d => d.open = true)");
            int[] widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            var (scroll, client) = (widths[0], widths[1]);
            Assert.True(scroll <= client, $"{url} at {width} px: the page is {scroll} px wide in a {client} px window");

            // Nothing sticks out of the page's width either (cut off inside a scrolling box), but for the charts' data tables
            // and the service section's wide tables, which scroll sideways inside their own box (checked below).
            int outside = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('body *')].filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > document.documentElement.clientWidth + 1 && !e.closest('table.chart-data') && !e.closest('.service-view table'); }).length");
            Assert.Equal(0, outside);
        }

        await page.GotoAsync(ReportFixture.Url(_fixture.Single));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ArtefactFolder(), $"report-{width}-first-screen.png") });
        await page.Locator("#client-1").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Browser.ArtefactFolder(), $"report-{width}-client-1.png") });
        await page.Context.CloseAsync();
    }

    [BrowserTheory]
    [MemberData(nameof(Screens))]
    public async Task AttentionList_IsTheFirstSection_AndItsFirstRowIsOnTheFirstScreen(int width, int height)
    {
        IPage page = await OpenAsync(width, height);
        foreach (string url in new[] { ReportFixture.Url(_fixture.Single), ReportFixture.Url(_fixture.Paged) })
        {
            await page.GotoAsync(url);
            Assert.Equal("attention", await page.EvaluateAsync<string>("() => document.querySelector('main > section').id"));
            ILocator firstRow = page.Locator("table.attention tbody tr").First;
            LocatorBoundingBoxResult box = (await firstRow.Locator("ul.reasons li").First.BoundingBoxAsync())!;
            Assert.True(box.Y + box.Height <= height, $"{url} at {width} px: the first client's first reason ends at {box.Y + box.Height} px, below the first screen ({height} px)");
            await Expect(firstRow.Locator("td").First).ToHaveTextAsync("Act");

            // Regression: the level badges never break inside their word ("Watc/h") in a narrow column.
            double[] heights = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('.badge')].map(b => b.getBoundingClientRect().height)");
            Assert.All(heights, h => Assert.True(h < 30, $"{url} at {width} px: a level badge is {h} px tall, broken over two lines"));
            await Expect(firstRow.Locator("ul.reasons li").First).ToContainTextAsync("Act: ");
        }

        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task EveryChart_HasAnAccessibleName_AndADataTable()
    {
        IPage page = await OpenAsync(1366, 768);
        await page.GotoAsync(ReportFixture.Url(_fixture.Single));
        ILocator charts = page.Locator("svg.chart");
        int count = await charts.CountAsync();
        Assert.Equal(60 * 4, count);   // a chart per client and instrument: SRS, WAI-SR, Alliance Profile, ORS
        Assert.Equal(count + 1, await page.GetByRole(AriaRole.Img).CountAsync());   // and the service section's caterpillar chart (issue 30)
        for (int i = 0; i < count; i++)
        {
            ILocator chart = charts.Nth(i);
            string title = await chart.Locator("title").First.TextContentAsync() ?? string.Empty;
            Assert.False(string.IsNullOrWhiteSpace(title));
            string client = await chart.EvaluateAsync<string>("c => c.closest('section.client').querySelector('h2 span').textContent");
            await Expect(chart).ToHaveAccessibleNameAsync(client + " " + title);   // the client's name, then the chart's title
            await Expect(chart).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("by session, sessions \\d+ to \\d+\\."));
        }

        // Each chart's figure has its data as a table: one row per session, one column per series.
        var tables = await page.EvaluateAsync<int[][]>("() => [...document.querySelectorAll('figure:not(.caterpillar)')].map(f => [f.querySelectorAll('svg.chart').length, f.querySelectorAll('table.chart-data tbody tr').length, f.querySelectorAll('table.chart-data thead th').length])");
        Assert.Equal(count, tables.Length);
        Assert.All(tables, t => Assert.Equal(1, t[0]));
        Assert.All(tables, t => Assert.True(t[1] >= 4 && t[2] >= 2, $"a data table with {t[1]} rows and {t[2]} columns"));
        await page.Context.CloseAsync();
    }

    [BrowserTheory]
    [MemberData(nameof(Screens))]
    public async Task ServiceSection_IsReadable_ItsChartNamedAndWithinTheScreen_ItsTablesScrollingInTheirOwnBox(int width, int height)
    {
        // Issue 30: the bundled sample's report has the service section; at a laptop's and a phone's width its chart
        // fits the screen, has an accessible name, and its wide tables scroll sideways inside their box, not the page.
        IPage page = await OpenAsync(width, height);
        await page.GotoAsync(ReportFixture.Url(_fixture.Single));
        ILocator section = page.Locator("section#service");
        await Expect(section.Locator("h2")).ToHaveTextAsync("Service");
        await Expect(section).ToContainTextAsync("must not be used to rank therapists");
        ILocator chart = section.Locator("figure.caterpillar svg");
        await Expect(chart).ToHaveCountAsync(1);
        await Expect(chart).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex("^Therapists' adjusted outcome effects with 95 % intervals"));
        LocatorBoundingBoxResult box = (await chart.BoundingBoxAsync())!;
        int client = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        Assert.True(box.X >= 0 && box.X + box.Width <= client + 1, $"at {width} px the chart spans {box.X}-{box.X + box.Width} in {client} px");
        double[][] tables = await page.EvaluateAsync<double[][]>("() => [...document.querySelectorAll('#service table')].map(t => { const r = t.getBoundingClientRect(); return [r.left, r.right, t.scrollWidth, t.clientWidth]; })");
        Assert.True(tables.Length >= 5, $"{tables.Length} tables in the service section");
        Assert.All(tables, t => Assert.True(t[0] >= 0 && t[1] <= client + 1, $"at {width} px a service table's box spans {t[0]}-{t[1]} in {client} px"));
        int texts = await section.Locator("th, td, p").CountAsync();
        Assert.True(texts > 50);
        await section.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Browser.ArtefactFolder(), $"report-{width}-service.png") });
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task AttentionLinks_JumpToTheirClient_OnOnePageAndAcrossPages()
    {
        IPage page = await OpenAsync(1366, 768);
        foreach (string report in new[] { _fixture.Single, _fixture.Paged })
        {
            await page.GotoAsync(ReportFixture.Url(report));
            var links = await page.EvaluateAsync<string[][]>("() => [...document.querySelectorAll('table.attention a, details.no-alert a')].map(a => [a.getAttribute('href'), a.textContent])");
            Assert.Equal(60, links.Length);
            foreach (int index in new[] { 0, 1, links.Length / 2, links.Length - 1 })
            {
                await page.GotoAsync(ReportFixture.Url(report));
                await page.Locator("details.no-alert").EvaluateAsync("d => d.open = true");
                await page.Locator($"a[href='{links[index][0]}']").First.ClickAsync();
                string hash = new Uri(links[index][0], UriKind.RelativeOrAbsolute).IsAbsoluteUri ? string.Empty : links[index][0][links[index][0].IndexOf('#', StringComparison.Ordinal)..];
                await page.WaitForFunctionAsync("h => location.hash === h", hash);
                ILocator section = page.Locator(hash);
                await Expect(section.Locator("h2")).ToContainTextAsync(links[index][1]);
                LocatorBoundingBoxResult box = (await section.BoundingBoxAsync())!;
                Assert.InRange(box.Y, -1, 768);
            }
        }

        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task NoRequest_LeavesThePage()
    {
        IBrowserContext context = await _fixture.Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        var requests = new List<string>();
        context.Request += (_, request) => requests.Add(request.Url);
        IPage page = await context.NewPageAsync();
        foreach (string url in new[] { _fixture.Single, _fixture.Paged, Path.Combine(Path.GetDirectoryName(_fixture.Paged)!, "report-001.html"), _fixture.Hostile })
        {
            await page.GotoAsync(ReportFixture.Url(url));
            await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        Assert.NotEmpty(requests);
        Assert.All(requests, r => Assert.StartsWith("file:///", r, StringComparison.Ordinal));
        await context.CloseAsync();
    }

    [BrowserFact]
    public async Task HostileIdentifiers_AreShownAsText_AndNeverRun()
    {
        IPage page = await OpenAsync(1366, 768);
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await page.GotoAsync(ReportFixture.Url(_fixture.Hostile));
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.pwned"));
        Assert.Equal(0, dialogs);
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        await Expect(page.Locator("table.attention a").First).ToHaveTextAsync(ReportFixture.HostileId);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Print_StartsEachClientOnANewPage_HidesNavigation_AndOpensCollapsedSections()
    {
        IPage page = await OpenAsync(1366, 768);
        await page.GotoAsync(ReportFixture.Url(Path.Combine(Path.GetDirectoryName(_fixture.Paged)!, "report-001.html")));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.Equal("page", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('section.client')).breakBefore"));
        Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('nav.client-nav')).display"));
        await page.EvaluateAsync("() => dispatchEvent(new Event('beforeprint'))");
        Assert.Equal(0, await page.Locator("details:not([open])").CountAsync());
        await page.EvaluateAsync("() => dispatchEvent(new Event('afterprint'))");
        Assert.Equal(0, await page.Locator("details[open]").CountAsync());
        byte[] pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });
        Assert.True(pdf.Length > 10_000);
        await File.WriteAllBytesAsync(Path.Combine(Browser.ArtefactFolder(), "report-001-print.pdf"), pdf);
        await page.Context.CloseAsync();
    }

    private async Task<IPage> OpenAsync(int width, int height)
    {
        IBrowserContext context = await _fixture.Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        return await context.NewPageAsync();
    }
}
