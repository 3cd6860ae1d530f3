using SharpFuzz;
using TherapeuticAlliance.Fuzz;

// dotnet TherapeuticAlliance.Fuzz.dll TARGET                 under afl-fuzz (fuzz/run.sh): one input on standard input per run
// dotnet TherapeuticAlliance.Fuzz.dll TARGET --replay DIR    runs every file of DIR through TARGET and reports failures
// dotnet TherapeuticAlliance.Fuzz.dll seeds DIR             writes the starting corpus of every target into DIR
if (args.Length == 2 && args[0] == "seeds")
{
    Seeds.Write(args[1]);
    return 0;
}

if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out Action<byte[]>? target))
{
    Console.Error.WriteLine("usage: TherapeuticAlliance.Fuzz " + string.Join("|", FuzzTargets.All.Keys) + " [--replay DIR]");
    return 2;
}

if (args.Length == 3 && args[1] == "--replay")
{
    int failures = 0;
    foreach (string file in Directory.EnumerateFiles(args[2]).Order(StringComparer.Ordinal))
    {
        try
        {
            target(File.ReadAllBytes(file));
        }
        catch (Exception ex)
        {
            failures++;
            Console.Error.WriteLine(Path.GetFileName(file) + ": " + ex.GetType().Name + ": " + ex.Message);
        }
    }

    return failures == 0 ? 0 : 1;
}

Fuzzer.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target(buffer.ToArray());
});
return 0;
