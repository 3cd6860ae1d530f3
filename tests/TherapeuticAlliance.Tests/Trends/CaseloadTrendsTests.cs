using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Trends;

/// <summary>
/// The columnar caseload path (issue 18, part 5) gives the object path's results: the trajectory's slope and intercept,
/// reliable change, drops from the previous session and sudden gains and losses, on random caseloads with missing
/// sessions; it allocates findings only where found.
/// </summary>
public class CaseloadTrendsTests
{
    private static readonly ReliableChangeOptions Rc = new() { StandardDeviation = 6.5, Reliability = 0.85 };
    private static readonly SuddenGainsAndLossesOptions Sg = new() { StandardDeviation = 6.5, Reliability = 0.85 };

    private static Episode Make(IReadOnlyList<(int Session, double Value)> scores) =>
        Episode.Create("e", scores.Select(s => TrendTestData.Score(s.Session, (decimal)s.Value, minimum: 0m, maximum: 40m))).GetValueOrThrow();

    /// <summary>1 to 14 sessions, gaps of one or two sessions, half-point scores 0-40 around a level with occasional dips.</summary>
    private static Gen<Episode> Episodes() =>
        from length in Gen.Choose(1, 14)
        from start in Gen.Choose(0, 3)
        from gaps in Gen.ArrayOf(Gen.Frequency((4, Gen.Constant(1)), (1, Gen.Constant(2))), length)
        from level in Gen.Choose(10, 70)
        from steps in Gen.ArrayOf(Gen.Choose(-12, 12), length)
        select Make(Enumerable.Range(0, length).Select(i => (start + gaps.Take(i + 1).Sum(), Math.Clamp((level + steps.Take(i + 1).Sum()) / 2.0, 0, 40))).ToArray());

    /// <summary>Series with a planted jump, little noise and missing sessions: sudden changes are common, so what each window holds decides.</summary>
    private static Gen<Episode> Jumps() =>
        from length in Gen.Choose(4, 12)
        from gaps in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3))), length)
        from at in Gen.Choose(1, length - 1)
        from jump in Gen.Choose(-24, 24)
        from noise in Gen.ArrayOf(Gen.Choose(0, 3), length)
        select Make(Enumerable.Range(0, length).Select(i => (gaps.Take(i + 1).Sum(), 20 + (i >= at ? jump / 2.0 : 0) + (noise[i] / 2.0))).ToArray());

    [Property(MaxTest = 300)]
    public Property TheColumnarScan_GivesTheObjectPathsResults_WhereSuddenChangesAreCommon() =>
        Prop.ForAll(Arb.From(Gen.Choose(1, 20).SelectMany(n => Gen.ArrayOf(Jumps(), n))), Same);

    [Property(MaxTest = 300)]
    public Property TheColumnarScan_GivesTheObjectPathsResults() =>
        Prop.ForAll(Arb.From(Gen.Choose(1, 25).SelectMany(n => Gen.ArrayOf(Episodes(), n))), Same);

    private static Property Same(Episode[] episodes)
    {
        CaseloadTrendScan scan = CaseloadTrends.Scan(EpisodeColumns.FromEpisodes(episodes), Rc, Sg, 1m);
        var expected = new List<CaseloadFinding>();
        bool perEpisode = true;
        for (int e = 0; e < episodes.Length; e++)
        {
            Episode episode = episodes[e];
            if (new TrajectoryDetector().Detect(episode).Value is Detection { Findings: [TrajectoryFinding line] })
            {
                perEpisode &= line.Slope.Equals(scan.Slopes[e]) && line.Intercept.Equals(scan.Intercepts[e]);
            }
            else
            {
                perEpisode &= double.IsNaN(scan.Slopes[e]) && double.IsNaN(scan.Intercepts[e]);
            }

            if (new ReliableChangeDetector(Rc).Detect(episode).Value is Detection { Findings: [ReliableChangeFinding rc] })
            {
                perEpisode &= rc.Index.Equals(scan.ReliableChangeIndexes[e]) && rc.Direction == scan.ReliableChangeDirections[e];
            }
            else
            {
                perEpisode &= double.IsNaN(scan.ReliableChangeIndexes[e]) && scan.ReliableChangeDirections[e] == ChangeDirection.Unchanged;
            }

            if (new FeedbackRulesDetector(new FeedbackRulesOptions { DropThresholds = ImmutableDictionary<string, decimal>.Empty, DropThreshold = 1m, CheckCutoff = false, CheckCeiling = false }).Detect(episode).Value is Detection drops)
            {
                expected.AddRange(drops.Findings.OfType<PracticeRuleFinding>().Select(f => new CaseloadFinding(e, CaseloadFindingKind.DropFromPrevious, f.Sessions[1], (double)f.Drop!.Value)));
            }

            if (new SuddenGainsAndLossesDetector(Sg).Detect(episode).Value is Detection sudden)
            {
                expected.AddRange(sudden.Findings.OfType<SuddenGainOrLossFinding>().Select(f => new CaseloadFinding(e, f.Evaluation.Kind == SuddenChangeKind.Gain ? CaseloadFindingKind.SuddenGain : CaseloadFindingKind.SuddenLoss, f.PreSession, f.Evaluation.Change)));
            }
        }

        return (perEpisode && expected.SequenceEqual(scan.Findings) && scan.EpisodeCount == episodes.Length).Label($"{episodes.Length} episodes, {expected.Count} findings expected, {scan.Findings.Length} found");
    }

    [Fact]
    public void AKnownCaseload_HasItsFindings_AndOnlyThem()
    {
        // Episode 0: a sudden gain from 20 to 30 between sessions 3 and 4, stable around it; drops of 1 at sessions 3, 6 and 7.
        // Episode 1: one session only. Episode 2: flat.
        Episode gain = Make(new (int, double)[] { (1, 20), (2, 21), (3, 20), (4, 30), (5, 31), (6, 30), (7, 29) });
        Episode single = Make(new (int, double)[] { (2, 25) });
        Episode flat = Make(new (int, double)[] { (1, 30), (2, 30), (3, 30), (4, 30) });
        CaseloadTrendScan scan = CaseloadTrends.Scan(EpisodeColumns.FromEpisodes(new[] { gain, single, flat }), Rc, Sg, 1m);
        Assert.Equal(
            new[]
            {
                new CaseloadFinding(0, CaseloadFindingKind.DropFromPrevious, 3, 1),
                new CaseloadFinding(0, CaseloadFindingKind.DropFromPrevious, 6, 1),
                new CaseloadFinding(0, CaseloadFindingKind.DropFromPrevious, 7, 1),
                new CaseloadFinding(0, CaseloadFindingKind.SuddenGain, 3, 10),
            },
            scan.Findings);
        Assert.Equal((0.0, ChangeDirection.Unchanged), (scan.Slopes[2], scan.ReliableChangeDirections[2]));
        Assert.True(double.IsNaN(scan.Slopes[1]) && double.IsNaN(scan.Intercepts[1]) && double.IsNaN(scan.ReliableChangeIndexes[1]));
        Assert.Equal(ChangeDirection.Improved, scan.ReliableChangeDirections[0]);   // 20 to 29: RCI = 9 / (6.5 √2 √.15) = 2.53
        Assert.Equal(9 / (6.5 * Math.Sqrt(2) * Math.Sqrt(0.15)), scan.ReliableChangeIndexes[0], 12);
        Assert.Equal("3 episodes scanned, 4 findings", scan.ToString());

        // Lower is better: the same gain is a sudden loss, and the same change deteriorated.
        CaseloadTrendScan lower = CaseloadTrends.Scan(EpisodeColumns.FromEpisodes(new[] { gain }), Rc with { HigherIsBetter = false }, Sg with { HigherIsBetter = false });
        Assert.Equal(new[] { new CaseloadFinding(0, CaseloadFindingKind.SuddenLoss, 3, 10) }, lower.Findings);
        Assert.Equal(ChangeDirection.Deteriorated, lower.ReliableChangeDirections[0]);

        // Without the optional rules, no finding.
        Assert.Empty(CaseloadTrends.Scan(EpisodeColumns.FromEpisodes(new[] { gain }), Rc).Findings);
    }

    [Fact]
    public void Columns_BuiltFromArrays_AreTheSameAsFromEpisodes_AndBadArraysAreRefusedByPosition()
    {
        Episode a = Make(new (int, double)[] { (1, 20), (3, 21.5) });
        Episode b = Make(new (int, double)[] { (0, 9) });
        EpisodeColumns fromEpisodes = EpisodeColumns.FromEpisodes(new[] { a, b });
        EpisodeColumns fromArrays = EpisodeColumns.Create(new[] { 0, 2, 3 }, new[] { 1, 3, 0 }, new[] { 20, 21.5, 9 });
        Assert.Equal((2, 3), (fromArrays.EpisodeCount, fromArrays.ScoreCount));
        for (int e = 0; e < 2; e++)
        {
            Assert.Equal(fromEpisodes.GetValues(e).ToArray(), fromArrays.GetValues(e).ToArray());
            Assert.Equal(fromEpisodes.GetSessions(e).ToArray(), fromArrays.GetSessions(e).ToArray());
        }

        Assert.Equal("2 episodes, 3 scores", fromArrays.ToString());
        Assert.Equal(0, EpisodeColumns.Create(new[] { 0 }, ReadOnlySpan<int>.Empty, ReadOnlySpan<double>.Empty).EpisodeCount);
        Assert.Throws<ArgumentOutOfRangeException>("episode", () => fromArrays.GetValues(2));
        Assert.Throws<ArgumentOutOfRangeException>("episode", () => fromArrays.GetSessions(-1));
        Assert.Throws<ArgumentException>("offsets", () => EpisodeColumns.Create(new[] { 1, 3 }, new[] { 1, 2, 3 }, new[] { 1.0, 2, 3 }));
        Assert.Throws<ArgumentException>("offsets", () => EpisodeColumns.Create(new[] { 0, 2 }, new[] { 1, 2, 3 }, new[] { 1.0, 2, 3 }));
        Assert.Throws<ArgumentException>("offsets", () => EpisodeColumns.Create(ReadOnlySpan<int>.Empty, ReadOnlySpan<int>.Empty, ReadOnlySpan<double>.Empty));
        Assert.Throws<ArgumentException>("offsets", () => EpisodeColumns.Create(new[] { 0, 0, 2 }, new[] { 1, 2 }, new[] { 1.0, 2 }));
        Assert.Throws<ArgumentException>("sessions", () => EpisodeColumns.Create(new[] { 0, 2 }, new[] { 1 }, new[] { 1.0, 2 }));
        Assert.Throws<ArgumentException>("sessions", () => EpisodeColumns.Create(new[] { 0, 2 }, new[] { 2, 2 }, new[] { 1.0, 2 }));
        Assert.Throws<ArgumentException>("sessions", () => EpisodeColumns.Create(new[] { 0, 1 }, new[] { -1 }, new[] { 1.0 }));
        Assert.Equal(2, EpisodeColumns.Create(new[] { 0, 1, 2 }, new[] { 5, 1 }, new[] { 1.0, 2 }).EpisodeCount);   // sessions restart in each episode
        ArgumentException nan = Assert.Throws<ArgumentException>("values", () => EpisodeColumns.Create(new[] { 0, 2 }, new[] { 1, 2 }, new[] { 1.0, double.NaN }));
        Assert.StartsWith("Score 1 (episode 0) is not a finite number within ±7.9e28.", nan.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("values", () => EpisodeColumns.Create(new[] { 0, 1 }, new[] { 1 }, new[] { 1e29 }));
        Assert.Equal(-7.9e28, EpisodeColumns.Create(new[] { 0, 1 }, new[] { 1 }, new[] { -7.9e28 }).GetValues(0)[0]);
        Assert.Throws<ArgumentException>("offsets", () => EpisodeColumns.Create(new[] { 0, 100, 5 }, new[] { 1, 2, 3, 4, 5 }, new[] { 1.0, 2, 3, 4, 5 }));
        Assert.Throws<ArgumentException>("values", () => EpisodeColumns.Create(new[] { 0, 1 }, new[] { 1 }, new[] { double.PositiveInfinity }));
        Assert.Throws<ArgumentNullException>("episodes", () => EpisodeColumns.FromEpisodes(null!));
        Assert.Throws<ArgumentNullException>("episodes", () => EpisodeColumns.FromEpisodes(new Episode[] { a, null! }));
    }

    [Fact]
    public void Options_AreCheckedAsTheDetectorsCheckThem()
    {
        EpisodeColumns columns = EpisodeColumns.FromEpisodes(new[] { Make(new (int, double)[] { (1, 20), (2, 21) }) });
        Assert.Throws<ArgumentNullException>("caseload", () => CaseloadTrends.Scan(null!, Rc));
        Assert.Throws<ArgumentNullException>("reliableChange", () => CaseloadTrends.Scan(columns, null!));
        Assert.Throws<ArgumentException>("reliableChange", () => CaseloadTrends.Scan(columns, new ReliableChangeOptions { Reliability = 0.8 }));
        Assert.Throws<ArgumentException>("reliableChange", () => CaseloadTrends.Scan(columns, new ReliableChangeOptions { StandardDeviation = 5 }));
        Assert.Throws<ArgumentException>("options", () => CaseloadTrends.Scan(columns, new ReliableChangeOptions { StandardDeviation = -5, Reliability = 0.8 }));
        Assert.Throws<ArgumentException>("options", () => CaseloadTrends.Scan(columns, Rc, new SuddenGainsAndLossesOptions { RelativeChange = 0.25 }));
        Assert.Throws<ArgumentException>("dropThreshold", () => CaseloadTrends.Scan(columns, Rc, null, 0m));
        Assert.Throws<ArgumentException>("dropThreshold", () => CaseloadTrends.Scan(columns, Rc, null, -1m));

        // A given absolute change is used as given; a custom z for reliable change too.
        Episode jump = Make(new (int, double)[] { (1, 12), (2, 12.5), (3, 12), (4, 16.5), (5, 17), (6, 16.5) });
        EpisodeColumns one = EpisodeColumns.FromEpisodes(new[] { jump });
        Assert.Single(CaseloadTrends.Scan(one, Rc, new SuddenGainsAndLossesOptions { AbsoluteChange = 3.5 }).Findings);
        Assert.Empty(CaseloadTrends.Scan(one, Rc, new SuddenGainsAndLossesOptions { AbsoluteChange = 5 }).Findings);
        Assert.Equal(ChangeDirection.Unchanged, CaseloadTrends.Scan(one, Rc).ReliableChangeDirections[0]);
        Assert.Equal(ChangeDirection.Improved, CaseloadTrends.Scan(one, Rc with { Z = 0.5 }).ReliableChangeDirections[0]);
    }

    [Fact]
    public void AGapOfTwoBillionSessions_CostsNothing_AndTheSessionsAroundItStillCount()
    {
        // The object path lays the series out densely; the scan builds each window from the scores around it.
        EpisodeColumns columns = EpisodeColumns.Create(new[] { 0, 7 }, new[] { 0, 1, 2, 3, 4, 5, int.MaxValue }, new[] { 20.0, 20.5, 20, 30, 30.5, 30, 31 });
        CaseloadTrendScan scan = CaseloadTrends.Scan(columns, Rc, Sg, 1m);
        Assert.Equal(new[] { new CaseloadFinding(0, CaseloadFindingKind.SuddenGain, 2, 10) }, scan.Findings);   // drops of 0.5 only
        Assert.Equal(1, scan.EpisodeCount);
    }

    [Fact]
    public void DropsAreComparedInDecimal_AsTheObjectPathComparesThem()
    {
        // 9.1 - 8.1 is 0.9999999999999991 in doubles and exactly 1 in decimal: a drop of 1 for both paths.
        Episode tenths = Make(new (int, double)[] { (1, 9.1), (2, 8.1), (3, 8.2), (4, 7.2000001) });
        CaseloadTrendScan scan = CaseloadTrends.Scan(EpisodeColumns.FromEpisodes(new[] { tenths }), Rc, null, 1m);
        Assert.Equal(new[] { new CaseloadFinding(0, CaseloadFindingKind.DropFromPrevious, 2, 1.0) }, scan.Findings);
    }
}
