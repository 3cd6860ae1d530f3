// The AOT smoke app: the library's main paths in a native binary. .ci/run publishes it with Native AOT and checks
// what it prints; each line is a number computed here and given in docs/quality.md.
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TherapeuticAlliance;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Statistics;
using TherapeuticAlliance.Trends;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// Dependency injection and the evaluator.
using ServiceProvider services = new ServiceCollection().AddTherapeuticAlliance().Services.BuildServiceProvider();
IAllianceEvaluator evaluator = services.GetRequiredService<IAllianceEvaluator>();
EvaluatedAssessment srs = evaluator.Evaluate("srs", Perspective.Client, Occasion.Session(1), new[] { ItemResponse.Answered("1", 8.8m), ItemResponse.Answered("2", 9.1m), ItemResponse.Answered("3", 9.0m), ItemResponse.Answered("4", 9.1m) }).GetValueOrThrow();
Console.WriteLine($"evaluator: srs total {srs.Score.Value}");

// A trend analysis: six SRS sessions with a dip at session 4, through the registered analyzer.
decimal?[][] sessions = { new decimal?[] { 9.5m, 9.5m, 9.4m, 9.6m }, new decimal?[] { 9.6m, 9.5m, 9.5m, 9.6m }, new decimal?[] { 9.5m, 9.6m, 9.5m, 9.5m }, new decimal?[] { 7.0m, 7.1m, 7.0m, 7.2m }, new decimal?[] { 9.4m, 9.5m, 9.5m, 9.6m }, new decimal?[] { 9.5m, 9.6m, 9.6m, 9.5m } };
var scores = sessions.Select((values, i) => ScoringStrategies.Sum.Score(AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(i + 1), values).GetValueOrThrow()).GetValueOrThrow()).ToList();
Episode episode = Episode.Create("smoke", scores).GetValueOrThrow();
AllianceReport report = services.GetRequiredService<EpisodeAnalyzer>().Analyze(episode);
Console.WriteLine($"trends: {report.Findings.Length} findings, {report.Findings.Count(f => f.Code == "rupture")} rupture(s)");

// The report's JSON, written and read back (source-generated System.Text.Json).
string json = report.ToJson();
AllianceReportDocument document = AllianceReportDocument.FromJson(json).GetValueOrThrow();
Console.WriteLine($"report json: {document.Findings.Length} findings read back, schema {document.SchemaVersion}");

// The batch scorer over a response matrix: three WAI-SR rows of twelve answers.
var rows = new List<IReadOnlyList<double>> { Enumerable.Repeat(4.0, 12).ToArray(), Enumerable.Repeat(5.0, 12).ToArray(), Enumerable.Range(0, 12).Select(i => (double)(1 + (i % 5))).ToArray() };
BatchScores batch = ScoringStrategies.Sum.ScoreBatch(AllianceInstruments.WaiSr, ResponseMatrix.FromRows(rows)).GetValueOrThrow();
Console.WriteLine($"batch: totals {string.Join(" ", batch.Totals.ToArray())}");

// Reliability (Cronbach's alpha) of the same matrix.
Console.WriteLine($"alpha: {Reliability.CronbachAlpha(ResponseMatrix.FromRows(rows)).GetValueOrThrow().Alpha:0.0000}");
