using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TherapeuticAlliance.ExpectedResponse;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Cli.Tests.Signals;

/// <summary>One candidate's figures in one grid cell (issue 32), summed over seeds.</summary>
public sealed record ExpectedResponseCellFigures(
    string Cell,
    string Candidate,
    int Clients,
    int Positives,
    int Flagged,
    int TruePositives,
    int Assessments,
    int NotOnTrack,
    int OnTrackAssessments,
    int OnTrackInside,
    int AllInside,
    double Nominal)
{
    public double Precision => Flagged == 0 ? 1.0 : (double)TruePositives / Flagged;

    public double Recall => Positives == 0 ? 1.0 : (double)TruePositives / Positives;

    public double FlagRate => Assessments == 0 ? 0.0 : (double)NotOnTrack / Assessments;

    public double OnTrackCoverage => OnTrackAssessments == 0 ? double.NaN : (double)OnTrackInside / OnTrackAssessments;

    public double Coverage => Assessments == 0 ? double.NaN : (double)AllInside / Assessments;

    public bool MeetsTargets => Precision >= 0.8 && Recall >= 0.85 && FlagRate <= 0.15 && Math.Abs(Coverage - Nominal) <= 0.02;

    public static ExpectedResponseCellFigures operator +(ExpectedResponseCellFigures a, ExpectedResponseCellFigures b) => a with
    {
        Clients = a.Clients + b.Clients,
        Positives = a.Positives + b.Positives,
        Flagged = a.Flagged + b.Flagged,
        TruePositives = a.TruePositives + b.TruePositives,
        Assessments = a.Assessments + b.Assessments,
        NotOnTrack = a.NotOnTrack + b.NotOnTrack,
        OnTrackAssessments = a.OnTrackAssessments + b.OnTrackAssessments,
        OnTrackInside = a.OnTrackInside + b.OnTrackInside,
        AllInside = a.AllInside + b.AllInside,
    };

    public string ToMarkdownRow() => string.Format(
        CultureInfo.InvariantCulture,
        "| {0} | {1} | {2:0.00} ({3}) | {4:0.00} ({5}) | {6:0.0} % | {7:0.0} % | {8:0.0} % | {9} |",
        Cell,
        Candidate,
        Precision,
        Flagged,
        Recall,
        Positives,
        FlagRate * 100,
        OnTrackCoverage * 100,
        Coverage * 100,
        MeetsTargets ? "yes" : "**no**");
}

/// <summary>
/// Issue 32's measurement: each expected-response candidate fitted on a 1,500-client history of a grid cell and
/// judged on another caseload of the same cell (other seed), against the generator's truth, as the signal grid of
/// issue 26 judged the not-on-track alert: a deteriorating course is a positive, an improving one a negative, a flat one
/// is counted apart; a client is flagged when the alert stands at the last session; the flag rate counts every
/// assessment after the intake; band coverage is over improving clients' assessments and over all.
/// </summary>
public static class ExpectedResponseGrid
{
    public static ImmutableArray<int> TuningSeeds { get; } = ImmutableArray.Create(21, 22);

    public static ImmutableArray<int> HeldOutSeeds { get; } = ImmutableArray.Create(9101, 9102);

    public const string Header =
        "| Condition | Model | Precision (flagged) | Recall (deteriorating) | Flag rate per assessment | Band coverage, improving clients | Band coverage, all clients | Targets met |\n" +
        "| --- | --- | --- | --- | --- | --- | --- | --- |";

    /// <summary>The candidates, all at the default coverage (.90): the regression with its level rule (the default, 3 scores), judging each score alone (0.2.0's rule) and with the other windows, and the mixed model with each empirical-Bayes update.</summary>
    public static ImmutableArray<(string Name, string Kind, ExpectedResponseOptions Options)> Candidates { get; } = ImmutableArray.Create(
        ("intake-log-session, mean of the last 3 (default)", ExpectedResponseModel.Kind, new ExpectedResponseOptions()),
        ("intake-log-session, each score alone (0.2.0)", ExpectedResponseModel.Kind, new ExpectedResponseOptions { LevelWindow = 1 }),
        ("intake-log-session, mean of the last 2", ExpectedResponseModel.Kind, new ExpectedResponseOptions { LevelWindow = 2 }),
        ("intake-log-session, mean of the last 4", ExpectedResponseModel.Kind, new ExpectedResponseOptions { LevelWindow = 4 }),
        ("intake-log-session, mean of the last 5", ExpectedResponseModel.Kind, new ExpectedResponseOptions { LevelWindow = 5 }),
        ("mixed, intake only", MixedExpectedResponseModel.KindName, new ExpectedResponseOptions { Update = EmpiricalBayesUpdate.None }),
        ("mixed, current level (EB)", MixedExpectedResponseModel.KindName, new ExpectedResponseOptions()),
        ("mixed, next score (EB)", MixedExpectedResponseModel.KindName, new ExpectedResponseOptions { Update = EmpiricalBayesUpdate.NextScore }));

    public static IEnumerable<ExpectedResponseCellFigures> Run(SimulationCell cell, IEnumerable<int> seeds)
    {
        int[] all = seeds.ToArray();
        return Candidates.Select(c => all.Select(seed => RunOne(cell, seed, c.Name, c.Kind, c.Options)).Aggregate((a, b) => a + b)).ToArray();
    }

    public static string Table(IEnumerable<ExpectedResponseCellFigures> figures)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (ExpectedResponseCellFigures f in figures)
        {
            text.Append(f.ToMarkdownRow()).Append('\n');
        }

        return text.ToString();
    }

    public const string CrossValidationHeader =
        "| Condition | Kind | Precision (flagged) | Recall (poor outcomes) | Flag rate per assessment | Band coverage, clients who improved | Chosen |\n" +
        "| --- | --- | --- | --- | --- | --- | --- |";

    /// <summary>The fit's own report (<see cref="ExpectedResponseValidation.CrossValidate"/>, 5 folds) on a cell's 1,500-client history of the first tuning seed: what a site would see.</summary>
    public static string CrossValidation(IEnumerable<SimulationCell> cells)
    {
        var text = new StringBuilder(CrossValidationHeader).Append('\n');
        foreach (SimulationCell cell in cells)
        {
            Episode[] history = Ors(CaseloadSimulation.Generate(cell with { Clients = 1500 }, TuningSeeds[0] + 500_000));
            ExpectedResponseValidationResult report = ExpectedResponseValidation.CrossValidate(history, ExpectedResponseModels.Default.Factories);
            foreach (ExpectedResponseValidationRow row in report.Models)
            {
                text.Append(string.Format(
                    CultureInfo.InvariantCulture,
                    "| {0} | {1} | {2:0.00} ({3}) | {4:0.00} ({5}) | {6:0.0} % | {7:0.0} % | {8} |\n",
                    cell.Name,
                    row.Kind,
                    row.Precision,
                    row.Flagged,
                    row.Recall,
                    row.Positives,
                    row.FlagRate * 100,
                    row.OnTrackCoverage * 100,
                    row.Kind == report.Best?.Kind ? "yes" : string.Empty));
            }
        }

        return text.ToString();
    }

    private static readonly IScoringStrategy Strategy = new ServiceCollection().AddTherapeuticAlliance().Services.BuildServiceProvider().GetRequiredService<IScoringStrategy>();

    private static ExpectedResponseCellFigures RunOne(SimulationCell cell, int seed, string name, string kind, ExpectedResponseOptions options)
    {
        Episode[] history = Ors(CaseloadSimulation.Generate(cell with { Clients = 1500 }, seed + 500_000));
        IExpectedResponseModel model = ExpectedResponseModels.Default.Fit(kind, history, options).GetValueOrThrow().Model;
        SimulatedCaseload caseload = CaseloadSimulation.Generate(cell, seed);
        int clients = 0, positives = 0, flagged = 0, truePositives = 0, assessments = 0, notOnTrack = 0, onTrack = 0, onTrackInside = 0, inside = 0;
        foreach (Episode episode in Ors(caseload))
        {
            if (episode.Count < 2 || episode.Scores[0].Occasion.SessionNumber != 1)
            {
                continue;
            }

            clients++;
            string outcome = caseload.Truth[episode.Id].Outcome;
            bool poor = outcome == "deteriorating";
            bool judged = outcome != "flat";
            positives += poor ? 1 : 0;
            bool standing = false;
            for (int s = 1; s < episode.Count; s++)
            {
                ExpectedScore expected = model.Expect(episode, episode.Scores[s].Occasion.SessionNumber);
                bool off = (double)episode.Scores[s].Value < expected.Bound;
                assessments++;
                notOnTrack += off ? 1 : 0;
                inside += off ? 0 : 1;
                if (outcome == "improving")
                {
                    onTrack++;
                    onTrackInside += off ? 0 : 1;
                }

                standing = off;
            }

            flagged += standing && judged ? 1 : 0;
            truePositives += standing && poor ? 1 : 0;
        }

        return new ExpectedResponseCellFigures(cell.Name, name, clients, positives, flagged, truePositives, assessments, notOnTrack, onTrack, onTrackInside, inside, model.Coverage);
    }

    private static Episode[] Ors(SimulatedCaseload caseload) =>
        TherapeuticAlliance.Trends.Episodes.FromAssessments(caseload.Assessments, Strategy).Select(r => r.GetValueOrThrow()).Where(e => e.InstrumentId == "ors").ToArray();
}
