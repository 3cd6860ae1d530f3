#:project ../../src/TherapeuticAlliance.Columnar/TherapeuticAlliance.Columnar.csproj
#:package DuckDB.NET.Data.Full
#:property ImplicitUsings=enable
#:property NoWarn=$(NoWarn);CA1861;CA2007;CA1849;CA2100;CA1305
#:property Nullable=annotations

// Consortium scale, measured side by side in one run (issue 18, part 4): N administrations x 12 WAI-SR items in
// Parquet partitions; total and subscale scoring plus Cronbach's alpha by the library (partitions read item columns
// only, one per core, scored into a reused buffer, summarised as mergeable partials and merged) and by DuckDB
// (the same sums and alpha in one SQL query over the same files, DuckDB.NET in this process, all cores).
// Both must give the same numbers (counts exactly, sums to 1e-12, alpha to 1e-9). Prints medians and the ratio; writes the table to
// benchmarks/results/consortium.md. From the repository's root:
//   dotnet run -c Release benchmarks/consortium/consortium.cs -- [ROWS] [PARTITIONS] [RUNS] [DATASET]
// Defaults: 30,000,000 rows in 30 partitions, 3 runs, the dataset cached under the system's temporary folder.

using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using TherapeuticAlliance;
using TherapeuticAlliance.Columnar;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Statistics;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
long rows = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 30_000_000;
int partitions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
int runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
string dataset = args.Length > 3 ? args[3] : Path.Combine(Path.GetTempPath(), $"alliance-consortium-{rows}-{partitions}");
Instrument wai = AllianceInstruments.WaiSr;
string[] items = wai.Items.Select(i => i.Id).ToArray();

DuckDBConnection? connection = null;
DuckDBConnection Duck()
{
    if (connection is null) { connection = new DuckDBConnection("DataSource=:memory:"); connection.Open(); }
    return connection;
}

object? Scalar(string sql) { using var c = Duck().CreateCommand(); c.CommandText = sql; return c.ExecuteScalar(); }
object?[] Row(string sql)
{
    using var c = Duck().CreateCommand();
    c.CommandText = sql;
    using var r = c.ExecuteReader();
    r.Read();
    var values = new object?[r.FieldCount];
    for (int i = 0; i < values.Length; i++) { values[i] = r.IsDBNull(i) ? null : r.GetValue(i); }
    return values;
}

// The dataset: WAI-SR-shaped responses (1-5 around a per-row trait, 0.2 % missing, 0.01 % off the scale), written by
// DuckDB as TINYINT columns with the keys, one file per partition; generated once and reused.
bool generated = !Directory.Exists(dataset) || Directory.GetFiles(dataset, "*.parquet").Length != partitions;
if (generated)
{
    Directory.CreateDirectory(dataset);
    Scalar("SELECT setseed(0.20261130)");
    long per = rows / partitions;
    for (int p = 0; p < partitions; p++)
    {
        long from = p * per, to = p == partitions - 1 ? rows : from + per;
        string columns = string.Join(", ", items.Select(id => $"CASE WHEN random() < 0.002 THEN NULL WHEN random() < 0.0001 THEN 7 ELSE least(5, greatest(1, round(3.6 + trait + (random() + random() + random() - 1.5) * 0.8)))::TINYINT END::TINYINT AS \"{id}\""));
        Scalar($"COPY (SELECT 'C' || (i // 12)::VARCHAR AS episode, (i % 12 + 1)::INTEGER AS session, 'client' AS perspective, 'wai-sr' AS instrument, {columns} " +
               $"FROM (SELECT i, (random() + random() + random() - 1.5) * 1.1 AS trait FROM range({from}, {to}) t(i))) TO '{Path.Combine(dataset, $"part-{p:000}.parquet")}' (FORMAT parquet)");
    }
}

string[] files = ColumnarResponses.PartitionFiles(dataset).ToArray();
long bytes = files.Sum(f => new FileInfo(f).Length);

// The library: partitions in parallel (one per core), each read (item columns only), scored into a reused buffer and
// summarised; the partials merged. Memory per worker: one partition's matrix and its score buffer.
long peakHeap = 0;
(double Time, BatchSummaryStatistics Scores, ReliabilityAnalysis Alpha) Library()
{
    using var sampling = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!sampling.IsCancellationRequested)
        {
            peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
            await Task.Delay(5);
        }
    });
    var sw = Stopwatch.StartNew();
    var scores = new BatchSummaryStatistics[files.Length];
    var moments = new SufficientStatistics[files.Length];
    var buffers = new ThreadLocal<double[]>(() => Array.Empty<double>());
    Parallel.For(0, files.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, p =>
    {
        ResponseMatrix matrix = ColumnarResponses.ReadResponseMatrixAsync(files[p], wai).GetAwaiter().GetResult().GetValueOrThrow();
        int length = ScoringStrategies.BatchDestinationLength(wai, matrix.RowCount);
        if (buffers.Value!.Length < length) { buffers.Value = new double[length]; }
        BatchSummary summary = ScoringStrategies.Sum.ScoreBatchInto(wai, matrix, buffers.Value).AsT0;
        scores[p] = BatchSummaryStatistics.FromBuffer(summary, buffers.Value, wai, 1).GetValueOrThrow();
        moments[p] = SufficientStatistics.FromMatrix(matrix, "wai-sr", 2).GetValueOrThrow();
    });
    BatchSummaryStatistics merged = BatchSummaryStatistics.Merge(scores).GetValueOrThrow();
    ReliabilityAnalysis alpha = SufficientStatistics.Merge(moments).GetValueOrThrow().CronbachAlpha().GetValueOrThrow();
    double seconds = sw.Elapsed.TotalSeconds;
    sampling.Cancel();
    sampler.Wait();
    return (seconds, merged, alpha);
}

// DuckDB: the same sums over the valid complete rows and alpha over the complete rows, in one scan of the same files.
string glob = Path.Combine(dataset, "*.parquet");
string complete = string.Join(" AND ", items.Select(id => $"\"{id}\" IS NOT NULL"));
string valid = complete + " AND " + string.Join(" AND ", items.Select(id => $"\"{id}\" BETWEEN 1 AND 5"));
string Sum(IEnumerable<string> ids) => "(" + string.Join(" + ", ids.Select(id => $"\"{id}\"::DOUBLE")) + ")";
string total = Sum(items);
string Unit(string dimension) => Sum(wai.SubscaleUnits.Single(u => u.Dimension!.Id == dimension).ItemIndices.Select(i => items[i]));
// Flags and sums are computed once per row in a subquery, so the aggregates' filters only test a boolean.
string sql = $"SELECT count(*) FILTER (WHERE valid), sum(total) FILTER (WHERE valid), sum(task) FILTER (WHERE valid), sum(bond) FILTER (WHERE valid), sum(goal) FILTER (WHERE valid), "
    + $"12.0 / 11.0 * (1 - ({string.Join(" + ", items.Select(id => $"var_samp(\"{id}\") FILTER (WHERE complete)"))}) / var_samp(total) FILTER (WHERE complete)), count(*) FILTER (WHERE complete) "
    + $"FROM (SELECT *, {complete} AS complete, {valid} AS valid, {total} AS total, {Unit("task")} AS task, {Unit("bond")} AS bond, {Unit("goal")} AS goal FROM read_parquet('{glob}'))";
(double Time, object?[] Result) DuckDb()
{
    var sw = Stopwatch.StartNew();
    object?[] result = Row(sql);
    return (sw.Elapsed.TotalSeconds, result);
}

// Warm-up (JIT, file cache), then alternate the two, library first. The library's warm-up runs before DuckDB's first
// query, so when the dataset was cached (DuckDB not yet loaded) the process's peak working set after it is the
// library's own, runtime included.
Library();
long libraryPeak = generated ? -1 : Process.GetCurrentProcess().PeakWorkingSet64;
DuckDb();
var libraryTimes = new List<double>();
var duckTimes = new List<double>();
(double, BatchSummaryStatistics, ReliabilityAnalysis) lib = default;
(double, object?[]) db = default;
for (int r = 0; r < runs; r++)
{
    GC.Collect();
    lib = Library();
    libraryTimes.Add(lib.Item1);
    db = DuckDb();
    duckTimes.Add(db.Item1);
}

double Median(List<double> x) { var s = x.Order().ToList(); return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2; }
BatchSummaryStatistics scoresMerged = lib.Item2;
double Column(int c) => scoresMerged.Mean(c) * scoresMerged.ScoredCount(c);
object?[] d = db.Item2;
double D(int i) => Convert.ToDouble(d[i], CultureInfo.InvariantCulture);
int Index(string name) => scoresMerged.Columns.IndexOf(name);
var checks = new (string What, double Library, double DuckDb, double Tolerance)[]
{
    ("valid complete rows scored", scoresMerged.ScoredCount(0), D(0), 0),
    ("sum of totals", Column(0), D(1), 1e-12),
    ("sum of Task", Column(Index("task")), D(2), 1e-12),
    ("sum of Bond", Column(Index("bond")), D(3), 1e-12),
    ("sum of Goal", Column(Index("goal")), D(4), 1e-12),
    ("Cronbach's alpha (complete rows)", lib.Item3.Alpha, D(5), 1e-9),
    ("complete rows in alpha", lib.Item3.RowsUsed, D(6), 0),
};
bool same = checks.All(c => Math.Abs(c.Library - c.DuckDb) <= c.Tolerance * Math.Max(1, Math.Abs(c.DuckDb)));
double ratio = Median(libraryTimes) / Median(duckTimes);
long partitionRows = rows / partitions;
var text = new System.Text.StringBuilder();
text.AppendLine("# Consortium scale: the library against DuckDB");
text.AppendLine();
text.AppendLine($"`dotnet run -c Release benchmarks/consortium/consortium.cs` on {DateTime.UtcNow:yyyy-MM-dd}, one {Environment.ProcessorCount}-core machine, one run: {rows:N0} administrations × 12 WAI-SR items in {files.Length} Parquet partitions ({bytes / 1e6:N0} MB, written by DuckDB: TINYINT items with episode, session, perspective and instrument). .NET {Environment.Version}, DuckDB {Scalar("SELECT version()")} through DuckDB.NET in the same process. Medians of {runs} runs after a warm-up, the two alternating.");
text.AppendLine();
text.AppendLine("| Task | DuckDB (s) | library (s) | library / DuckDB |");
text.AppendLine("|---|---:|---:|---:|");
text.AppendLine($"| read, check values, total + 3 subscales (complete only) and Cronbach's alpha (complete rows) | {Median(duckTimes):F2} | {Median(libraryTimes):F2} | {ratio:F2}× |");
text.AppendLine();
text.AppendLine($"Runs (s): DuckDB {string.Join(", ", duckTimes.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))}; library {string.Join(", ", libraryTimes.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))}.");
text.AppendLine();
text.AppendLine($"Same numbers: {(same ? "yes" : "NO")}.");
text.AppendLine();
text.AppendLine("| Check | library | DuckDB |");
text.AppendLine("|---|---:|---:|");
foreach (var c in checks) { text.AppendLine($"| {c.What} | {c.Library:R} | {c.DuckDb:R} |"); }
text.AppendLine();
text.AppendLine($"DuckDB's query computes each row's flags and sums once in a subquery, then filtered aggregates: `{sql.Replace(glob, "PARTITIONS", StringComparison.Ordinal)}`.");
text.AppendLine();
text.AppendLine($"Memory: the library holds, per worker ({Environment.ProcessorCount}), one partition's response matrix ({partitionRows:N0} rows × 12 × 8 bytes = {partitionRows * 12 * 8 / 1e6:N0} MB) plus its read buffers and a reused score buffer ({partitionRows:N0} × 4 × 8 bytes = {partitionRows * 4 * 8 / 1e6:N0} MB), whatever the dataset's size. {(libraryPeak > 0 ? $"The process's peak working set after the library's warm-up run, before DuckDB was loaded, was {libraryPeak / 1e6:N0} MB (runtime, JIT and both workers' buffers included)." : "The library's peak working set is measured only when the dataset was generated by an earlier run (run again).")} The largest managed heap sampled every 5 ms during the library's runs, garbage not yet collected included, was {peakHeap / 1e6:N0} MB.");
Console.Write(text);
string results = Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "benchmarks/consortium", "..", "results", "consortium.md");
File.WriteAllText(results, text.ToString());
return same ? 0 : 1;
