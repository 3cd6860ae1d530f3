#:project ../../src/TherapeuticAlliance/TherapeuticAlliance.csproj
#:property ImplicitUsings=enable

// Does this session's alliance predict next session's outcome? Alliance and outcome linked session by session
// (issue 31): first the repeated-measures correlation of rmcorr's published example (Bakdash & Marusich 2017: the
// bland1995 data, r = -0.507, df = 38, 95 % CI -0.71 to -0.23) and lme4's values on the shared oracle's caseload (the
// lagged within-person model m5 and Baldwin's disaggregation m3, lme4 1.1-31 with lmerTest 3.1-3); then a published-
// style analysis of a generated caseload with a planted within-person effect (0.3 outcome points per alliance point):
// pairs, decomposition, repeated-measures correlation and the lagged model, whose interval must cover the truth;
// then the same model on a grid of caseloads (series length, noise, a time trend shared by both measures, the
// outcome feeding back into the alliance), each cell REPLICATES times, with and without detrending: mean estimate and
// interval coverage per cell, bad cells included (docs/linkage.md shows the committed figures).
// The data are synthetic: no real client. Run from the repository's root:
//   dotnet run samples/analyses/linkage.cs [OUTPUT] [--replicates N]      (default 10 replicates; the docs' table has 100)
// Writes OUTPUT/pairs.csv, OUTPUT/grid.csv and OUTPUT/grid.md (default samples/analyses/out/linkage) and exits with 1
// when a number differs from R's or the published example, or the planted effect is not covered.

using System.Globalization;
using TherapeuticAlliance;
using TherapeuticAlliance.Linkage;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Service;
using TherapeuticAlliance.Trends;

string here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Path.Combine("samples", "analyses");
string[] positional = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--replicates")).ToArray();
string output = positional.Length > 0 ? positional[0] : Path.Combine(here, "out", "linkage");
int replicates = Array.IndexOf(args, "--replicates") is int at and >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 10;
Directory.CreateDirectory(output);
int failures = 0;
string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
void Check(string what, double library, double expected, double relative)
{
    bool ok = Math.Abs(library - expected) <= Math.Max(relative * Math.Abs(expected), 1e-10);
    failures += ok ? 0 : 1;
    Console.WriteLine($"  {(ok ? "ok  " : "FAIL")} {what,-40} {F(library),12} {F(expected),12}");
}

AllianceScore Score(int session, double value, string instrument, MeasureKind measure) =>
    new(ScoreMetric.Sum, (decimal)Math.Round(value, 1), -1000m, 1000m, Perspective.Client, Occasion.Session(session), default, default,
        new ScoreProvenance("sum", "1.0", instrument, "1.0", MissingDataPolicy.CompleteOnly, 0), measure: measure);
Episode Series(string client, string? therapist, IEnumerable<(int Session, double Value)> values, string instrument, MeasureKind measure)
{
    var list = values.ToList();
    return Episode.Create(client, list.Select(v => Score(v.Session, v.Value, instrument, measure))).GetValueOrThrow()
        .WithCare(list.ToDictionary(v => v.Session, _ => new CareKeys(therapist)));
}

// 1. rmcorr's published example: bland1995 (Bland & Altman 1995, BMJ 310:446), rmcorr(Subject, PaCO2, pH).
Console.WriteLine("Repeated-measures correlation, rmcorr's published example (bland1995)       library     expected");
(int S, double PaCO2, double PH)[] bland =
{
    (1, 3.97, 6.68), (1, 4.12, 6.53), (1, 4.09, 6.43), (1, 3.97, 6.33), (2, 5.27, 6.85), (2, 5.37, 7.06), (2, 5.41, 7.13), (2, 5.44, 7.17), (3, 5.67, 7.4), (3, 3.64, 7.42), (3, 4.32, 7.41), (3, 4.73, 7.37), (3, 4.96, 7.34), (3, 5.04, 7.35), (3, 5.22, 7.28), (3, 4.82, 7.3), (3, 5.07, 7.34), (4, 5.67, 7.36), (4, 5.1, 7.33), (4, 5.53, 7.29), (4, 4.75, 7.3), (4, 5.51, 7.35), (5, 4.28, 7.35), (5, 4.44, 7.3), (5, 4.32, 7.3), (5, 3.23, 7.37), (5, 4.46, 7.27), (5, 4.72, 7.28), (5, 4.75, 7.32), (5, 4.99, 7.32), (6, 4.78, 7.38), (6, 4.73, 7.3), (6, 5.12, 7.29), (6, 4.93, 7.33), (6, 5.03, 7.31), (6, 4.93, 7.33), (7, 6.85, 6.86), (7, 6.44, 6.94), (7, 6.52, 6.92), (8, 5.28, 7.19), (8, 4.56, 7.29), (8, 4.34, 7.21), (8, 4.32, 7.25), (8, 4.41, 7.2), (8, 3.69, 7.19), (8, 6.09, 6.77), (8, 5.58, 6.82),
};
var rm = RepeatedMeasuresCorrelation.Compute(bland.Select(b => b.PaCO2).ToArray(), bland.Select(b => b.PH).ToArray(), bland.Select(b => (string?)b.S.ToString(CultureInfo.InvariantCulture)).ToArray());
Check("r (published -0.507)", rm.R, -0.50676974223306259, 1e-9);
Check("df (published 38)", rm.DegreesOfFreedom, 38, 0);
Check("p (published 0.0008)", rm.PValue, 0.00084710810912892731, 1e-7);
Check("95 % CI lower (published -0.71)", rm.Lower, -0.70671463638594501, 1e-7);
Check("95 % CI upper (published -0.23)", rm.Upper, -0.23186311975667656, 1e-7);

// 2. lme4 on the shared oracle's caseload (data/multilevel-sessions.csv, data/multilevel-episodes.csv).
Console.WriteLine();
Console.WriteLine("lme4 on the oracle's caseload (1,521 clients, 48 therapists)                 library          lme4");
var sessionRows = File.ReadLines(Path.Combine(here, "data", "multilevel-sessions.csv")).Skip(1).Select(l => l.Split(',')).ToList();
double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
int I(string s) => int.Parse(s, CultureInfo.InvariantCulture);
var oracle = sessionRows.GroupBy(r => r[2]).SelectMany(g => new[]
{
    Series(g.Key, g.First()[1], g.Select(r => (I(r[3]), D(r[4]))), "srs", MeasureKind.Alliance),
    Series(g.Key, g.First()[1], g.Select(r => (I(r[3]), D(r[5]))), "ors", MeasureKind.Outcome),
}).ToList();
LaggedWithinPersonModel m5 = AllianceLinkage.FitLaggedModel(AllianceLinkage.Pair(oracle)).GetValueOrThrow();
Check("m5 within-person effect (srs_within)", m5.Within.Estimate, 0.3144954767032303, 1e-5);
Check("m5 its standard error", m5.Within.StandardError, 0.010945922886392987, 1e-5);
Check("m5 its Satterthwaite df", m5.Within.DegreesOfFreedom, 11411.60906813869, 1e-5);
Check("m5 between-client effect (srs_between)", m5.Between.Estimate, 0.027676592510894101, 1e-5);
Check("m5 outcome at t (ors)", m5.Fit.FixedEffects.Single(f => f.Term == "outcome").Estimate, 0.98109260980057988, 1e-5);
Check("m5 intercept", m5.Fit.FixedEffects.Single(f => f.Term == "(Intercept)").Estimate, 1.1011947121704138, 1e-5);
Check("m5 client variance", m5.Fit.VarianceComponents.Single(v => v.Group == "client").Variance, 0.35156647471126529, 1e-5);
Check("m5 residual variance", m5.Fit.ResidualVariance, 3.2145670035366596, 1e-5);
var episodes = File.ReadLines(Path.Combine(here, "data", "multilevel-episodes.csv")).Skip(1).Select(l => l.Split(','))
    .Select(r => new ServiceEpisode(r[2], r[1], r[0], D(r[4]), D(r[5]), I(r[3]), null, allianceSessions: I(r[3]), allianceMean: D(r[6]))).ToList();
AllianceDisaggregation m3 = AllianceLinkage.Disaggregate(episodes).GetValueOrThrow();
Check("m3 therapist part (alliance_between)", m3.Therapist.Estimate, -0.14830876494060141, 1e-5);
Check("m3 client part (alliance_within)", m3.Client.Estimate, 0.25447988631007751, 1e-5);
Check("m3 therapist variance", m3.Fit.VarianceComponents.Single(v => v.Group == "therapist").Variance, 4.0559994586862995, 1e-5);

// 3. A generated caseload with a planted within-person effect, analysed as a paper would.
const double Planted = 0.3;
List<Episode> Caseload(int seed, int clients, (int Min, int Max) length, double noise, bool trend, bool feedback)
{
    var random = new Random(seed);
    double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
    var series = new List<Episode>();
    for (int i = 0; i < clients; i++)
    {
        string id = "G" + i.ToString("D5", CultureInfo.InvariantCulture), therapist = "T" + (i / 20).ToString("D3", CultureInfo.InvariantCulture);
        int sessions = random.Next(length.Min, length.Max + 1);
        double mu = 34 + (3 * Normal()), u = Normal(), deviation = 0, before = 0;
        double y = 20 + (6 * Normal());
        var alliance = new List<(int, double)>();
        var outcome = new List<(int, double)>();
        for (int t = 1; t <= sessions; t++)
        {
            // The alliance: the client's level, an AR(1) deviation, a trend when asked, and (when asked) a response to the last change in outcome.
            deviation = (0.5 * deviation) + (1.5 * Normal()) + (feedback && t > 1 ? 0.3 * (y - before) : 0);
            double a = mu + deviation + (trend ? 0.4 * t : 0);
            bool missed = t > 1 && random.NextDouble() < 0.1;
            if (!missed)
            {
                alliance.Add((t, a));
                outcome.Add((t, y));
            }

            // The next outcome: autoregression, the planted within-person effect of this session's deviation, the client's level, and a trend when asked.
            before = y;
            y = 3 + (0.8 * y) + (Planted * deviation) + (0.05 * (mu - 34)) + u + (trend ? 0.5 : 0) + (noise * Normal());
        }

        series.Add(Series(id, therapist, alliance, "srs", MeasureKind.Alliance));
        series.Add(Series(id, therapist, outcome, "ors", MeasureKind.Outcome));
    }

    return series;
}

Console.WriteLine();
Console.WriteLine($"A generated caseload: 400 clients, 8 to 16 sessions, 10 % missed, planted within-person effect {Planted}");
LinkageAnalysis analysis = LinkageAnalysis.Run(Caseload(20261207, 400, (8, 16), 2, false, false));
Console.Write(analysis.Summary());
LinkageEffect within = analysis.Model.GetValueOrThrow().Within;
bool covered = within.Lower <= Planted && Planted <= within.Upper;
failures += covered ? 0 : 1;
Console.WriteLine($"  {(covered ? "ok  " : "FAIL")} the 95 % interval {F(within.Lower)} to {F(within.Upper)} covers the planted {Planted}");
using (var pairs = new StreamWriter(Path.Combine(output, "pairs.csv")))
{
    pairs.WriteLine("episode,session,alliance,outcome_at_session,outcome_session,outcome,alliance_within,alliance_between");
    for (int i = 0; i < analysis.Paired.Count; i++)
    {
        SessionPair p = analysis.Paired.Pairs[i];
        pairs.WriteLine(string.Join(",", p.Client, p.Session, F(p.Alliance), p.OutcomeAtSession is { } o ? F(o) : "NA", p.OutcomeSession, F(p.Outcome), F(analysis.Decomposition.AllianceWithin[i]), F(analysis.Decomposition.AllianceBetween[i])));
    }
}

// 4. The grid: every condition, each cell `replicates` caseloads of 200 clients, the model with and without detrending.
Console.WriteLine();
Console.WriteLine($"The grid: 200 clients per caseload, {replicates} caseloads per cell; planted {Planted}; mean estimate and 95 % interval coverage");
var table = new List<string> { "| Sessions | Noise (SD) | Shared trend | Outcome feeds back | Mean estimate | Coverage | Mean estimate, detrended | Coverage, detrended | Mean r_rm |", "| --- | --- | --- | --- | --- | --- | --- | --- | --- |" };
var csv = new List<string> { "sessions,noise,trend,feedback,replicates,mean_estimate,coverage,mean_estimate_detrended,coverage_detrended,mean_rmcorr" };
int seed = 1;
foreach (var length in new[] { (5, 8), (12, 20) })
foreach (double noise in new[] { 2.0, 4.0 })
foreach (bool trend in new[] { false, true })
foreach (bool feedback in new[] { false, true })
{
    var plain = new List<LinkageEffect>();
    var detrended = new List<LinkageEffect>();
    var r = new List<double>();
    for (int k = 0; k < replicates; k++)
    {
        PairedSeries paired = AllianceLinkage.Pair(Caseload(seed++, 200, length, noise, trend, feedback));
        plain.Add(AllianceLinkage.FitLaggedModel(paired).GetValueOrThrow().Within);
        detrended.Add(AllianceLinkage.FitLaggedModel(paired, new LaggedModelOptions { Detrend = true }).GetValueOrThrow().Within);
        r.Add(AllianceLinkage.Correlate(paired).R);
    }

    double Cover(List<LinkageEffect> e) => e.Count(x => x.Lower <= Planted && Planted <= x.Upper) / (double)e.Count;
    string sessions = $"{length.Item1}-{length.Item2}";
    table.Add($"| {sessions} | {noise} | {(trend ? "yes" : "no")} | {(feedback ? "yes" : "no")} | {plain.Average(e => e.Estimate):0.000} | {Cover(plain):0.00} | {detrended.Average(e => e.Estimate):0.000} | {Cover(detrended):0.00} | {r.Average():0.000} |");
    csv.Add(string.Join(",", sessions, noise, trend, feedback, replicates, F(plain.Average(e => e.Estimate)), F(Cover(plain)), F(detrended.Average(e => e.Estimate)), F(Cover(detrended)), F(r.Average())));
    Console.WriteLine("  " + table[^1]);
}

File.WriteAllLines(Path.Combine(output, "grid.csv"), csv);
File.WriteAllLines(Path.Combine(output, "grid.md"), table);
Console.WriteLine(failures == 0 ? "All checks passed." : $"{failures} check(s) failed.");
return failures == 0 ? 0 : 1;
