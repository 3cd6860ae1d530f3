using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TherapeuticAlliance.Charts;
using TherapeuticAlliance.ExpectedResponse;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Statistics;
using TherapeuticAlliance.Tests.Trends;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Concurrency;

/// <summary>
/// Many threads on shared instances: the DI singletons (evaluator, analyzer, strategies), the built-in instruments,
/// a fitted expected-response model whose lazily built caches are first touched by all threads at once, the
/// statistics and the chart writer. Every thread must get exactly what one thread gets alone.
/// </summary>
public class ConcurrencyStressTests
{
    private const int Threads = 16;
    private const int Rounds = 20;

    [Fact]
    public void SharedInstances_GiveFromManyThreadsExactlyWhatTheyGiveSequentially()
    {
        using ServiceProvider services = new ServiceCollection().AddTherapeuticAlliance().Services.BuildServiceProvider();
        var work = Work(services);

        // Sequential results, from their own instances (a fresh model, so no cache is shared with the parallel run).
        using ServiceProvider sequentialServices = new ServiceCollection().AddTherapeuticAlliance().Services.BuildServiceProvider();
        string[] expected = Work(sequentialServices).Select(w => w()).ToArray();

        var failures = new ConcurrentBag<string>();
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();   // all threads reach the shared, still cold, instances together
            for (int round = 0; round < Rounds; round++)
            {
                // Each thread walks the work in its own order, so different paths overlap.
                for (int k = 0; k < work.Count; k++)
                {
                    int i = (k + (t * 7) + round) % work.Count;
                    string actual = work[i]();
                    if (actual != expected[i])
                    {
                        failures.Add($"thread {t}, round {round}, work {i}: {actual} != {expected[i]}");
                    }
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(failures);
        Assert.True(expected.Length >= 10);
    }

    /// <summary>The work items, each a function whose result (as text, numbers round-tripped) is compared.</summary>
    private static List<Func<string>> Work(IServiceProvider services)
    {
        IAllianceEvaluator evaluator = services.GetRequiredService<IAllianceEvaluator>();
        EpisodeAnalyzer analyzer = services.GetRequiredService<EpisodeAnalyzer>();
        IScoringStrategy mean = services.GetRequiredKeyedService<IScoringStrategy>("mean");
        var random = new Random(20261130);
        var matrix = ResponseMatrix.FromRows(Enumerable.Range(0, 200).Select(_ => (IReadOnlyList<double>)Enumerable.Range(0, 12).Select(_ => (double)random.Next(1, 6)).ToArray()).ToList());
        var ratings = ResponseMatrix.FromRows(Enumerable.Range(0, 50).Select(i => (IReadOnlyList<double>)new[] { 20.0 + (i % 17), 21.0 + (i % 13), 19.0 + (i % 11) }).ToList());
        Episode srs = TrendTestData.Srs(37, 37.5, 36.8, 30.1, 31, 36.9, 37.2, 33, 32.5, 32);
        Episode ors = TrendTestData.Ors(18, 19.5, 21, 20.2, 23, 24.5, 26, 25.1, 27.3, 28);
        ExpectedResponseModel model = ExpectedResponseModel.Fit(History(), new ExpectedResponseOptions { MinimumEpisodes = 20 }).GetValueOrThrow().Model;
        var detector = new NotOnTrackDetector(new[] { model });

        static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        return new List<Func<string>>
        {
            () => evaluator.Evaluate("srs", Perspective.Client, Occasion.Session(2), new[] { ItemResponse.Answered("1", 8.8m), ItemResponse.Answered("2", 9.1m), ItemResponse.Answered("3", 9.0m), ItemResponse.Answered("4", 9.1m) }).GetValueOrThrow().Score.Value.ToString(CultureInfo.InvariantCulture),
            () => evaluator.Evaluate("wai-sr", Perspective.Client, Occasion.Session(3), Enumerable.Range(1, 12).Select(i => ItemResponse.Answered(i.ToString(CultureInfo.InvariantCulture), 1 + (i % 5)))).GetValueOrThrow().Score.ToString(),
            () => mean.Score(AllianceInstruments.AllianceProfile.CreateAssessment(Perspective.Therapist, Occasion.Session(1), Enumerable.Range(0, AllianceInstruments.AllianceProfile.Items.Length).Select(i => (decimal?)(1 + (i % 7))).ToArray()).GetValueOrThrow()).GetValueOrThrow().Value.ToString(CultureInfo.InvariantCulture),
            () => string.Join(" ", ScoringStrategies.Sum.ScoreBatch(AllianceInstruments.WaiSr, matrix).GetValueOrThrow().Totals.ToArray().Select(R)),
            () => R(Reliability.CronbachAlpha(matrix).GetValueOrThrow().Alpha),
            () => string.Join(" ", Agreement.IntraclassCorrelations(ratings).GetValueOrThrow().Forms.Select(f => R(f.Value) + "/" + R(f.Lower) + "/" + R(f.Upper))),
            () => analyzer.Analyze(srs).ToJson(),
            () => analyzer.Analyze(ors).ToJson(),
            () => string.Join(" ", analyzer.AnalyzeCaseload(new[] { srs, ors }).Select(r => r.Alerts.Length)),
            () => string.Join(" ", Enumerable.Range(1, 20).Select(s => R(model.Expect(12 + (s % 9), s).Bound))),
            () => string.Join(";", detector.Detect(ors).Findings.Select(f => f.Summary)),
            () => string.Join(" ", CaseloadTriage.Clients(analyzer.AnalyzeCaseload(new[] { srs, ors })).Select(e => e.ToString())),
            () => ChartWriter.ToSvg(new LineChart("SRS total", "SRS total by session.", new ChartAxis("Session", 1, 10), new ChartAxis("Total (points, 0–40)", 0, 40), new[] { new ChartSeries("Client", srs.Scores.Select(s => new ChartPoint(s.Occasion.SessionNumber, (double)s.Value)), ChartPalette.Blue) })),
        };
    }

    /// <summary>Thirty ORS histories: intake between 12 and 26, improving by ln(session) with a fixed pattern of noise.</summary>
    private static IEnumerable<Episode> History() =>
        Enumerable.Range(0, 30).Select(c => TrendTestData.Ors(Enumerable.Range(1, 10).Select(s => Math.Min(40, 12 + (c % 15) + (2.5 * Math.Log(s)) + (((c * 7) + (s * 3)) % 5 * 0.4))).ToArray()));
}
