using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Statistics;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests;

/// <summary>
/// Plants a marker in every identifier and free-text input of the core public API that carries a client's data
/// (episode identifiers, item identifiers in responses, instrument identifiers asked for, column names, values of
/// invalid instrument and report JSON), provokes every error path, and checks that the marker never appears in any
/// message, <c>ToString()</c> or exception text (issue 11, part 3). Identifiers of registered instruments and their
/// items are configuration, not data, and may be named.
/// </summary>
public class NoPatientDataTests
{
    /// <summary>Shaped like a medical record number, and a valid identifier, so it passes every character rule.</summary>
    private const string Marker = "MRN-0042-MARKER";

    private readonly List<string> _texts = new();

    private void Seen(params object?[] things)
    {
        foreach (object? thing in things)
        {
            switch (thing)
            {
                case null:
                    break;
                case string text:
                    _texts.Add(text);
                    break;
                case Exception exception:
                    _texts.Add(exception.ToString());
                    break;
                case System.Collections.IEnumerable many:
                    foreach (object? one in many)
                    {
                        Seen(one);
                    }

                    _texts.Add(thing.ToString() ?? string.Empty);
                    break;
                default:
                    _texts.Add(thing.ToString() ?? string.Empty);
                    break;
            }
        }
    }

    private void AssertClean(string path)
    {
        string leaked = _texts.FirstOrDefault(t => t.Contains(Marker, StringComparison.OrdinalIgnoreCase) || t.Contains("0042", StringComparison.Ordinal)) ?? string.Empty;
        Assert.True(leaked.Length == 0, $"{path} echoed the marker: {leaked}");
        _texts.Clear();
    }

    private static AllianceScore Srs(int session, decimal total, DateTimeOffset? at = null) =>
        ReportedTotals.Create(AllianceInstruments.Srs, Perspective.Client, Occasion.Session(session, at), total).GetValueOrThrow();

    [Fact]
    public void Responses_Assessments_AndTheEvaluator_NeverEchoTheMarker()
    {
        ItemResponse response = ItemResponse.Answered(Marker, 5m);
        Seen(response, ItemResponse.NotAnswered(Marker));
        InvalidAssessment invalid = AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(1), new[] { response, ItemResponse.Answered("1", 11m), ItemResponse.Answered("2", 9.55m), ItemResponse.Answered("2", 9m) }).AsT1;
        Seen(invalid, invalid.Message, invalid.Problems, invalid.Problems.Select(p => p.Message));
        Seen(AllianceInstruments.Srs.CreateAssessment(Perspective.Therapist, Occasion.Session(1), new[] { response }).AsT1.Message);
        Seen(Assert.Throws<AllianceErrorException>(() => AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(1), new[] { response }).GetValueOrThrow()));

        using ServiceProvider services = new ServiceCollection().AddTherapeuticAlliance().Services.BuildServiceProvider();
        IAllianceEvaluator evaluator = services.GetRequiredService<IAllianceEvaluator>();
        EvaluationResult unknown = evaluator.Evaluate(Marker, Perspective.Client, Occasion.Session(1), new[] { response });
        Seen(unknown.Error?.Message, unknown.AsT1, unknown.AsT1.Message, unknown.ToString());
        EvaluationResult badItem = evaluator.Evaluate("srs", Perspective.Client, Occasion.Session(1), new[] { response });
        Seen(badItem.Error?.Message, badItem.AsT2);
        Seen(Assert.ThrowsAny<ArgumentException>(() => evaluator.Evaluate("srs", Perspective.Client, Occasion.Session(1), new[] { response }, Marker)));
        Seen(Assert.ThrowsAny<ArgumentException>(() => ItemResponse.Answered(Marker + " with a space", 1m)));

        var weighted = new WeightedScoringStrategy(new WeightedScoringOptions { ItemWeights = ImmutableDictionary<string, decimal>.Empty.Add(Marker, 2m), InstrumentId = Marker });
        Assessment srs = AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(1), 9m, 9m, 9m, 9m).GetValueOrThrow();
        ScoringResult mismatch = weighted.Score(srs);
        Seen(mismatch.Error?.Message, mismatch.AsT2);
        Seen(new WeightedScoringStrategy(new WeightedScoringOptions { ItemWeights = ImmutableDictionary<string, decimal>.Empty.Add(Marker, 2m) }).Score(srs).Error?.Message);
        Seen(new WeightedScoringStrategy(new WeightedScoringOptions { SubscaleWeights = ImmutableDictionary<string, decimal>.Empty.Add(Marker, 2m) }).Score(srs).Error?.Message);
        Seen(ReportedTotals.Create(AllianceInstruments.WaiSr, Perspective.Client, Occasion.Session(1), 40m, new[] { new KeyValuePair<string, decimal>(Marker, 10m) }).AsT1);
        AssertClean("responses, assessments, evaluator and strategies");
    }

    [Fact]
    public void Episodes_Reports_AndReportJson_NeverEchoTheMarkerOutsideTheirIdField()
    {
        DateTimeOffset day = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        Episode episode = Episode.Create(Marker, new[] { Srs(1, 38m, day), Srs(2, 30m, day.AddDays(7)), Srs(3, 31m, day.AddDays(-400)), Srs(4, 29m, day.AddDays(21)) }, AllianceInstruments.Srs.Cutoff, InconsistentSessionHandling.ExcludeSession).GetValueOrThrow();
        Assert.Equal(Marker, episode.Id);
        Seen(episode, episode.ExcludedSessions, episode.ExcludedSessions.Select(p => p.Message));
        Seen(Episode.Create(Marker, new[] { Srs(1, 38m), Srs(1, 30m) }).AsT1, Episode.Create(Marker, Array.Empty<AllianceScore>()).AsT1);
        Seen(Episodes.FromScores(new[] { (Marker, Srs(1, 38m)), (Marker, Srs(1, 37m)) }).Select(r => r.Match<object>(e => e, i => i.Message)));
        Seen(Assert.Throws<AllianceErrorException>(() => Episode.Create(Marker, Array.Empty<AllianceScore>()).GetValueOrThrow()));

        AllianceReport report = EpisodeAnalyzer.Default.Analyze(episode);
        Seen(report, report.Findings, report.Alerts, report.Guidance, report.Skipped, report.ToDocument(), report.ToDocument().Sessions, report.ToDocument().Findings);
        Assert.Contains(Marker, report.ToJson());
        string broken = report.ToJson().Replace("\"maximum\": 40", "\"maximum\": -1", StringComparison.Ordinal);
        Seen(AllianceReportDocument.FromJson(broken).AsT1, AllianceReportDocument.FromJson("{\"" + Marker + "\": 1}").AsT1, AllianceReportDocument.FromJson(Marker).AsT1);
        AssertClean("episodes and reports");
    }

    [Fact]
    public void InvalidInstrumentDefinitions_NeverEchoTheirValues()
    {
        string[] definitions =
        {
            "{\"format\":1,\"id\":\"x\",\"version\":\"1\",\"name\":\"X\",\"measure\":\"" + Marker + "\",\"scale\":{\"minimum\":1,\"maximum\":5,\"step\":1},\"items\":[{\"id\":\"1\"}],\"perspectives\":[\"" + Marker + "\"]}",
            "{\"format\":1,\"id\":\"x\",\"version\":\"1\",\"name\":\"X\",\"scale\":{\"minimum\":1,\"maximum\":5,\"step\":1},\"items\":[{\"id\":\"" + Marker + "\"},{\"id\":\"" + Marker + "\"}],\"subscales\":[{\"id\":\"" + Marker + "\",\"name\":\"S\",\"items\":[\"" + Marker + "x\"],\"mapsTo\":[\"" + Marker + "\"]},{\"id\":\"" + Marker + "\",\"name\":\"S\",\"items\":[\"" + Marker + "\",\"" + Marker + "\"]}],\"perspectives\":[\"client\"]}",
            "{\"format\":1,\"id\":\"x\",\"" + Marker + "\":1}",
            "{\"format\":1,\"id\":\"x\",\"version\":\"1\",\"name\":\"X\",\"scale\":{\"minimum\":1,\"maximum\":5,\"step\":1},\"items\":[{\"id\":\"1\"}],\"perspectives\":[\"client\"],\"cutoff\":{\"threshold\":1,\"operator\":\"" + Marker + "\"},\"missingData\":{\"rule\":\"" + Marker + "\"}}",
            Marker,
        };
        foreach (string json in definitions)
        {
            InvalidInstrumentDefinition invalid = InstrumentDefinition.Parse(json).AsT1;
            Seen(invalid, invalid.Problems);
            Seen(Assert.Throws<AllianceErrorException>(() => InstrumentDefinition.Parse(json).GetValueOrThrow()));
        }

        AssertClean("instrument definitions");
    }

    [Fact]
    public void Statistics_NeverEchoColumnNames()
    {
        var constant = ResponseMatrix.FromRows(new[] { new double[] { 1, 3 }, new double[] { 1, 4 }, new double[] { 1, 5 } }, new[] { Marker, Marker + "b" });
        StatisticsError error = Reliability.CronbachAlpha(constant).AsT1;
        Assert.Equal(Marker, error.Column);
        Seen(error.Message, error, constant);
        var rows = new[] { new double[] { 1, 3, 2 }, new double[] { 1, 4, 4 }, new double[] { 1, 5, 5 }, new double[] { 1, 2, 3 } };
        ReliabilityAnalysis alpha = Reliability.CronbachAlpha(ResponseMatrix.FromRows(rows, new[] { Marker, "b", "c" })).GetValueOrThrow();
        Seen(alpha, alpha.Items);
        Seen(Assert.ThrowsAny<ArgumentException>(() => ResponseMatrix.FromRows(new[] { new double[] { 1 } }, new[] { Marker, Marker })));
        AssertClean("statistics");
    }
}
