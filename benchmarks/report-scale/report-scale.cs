#:package Microsoft.Playwright
#:property ImplicitUsings=enable
#:property Nullable=enable
#:property PublishAot=false

// The HTML report at consortium scale: how much memory `alliance report` takes and how fast chromium shows the first
// screen, for a caseload of about 20,000 series (the bundled sample's 60 clients copied 67 times: 4,020 clients,
// 20,100 series, 868,320 rows).
//
//   dotnet run benchmarks/report-scale/report-scale.cs                 writes benchmarks/results/report-scale.md
//   dotnet run benchmarks/report-scale/report-scale.cs -- 10           another number of copies
//
// Both layouts are measured in the same run: the paged report (the default: an index with the attention list, and
// client pages of 100) and, as the baseline, everything on one page (--clients-per-page larger than the caseload).
// Peak memory is the tool's resident set high-water mark (VmHWM, read from /proc while it runs); the render times are
// chromium's first contentful paint and load event of the page, from the Performance API, headless, on this machine.
// Needs Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH). Takes about three minutes on 2 cores.

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;

int copies = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 67;
string root = FindRoot();
string work = Directory.CreateTempSubdirectory("alliance-report-scale-").FullName;
try
{
    // 1. The caseload: the sample's rows with each client renamed per copy (R01-C001 …).
    string input = Path.Combine(work, "caseload.csv");
    string[] sample = File.ReadAllLines(Path.Combine(root, "docs", "samples", "alliance-sample.csv"));
    using (var writer = new StreamWriter(input, false, new UTF8Encoding(false)))
    {
        writer.WriteLine(sample[0]);
        for (int copy = 1; copy <= copies; copy++)
        {
            string prefix = string.Create(CultureInfo.InvariantCulture, $"R{copy:00}-");
            foreach (string line in sample.Skip(1))
            {
                writer.WriteLine(prefix + line);
            }
        }
    }

    long rows = (long)(sample.Length - 1) * copies;
    int episodes = 300 * copies;
    Console.WriteLine($"{rows:N0} rows, {episodes:N0} series, {60 * copies:N0} clients");

    // 2. The tool, built once in Release.
    Run("dotnet", $"build \"{Path.Combine(root, "src", "TherapeuticAlliance.Cli")}\" -c Release -nologo -v q", root, out _);
    string tool = Path.Combine(root, "src", "TherapeuticAlliance.Cli", "bin", "Release", "net10.0", "alliance.dll");

    var results = new List<(string Layout, long PeakBytes, double Seconds, long IndexBytes, int Files, long LargestBytes, double IndexPaint, double IndexLoad, double ClientPagePaint)>();
    string executable = new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium" }.First(p => !string.IsNullOrEmpty(p) && File.Exists(p))!;
    using IPlaywright playwright = await Playwright.CreateAsync();
    await using IBrowser browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Args = ChromiumArguments() });

    foreach ((string layout, string pageOption) in new[] { ("paged (default, 100 clients a page)", "100"), ("one page (baseline)", "1000000") })
    {
        string folder = Path.Combine(work, pageOption);
        Directory.CreateDirectory(folder);
        string index = Path.Combine(folder, "report.html");
        var (peak, seconds) = Run("dotnet", $"\"{tool}\" report \"{input}\" --output \"{index}\" --clients-per-page {pageOption}", root, out _);
        var files = Directory.GetFiles(folder, "*.html");
        var (indexPaint, indexLoad) = await Paint(browser, index);
        string firstPage = Path.Combine(folder, "report-001.html");
        double pagePaint = File.Exists(firstPage) ? (await Paint(browser, firstPage)).Paint : double.NaN;
        results.Add((layout, peak, seconds, new FileInfo(index).Length, files.Length, files.Max(f => new FileInfo(f).Length), indexPaint, indexLoad, pagePaint));
        Console.WriteLine($"{layout}: peak {peak / 1048576.0:N0} MB, {seconds:N1} s, first paint {indexPaint:N0} ms, loaded {indexLoad:N0} ms");
    }

    // 3. The report, with ratios to the baseline measured in this run.
    var baseline = results[1];
    var text = new StringBuilder();
    text.AppendLine("# The HTML report at scale");
    text.AppendLine();
    text.AppendLine(CultureInfo.InvariantCulture, $"`dotnet run benchmarks/report-scale/report-scale.cs` on {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}: the bundled sample copied {copies} times ({rows:N0} rows, {episodes:N0} series, {60 * copies:N0} clients). Peak memory is the `alliance report` process's resident high-water mark (VmHWM); first paint is chromium's first contentful paint and loaded its load event (headless, 1366 × 768), from opening the file.");
    text.AppendLine();
    text.AppendLine("| Layout | Peak memory | Ratio | Write time | Ratio | Files | First page | Largest file | First paint, first page | Ratio | Loaded, first page | Ratio | First paint, client page 1 |");
    text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    foreach (var r in results)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Layout} | {r.PeakBytes / 1048576.0:N0} MB | {(double)r.PeakBytes / baseline.PeakBytes:0.00} | {r.Seconds:N1} s | {r.Seconds / baseline.Seconds:0.00} | {r.Files:N0} | {r.IndexBytes / 1024.0:N0} KB | {r.LargestBytes / 1048576.0:N1} MB | {r.IndexPaint:N0} ms | {r.IndexPaint / baseline.IndexPaint:0.00} | {r.IndexLoad:N0} ms | {r.IndexLoad / baseline.IndexLoad:0.00} | {(double.IsNaN(r.ClientPagePaint) ? "–" : r.ClientPagePaint.ToString("N0", CultureInfo.InvariantCulture) + " ms")} |");
    }

    string output = Path.Combine(root, "benchmarks", "results", "report-scale.md");
    File.WriteAllText(output, text.ToString());
    Console.WriteLine(text);
    Console.WriteLine("Wrote " + output);
}
finally
{
    Directory.Delete(work, recursive: true);
}

static string[] ChromiumArguments() => ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

static async Task<(double Paint, double Load)> Paint(IBrowser browser, string file)
{
    await using IBrowserContext context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
    IPage page = await context.NewPageAsync();
    await page.GotoAsync(new Uri(file).AbsoluteUri, new() { WaitUntil = WaitUntilState.Commit, Timeout = 300_000 });
    double paint = await page.EvaluateAsync<double>(
        "() => new Promise(resolve => { const seen = () => performance.getEntriesByName('first-contentful-paint'); if (seen().length) { resolve(seen()[0].startTime); return; } new PerformanceObserver(list => { const e = list.getEntriesByName('first-contentful-paint'); if (e.length) resolve(e[0].startTime); }).observe({ type: 'paint', buffered: true }); })");
    await page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = 600_000 });
    double load = await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].loadEventEnd");
    return (paint, load);
}

static (long PeakBytes, double Seconds) Run(string file, string arguments, string directory, out string error)
{
    var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
    var clock = Stopwatch.StartNew();
    using Process process = Process.Start(start)!;
    Task<string> stderr = process.StandardError.ReadToEndAsync();
    Task<string> stdout = process.StandardOutput.ReadToEndAsync();
    long peak = 0;
    while (!process.WaitForExit(20))
    {
        peak = Math.Max(peak, HighWaterMark(process.Id));
    }

    error = stderr.Result;
    _ = stdout.Result;
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {error}");
    }

    return (peak, clock.Elapsed.TotalSeconds);
}

static long HighWaterMark(int pid)
{
    try
    {
        string? line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
    catch (IOException)
    {
        return 0;
    }
}

static string FindRoot()
{
    DirectoryInfo? directory = new(Directory.GetCurrentDirectory());
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TherapeuticAlliance.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}
