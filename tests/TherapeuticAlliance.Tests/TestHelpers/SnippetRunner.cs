using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TherapeuticAlliance.Tests.TestHelpers;

/// <summary>Finds code blocks in the Markdown docs and compiles and runs complete C# programs from them.</summary>
internal static class SnippetRunner
{
    private static readonly object ConsoleGate = new();

    public static string Block(string markdownFile, string heading, string language)
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, markdownFile));
        int section = text.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(section >= 0, $"{markdownFile} has the heading '{heading}'");
        Match block = Regex.Match(text[section..], "```" + language + "\\n(.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, $"the section '{heading}' of {markdownFile} has a {language} block");
        return block.Groups[1].Value;
    }

    /// <summary>Compiles a top-level C# program against the library and runs it, returning what it printed.</summary>
    public static string Run(string code)
    {
        _ = typeof(Microsoft.Extensions.DependencyInjection.ServiceCollection); // load the container assembly
        _ = typeof(Assessment);
        string[] trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        IEnumerable<MetadataReference> references = trusted
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(IsManaged)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => MetadataReference.CreateFromFile(g.First()));

        var compilation = CSharpCompilation.Create(
            "Snippet" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest)) },
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        image.Position = 0;
        var context = new AssemblyLoadContext("snippet", isCollectible: true);
        try
        {
            Assembly assembly = context.LoadFromStream(image);
            lock (ConsoleGate)
            {
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

                return output.ToString();
            }
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
