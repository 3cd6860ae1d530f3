using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

namespace TherapeuticAlliance.Notebooks.Tests;

/// <summary>One code cell's outputs: each display's formatted values by MIME type, the text written to standard output, and any error.</summary>
internal sealed record CellOutput(int Index, string Source, IReadOnlyList<IReadOnlyDictionary<string, string>> Displays, string StandardOutput, string? Error);

/// <summary>
/// Runs a Jupyter notebook's C# cells in order through the .NET Interactive C# kernel hosted in this process, as a
/// notebook front end would, and reads or writes the outputs saved in the .ipynb file (nbformat 4).
/// </summary>
/// <remarks>
/// A cell whose first line is <c>// setup</c> references the packages as a reader does (<c>#r "nuget: ..."</c>); the
/// runner leaves it out and references the assemblies under test instead, so the notebook runs against this build.
/// The working directory is the notebook's folder while it runs, as in Jupyter.
/// </remarks>
internal static class NotebookRunner
{
    internal static readonly string[] Mimes = { "text/html", "text/plain" };

    internal static string Root
    {
        get
        {
            string dir = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(dir, "TherapeuticAlliance.sln")))
            {
                dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("The repository root was not found.");
            }

            return dir;
        }
    }

    internal static async Task<IReadOnlyList<CellOutput>> RunAsync(string notebook, IEnumerable<string> assemblies)
    {
        JsonObject document = JsonNode.Parse(await File.ReadAllTextAsync(notebook))!.AsObject();
        string previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Path.GetDirectoryName(Path.GetFullPath(notebook))!;
        try
        {
            using var kernel = new CSharpKernel();
            foreach (string assembly in assemblies)
            {
                KernelCommandResult reference = await kernel.SendAsync(new SubmitCode($"#r \"{assembly}\""));
                if (reference.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed)
                {
                    throw new InvalidOperationException($"Referencing {assembly} failed: {failed.Message}");
                }
            }

            var outputs = new List<CellOutput>();
            JsonArray cells = document["cells"]!.AsArray();
            for (int i = 0; i < cells.Count; i++)
            {
                JsonObject cell = cells[i]!.AsObject();
                if ((string?)cell["cell_type"] != "code")
                {
                    continue;
                }

                string source = Source(cell);
                if (source.StartsWith("// setup", StringComparison.Ordinal))
                {
                    outputs.Add(new CellOutput(i, source, Array.Empty<IReadOnlyDictionary<string, string>>(), string.Empty, null));
                    continue;
                }

                KernelCommandResult result = await kernel.SendAsync(new SubmitCode(source));
                var displays = result.Events.OfType<DisplayEvent>()
                    .Where(e => e is DisplayedValueProduced or ReturnValueProduced)
                    .Select(e => (IReadOnlyDictionary<string, string>)e.FormattedValues.Where(f => Mimes.Contains(f.MimeType)).ToDictionary(f => f.MimeType, f => f.Value))
                    .ToList();
                string stdout = string.Concat(result.Events.OfType<StandardOutputValueProduced>().SelectMany(e => e.FormattedValues.Where(f => f.MimeType == "text/plain").Select(f => f.Value)));
                string? error = result.Events.OfType<CommandFailed>().FirstOrDefault()?.Message;
                outputs.Add(new CellOutput(i, source, displays, stdout, error));
            }

            return outputs;
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    /// <summary>The outputs saved in the notebook, per code cell, in the shape <see cref="RunAsync"/> returns.</summary>
    internal static IReadOnlyList<CellOutput> Saved(string notebook)
    {
        JsonArray cells = JsonNode.Parse(File.ReadAllText(notebook))!["cells"]!.AsArray();
        var saved = new List<CellOutput>();
        for (int i = 0; i < cells.Count; i++)
        {
            JsonObject cell = cells[i]!.AsObject();
            if ((string?)cell["cell_type"] != "code")
            {
                continue;
            }

            var displays = new List<IReadOnlyDictionary<string, string>>();
            string stdout = string.Empty;
            foreach (JsonObject output in (cell["outputs"]?.AsArray() ?? new JsonArray()).Select(o => o!.AsObject()))
            {
                switch ((string?)output["output_type"])
                {
                    case "stream":
                        stdout += Text(output["text"]);
                        break;
                    case "display_data" or "execute_result":
                        displays.Add(output["data"]!.AsObject().Where(p => Mimes.Contains(p.Key)).ToDictionary(p => p.Key, p => Text(p.Value)));
                        break;
                }
            }

            saved.Add(new CellOutput(i, Source(cell), displays, stdout, null));
        }

        return saved;
    }

    /// <summary>Writes fresh outputs into the notebook (run with TA_UPDATE_NOTEBOOKS=1 after a deliberate change).</summary>
    internal static void Save(string notebook, IReadOnlyList<CellOutput> outputs)
    {
        JsonObject document = JsonNode.Parse(File.ReadAllText(notebook))!.AsObject();
        JsonArray cells = document["cells"]!.AsArray();
        int count = 0;
        foreach (CellOutput output in outputs)
        {
            JsonObject cell = cells[output.Index]!.AsObject();
            var saved = new JsonArray();
            if (output.StandardOutput.Length > 0)
            {
                saved.Add(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = Lines(output.StandardOutput) });
            }

            foreach (IReadOnlyDictionary<string, string> display in output.Displays)
            {
                var data = new JsonObject();
                foreach (var (mime, value) in display.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    data[mime] = Lines(value);
                }

                saved.Add(new JsonObject { ["output_type"] = "display_data", ["data"] = data, ["metadata"] = new JsonObject() });
            }

            cell["outputs"] = saved;
            cell["execution_count"] = output.Source.StartsWith("// setup", StringComparison.Ordinal) ? null : ++count;
        }

        File.WriteAllText(notebook, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
    }

    private static string Source(JsonObject cell) => Text(cell["source"]);

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue value => (string?)value ?? string.Empty,
        _ => string.Empty,
    };

    private static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            array.Add(text[start..end]);
            start = end;
        }

        return array;
    }
}
