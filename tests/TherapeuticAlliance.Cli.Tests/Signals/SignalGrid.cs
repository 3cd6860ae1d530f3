using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.ExpectedResponse;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Cli.Tests.Signals;

/// <summary>The figures of one grid cell over a set of seeds (issue 26).</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Events">SRS series with a rated session before the dip and one in it.</param>
/// <param name="EventsFound">Events with at least one true rupture finding.</param>
/// <param name="Findings">Rupture findings on the SRS.</param>
/// <param name="TrueFindings">Findings whose trough falls in the dip and whose start is before it.</param>
/// <param name="CalmClients">Clients without a rupture whose outcome does not deteriorate.</param>
/// <param name="FalseAlarms">Alerts on calm clients' SRS episodes that the truth does not justify (a below-cutoff alert is justified when the true SRS level at the last session is below 36).</param>
/// <param name="Deteriorating">Clients whose outcome deteriorates (the not-on-track positives).</param>
/// <param name="DeterioratingFlagged">Of them, those with a not-on-track alert at their last session.</param>
/// <param name="ImprovingFlagged">Improving clients with a not-on-track alert at their last session (false).</param>
/// <param name="Flat">Clients with a flat outcome (counted apart: "not making expected progress" fits them too).</param>
/// <param name="FlatFlagged">Of them, those flagged.</param>
/// <param name="ClientsWithAlert">Clients with any alert on their SRS episode.</param>
/// <param name="Clients">Clients.</param>
public sealed record CellFigures(
    SimulationCell Cell,
    int Events,
    int EventsFound,
    int Findings,
    int TrueFindings,
    int CalmClients,
    int FalseAlarms,
    int Deteriorating,
    int DeterioratingFlagged,
    int ImprovingFlagged,
    int Flat,
    int FlatFlagged,
    int ClientsWithAlert,
    int Clients)
{
    public double Precision => Findings == 0 ? 1.0 : (double)TrueFindings / Findings;

    public double Recall => Events == 0 ? 1.0 : (double)EventsFound / Events;

    public double FalseAlarmsPerCalmClient => CalmClients == 0 ? 0.0 : (double)FalseAlarms / CalmClients;

    public double NotOnTrackPrecision => DeterioratingFlagged + ImprovingFlagged == 0 ? 1.0 : (double)DeterioratingFlagged / (DeterioratingFlagged + ImprovingFlagged);

    public double NotOnTrackRecall => Deteriorating == 0 ? 1.0 : (double)DeterioratingFlagged / Deteriorating;

    public bool MeetsTargets => Precision >= 0.8 && Recall >= 0.85 && FalseAlarmsPerCalmClient <= 0.25 && NotOnTrackPrecision >= 0.8 && NotOnTrackRecall >= 0.85;

    public static CellFigures operator +(CellFigures a, CellFigures b) => new(
        a.Cell,
        a.Events + b.Events,
        a.EventsFound + b.EventsFound,
        a.Findings + b.Findings,
        a.TrueFindings + b.TrueFindings,
        a.CalmClients + b.CalmClients,
        a.FalseAlarms + b.FalseAlarms,
        a.Deteriorating + b.Deteriorating,
        a.DeterioratingFlagged + b.DeterioratingFlagged,
        a.ImprovingFlagged + b.ImprovingFlagged,
        a.Flat + b.Flat,
        a.FlatFlagged + b.FlatFlagged,
        a.ClientsWithAlert + b.ClientsWithAlert,
        a.Clients + b.Clients);

    /// <summary>One row of the docs' table.</summary>
    public string ToMarkdownRow() => string.Format(
        CultureInfo.InvariantCulture,
        "| {0} | {1:0.00} ({2}) | {3:0.00} ({4}) | {5:0.00} ({6}) | {7:0.00} | {8:0.00} ({9}) | {10:0.00} | {11} of {12} | {13} |",
        Cell.Name,
        Precision,
        Findings,
        Recall,
        Events,
        FalseAlarmsPerCalmClient,
        CalmClients,
        NotOnTrackPrecision,
        NotOnTrackRecall,
        Deteriorating,
        Flat == 0 ? 0.0 : (double)FlatFlagged / Flat,
        ClientsWithAlert,
        Clients,
        MeetsTargets ? "yes" : "**no**");
}

/// <summary>
/// Runs the library's default analysis (the services of <c>AddTherapeuticAlliance()</c>, as <c>alliance analyze</c>
/// composes them, plus the not-on-track detector fitted on a 1,500-client history of the same cell) on simulated
/// caseloads and scores it against the truth.
/// </summary>
public static class SignalGrid
{
    /// <summary>The seeds the rules were chosen on.</summary>
    public static ImmutableArray<int> TuningSeeds { get; } = ImmutableArray.Create(11, 12);

    /// <summary>The seeds kept unseen while the rules were chosen, reported apart.</summary>
    public static ImmutableArray<int> HeldOutSeeds { get; } = ImmutableArray.Create(9001, 9002);

    /// <summary>The table's header.</summary>
    public const string Header =
        "| Condition | Rupture precision (findings) | Recall (events) | False alarms per calm client (clients) | Not-on-track precision | Recall (deteriorating) | Flat outcomes flagged | Clients with any SRS alert | Targets met |\n" +
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |";

    /// <summary>Runs one cell over seeds and sums the figures.</summary>
    public static CellFigures Run(SimulationCell cell, IEnumerable<int> seeds, RuptureRepairOptions? rupture = null, AlertOptions? alerts = null) =>
        seeds.Select(seed => RunOne(cell, seed, rupture, alerts)).Aggregate((a, b) => a + b);

    /// <summary>Writes the grid as a markdown table.</summary>
    public static string Table(IEnumerable<CellFigures> figures)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (CellFigures f in figures)
        {
            text.Append(f.ToMarkdownRow()).Append('\n');
        }

        return text.ToString();
    }

    private static CellFigures RunOne(SimulationCell cell, int seed, RuptureRepairOptions? rupture, AlertOptions? alerts)
    {
        using ServiceProvider services = new ServiceCollection().AddTherapeuticAlliance().Services.BuildServiceProvider();
        IScoringStrategy strategy = services.GetRequiredService<IScoringStrategy>();
        SimulatedCaseload history = CaseloadSimulation.Generate(cell with { Clients = 1500 }, seed + 500_000);
        Episode[] historyOrs = Episodes(history, strategy).Where(e => e.InstrumentId == "ors").ToArray();
        ExpectedResponseModel model = ExpectedResponseModel.Fit(historyOrs).GetValueOrThrow().Model;

        ITherapeuticAllianceBuilder builder = new ServiceCollection().AddTherapeuticAlliance(o => o.Alerts = alerts ?? o.Alerts)
            .AddTrendDetector(new NotOnTrackDetector(new[] { model }))
            .AddAlertRule(new NotOnTrackAlertRule());
        if (rupture is not null)
        {
            builder.AddTrendDetector(new RuptureRepairDetector(rupture));
        }

        using ServiceProvider withModel = builder.Services.BuildServiceProvider();
        EpisodeAnalyzer analyzer = withModel.GetRequiredService<EpisodeAnalyzer>();
        SimulatedCaseload caseload = CaseloadSimulation.Generate(cell, seed);
        ImmutableArray<AllianceReport> reports = analyzer.AnalyzeCaseload(Episodes(caseload, strategy));

        int events = 0, found = 0, findings = 0, trueFindings = 0, calm = 0, falseAlarms = 0;
        int deteriorating = 0, deterioratingFlagged = 0, improvingFlagged = 0, flat = 0, flatFlagged = 0, withAlert = 0;
        foreach (AllianceReport report in reports)
        {
            Episode episode = report.Episode;
            ClientTruth truth = caseload.Truth[episode.Id];
            if (episode.InstrumentId == "srs")
            {
                IRuptureEvidence[] ruptures = report.Findings.OfType<IRuptureEvidence>().ToArray();
                findings += ruptures.Length;
                bool InDip(int session) => truth.RuptureOnset is { } o && session >= o && (truth.RuptureEnd is not { } e || session < e);
                // A gradual dip may be found at its second session, from the first (half-dipped) one.
                bool IsTrue(IRuptureEvidence r) => InDip(r.TroughSession) && r.StartSession < truth.RuptureOnset + (cell.GradualDips ? 1 : 0);
                trueFindings += ruptures.Count(IsTrue);
                int[] rated = episode.Scores.Select(s => s.Occasion.SessionNumber).ToArray();
                if (truth.RuptureOnset is { } onset && rated.Any(s => s < onset) && rated.Any(InDip))
                {
                    events++;
                    found += ruptures.Any(IsTrue) ? 1 : 0;
                }

                withAlert += report.Alerts.IsEmpty ? 0 : 1;
                if (truth.RuptureOnset is null && truth.Outcome != "deteriorating")
                {
                    calm++;
                    falseAlarms += report.Alerts.Count(a => !(a.Rule == AlertRules.BelowCutoffRule && truth.TrueSrsLatest < 36.0));
                }
            }
            else
            {
                bool flagged = report.Alerts.Any(a => a.Rule == NotOnTrackAlertRule.RuleName);
                switch (truth.Outcome)
                {
                    case "deteriorating":
                        deteriorating++;
                        deterioratingFlagged += flagged ? 1 : 0;
                        break;
                    case "flat":
                        flat++;
                        flatFlagged += flagged ? 1 : 0;
                        break;
                    default:
                        improvingFlagged += flagged ? 1 : 0;
                        break;
                }
            }
        }

        return new CellFigures(cell, events, found, findings, trueFindings, calm, falseAlarms, deteriorating, deterioratingFlagged, improvingFlagged, flat, flatFlagged, withAlert, caseload.Truth.Count);
    }

    private static Episode[] Episodes(SimulatedCaseload caseload, IScoringStrategy strategy) =>
        TherapeuticAlliance.Trends.Episodes.FromAssessments(caseload.Assessments, strategy).Select(r => r.GetValueOrThrow()).ToArray();
}
