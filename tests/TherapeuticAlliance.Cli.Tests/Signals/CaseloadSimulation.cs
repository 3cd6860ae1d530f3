using System.Collections.Immutable;
using System.Globalization;

using TherapeuticAlliance.Instruments;

namespace TherapeuticAlliance.Cli.Tests.Signals;

/// <summary>
/// One condition of the signal grid (issue 26): a caseload of clients who rate the SRS (and the ORS beside it), with
/// known ruptures and outcome courses. Points are SRS/ORS total points (0–40); item noise is the SD of independent
/// normal noise per item and session, in item points (0–10).
/// </summary>
/// <param name="Name">The cell's name in docs/trends.md.</param>
/// <param name="Clients">The number of clients.</param>
/// <param name="MinSessions">The fewest sessions an episode has (before missed sessions are removed).</param>
/// <param name="MaxSessions">The most sessions an episode has.</param>
/// <param name="Missed">The share of sessions after the first that are missed (no rating of either instrument).</param>
/// <param name="AllianceMean">The mean true SRS level across clients, in points.</param>
/// <param name="AllianceSd">The SD of true SRS levels across clients, in points.</param>
/// <param name="SrsItemNoise">The SD of SRS item noise, in item points.</param>
/// <param name="OrsItemNoise">The SD of ORS item noise, in item points.</param>
/// <param name="SessionNoise">The SD of a per-session shock shared by the four SRS items (a client's mood that day), in item points.</param>
/// <param name="RuptureShare">The share of clients with one rupture.</param>
/// <param name="MinDepth">The shallowest true dip, in SRS points.</param>
/// <param name="MaxDepth">The deepest true dip, in SRS points.</param>
/// <param name="MaxDipLength">The longest dip of a repaired rupture, in sessions (1 to this many).</param>
/// <param name="RepairedShare">The share of ruptures that are repaired (the others last to the end).</param>
/// <param name="RatingInterval">The SRS is rated every this many sessions (1: every session; 3: sessions 3, 6, 9, …).</param>
public sealed record SimulationCell(
    string Name,
    int Clients = 400,
    int MinSessions = 8,
    int MaxSessions = 20,
    double Missed = 0.06,
    double AllianceMean = 35.5,
    double AllianceSd = 2.5,
    double SrsItemNoise = 0.45,
    double OrsItemNoise = 0.7,
    double SessionNoise = 0.0,
    double RuptureShare = 0.3,
    double MinDepth = 5.0,
    double MaxDepth = 10.0,
    int MaxDipLength = 3,
    double RepairedShare = 0.7,
    int RatingInterval = 1,
    bool GradualDips = false,
    bool SkewedNoise = false,
    double ClientNoiseSpread = 1.0)
{
    /// <summary>The grid: the base condition of issue 26's table, each of its variations, and conditions it names or implies beyond them.</summary>
    public static ImmutableArray<SimulationCell> Grid { get; } = ImmutableArray.Create(
        new SimulationCell("base: 8–20 sessions, 6 % missed, mean 35.5, item noise 0.45, dips 5–10 for 1–3 sessions"),
        new SimulationCell("item noise ×1.8 (SRS), ×1.5 (ORS)", SrsItemNoise: 0.81, OrsItemNoise: 1.05),
        new SimulationCell("15–30 sessions", MinSessions: 15, MaxSessions: 30),
        new SimulationCell("shallower dips, 4–7 points", MinDepth: 4.0, MaxDepth: 7.0),
        new SimulationCell("20 % missed, 5–12 sessions", MinSessions: 5, MaxSessions: 12, Missed: 0.20),
        new SimulationCell("lower alliance, mean 30, SD 5", AllianceMean: 30.0, AllianceSd: 5.0),
        new SimulationCell("near the ceiling, mean 38, SD 1.5", AllianceMean: 38.0, AllianceSd: 1.5),
        new SimulationCell("session-level noise 0.3 shared by the items", SessionNoise: 0.3),
        new SimulationCell("one-session dips only", MaxDipLength: 1),
        new SimulationCell("SRS rated every third session", MinSessions: 9, MaxSessions: 24, RatingInterval: 3),
        new SimulationCell("noise ×1.8 and 15–30 sessions", MinSessions: 15, MaxSessions: 30, SrsItemNoise: 0.81, OrsItemNoise: 1.05),
        new SimulationCell("few ruptures (10 %)", RuptureShare: 0.10),
        new SimulationCell("gradual dips: half the depth at the first dipped session", GradualDips: true),
        new SimulationCell("skewed item noise (a long tail of low ratings), its SD differing ×0.5–×2 between clients", SkewedNoise: true, ClientNoiseSpread: 2.0));
}

/// <summary>What the generator knows about one client.</summary>
/// <param name="Episode">The client's episode identifier.</param>
/// <param name="RuptureOnset">The first session of the dip, or <see langword="null"/> without a rupture.</param>
/// <param name="RuptureEnd">The first session after the dip, or <see langword="null"/> when it lasts to the end.</param>
/// <param name="Outcome">The outcome course: improving, flat or deteriorating.</param>
/// <param name="TrueSrsLatest">The noise-free SRS total at the last rated session, in points.</param>
public sealed record ClientTruth(string Episode, int? RuptureOnset, int? RuptureEnd, string Outcome, double TrueSrsLatest);

/// <summary>A simulated caseload: the assessments (SRS and ORS, client perspective) and the truth per client.</summary>
public sealed record SimulatedCaseload(ImmutableArray<(string Episode, Assessment Assessment)> Assessments, ImmutableDictionary<string, ClientTruth> Truth);

/// <summary>
/// Generates caseloads for a <see cref="SimulationCell"/>: item-level ratings with normal noise, clamped to the items'
/// 0–10 range and rounded to 0.1 (the ceiling is real), true dips applied to every item, outcome courses on a log
/// curve. Independent of the sample generator (docs/samples/generate.cs), whose uniform noise and fixed lengths the
/// rules were first checked on.
/// </summary>
public static class CaseloadSimulation
{
    /// <summary>Generates one caseload.</summary>
    public static SimulatedCaseload Generate(SimulationCell cell, int seed)
    {
        var random = new Random(seed);
        var assessments = ImmutableArray.CreateBuilder<(string, Assessment)>();
        var truth = ImmutableDictionary.CreateBuilder<string, ClientTruth>(StringComparer.Ordinal);
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        for (int c = 1; c <= cell.Clients; c++)
        {
            string episode = "S" + c.ToString("0000", CultureInfo.InvariantCulture);
            int sessions = random.Next(cell.MinSessions, cell.MaxSessions + 1);
            double level = Math.Clamp(cell.AllianceMean + (cell.AllianceSd * Normal(random)), 8.0, 39.8);
            double growth = random.NextDouble() * 0.08;   // SRS points per session: alliances hold or grow a little
            double[] itemOffset = Enumerable.Range(0, 4).Select(_ => 0.25 * Normal(random)).ToArray();
            // Noise that differs between clients: a factor from 1/spread to spread, log-uniform (none drawn when 1).
            double noiseFactor = cell.ClientNoiseSpread > 1.0 ? Math.Pow(cell.ClientNoiseSpread, (2.0 * random.NextDouble()) - 1.0) : 1.0;
            int? onset = null, end = null;
            double depth = 0.0;
            if (random.NextDouble() < cell.RuptureShare)
            {
                onset = random.Next(3, Math.Max(4, sessions - 1));
                depth = cell.MinDepth + ((cell.MaxDepth - cell.MinDepth) * random.NextDouble());
                end = random.NextDouble() < cell.RepairedShare ? onset + random.Next(1, cell.MaxDipLength + 1) : null;
                if (end > sessions)
                {
                    end = null;
                }
            }

            double course = random.NextDouble();
            (string name, double gain) outcome = course < 0.6 ? ("improving", 5.0 + (7.0 * random.NextDouble()))
                : course < 0.85 ? ("flat", -1.0 + (3.0 * random.NextDouble()))
                : ("deteriorating", -3.0 - (5.0 * random.NextDouble()));
            double intake = Math.Clamp(19.0 + (5.0 * Normal(random)), 3.0, 34.0);
            double lastTrue = level;
            for (int s = 1; s <= sessions; s++)
            {
                if (s > 1 && random.NextDouble() < cell.Missed)
                {
                    continue;
                }

                DateTimeOffset date = start.AddDays((7 * (s - 1)) + (c % 7));
                if (s % cell.RatingInterval == 0)
                {
                    double dip = onset is { } o && s >= o && (end is null || s < end) ? depth : 0.0;
                    if (cell.GradualDips && onset is { } first && s == first)
                    {
                        dip /= 2.0;   // the alliance slides over two sessions rather than stepping down
                    }

                    double srs = level + (growth * s) - dip;
                    lastTrue = Math.Min(40.0, srs);
                    double shock = cell.SessionNoise * Normal(random);
                    decimal?[] items = itemOffset.Select(offset => Item((srs / 4.0) + offset + shock + (cell.SrsItemNoise * noiseFactor * Noise(random, cell.SkewedNoise)))).ToArray();
                    assessments.Add((episode, AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(s, date), items).GetValueOrThrow()));
                }

                double ors = intake + (outcome.gain * Math.Log(s) / Math.Log(Math.Max(2, sessions)));
                decimal?[] orsItems = Enumerable.Range(0, 4).Select(_ => Item((ors / 4.0) + (cell.OrsItemNoise * Normal(random)))).ToArray();
                assessments.Add((episode, AllianceInstruments.Ors.CreateAssessment(Perspective.Client, Occasion.Session(s, date), orsItems).GetValueOrThrow()));
            }

            truth[episode] = new ClientTruth(episode, onset, end, outcome.name, lastTrue);
        }

        return new SimulatedCaseload(assessments.ToImmutable(), truth.ToImmutable());
    }

    /// <summary>Unit-variance noise: normal, or skewed with a long tail of low ratings (1 − Exp(1), mean 0, SD 1).</summary>
    private static double Noise(Random random, bool skewed) => skewed ? 1.0 + Math.Log(1.0 - random.NextDouble()) : Normal(random);

    private static decimal? Item(double value) => Math.Round((decimal)Math.Clamp(value, 0.0, 10.0), 1);

    private static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
