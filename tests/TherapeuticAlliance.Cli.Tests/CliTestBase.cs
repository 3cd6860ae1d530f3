using System.Globalization;
using System.Text;

namespace TherapeuticAlliance.Cli.Tests;

/// <summary>What every CLI test needs: a run of the tool in process, and files in a temporary folder removed afterwards.</summary>
public abstract class CliTestBase : IDisposable
{
    protected CliTestBase() => Dir = Directory.CreateTempSubdirectory("alliance-cli-").FullName;

    /// <summary>Gets the temporary folder of this test.</summary>
    protected string Dir { get; }

    public void Dispose()
    {
        Directory.Delete(Dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs the tool with the progress counter off, capturing standard output and standard error.</summary>
    protected static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        int code = AllianceCli.Run(args, output, error, progress: false);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Writes a text file (UTF-8 without a byte-order mark unless an encoding is given) and returns its path.</summary>
    protected string File(string name, string content, Encoding? encoding = null) =>
        Bytes(name, (encoding ?? new UTF8Encoding(false)).GetPreamble().Concat((encoding ?? new UTF8Encoding(false)).GetBytes(content)).ToArray());

    /// <summary>Writes a file of raw bytes and returns its path.</summary>
    protected string Bytes(string name, byte[] content)
    {
        string path = Path.Combine(Dir, name);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }
}
