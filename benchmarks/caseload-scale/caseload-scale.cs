#:package Microsoft.Playwright
#:property ImplicitUsings=enable
#:property Nullable=enable
#:property PublishAot=false

// Caseloads of up to a million series (issue 28, part 6): `alliance report --by therapist` and
// `alliance triage --by therapist` on the bundled sample copied up to 3,334 times (200,040 clients, 1,000,200 series,
// 43 million rows, 2.6 GB of CSV), grouped by client as exports write them. For each size it measures the tool's peak
// resident memory (VmHWM) and time, the same run under a 64 MB heap limit (DOTNET_GCHeapHardLimit: it completes only
// if what is held does not grow with the caseload), the index page's size and chromium's first contentful paint and
// load event of it (headless, 1366 × 768). The peer, measured in the same run, is the in-memory path the tool takes for a
// file that is not grouped by client (the same rows, administrations in session order): at the smallest size only,
// since its memory grows by about 7 KB a series (about 14 GB at a million).
//
//   dotnet run benchmarks/caseload-scale/caseload-scale.cs                  67, 335 and 3334 copies; writes benchmarks/results/caseload-scale.md
//   dotnet run benchmarks/caseload-scale/caseload-scale.cs -- 67 335        other sizes
//
// Needs Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH), about 15 GB of free disk under the temporary folder
// for the largest size, and about 25 minutes on 2 cores.

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;

int[] sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [67, 335, 3334];
string root = FindRoot();
string work = Directory.CreateTempSubdirectory("alliance-caseload-scale-").FullName;
string[] sample = File.ReadAllLines(Path.Combine(root, "docs", "samples", "alliance-sample.csv"));
try
{
    // The tool, built once into the work folder, so a build of the repository during the run does not change it.
    Run("dotnet", $"build \"{Path.Combine(root, "src", "TherapeuticAlliance.Cli")}\" -c Release -nologo -v q -o \"{Path.Combine(work, "tool")}\"", root, out _);
    string tool = Path.Combine(work, "tool", "alliance.dll");
    string executable = new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium" }.First(p => !string.IsNullOrEmpty(p) && File.Exists(p))!;
    using IPlaywright playwright = await Playwright.CreateAsync();
    await using IBrowser browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage"] });

    var rows = new List<string>();
    foreach (int copies in sizes)
    {
        string input = Path.Combine(work, $"caseload-{copies}.csv");
        Write(input, copies, grouped: true);
        long series = 300L * copies;
        Console.WriteLine($"{copies} copies: {series:N0} series, {new FileInfo(input).Length / 1048576.0:N0} MB");

        string folder = Path.Combine(work, $"report-{copies}");
        Directory.CreateDirectory(folder);
        string index = Path.Combine(folder, "report.html");
        var (reportPeak, reportSeconds) = Run("dotnet", $"\"{tool}\" report \"{input}\" --output \"{index}\" --by therapist", root, out _);
        var (paint, load) = await Paint(browser, index);
        double pagePaint = (await Paint(browser, Path.Combine(folder, "report-001.html"))).Paint;
        long indexBytes = new FileInfo(index).Length;
        int files = Directory.GetFiles(folder, "*.html").Length;
        Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        // Under a 64 MB heap: what the tool holds per client (about 250 bytes: its place in the ranking and its
        // identifier) outgrows it somewhere past 100,000 clients; the run is then recorded as failed, not hidden.
        string limited;
        try
        {
            var (limitedPeak, _) = Run("dotnet", $"\"{tool}\" report \"{input}\" --output \"{index}\" --by therapist", root, out _, ("DOTNET_GCHeapHardLimit", "0x4000000"));
            limited = string.Create(CultureInfo.InvariantCulture, $"{limitedPeak / 1048576.0:N0} MB");
        }
        catch (InvalidOperationException)
        {
            limited = "out of memory";
        }

        Directory.Delete(folder, recursive: true);
        var (triagePeak, triageSeconds) = Run("dotnet", $"\"{tool}\" triage \"{input}\" --by therapist --output \"{Path.Combine(work, "groups.csv")}\"", root, out _);
        rows.Add(string.Create(CultureInfo.InvariantCulture, $"| streamed (grouped by client) | {series:N0} | {reportPeak / 1048576.0:N0} MB | {reportSeconds:N0} s | {limited} | {files:N0} | {indexBytes / 1024.0:N0} KB | {paint:N0} ms | {load:N0} ms | {pagePaint:N0} ms | {triagePeak / 1048576.0:N0} MB | {triageSeconds:N0} s |"));
        Console.WriteLine(rows[^1]);

        if (copies == sizes.Min())
        {
            // The peer: the same rows, administrations in session order (not grouped by client), read in memory.
            string scattered = Path.Combine(work, $"caseload-{copies}-by-session.csv");
            Write(scattered, copies, grouped: false);
            Directory.CreateDirectory(folder);
            var (peerPeak, peerSeconds) = Run("dotnet", $"\"{tool}\" report \"{scattered}\" --output \"{index}\" --by therapist", root, out string peerError);
            if (!peerError.Contains("read into memory", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The peer file was streamed; it should not be grouped by client.");
            }

            var (peerPaint, peerLoad) = await Paint(browser, index);
            long peerIndex = new FileInfo(index).Length;
            int peerFiles = Directory.GetFiles(folder, "*.html").Length;
            Directory.Delete(folder, recursive: true);
            var (peerTriagePeak, peerTriageSeconds) = Run("dotnet", $"\"{tool}\" triage \"{scattered}\" --by therapist --output \"{Path.Combine(work, "groups.csv")}\"", root, out _);
            File.Delete(scattered);
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"| in memory (peer: not grouped by client) | {series:N0} | {peerPeak / 1048576.0:N0} MB | {peerSeconds:N0} s | – | {peerFiles:N0} | {peerIndex / 1024.0:N0} KB | {peerPaint:N0} ms | {peerLoad:N0} ms | – | {peerTriagePeak / 1048576.0:N0} MB | {peerTriageSeconds:N0} s |"));
            Console.WriteLine(rows[^1]);
        }

        File.Delete(input);
    }

    var text = new StringBuilder();
    text.AppendLine("# Caseloads of up to a million series");
    text.AppendLine();
    text.AppendLine(CultureInfo.InvariantCulture, $"`dotnet run benchmarks/caseload-scale/caseload-scale.cs` on {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}: the bundled sample (60 clients, 300 series, 6 therapists, 2 sites) copied {string.Join(", ", sizes)} times. Peak memory is the process's resident high-water mark (VmHWM); \"under a 64 MB heap\" is the same report run with DOTNET_GCHeapHardLimit=0x4000000 (it completes only if what is held does not grow with the caseload); paint and load are chromium's first contentful paint and load event of the index page (headless, 1366 × 768). The peer is the in-memory path the tool takes for a file not grouped by client, at the smallest size only (its memory grows with the series).");
    text.AppendLine();
    text.AppendLine("| Path | Series | Report: peak memory | Report: time | Report: peak under a 64 MB heap | Pages | Index page | Index: first paint | Index: loaded | Client page 1: first paint | Triage --by therapist: peak memory | Triage: time |");
    text.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    rows.ForEach(r => text.AppendLine(r));
    string output = Path.Combine(root, "benchmarks", "results", "caseload-scale.md");
    File.WriteAllText(output, text.ToString());
    Console.WriteLine(text);
    Console.WriteLine("Wrote " + output);
}
finally
{
    Directory.Delete(work, recursive: true);
}

// The sample's rows with each client renamed per copy (R0001-C001 …): grouped by client, or every administration's rows
// together but administrations in session order (a file sorted by date, not by client).
void Write(string path, int copies, bool grouped)
{
    using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
    writer.WriteLine(sample[0]);
    if (grouped)
    {
        for (int copy = 1; copy <= copies; copy++)
        {
            string prefix = string.Create(CultureInfo.InvariantCulture, $"R{copy:0000}-");
            foreach (string line in sample.Skip(1))
            {
                writer.WriteLine(prefix + line);
            }
        }

        return;
    }

    var administrations = sample.Skip(1)
        .GroupBy(l => string.Join(',', l.Split(',')[..5]))
        .OrderBy(g => int.Parse(g.Key.Split(',')[1], CultureInfo.InvariantCulture))
        .ToList();
    foreach (var administration in administrations)
    {
        for (int copy = 1; copy <= copies; copy++)
        {
            string prefix = string.Create(CultureInfo.InvariantCulture, $"R{copy:0000}-");
            foreach (string line in administration)
            {
                writer.WriteLine(prefix + line);
            }
        }
    }
}

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

static (long PeakBytes, double Seconds) Run(string file, string arguments, string directory, out string error, params (string Name, string Value)[] environment)
{
    var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
    foreach (var (name, value) in environment)
    {
        start.Environment[name] = value;
    }

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
