using System.Globalization;
using Microsoft.Playwright;

namespace TherapeuticAlliance.Cli.BrowserTests;

/// <summary>
/// Writes the bundled sample's report twice (on one page, and paged at 25 clients a page), plus a report of a file
/// whose identifiers are hostile markup, and starts one headless chromium for all the tests of the class.
/// </summary>
public sealed class ReportFixture : IAsyncLifetime
{
    internal const string HostileId = "<img src=x onerror=\"window.pwned=1\">&amp;";

    /// <summary>An identifier as long as some systems' (a prefixed GUID), with no space to wrap at.</summary>
    internal const string LongId = "urn:uuid:3f2504e0-4f89-11d3-9a0c-0305e82c3301-episode-0001";

    public ReportFixture()
    {
        Dir = Directory.CreateTempSubdirectory("alliance-browser-").FullName;
        string sample = Path.Combine(AppContext.BaseDirectory, "samples", "alliance-sample.csv");
        Single = Path.Combine(Dir, "single", "report.html");
        Paged = Path.Combine(Dir, "paged", "report.html");
        Hostile = Path.Combine(Dir, "hostile", "report.html");
        foreach (string folder in new[] { Single, Paged, Hostile })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        }

        Cli("report", sample, "--output", Single);
        Cli("report", sample, "--output", Paged, "--clients-per-page", "25");

        // Three clients of the sample: one as it is, one renamed to markup that would run if it were not escaped, and one
        // renamed to a long identifier with no space to wrap at.
        string[] lines = File.ReadAllLines(sample);
        string hostileCsv = Path.Combine(Dir, "hostile.csv");
        File.WriteAllLines(hostileCsv, lines.Take(1).Concat(lines.Skip(1).Where(l => l.StartsWith("C001,", StringComparison.Ordinal) || l.StartsWith("C005,", StringComparison.Ordinal))
            .Select(l => l.StartsWith("C005,", StringComparison.Ordinal) ? "\"" + HostileId.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + l[4..] : l))
            .Concat(lines.Skip(1).Where(l => l.StartsWith("C012,", StringComparison.Ordinal)).Select(l => LongId + l[4..])));
        Cli("report", hostileCsv, "--output", Hostile);
    }

    internal string Dir { get; }

    internal string Single { get; }

    internal string Paged { get; }

    internal string Hostile { get; }

    internal IPlaywright? Playwright { get; private set; }

    internal IBrowser? Browser { get; private set; }

    internal IBrowser Chromium => Browser ?? throw new InvalidOperationException("The browser did not start.");

    public async Task InitializeAsync()
    {
        if (BrowserTests.Browser.Executable is null && !BrowserTests.Browser.InCi)
        {
            return;   // every test is skipped
        }

        (Playwright, Browser) = await BrowserTests.Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        Playwright?.Dispose();
        Directory.Delete(Dir, recursive: true);
    }

    internal static string Url(string path) => new Uri(path).AbsoluteUri;

    private static void Cli(params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        int code = AllianceCli.Run(args, output, error, progress: false);
        if (code != 0)
        {
            throw new InvalidOperationException("alliance " + string.Join(" ", args) + " exited with " + code + ": " + error);
        }
    }
}
