using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;

namespace TherapeuticAlliance.Package.Tests;

/// <summary>
/// Packs the two libraries as a release would (Release, into a temporary folder) once for the class; the tests read
/// the packages as NuGet and a consumer see them. Packing builds Release beside the tests' Debug build.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        Root = FindRoot();
        Output = Directory.CreateTempSubdirectory("alliance-packages-").FullName;
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TA_TEST_CULTURE")))
        {
            return;   // the reruns under other cultures skip every package test
        }

        foreach (string project in new[] { "src/TherapeuticAlliance/TherapeuticAlliance.csproj", "src/TherapeuticAlliance.Fhir/TherapeuticAlliance.Fhir.csproj", "src/TherapeuticAlliance.Tables/TherapeuticAlliance.Tables.csproj", "src/TherapeuticAlliance.Columnar/TherapeuticAlliance.Columnar.csproj" })
        {
            Dotnet(Root, $"pack \"{Path.Combine(Root, project)}\" -c Release -o \"{Output}\" -nologo");
        }
    }

    internal string Root { get; }

    internal string Output { get; }

    /// <summary>Gets the version packed, read from the packed file's name (the repository's VersionPrefix).</summary>
    internal string Version => Path.GetFileNameWithoutExtension(Directory.GetFiles(Output, "TherapeuticAlliance.Fhir.*.nupkg").Single())["TherapeuticAlliance.Fhir.".Length..];

    internal string Package(string id, string extension = "nupkg") => Path.Combine(Output, $"{id}.{Version}.{extension}");

    internal static ZipArchive Open(string path) => ZipFile.OpenRead(path);

    public void Dispose() => Directory.Delete(Output, recursive: true);

    /// <summary>Runs dotnet, failing with its output when it fails.</summary>
    internal static string Dotnet(string directory, string arguments, IDictionary<string, string>? environment = null, int timeoutSeconds = 600)
    {
        var start = new ProcessStartInfo("dotnet", arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("TA_TEST_CULTURE");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {arguments} took more than {timeoutSeconds} s.");
        }

        string text = output.Result + error.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"dotnet {arguments} exited with {process.ExitCode}:\n{text}"));
        }

        return text;
    }

    private static string FindRoot()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TherapeuticAlliance.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository's root was not found.");
    }
}
