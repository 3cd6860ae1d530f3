using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TherapeuticAlliance.ExpectedResponse;
using TherapeuticAlliance.Multilevel;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Tests.Care;
using TherapeuticAlliance.Tests.ExpectedResponse;
using TherapeuticAlliance.Tests.Trends;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Telemetry;

/// <summary>No other test runs beside these: the library's meter is process-wide, and these count exactly.</summary>
[CollectionDefinition(nameof(TelemetryRuns), DisableParallelization = true)]
public sealed class TelemetryRuns
{
}

/// <summary>
/// Issue 33, part 3: the library's metrics and traces (one meter, one activity source) count what an operator needs
/// (administrations scored, inputs refused by kind, alerts by code and level, fit durations, caseload runs), and no
/// measurement or activity carries an identifier, a score or the caller's text.
/// </summary>
[Collection(nameof(TelemetryRuns))]
public sealed class AllianceTelemetryTests : IDisposable
{
    private const string Marker = "MRN-0042-MARKER";
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly List<Activity> _activities = new();
    private readonly ActivityListener _activityListener;

    public AllianceTelemetryTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AllianceTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AllianceTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (_activities) { _activities.Add(activity); } },
        };
        ActivitySource.AddActivityListener(_activityListener);
    }

    private void Record(System.Diagnostics.Metrics.Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_measurements)
        {
            _measurements.Add((instrument.Name, value, copy));
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        _activityListener.Dispose();
    }

    private double Sum(string name, params (string Key, string Value)[] tags) =>
        _measurements.Where(m => m.Instrument == name && tags.All(t => Equals(m.Tags.GetValueOrDefault(t.Key), t.Value))).Sum(m => m.Value);

    private void AssertNoMarker()
    {
        IEnumerable<string> texts = _measurements.SelectMany(m => m.Tags.Select(t => t.Key + "=" + t.Value))
            .Concat(_activities.SelectMany(a => a.TagObjects.Select(t => t.Key + "=" + t.Value).Append(a.DisplayName).Append(a.OperationName)));
        Assert.All(texts, t =>
        {
            Assert.DoesNotContain(Marker, t, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("MRN", t, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void TheEvaluator_CountsScoredAndRefusedAdministrations_ByInstrumentAndErrorCode_NeverTheCallersText()
    {
        using ServiceProvider services = new ServiceCollection().AddTherapeuticAlliance().Services.BuildServiceProvider();
        IAllianceEvaluator evaluator = services.GetRequiredService<IAllianceEvaluator>();
        ItemResponse[] good = Enumerable.Range(1, 4).Select(i => ItemResponse.Answered(i.ToString(System.Globalization.CultureInfo.InvariantCulture), 8m)).ToArray();
        Assert.True(evaluator.Evaluate("srs", Perspective.Client, Occasion.Session(1), good).IsT0);
        Assert.True(evaluator.Evaluate("srs", Perspective.Client, Occasion.Session(2), good).IsT0);
        EvaluationResult outOfRange = evaluator.Evaluate("srs", Perspective.Client, Occasion.Session(3), good.Select((r, i) => i == 0 ? ItemResponse.Answered("1", 11m) : r));
        EvaluationResult unknown = evaluator.Evaluate(Marker, Perspective.Client, Occasion.Session(1), good);
        Assert.NotNull(outOfRange.Error);
        Assert.NotNull(unknown.Error);

        Assert.Equal(2, Sum(AllianceTelemetry.AssessmentsScored, ("instrument", "srs"), ("path", "single")));
        Assert.Equal(1, Sum(AllianceTelemetry.InputsRejected, ("instrument", "srs"), ("kind", outOfRange.Error!.Code)));
        Assert.Equal(1, Sum(AllianceTelemetry.InputsRejected, ("instrument", AllianceTelemetry.UnregisteredInstrument), ("kind", unknown.Error!.Code)));
        AssertNoMarker();
    }

    [Fact]
    public void TheAnalyzer_CountsEveryAlertByCodeAndLevel_AndTracesTheCaseloadRun()
    {
        Episode low = CareKeysTests.Named(Marker, TrendTestData.Srs(38, 38, 33, 32), Enumerable.Repeat(("T1", "north"), 4).ToArray());
        ImmutableArray<AllianceReport> reports = EpisodeAnalyzer.Default.AnalyzeCaseload(new[] { low });
        ImmutableArray<Alert> alerts = reports.SelectMany(r => r.Alerts).ToImmutableArray();
        Assert.NotEmpty(alerts);
        Assert.Equal(alerts.Length, Sum(AllianceTelemetry.AlertsRaised));
        foreach (IGrouping<(string Code, AlertSeverity Severity), Alert> group in alerts.GroupBy(a => (a.Code, a.Severity)))
        {
            Assert.Equal(group.Count(), Sum(AllianceTelemetry.AlertsRaised, ("code", group.Key.Code), ("level", group.Key.Severity == AlertSeverity.Act ? "act" : "watch")));
        }

        Activity run = Assert.Single(_activities, a => a.OperationName == AllianceTelemetry.AnalyzeCaseloadActivity);
        Assert.Equal(1, run.GetTagItem("episodes"));
        AssertNoMarker();
    }

    [Fact]
    public void Fits_RecordTheirDuration_ByModelKindAndOutcome()
    {
        Episode[] history = ExpectedResponseModelTests.Oracle();
        Assert.True(ExpectedResponseModels.Default.Fit(ExpectedResponseModel.Kind, history, new ExpectedResponseOptions { MinimumEpisodes = 3 }).IsSuccess);
        Assert.False(ExpectedResponseModels.Default.Fit(ExpectedResponseModel.Kind, history).IsSuccess);   // 6 < 20 episodes
        Assert.Single(_measurements, m => m.Instrument == AllianceTelemetry.FitDuration && Equals(m.Tags["model"], ExpectedResponseModel.Kind) && Equals(m.Tags["outcome"], "fitted") && m.Value >= 0);
        Assert.Single(_measurements, m => m.Instrument == AllianceTelemetry.FitDuration && Equals(m.Tags["model"], ExpectedResponseModel.Kind) && Equals(m.Tags["outcome"], "too-few-episodes"));

        var frame = new ModelFrame(
            new Dictionary<string, IReadOnlyList<double>> { ["y"] = new double[] { 1, 2, 3, 4, 5, 7, 6, 8 }, ["x"] = new double[] { 1, 2, 3, 4, 5, 6, 7, 8 } },
            new Dictionary<string, IReadOnlyList<string?>> { ["g"] = new string?[] { "a", "a", "b", "b", "c", "c", "d", "d" } });
        MixedModelResult fit = LinearMixedModel.Fit("y ~ x + (1 | g)", frame);
        Assert.Single(_measurements, m => m.Instrument == AllianceTelemetry.FitDuration && Equals(m.Tags["model"], "lmer") && Equals(m.Tags["outcome"], fit.IsSuccess ? "fitted" : fit.Error!.Code));
        MixedModelResult bad = LinearMixedModel.Fit("y ~ nothing + (1 | g)", frame);
        Assert.False(bad.IsSuccess);
        Assert.Single(_measurements, m => m.Instrument == AllianceTelemetry.FitDuration && Equals(m.Tags["model"], "lmer") && Equals(m.Tags["outcome"], bad.Error!.Code));
        AssertNoMarker();
    }
}
