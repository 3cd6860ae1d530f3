using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Trends;

/// <summary>A random SRS-like series of totals (one decimal, 0–40) with a seed for derived choices.</summary>
public sealed record SeriesCase(decimal[] Values, int Seed)
{
    public override string ToString() => string.Join(", ", Values) + $" (seed {Seed})";
}

public static class TrendArbitraries
{
    public static Arbitrary<SeriesCase> Series() =>
        (from length in Gen.Choose(2, 14)
         from tenths in Gen.Choose(150, 400).ArrayOf(length)
         from seed in Gen.Choose(0, 1_000_000)
         select new SeriesCase(tenths.Select(t => t / 10m).ToArray(), seed)).ToArbitrary();
}

[Properties(Arbitrary = new[] { typeof(TrendArbitraries) }, MaxTest = 300)]
public class TrendProperties
{
    private static readonly ITrendDetector[] Detectors =
    {
        new TrajectoryDetector(),
        new ReliableChangeDetector(new ReliableChangeOptions { StandardDeviation = 6.5, Reliability = 0.85 }),
        new RuptureRepairDetector(),
        new RuptureRepairDetector(new RuptureRepairOptions { DropInStandardDeviations = 2, RepairWindow = 3, Name = "rupture-strict" }),
        new SuddenGainsAndLossesDetector(new SuddenGainsAndLossesOptions { AbsoluteChange = 3 }),
        new FeedbackRulesDetector(),
    };

    private static Episode Build(IEnumerable<(int Session, decimal Value)> scores, decimal offset = 0m) =>
        Episode.Create("e", scores.Select(s => TrendTestData.Score(s.Session, s.Value + offset, minimum: -100m, maximum: 140m)), TherapeuticAlliance.Instruments.AllianceInstruments.Srs.Cutoff).GetValueOrThrow();

    private static string Describe(Episode episode, Func<TrendFinding, bool>? keep = null) =>
        string.Join(" | ", Detectors.SelectMany(d => d.Detect(episode).Findings).Where(f => keep?.Invoke(f) ?? true).Select(f => f.GetType().Name + ":" + string.Join(",", f.Sessions)));

    [Property]
    public bool ConstantSeries_HasZeroSlopeNoRuptureAndNoSuddenGainOrLoss(PositiveInt length, PositiveInt level)
    {
        int n = 2 + (length.Get % 15);
        decimal value = level.Get % 41;
        Episode episode = Build(Enumerable.Range(1, n).Select(s => (s, value)));
        var findings = Detectors.SelectMany(d => d.Detect(episode).Findings).ToList();
        return findings.OfType<TrajectoryFinding>().All(t => t.Slope == 0.0)
            && !findings.OfType<RuptureFinding>().Any()
            && !findings.OfType<SuddenGainOrLossFinding>().Any()
            && !findings.OfType<PracticeRuleFinding>().Any(p => p.Kind == PracticeRule.DropFromPrevious);
    }

    [Property]
    public bool AddingAConstant_ChangesNoFindingExceptCutoffBasedOnes(SeriesCase series, PositiveInt shift)
    {
        decimal c = shift.Get % 30;
        var scores = series.Values.Select((v, i) => (i + 1, v)).ToArray();
        // Cutoff-based (below-cutoff) and level-relative (sudden gains and losses' 25 % criterion) findings may change;
        // everything else depends only on differences.
        bool Invariant(TrendFinding f) => f is not SuddenGainOrLossFinding && !(f is PracticeRuleFinding p && p.Kind == PracticeRule.BelowCutoff);
        return Describe(Build(scores), Invariant) == Describe(Build(scores, c), Invariant);
    }

    [Property]
    public bool Findings_DoNotDependOnTheOrderScoresWereSupplied(SeriesCase series)
    {
        var scores = series.Values.Select((v, i) => (i + 1, v)).ToArray();
        var shuffled = scores.ToArray();
        new Random(series.Seed).Shuffle(shuffled);
        return Describe(Build(scores)) == Describe(Build(shuffled));
    }

    [Property]
    public bool FlippingTheDirection_MirrorsGainsAndLosses(SeriesCase series)
    {
        var up = new SuddenGainsAndLossesDetector(new SuddenGainsAndLossesOptions { AbsoluteChange = 3, RelativeChange = 0 });
        var down = new SuddenGainsAndLossesDetector(new SuddenGainsAndLossesOptions { AbsoluteChange = 3, RelativeChange = 0, HigherIsBetter = false });
        Episode episode = Build(series.Values.Select((v, i) => (i + 1, v)));
        var a = up.Detect(episode).Findings.Cast<SuddenGainOrLossFinding>().Select(f => (f.PreSession, f.Kind)).ToList();
        var b = down.Detect(episode).Findings.Cast<SuddenGainOrLossFinding>().Select(f => (f.PreSession, f.Kind == SuddenChangeKind.Gain ? SuddenChangeKind.Loss : SuddenChangeKind.Gain)).ToList();
        return a.SequenceEqual(b);
    }

    [Property]
    public bool FlippingTheDirection_MirrorsReliableChange(SeriesCase series)
    {
        Episode episode = Build(series.Values.Select((v, i) => (i + 1, v)));
        var up = (ReliableChangeFinding)new ReliableChangeDetector(new ReliableChangeOptions { StandardDeviation = 3, Reliability = 0.7 }).Detect(episode).Findings.Single();
        var down = (ReliableChangeFinding)new ReliableChangeDetector(new ReliableChangeOptions { StandardDeviation = 3, Reliability = 0.7, HigherIsBetter = false }).Detect(episode).Findings.Single();
        ChangeDirection Mirror(ChangeDirection d) => d switch { ChangeDirection.Improved => ChangeDirection.Deteriorated, ChangeDirection.Deteriorated => ChangeDirection.Improved, _ => d };
        return up.Direction == Mirror(down.Direction) && up.Index == down.Index;
    }
}
