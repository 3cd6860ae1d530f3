using System.Collections.Immutable;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Trends;

/// <summary>Issue 26, part 2: thresholds from measurement error (published figures), not from who else is in the file.</summary>
public class PublishedThresholdTests
{
    private static Episode Ors(string id, params double[] totals) => Series(AllianceInstruments.Ors, id, totals);

    private static Episode Srs(string id, params double[] totals) => Series(AllianceInstruments.Srs, id, totals);

    /// <summary>Sum scores of a built-in instrument, with its cutoff, measure and reliability, one per session from 1.</summary>
    private static Episode Series(Instrument instrument, string id, double[] totals) =>
        Episode.Create(
            id,
            totals.Select((v, i) => new AllianceScore(
                ScoreMetric.Sum, (decimal)v, 0m, 40m, Perspective.Client, Occasion.Session(i + 1), default, default,
                new ScoreProvenance("sum", "1.0", instrument.Id, "1.0", MissingDataPolicy.CompleteOnly, 0),
                cutoff: instrument.Cutoff, measure: instrument.Measure, reliability: instrument.Reliability))).GetValueOrThrow();

    private static ReliableChangeFinding Change(Episode episode, ReliableChangeOptions? options = null) =>
        (ReliableChangeFinding)new ReliableChangeDetector(options ?? new ReliableChangeOptions { Measure = MeasureKind.Outcome }).Detect(episode).GetValueOrThrow().Findings.Single();

    [Fact]
    public void OrsReliableChange_WithoutNorms_IsThePublishedFivePoints_AndAChangeOfExactlyFiveCounts()
    {
        ReliableChangeFinding five = Change(Ors("a", 28, 26, 23));
        Assert.Equal(ReliableChangeBasis.PublishedValue, five.Basis);
        Assert.Equal(ChangeDirection.Deteriorated, five.Direction);
        Assert.Equal(5.0, five.ReliableChangeValue, 12);
        Assert.Equal(-ReliableChange.Z95, five.Index, 12);
        Assert.Equal(5.0, five.Parameters["published-reliable-change-value"]);
        Assert.False(five.Parameters.ContainsKey("sd"));
        Assert.Equal(
            "Change of -5 points from session 1 (28) to session 3 (23): reliable deterioration; reliable change needs 5 points, the instrument's published value (reliable-change index -1.96). Not in the clinical range at intake (cutoff 25). Deteriorated.",
            five.Summary);
        Assert.Equal(5.0 / ReliableChange.Z95 / Math.Sqrt(2.0), five.StandardError, 12);
        Assert.Equal(5.0 / ReliableChange.Z95, five.DifferenceStandardError, 12);
        Assert.Equal(ChangeDirection.Unchanged, Change(Ors("a", 28, 23.1)).Direction);
        // Lower is better (a symptom scale given a published value): the same fall is an improvement.
        var lowerIsBetter = new ReliableChangeOptions { Measure = MeasureKind.Outcome, HigherIsBetter = false };
        Assert.Equal(ChangeDirection.Improved, Change(Ors("a", 28, 23), lowerIsBetter).Direction);
        Assert.Equal(ChangeDirection.Deteriorated, Change(Ors("a", 20, 26), lowerIsBetter).Direction);
        Assert.Equal(ChangeDirection.Improved, Change(Ors("a", 18, 23)).Direction);
        Assert.Equal(ClinicalChangeCategory.Recovered, Change(Ors("a", 20, 26)).Category);
    }

    [Fact]
    public void AnSdFromTheOptionsOrACallerNorm_WinsOverThePublishedValue()
    {
        Episode ors = Ors("a", 28, 20);
        Assert.Equal(ReliableChangeBasis.StandardDeviationAndReliability, Change(ors.WithReference(new ReferenceNorm(22, 6.14, NormSource.Caller))).Basis);
        ReliableChangeFinding given = Change(ors, new ReliableChangeOptions { StandardDeviation = 6.14 });
        Assert.Equal(ReliableChangeBasis.StandardDeviationAndReliability, given.Basis);
        Assert.Equal(7.221, given.ReliableChangeValue, 3);
    }

    [Fact]
    public void WithoutAPublishedValueOrAnSd_ReliableChangeIsNotApplicable_AndSaysWhatIsNeeded()
    {
        NotApplicable off = Assert.IsType<NotApplicable>(new ReliableChangeDetector(new ReliableChangeOptions { PublishedValues = ImmutableDictionary<string, double>.Empty }).Detect(Ors("a", 28, 20)).Value);
        Assert.Contains("caseload", off.Reason, StringComparison.Ordinal);
        // Published values are in points of the sum: a mean-metric episode needs an SD.
        Episode mean = Episode.Create("m", new[] { 7m, 5m }.Select((v, i) => new AllianceScore(
            ScoreMetric.Mean, v, 0m, 10m, Perspective.Client, Occasion.Session(i + 1), default, default,
            new ScoreProvenance("mean", "1.0", "ors", "1.0", MissingDataPolicy.CompleteOnly, 0), measure: MeasureKind.Outcome, reliability: 0.82))).GetValueOrThrow();
        Assert.IsType<NotApplicable>(new ReliableChangeDetector().Detect(mean).Value);
        Assert.Throws<ArgumentException>("options", () => new ReliableChangeDetector(new ReliableChangeOptions { PublishedValues = null! }));
        Assert.Throws<ArgumentException>("options", () => new ReliableChangeDetector(new ReliableChangeOptions { PublishedValues = ImmutableDictionary<string, double>.Empty.Add("ors", -5) }));
        Assert.Throws<ArgumentException>("options", () => new ReliableChangeDetector(new ReliableChangeOptions { PublishedValues = ImmutableDictionary<string, double>.Empty.Add("ors", double.PositiveInfinity) }));
    }

    /// <summary>The example of the issue: the ORS threshold came from whoever else was in the file and was silently not computed for one client.</summary>
    [Fact]
    public void ASingleClient_GetsTheSameVerdictAlone_AsInsideACaseload()
    {
        var caseload = new List<Episode>
        {
            Ors("c1", 22, 22, 24, 26, 27),
            Ors("c2", 21, 20, 21, 20, 20.5),
            Ors("c3", 23, 24, 25, 24, 24.5),
            Ors("c4", 24, 23, 22, 21, 20.5),
            Srs("c1", 36, 37, 35, 37, 38),
            Srs("c2", 38, 38.5, 30, 31, 38),
            Srs("c3", 39, 39, 39.5, 39, 39),
            Srs("c4", 34, 33, 35, 34, 33),
        };
        ImmutableArray<AllianceReport> together = EpisodeAnalyzer.Default.AnalyzeCaseload(caseload);
        for (int i = 0; i < caseload.Count; i++)
        {
            AllianceReport alone = EpisodeAnalyzer.Default.AnalyzeCaseload(new[] { caseload[i] }).Single();
            Assert.Equal(Verdict(alone), Verdict(together[i]));
            Assert.Equal(Verdict(EpisodeAnalyzer.Default.Analyze(caseload[i])), Verdict(together[i]));
        }

        // c4's ORS fell 3.5 points: not reliable by the published 5. Judged by this caseload's own intake SD (0.2.0's
        // behaviour, CaseloadNormUse.Always without published values) it was, and alone it could not be judged at all.
        Assert.Equal(ChangeDirection.Unchanged, together[3].Findings.OfType<ReliableChangeFinding>().Single().Direction);
        var asIn020 = new EpisodeAnalyzer(new ITrendDetector[] { new RuptureRepairDetector(), new ReliableChangeDetector(new ReliableChangeOptions { Measure = MeasureKind.Outcome, PublishedValues = ImmutableDictionary<string, double>.Empty }) });
        ReliableChangeFinding byCaseload = asIn020.AnalyzeCaseload(caseload, null, CaseloadNormUse.Always)[3].Findings.OfType<ReliableChangeFinding>().Single();
        Assert.Equal((ReliableChangeBasis.StandardDeviationAndReliability, ChangeDirection.Deteriorated), (byCaseload.Basis, byCaseload.Direction));
        Assert.Empty(asIn020.AnalyzeCaseload(new[] { caseload[3] }, null, CaseloadNormUse.Always).Single().Findings.OfType<ReliableChangeFinding>());

        // Asked for the caseload's norms, the published value still wins for the ORS; a caller's norm wins over both.
        Assert.Equal(ReliableChangeBasis.PublishedValue, EpisodeAnalyzer.Default.AnalyzeCaseload(caseload, null, CaseloadNormUse.Always)[3].Findings.OfType<ReliableChangeFinding>().Single().Basis);
        ReferenceNorms mine = ReferenceNorms.Empty.With("ors", ScoreMetric.Sum, new ReferenceNorm(22, 6.14, NormSource.Caller));
        Assert.Equal(ReliableChangeBasis.StandardDeviationAndReliability, EpisodeAnalyzer.Default.AnalyzeCaseload(caseload, mine, CaseloadNormUse.Never)[3].Findings.OfType<ReliableChangeFinding>().Single().Basis);

        static string Verdict(AllianceReport report) =>
            string.Join("\n", report.Findings.Select(f => f.Summary).Concat(report.Alerts.Select(a => a.Rule + ": " + a.Message)));
    }

    /// <summary>In a large caseload the rupture rule also reads the caseload's change SD, but only ever more strictly: a client calm alone stays calm inside any caseload.</summary>
    [Fact]
    public void ALargeCaseload_NeverFlagsARuptureTheClientWouldNotGetAlone()
    {
        var random = new Random(2612);
        int flaggedAlone = 0;
        for (int c = 0; c < 400; c++)
        {
            int n = random.Next(4, 25);
            double noise = 0.2 + (random.NextDouble() * 2.0);
            double[] values = Enumerable.Range(0, n).Select(_ => Math.Round(Math.Clamp(35.0 + (noise * Normal(random)), 0.0, 40.0), 1)).ToArray();
            if (random.Next(3) == 0)
            {
                values[random.Next(1, n)] -= 1.0 + (random.NextDouble() * 6.0);   // a dip of any size
            }

            Episode alone = Srs("c", values.Select(v => Math.Max(0.0, v)).ToArray());
            var reference = new ReferenceNorm(35, 3, NormSource.Caseload, 600, changeStandardDeviation: 0.05 + (random.NextDouble() * 3.0), baselineStandardDeviation: 0.5 + (random.NextDouble() * 5.0));
            var ownFindings = new RuptureRepairDetector().Detect(alone).Findings;
            flaggedAlone += ownFindings.IsEmpty ? 0 : 1;
            if (ownFindings.IsEmpty)
            {
                Assert.Empty(new RuptureRepairDetector().Detect(alone.WithReference(reference)).Findings);
            }
        }

        Assert.InRange(flaggedAlone, 10, 390);   // the property was tried on flagged and calm clients alike

        static double Normal(Random r) => Math.Sqrt(-2.0 * Math.Log(1.0 - r.NextDouble())) * Math.Cos(2.0 * Math.PI * r.NextDouble());
    }

    [Fact]
    public void CaseloadNormUse_WhenLarge_UsesTheCaseloadsNorm_OnlyFrom30Episodes()
    {
        var random = new Random(5);
        List<Episode> Caseload(int clients) => Enumerable.Range(0, clients)
            .Select(i => Srs("c" + i, Enumerable.Range(0, 8).Select(_ => Math.Round(34.0 + (random.NextDouble() * 4.0), 1)).ToArray())).ToList();
        List<Episode> small = Caseload(EpisodeAnalyzer.LargeCaseloadEpisodes - 1);
        List<Episode> large = Caseload(EpisodeAnalyzer.LargeCaseloadEpisodes);
        Assert.All(EpisodeAnalyzer.Default.AnalyzeCaseload(small), r => Assert.Null(r.Episode.Reference));
        Assert.All(EpisodeAnalyzer.Default.AnalyzeCaseload(large), r => Assert.Equal(NormSource.Caseload, r.Episode.Reference!.Source));
        Assert.All(EpisodeAnalyzer.Default.AnalyzeCaseload(small, null, CaseloadNormUse.Always), r => Assert.Equal(NormSource.Caseload, r.Episode.Reference!.Source));
        Assert.All(EpisodeAnalyzer.Default.AnalyzeCaseload(large, null, CaseloadNormUse.Never), r => Assert.Null(r.Episode.Reference));
        Assert.Throws<ArgumentException>("caseloadNorms", () => EpisodeAnalyzer.Default.AnalyzeCaseload(small, null, (CaseloadNormUse)0));
    }

    [Fact]
    public void WithCaseload_KeepsTheCallersNorms_WinningWhereGiven()
    {
        Episode[] caseload = { Ors("a", 20, 25, 26), Ors("b", 15, 16, 18), Ors("c", 30, 29, 28), Ors("d", 22, 21, 24) };
        var mine = new ReferenceNorm(22, 6.14, NormSource.Caller);
        ReferenceNorms both = ReferenceNorms.Empty.With("ors", ScoreMetric.Sum, mine).WithCaseload(caseload);
        ReferenceNorm found = both.Find(caseload[0])!;
        Assert.Equal((NormSource.Caller, 6.14), (found.Source, found.StandardDeviation));
        Assert.Equal(ReferenceNorms.FromCaseload(caseload).Find(caseload[0])!.ChangeStandardDeviation, found.ChangeStandardDeviation);
        Assert.Equal(NormSource.Caseload, ReferenceNorms.Empty.WithCaseload(caseload).Find(caseload[0])!.Source);
        Assert.Throws<ArgumentNullException>("episodes", () => ReferenceNorms.Empty.WithCaseload(null!));
    }
}
