using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TherapeuticAlliance.Tests;

/// <summary>Compiles and runs the README's quick-start code, so the README cannot rot.</summary>
public class ReadmeQuickStartTests
{
    private static string QuickStartCode()
    {
        string readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));
        int section = readme.IndexOf("## Quick start", StringComparison.Ordinal);
        Assert.True(section >= 0, "README has a Quick start section");
        Match block = Regex.Match(readme[section..], "```csharp\\n(.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, "the Quick start section has a csharp block");
        return block.Groups[1].Value;
    }

    [Fact]
    public void QuickStart_CompilesAndRuns()
    {
        string code = QuickStartCode();
        _ = typeof(Microsoft.Extensions.DependencyInjection.ServiceCollection); // make sure the container is loaded
        string[] trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        IEnumerable<MetadataReference> references = trusted
            .Concat(AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && a.Location.Length > 0).Select(a => a.Location))
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
            .Distinct(StringComparer.Ordinal)
            .Where(path => IsManaged(path))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => MetadataReference.CreateFromFile(g.First()));

        var compilation = CSharpCompilation.Create(
            "ReadmeQuickStart",
            new[] { CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest)) },
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        image.Position = 0;
        var context = new AssemblyLoadContext("readme", isCollectible: true);
        try
        {
            Assembly assembly = context.LoadFromStream(image);
            TextWriter original = Console.Out;
            using var output = new StringWriter();
            Console.SetOut(output);
            try
            {
                MethodInfo entry = assembly.EntryPoint!;
                entry.Invoke(null, entry.GetParameters().Length == 0 ? null : new object[] { Array.Empty<string>() });
            }
            finally
            {
                Console.SetOut(original);
            }

            string text = output.ToString();
            Assert.Contains("SRS total 36", text);
            Assert.Contains("below cutoff: False", text);
            Assert.Contains("WAI-SR", text);
        }
        finally
        {
            context.Unload();
        }
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
