using System.Globalization;
using Microsoft.Playwright;

namespace TherapeuticAlliance.Cli.BrowserTests;

/// <summary>
/// Where the browser is: Debian's chromium (CHROMIUM_PATH overrides), driven by Playwright through its
/// ExecutablePath; Playwright's own browser download is never used. Without a browser these tests are skipped on a
/// developer's machine and fail in CI (CI=true or TA_REQUIRE_BROWSER=1), where .ci/run installs it.
/// </summary>
internal static class Browser
{
    internal static readonly string? Executable =
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    internal static bool InCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("TA_REQUIRE_BROWSER") == "1";

    /// <summary>The flags a sandboxed, offline machine needs: no sandbox (root), no GPU, no background connections.</summary>
    internal static readonly string[] Arguments =
    {
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    };

    internal static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (Executable is null)
        {
            throw new InvalidOperationException("No chromium was found (install Debian's chromium, or set CHROMIUM_PATH).");
        }

        IPlaywright playwright = await Playwright.CreateAsync();
        IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Executable, Headless = true, Args = Arguments });
        return (playwright, browser);
    }

    /// <summary>The folder CI keeps as artefacts: .ci-out/browser at the repository's root (found from the test's folder).</summary>
    internal static string ArtefactFolder()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TherapeuticAlliance.sln")))
        {
            directory = directory.Parent;
        }

        string folder = Path.Combine(directory?.FullName ?? Path.GetTempPath(), ".ci-out", "browser");
        Directory.CreateDirectory(folder);
        return folder;
    }

    internal static string Px(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A fact that needs a browser: skipped where none is installed, except in CI, where a missing browser fails the run.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.Executable is null && !Browser.InCi)
        {
            Skip = "No chromium on this machine (CI installs Debian's chromium; set CHROMIUM_PATH to use another).";
        }
    }
}

/// <summary>A theory that needs a browser; see <see cref="BrowserFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (Browser.Executable is null && !Browser.InCi)
        {
            Skip = "No chromium on this machine (CI installs Debian's chromium; set CHROMIUM_PATH to use another).";
        }
    }
}
