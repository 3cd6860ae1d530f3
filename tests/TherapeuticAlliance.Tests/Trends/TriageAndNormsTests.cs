using System.Collections.Immutable;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Trends;

/// <summary>Reference norms from a caseload and the caller, and the caseload's attention list (issue 13).</summary>
public class TriageAndNormsTests
{
    private static Episode Srs(string id, params double[] totals) =>
        Episode.Create(id, totals.Select((v, i) => TrendTestData.Score(i + 1, (decimal)v, minimum: 0m, maximum: 40m)), AllianceInstruments.Srs.Cutoff).GetValueOrThrow();

    [Fact]
    public void CaseloadNorms_PoolEveryScore_AndTakeARobustChangeSd()
    {
        Episode[] caseload =
        {
            Srs("a", 30, 31, 30, 31),
            Srs("b", 36, 37, 36, 37),
            Srs("c", 38, 39, 38, 20),   // one large drop among nine changes of one point
        };
        ReferenceNorm norm = ReferenceNorms.FromCaseload(caseload).Find(caseload[0])!;
        double[] all = { 30, 31, 30, 31, 36, 37, 36, 37, 38, 39, 38, 20 };
        double mean = all.Average();
        Assert.Equal(mean, norm.Mean, 10);
        Assert.Equal(Math.Sqrt(all.Sum(x => (x - mean) * (x - mean)) / (all.Length - 1)), norm.StandardDeviation, 10);
        Assert.Equal((NormSource.Caseload, 12), (norm.Source, norm.SampleSize));

        // Median absolute change 1 (eight of nine changes are 1 point) / 0.6745: the 18-point drop does not inflate it.
        Assert.Equal(1.0 / 0.6744897501960817, norm.ChangeStandardDeviation!.Value, 10);
    }

    [Fact]
    public void CaseloadNorms_NeedEnoughEpisodesAndScores_AndTheCallersNormWins()
    {
        Episode[] two = { Srs("a", 30, 31, 30, 31, 30, 31), Srs("b", 36, 37, 36, 37, 36, 37) };
        Assert.Null(ReferenceNorms.FromCaseload(two).Find(two[0]));                    // 2 episodes < MinimumEpisodes
        Episode[] short3 = { Srs("a", 30, 31), Srs("b", 36, 37), Srs("c", 38, 39) };
        Assert.Null(ReferenceNorms.FromCaseload(short3).Find(short3[0]));              // 6 scores < MinimumScores

        Episode[] three = { Srs("a", 30, 31, 30, 31), Srs("b", 36, 37, 36, 37), Srs("c", 38, 39, 38, 39) };
        var mine = new ReferenceNorm(35, 4.0, NormSource.Caller, 500, changeStandardDeviation: 1.5);
        ReferenceNorms norms = ReferenceNorms.FromCaseload(three).With("srs", ScoreMetric.Sum, mine);
        ReferenceNorm found = norms.Find(three[0])!;
        Assert.Equal((35.0, 4.0, NormSource.Caller, 1.5), (found.Mean, found.StandardDeviation, found.Source, found.ChangeStandardDeviation));

        // A caller's norm of levels only takes the caseload's change SD, so it never switches off the rupture rule; its
        // own SD stays the one reliable change divides by (a caller's SD is a normative SD).
        ReferenceNorm levelsOnly = ReferenceNorms.FromCaseload(three).With("srs", ScoreMetric.Sum, new ReferenceNorm(35, 4.0, NormSource.Caller)).Find(three[0])!;
        ReferenceNorm caseloadNorm = ReferenceNorms.FromCaseload(three).Find(three[0])!;
        Assert.Equal((4.0, caseloadNorm.ChangeStandardDeviation, (double?)null, 4.0), (levelsOnly.StandardDeviation, levelsOnly.ChangeStandardDeviation, levelsOnly.BaselineStandardDeviation, levelsOnly.ReliableChangeStandardDeviation));
        Assert.Equal(Math.Sqrt(new[] { 30.0, 36, 38 }.Select(x => (x - (104.0 / 3)) * (x - (104.0 / 3))).Sum() / 2), caseloadNorm.BaselineStandardDeviation!.Value, 10);
        Assert.Equal(caseloadNorm.BaselineStandardDeviation!.Value, caseloadNorm.ReliableChangeStandardDeviation, 15);
        Assert.Equal(NormSource.Caseload, ReferenceNorms.FromCaseload(three).Find(three[0])!.Source);
        Assert.Null(norms.Find(Episode.Create("x", new[] { TrendTestData.Score(1, 5m, instrument: "other") }).GetValueOrThrow()));
        Assert.Throws<ArgumentException>("standardDeviation", () => new ReferenceNorm(0, 0, NormSource.Caller));
        Assert.Throws<ArgumentException>("source", () => new ReferenceNorm(0, 1, (NormSource)9));
    }

    [Fact]
    public void Triage_RanksActBeforeWatchBeforeNone_AndExplainsWithAlertCodes()
    {
        Episode stable = Srs("stable", 38, 38.5, 38, 38.5, 38, 38.5, 38, 38.5);
        Episode low = Srs("low", 33, 33.5, 33, 33.5, 33, 33.5, 33, 33.5);                       // below 36 throughout: watch
        Episode ruptured = Srs("ruptured", 38, 38.5, 38, 38.5, 38, 38.5, 30, 30.5, 30);        // an unrepaired rupture: act
        ImmutableArray<AllianceReport> reports = EpisodeAnalyzer.Default.AnalyzeCaseload(new[] { stable, low, ruptured });

        ImmutableArray<TriageEntry> clients = CaseloadTriage.Clients(reports);
        Assert.Equal(new[] { "ruptured", "low", "stable" }, clients.Select(c => c.EpisodeId));
        Assert.Equal(new[] { AttentionLevel.Act, AttentionLevel.Watch, AttentionLevel.None }, clients.Select(c => c.Level));
        Assert.Contains("srs/client:unrepaired-rupture", clients[0].Reasons);
        Assert.Equal("srs/client:unrepaired-rupture", clients[0].Reasons[0]);                 // the reason that calls for action first
        Assert.Equal(new[] { "srs/client:below-cutoff" }, clients[1].Reasons);
        Assert.Equal(9, clients[0].LatestSession);
        Assert.DoesNotContain("ruptured", clients[0].ToString(), StringComparison.Ordinal);

        ImmutableArray<TriageEntry> episodes = CaseloadTriage.Episodes(reports);
        Assert.Equal(("srs", (Perspective?)Perspective.Client), (episodes[0].InstrumentId, episodes[0].Perspective));
        Assert.Contains("unrepaired-rupture", episodes[0].Reasons);
        Assert.Throws<ArgumentNullException>("reports", () => CaseloadTriage.Clients(null!));
    }
}
