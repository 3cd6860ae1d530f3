// The library's side of benchmarks/compare/run.sh: reads the generated files, times scoring, alpha and the ICCs
// (median of several runs, after a warm-up), and prints one "name value" line per number for the script to compare.
using System.Diagnostics;
using System.Globalization;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Statistics;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: compare <responses.csv> <icc.csv> [repetitions]");
    return 2;
}

int repetitions = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
ResponseMatrix Read(string path)
{
    string[] lines = File.ReadAllLines(path);
    int columns = lines[0].Split(',').Length;
    var values = new double[(lines.Length - 1) * columns];
    for (int r = 1; r < lines.Length; r++)
    {
        string[] fields = lines[r].Split(',');
        for (int c = 0; c < columns; c++)
        {
            values[((r - 1) * columns) + c] = double.Parse(fields[c], CultureInfo.InvariantCulture);
        }
    }

    return ResponseMatrix.FromRowMajor(values, lines.Length - 1, columns);
}

double Median(Func<double> action, out double result)
{
    result = action();
    var times = new List<double>();
    for (int i = 0; i < repetitions; i++)
    {
        var watch = Stopwatch.StartNew();
        result = action();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return times[times.Count / 2];
}

ResponseMatrix responses = Read(args[0]);
ResponseMatrix ratings = Read(args[1]);
double scoringMs = Median(() => BatchScorer.Score(AllianceInstruments.WaiSr, responses).AsT0.Totals.Span.ToArray().Sum(), out double totalSum);
double alphaMs = Median(() => Reliability.CronbachAlpha(responses).AsT0.Alpha, out double alpha);
double iccMs = Median(() => Agreement.IntraclassCorrelations(ratings).AsT0[IccForm.Icc3k].Value, out double icc3k);
double icc2 = Agreement.IntraclassCorrelations(ratings).AsT0[IccForm.Icc2].Value;

void Print(string name, double value) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {value:R}"));
Print("scoring_ms", scoringMs);
Print("alpha_ms", alphaMs);
Print("icc_ms", iccMs);
Print("total_sum", totalSum);
Print("alpha", alpha);
Print("icc3k", icc3k);
Print("icc2", icc2);
return 0;
