using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Trends;

/// <summary>
/// The reliable-change detector's every number, parameter and category, in both directions of "better", with the
/// Jacobson and Truax (1991) formulas worked by hand: SD 7.5 and reliability .80 give SE = 7.5 × √0.2 = 3.3541,
/// S_diff = √2 × SE = 4.7434 and, at z = 1.96, a reliable change of 9.2969 points.
/// </summary>
public class ReliableChangeDetectorTests
{
    private const double Sd = 7.5;
    private const double Reliability = 0.8;
    private static readonly double Se = 7.5 * Math.Sqrt(0.2);
    private static readonly double SDiff = Math.Sqrt(2) * 7.5 * Math.Sqrt(0.2);

    private static ReliableChangeFinding Find(double before, double after, bool higherIsBetter = true, double? cutoff = null, double? z = null) =>
        (ReliableChangeFinding)new ReliableChangeDetector(new ReliableChangeOptions { StandardDeviation = Sd, Reliability = Reliability, HigherIsBetter = higherIsBetter, ClinicalCutoff = cutoff, Z = z, Measure = null })
            .Detect(TrendTestData.Series(before, (before + after) / 2, after)).GetValueOrThrow().Findings.Single();

    [Fact]
    public void Finding_CarriesEveryNumberOfTheFormula_AndItsParametersByName()
    {
        ReliableChangeFinding finding = Find(15, 30, cutoff: 25);
        Assert.Equal(new[] { 1, 3 }, finding.Sessions);
        Assert.Equal(15, finding.First);
        Assert.Equal(30, finding.Last);
        Assert.Equal(15, finding.Change);
        Assert.Equal(Se, finding.StandardError, 12);
        Assert.Equal(SDiff, finding.DifferenceStandardError, 12);
        Assert.Equal(15 / SDiff, finding.Index, 12);
        Assert.Equal(ReliableChange.Z95 * SDiff, finding.ReliableChangeValue, 12);
        Assert.Equal(9.2969, finding.ReliableChangeValue, 4);
        Assert.Equal(new Dictionary<string, double> { ["sd"] = Sd, ["reliability"] = Reliability, ["z"] = ReliableChange.Z95, ["higher-is-better"] = 1, ["clinical-cutoff"] = 25 }, finding.Parameters);
        Assert.Equal(
            new[] { "category", "change", "clinical-at-intake", "difference-standard-error", "direction", "first", "index", "last", "reliable-change-value", "standard-error" },
            finding.Values.Keys);
        Assert.Equal((double)ClinicalChangeCategory.Recovered, finding.Values["category"]);
        Assert.Equal((double)ChangeDirection.Improved, finding.Values["direction"]);
        Assert.Equal(1, finding.Values["clinical-at-intake"]);
        Assert.Equal(finding.ReliableChangeValue, finding.Values["reliable-change-value"]);

        // Without a cutoff there is no category and no intake state, and the parameters say so.
        ReliableChangeFinding plain = Find(15, 30);
        Assert.Null(plain.Category);
        Assert.Null(plain.IsClinicalAtIntake);
        Assert.False(plain.Parameters.ContainsKey("clinical-cutoff"));
        Assert.True(double.IsNaN(plain.Values["category"]));
        Assert.Equal(0, Find(15, 30, higherIsBetter: false).Parameters["higher-is-better"]);
    }

    [Fact]
    public void ACustomZ_SetsTheThreshold_AndIsRecordedInTheFinding()
    {
        // A change of 8 points is 1.687 S_diff: reliable at z = 1.645 (90 %, two-sided), not at the default 1.96.
        ReliableChangeFinding lenient = Find(10, 18, z: 1.645);
        Assert.Equal(ChangeDirection.Improved, lenient.Direction);
        Assert.True(lenient.IsReliable);
        Assert.Equal(1.645 * SDiff, lenient.ReliableChangeValue, 12);
        Assert.Equal(1.645, lenient.Parameters["z"]);
        Assert.Equal(ChangeDirection.Unchanged, Find(10, 18).Direction);
        Assert.False(Find(10, 18).IsReliable);
    }

    [Fact]
    public void AnIndexEqualToZ_IsNotReliable_OnlyOneBeyondItIs()
    {
        double index = Find(10, 18).Index;   // exactly the detector's own arithmetic
        Assert.Equal(ChangeDirection.Unchanged, Find(10, 18, z: index).Direction);
        Assert.Equal(ChangeDirection.Improved, Find(10, 18, z: index * 0.999).Direction);
        Assert.Equal(ChangeDirection.Deteriorated, Find(18, 10, z: index * 0.999).Direction);
    }

    public static TheoryData<double, double, ClinicalChangeCategory, ChangeDirection, bool> HigherIsBetter => new()
    {
        { 15, 30, ClinicalChangeCategory.Recovered, ChangeDirection.Improved, true },
        { 20, 26, ClinicalChangeCategory.NonReliablyRecovered, ChangeDirection.Unchanged, true },
        { 10, 22, ClinicalChangeCategory.Improved, ChangeDirection.Improved, true },
        { 15, 25, ClinicalChangeCategory.Improved, ChangeDirection.Improved, true },         // at the cutoff is not past it
        { 20, 22, ClinicalChangeCategory.Unchanged, ChangeDirection.Unchanged, true },
        { 30, 18, ClinicalChangeCategory.Deteriorated, ChangeDirection.Deteriorated, false },
        { 26, 30, ClinicalChangeCategory.Unchanged, ChangeDirection.Unchanged, false },      // functional at intake stays so
    };

    [Theory]
    [MemberData(nameof(HigherIsBetter))]
    public void Categories_WhenHigherIsBetter_AsTheOutcomeRatingScale(double before, double after, ClinicalChangeCategory category, ChangeDirection direction, bool clinicalAtIntake)
    {
        ReliableChangeFinding finding = Find(before, after, higherIsBetter: true, cutoff: 25);
        Assert.Equal((category, direction, clinicalAtIntake), (finding.Category!.Value, finding.Direction, finding.IsClinicalAtIntake!.Value));
    }

    public static TheoryData<double, double, ClinicalChangeCategory, ChangeDirection, bool> LowerIsBetter => new()
    {
        { 18, 6, ClinicalChangeCategory.Recovered, ChangeDirection.Improved, true },
        { 11, 9, ClinicalChangeCategory.NonReliablyRecovered, ChangeDirection.Unchanged, true },
        { 30, 15, ClinicalChangeCategory.Improved, ChangeDirection.Improved, true },
        { 20, 10, ClinicalChangeCategory.Improved, ChangeDirection.Improved, true },         // at the cutoff is not below it
        { 18, 12, ClinicalChangeCategory.Unchanged, ChangeDirection.Unchanged, true },
        { 5, 16, ClinicalChangeCategory.Deteriorated, ChangeDirection.Deteriorated, false },
        { 4, 8, ClinicalChangeCategory.Unchanged, ChangeDirection.Unchanged, false },
    };

    [Theory]
    [MemberData(nameof(LowerIsBetter))]
    public void Categories_WhenLowerIsBetter_AsASymptomScale(double before, double after, ClinicalChangeCategory category, ChangeDirection direction, bool clinicalAtIntake)
    {
        ReliableChangeFinding finding = Find(before, after, higherIsBetter: false, cutoff: 10);
        Assert.Equal((category, direction, clinicalAtIntake), (finding.Category!.Value, finding.Direction, finding.IsClinicalAtIntake!.Value));
        Assert.Equal(after - before, finding.Change);
    }

    [Fact]
    public void WhatIsMissing_IsNotApplicable_WithAReason()
    {
        static string Reason(ReliableChangeOptions options, Episode episode) => new ReliableChangeDetector(options).Detect(episode).Error!.Message;
        Episode alliance = TrendTestData.Series(30, 32, 35);
        Assert.Contains("set for outcome measures", Reason(new ReliableChangeOptions { Measure = MeasureKind.Outcome, StandardDeviation = Sd, Reliability = Reliability }, alliance), StringComparison.Ordinal);
        Assert.Contains("set for alliance measures", Reason(new ReliableChangeOptions { Measure = MeasureKind.Alliance, StandardDeviation = Sd, Reliability = Reliability }, TrendTestData.Ors(20, 25)), StringComparison.Ordinal);
        Assert.Contains("at least two sessions", Reason(new ReliableChangeOptions { StandardDeviation = Sd, Reliability = Reliability }, TrendTestData.Series(30)), StringComparison.Ordinal);
        Assert.Contains("needs an SD", Reason(new ReliableChangeOptions { Reliability = Reliability }, alliance), StringComparison.Ordinal);
        Assert.Contains("needs a reliability", Reason(new ReliableChangeOptions { StandardDeviation = Sd }, alliance), StringComparison.Ordinal);

        // The ORS carries its own reliability (.82) and cutoff (25); the SD is then the only thing to give.
        var ors = (ReliableChangeFinding)new ReliableChangeDetector(new ReliableChangeOptions { StandardDeviation = Sd }).Detect(TrendTestData.Ors(15, 30)).GetValueOrThrow().Findings.Single();
        Assert.Equal(0.82, ors.Parameters["reliability"]);
        Assert.Equal(25, ors.Parameters["clinical-cutoff"]);
    }

    [Fact]
    public void Options_OutOfRange_AreGuardErrorsNamingTheOptions()
    {
        foreach (ReliableChangeOptions options in new[]
        {
            new ReliableChangeOptions { Z = 0 },
            new ReliableChangeOptions { Z = double.PositiveInfinity },
            new ReliableChangeOptions { StandardDeviation = 0 },
            new ReliableChangeOptions { StandardDeviation = double.PositiveInfinity },
            new ReliableChangeOptions { Reliability = 1 },
            new ReliableChangeOptions { Reliability = -0.1 },
            new ReliableChangeOptions { ClinicalCutoff = double.NaN },
            new ReliableChangeOptions { Measure = (MeasureKind)9 },
        })
        {
            Assert.Equal("options", Assert.Throws<ArgumentException>(() => new ReliableChangeDetector(options)).ParamName);
        }

        Assert.Equal(ReliableChangeDetector.DefaultName, new ReliableChangeDetector().Name);
        Assert.Equal("rc-strict", new ReliableChangeDetector(new ReliableChangeOptions { Name = "rc-strict" }).Name);
    }
}
