using Xunit.Abstractions;

namespace TherapeuticAlliance.Tests.Signals;

/// <summary>The signal grid of issue 26: the library's defaults on caseloads of every condition the issue names.</summary>
public sealed class SignalGridTests
{
    private readonly ITestOutputHelper _output;

    public SignalGridTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Grid_Print()
    {
        if (Environment.GetEnvironmentVariable("TA_GRID") is not { } variant)
        {
            return;
        }

        var noDrop = new global::TherapeuticAlliance.Trends.AlertOptions { DropFromPrevious = false };
        var variants = new Dictionary<string, (global::TherapeuticAlliance.Trends.RuptureRepairOptions? Rupture, global::TherapeuticAlliance.Trends.AlertOptions? Alerts)>
        {
            ["defaults"] = (null, null),
            ["nodrop"] = (null, noDrop),
            ["a05"] = (new global::TherapeuticAlliance.Trends.RuptureRepairOptions { EpisodeFalseAlarmRate = 0.05 }, noDrop),
            ["a10"] = (new global::TherapeuticAlliance.Trends.RuptureRepairOptions { EpisodeFalseAlarmRate = 0.10 }, noDrop),
            ["a05b3"] = (new global::TherapeuticAlliance.Trends.RuptureRepairOptions { EpisodeFalseAlarmRate = 0.05, BaselineSessions = 3 }, noDrop),
            ["a10b3"] = (new global::TherapeuticAlliance.Trends.RuptureRepairOptions { EpisodeFalseAlarmRate = 0.10, BaselineSessions = 3 }, noDrop),
            ["a10b2"] = (new global::TherapeuticAlliance.Trends.RuptureRepairOptions { EpisodeFalseAlarmRate = 0.10, BaselineSessions = 2 }, noDrop),
            ["a02b3"] = (new global::TherapeuticAlliance.Trends.RuptureRepairOptions { EpisodeFalseAlarmRate = 0.02, BaselineSessions = 3 }, noDrop),
            ["a20b3"] = (new global::TherapeuticAlliance.Trends.RuptureRepairOptions { EpisodeFalseAlarmRate = 0.20, BaselineSessions = 3 }, noDrop),
        };
        foreach (string name in variant.Split(','))
        {
            (var rupture, var alerts) = variants[name];
            string table = SignalGrid.Table(SimulationCell.Grid.Select(c => SignalGrid.Run(c, SignalGrid.TuningSeeds, rupture, alerts)));
            File.WriteAllText($"/tmp/grid-{name}.md", table);
        }
    }
}
