using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace TherapeuticAlliance.Package.Tests;

/// <summary>
/// The packed packages as a NuGet consumer gets them: IntelliSense documentation beside every assembly, metadata
/// (licence, icon, readme, repository and project URLs), symbols, only the dependencies the code uses, and a console
/// that restores them from a local folder only, builds for net8.0 and net10.0, and runs.
/// </summary>
public sealed class PackageTests : IClassFixture<PackageFixture>
{
    private static readonly XNamespace Nuspec = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";

    private readonly PackageFixture _packages;

    public PackageTests(PackageFixture packages) => _packages = packages;

    public static TheoryData<string, string[]> Libraries => new()
    {
        { "TherapeuticAlliance", new[] { "netstandard2.0", "net8.0", "net10.0" } },
        { "TherapeuticAlliance.Fhir", new[] { "net8.0", "net10.0" } },
        { "TherapeuticAlliance.Tables", new[] { "net8.0", "net10.0" } },
        { "TherapeuticAlliance.Columnar", new[] { "net8.0", "net10.0" } },
    };

    [PackageTheory]
    [MemberData(nameof(Libraries))]
    public void EveryAssembly_HasItsXmlDocumentationBesideIt_ForEveryTargetFramework(string id, string[] frameworks)
    {
        using ZipArchive package = PackageFixture.Open(_packages.Package(id));
        string[] entries = package.Entries.Select(e => e.FullName).ToArray();
        Assert.Equal(frameworks.Order(StringComparer.Ordinal), entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith(".dll", StringComparison.Ordinal)).Select(e => e.Split('/')[1]).Order(StringComparer.Ordinal));
        foreach (string framework in frameworks)
        {
            ZipArchiveEntry? xml = package.GetEntry($"lib/{framework}/{id}.xml");
            Assert.True(xml is not null, $"{id}: lib/{framework}/{id}.xml is missing");
            using Stream stream = xml.Open();
            XDocument documentation = XDocument.Load(stream);
            Assert.Equal(id, documentation.Root!.Element("assembly")!.Element("name")!.Value);
            var members = documentation.Root.Element("members")!.Elements("member").Select(m => (string)m.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
            Assert.True(members.Count > (id == "TherapeuticAlliance" ? 1000 : 30), $"{id} {framework}: only {members.Count} documented members");
            Assert.Contains(id switch { "TherapeuticAlliance" => "T:TherapeuticAlliance.Assessment", "TherapeuticAlliance.Fhir" => "T:TherapeuticAlliance.Fhir.AllianceFhirMapper", "TherapeuticAlliance.Columnar" => "T:TherapeuticAlliance.Columnar.ColumnarResponses", _ => "T:TherapeuticAlliance.Tables.TidyTable" }, members);
        }
    }

    [PackageTheory]
    [MemberData(nameof(Libraries))]
    public void Metadata_NamesLicenceIconReadmeRepositoryAndProject_AndSymbolsShip(string id, string[] frameworks)
    {
        using ZipArchive package = PackageFixture.Open(_packages.Package(id));
        XElement metadata = Metadata(package, id);
        Assert.Equal("MIT", metadata.Element(Nuspec + "license")!.Value);
        Assert.Equal("expression", (string?)metadata.Element(Nuspec + "license")!.Attribute("type"));
        Assert.Equal("icon.png", metadata.Element(Nuspec + "icon")!.Value);
        Assert.Equal("README.md", metadata.Element(Nuspec + "readme")!.Value);
        Assert.NotNull(package.GetEntry("icon.png"));
        Assert.NotNull(package.GetEntry("README.md"));
        string repository = (string)metadata.Element(Nuspec + "repository")!.Attribute("url")!;
        Assert.StartsWith("https://", repository, StringComparison.Ordinal);
        Assert.Equal(repository, metadata.Element(Nuspec + "projectUrl")!.Value);
        Assert.Equal("git", (string?)metadata.Element(Nuspec + "repository")!.Attribute("type"));

        // The package's README links to the documentation, not to "the repository" in the abstract.
        using (var reader = new StreamReader(package.GetEntry("README.md")!.Open()))
        {
            Assert.Contains(repository, reader.ReadToEnd(), StringComparison.Ordinal);
        }

        using ZipArchive symbols = PackageFixture.Open(_packages.Package(id, "snupkg"));
        Assert.Equal(frameworks.Order(StringComparer.Ordinal), symbols.Entries.Where(e => e.FullName.EndsWith(".pdb", StringComparison.Ordinal)).Select(e => e.FullName.Split('/')[1]).Order(StringComparer.Ordinal));
    }

    [PackageFact]
    public void Dependencies_AreOnlyWhatTheCodeUses_AndANet8AppStaysOnItsOwnExtensionsLine()
    {
        using ZipArchive core = PackageFixture.Open(_packages.Package("TherapeuticAlliance"));
        var groups = Metadata(core, "TherapeuticAlliance").Element(Nuspec + "dependencies")!.Elements(Nuspec + "group")
            .ToDictionary(g => (string)g.Attribute("targetFramework")!, g => g.Elements(Nuspec + "dependency").ToDictionary(d => (string)d.Attribute("id")!, d => (string)d.Attribute("version")!, StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("8.0.0", groups["net8.0"]["Microsoft.Extensions.DependencyInjection.Abstractions"]);
        Assert.Equal("8.0.0", groups[".NETStandard2.0"]["Microsoft.Extensions.DependencyInjection.Abstractions"]);
        Assert.Equal(new[] { "Ardalis.GuardClauses", "MathNet.Numerics", "Microsoft.Extensions.DependencyInjection.Abstractions", "OneOf" }, groups["net10.0"].Keys.Order(StringComparer.Ordinal));

        using ZipArchive fhir = PackageFixture.Open(_packages.Package("TherapeuticAlliance.Fhir"));
        string[] fhirDependencies = Metadata(fhir, "TherapeuticAlliance.Fhir").Descendants(Nuspec + "dependency").Select(d => (string)d.Attribute("id")!).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "Hl7.Fhir.R4", "TherapeuticAlliance" }, fhirDependencies);
        Assert.DoesNotContain("alerts as Observations", Metadata(fhir, "TherapeuticAlliance.Fhir").Element(Nuspec + "description")!.Value, StringComparison.Ordinal);
    }

    [PackageFact]
    public void AConsole_RestoredFromThePackedFilesOnly_BuildsForNet8AndNet10_AndRuns()
    {
        string app = Directory.CreateTempSubdirectory("alliance-consumer-").FullName;
        try
        {
            // A folder outside the repository: none of its build files apply. Packages come from the packed folder
            // (TherapeuticAlliance*) and the machine's own feed (their dependencies), into a fresh packages folder,
            // so no earlier copy of the same version is used.
            File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="packed" value="{_packages.Output}" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(app, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFrameworks>net8.0;net10.0</TargetFrameworks>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <CheckEolTargetFramework>false</CheckEolTargetFramework>
                    <RestorePackagesPath>{Path.Combine(app, "packages")}</RestorePackagesPath>
                    <GenerateDocumentationFile>true</GenerateDocumentationFile>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <NoWarn>$(NoWarn);NU1603;CS1591</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="TherapeuticAlliance" Version="{_packages.Version}" />
                    <PackageReference Include="TherapeuticAlliance.Fhir" Version="{_packages.Version}" />
                    <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="8.0.0" />
                  </ItemGroup>
                </Project>
                """);
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Consumer", "Program.cs.txt"), Path.Combine(app, "Program.cs"));
            PackageFixture.Dotnet(app, "build -c Release -nologo");

            // The packages' documentation reached the consumer's packages folder: what IntelliSense reads.
            string restored = Path.Combine(app, "packages", "therapeuticalliance", _packages.Version, "lib");
            Assert.True(File.Exists(Path.Combine(restored, "net8.0", "TherapeuticAlliance.xml")));
            Assert.True(File.Exists(Path.Combine(restored, "net10.0", "TherapeuticAlliance.xml")));

            foreach (string framework in new[] { "net8.0", "net10.0" })
            {
                // Only the .NET 10 runtime is installed here: the net8.0 build runs on it by rolling forward.
                string output = PackageFixture.Dotnet(app, $"bin/Release/{framework}/Consumer.dll", new Dictionary<string, string> { ["DOTNET_ROLL_FORWARD"] = "Major" });
                Assert.Contains("SRS total 36.0, below cutoff: False", output, StringComparison.Ordinal);
                Assert.Contains("WAI-SR mean 4, goal 4", output, StringComparison.Ordinal);
                Assert.Contains("FHIR Questionnaire items: 4", output, StringComparison.Ordinal);
                Assert.Contains("Observation valueQuantity 36.0", output, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(app, recursive: true);
        }
    }

    private static XElement Metadata(ZipArchive package, string id)
    {
        using Stream stream = package.GetEntry(id + ".nuspec")!.Open();
        return XDocument.Load(stream).Root!.Element(Nuspec + "metadata")!;
    }
}

/// <summary>
/// A package test: run once, in the suite's first run; the reruns under other cultures (TA_TEST_CULTURE) skip it,
/// since packing does not depend on the culture and takes about a minute.
/// </summary>
public sealed class PackageFactAttribute : FactAttribute
{
    public PackageFactAttribute()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TA_TEST_CULTURE")))
        {
            Skip = "Packages are checked once, in the invariant run.";
        }
    }
}

/// <summary>A package theory; see <see cref="PackageFactAttribute"/>.</summary>
public sealed class PackageTheoryAttribute : TheoryAttribute
{
    public PackageTheoryAttribute()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TA_TEST_CULTURE")))
        {
            Skip = "Packages are checked once, in the invariant run.";
        }
    }
}
