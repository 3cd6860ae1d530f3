// The library's side of benchmarks/compare/run.sh: reads the generated files, times scoring, alpha and the ICCs
// (median of several runs, after a warm-up long enough for the JIT to reach its optimised code), and prints one
// "name value" line per number for the script to compare.
using System.Diagnostics;
using System.Globalization;
using TherapeuticAlliance;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Statistics;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: compare <responses.csv> <icc.csv> [repetitions]");
    return 2;
}

int repetitions = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 21;
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

// Tiered compilation starts every method unoptimised; warm up for at least half a second (and 30 calls) so the
// timed runs measure the optimised code, as numpy's and R's compiled kernels are.
double Median<T>(Func<T> action, out T result)
{
    var warmUp = Stopwatch.StartNew();
    int calls = 0;
    do
    {
        result = action();
        calls++;
    }
    while (calls < 30 || warmUp.ElapsedMilliseconds < 500);

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
Instrument waiSr = AllianceInstruments.WaiSr;
var buffer = new double[ScoringStrategies.BatchDestinationLength(waiSr, responses.RowCount)];
double scoringMs = Median(() => ScoringStrategies.Sum.ScoreBatch(waiSr, responses).AsT0, out BatchScores scores);
double scoringIntoMs = Median(() => ScoringStrategies.Sum.ScoreBatchInto(waiSr, responses, buffer).AsT0, out _);
double alphaMs = Median(() => Reliability.CronbachAlpha(responses).AsT0, out ReliabilityAnalysis alpha);
double iccMs = Median(() => Agreement.IntraclassCorrelations(ratings).AsT0, out IccAnalysis icc);

static double NaNSum(ReadOnlySpan<double> values)
{
    double sum = 0;
    foreach (double v in values)
    {
        sum += double.IsNaN(v) ? 0 : v;
    }

    return sum;
}

void Print(string name, double value) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {value:R}"));
Print("scoring_ms", scoringMs);
Print("scoring_into_ms", scoringIntoMs);
Print("alpha_ms", alphaMs);
Print("icc_ms", iccMs);
Print("total_sum", NaNSum(scores.Totals.Span));
Print("task_sum", NaNSum(scores.Subscales[0].Values.Span));
Print("bond_sum", NaNSum(scores.Subscales[1].Values.Span));
Print("goal_sum", NaNSum(scores.Subscales[2].Values.Span));
Print("scored_rows", responses.RowCount - scores.InvalidRows.Length - scores.UnscoredRows);
Print("alpha", alpha.Alpha);
Print("icc3k", icc[IccForm.Icc3k].Value);
Print("icc2", icc[IccForm.Icc2].Value);
return 0;
