using TherapeuticAlliance.Statistics;

namespace TherapeuticAlliance.Tests.Hostile;

/// <summary>
/// Issue 27, part 5: a constant column whose value is not exact in binary (0.1, 9.1, 48/9) gave Pearson r of about
/// 1e-16 instead of the no-variance error R's <c>NA</c> stands for, and <c>alliance stats</c> printed 0.0000 while
/// the partial-and-merge path said no variance. Both paths now use one stated tolerance
/// (<see cref="Agreement.ConstantTolerance"/>).
/// </summary>
public sealed class DegenerateStatisticsTests
{
    public static TheoryData<double> Constants() => new() { 0.1, 9.1, 48.0 / 9.0, 1.0 / 3.0, 1e-7 + 0.2, 0.0, 37.7 };

    [Theory]
    [MemberData(nameof(Constants))]
    public void AColumnConstantUpToRounding_HasNoVariance_OnTheDataAndThePartialPath(double constant)
    {
        double[] x = Enumerable.Repeat(constant, 37).ToArray();
        double[] y = Enumerable.Range(0, 37).Select(i => (double)((i * 7) % 11)).ToArray();
        Assert.Equal(StatisticsErrorKind.NoVariance, ((StatisticsError)Agreement.Pearson(x, y).Error!).Kind);
        Assert.Equal(StatisticsErrorKind.NoVariance, ((StatisticsError)Agreement.Pearson(y, x).Error!).Kind);

        ResponseMatrix matrix = ResponseMatrix.FromRows(x.Select((v, i) => (IReadOnlyList<double>)new[] { v, y[i] }).ToList(), new[] { "client", "therapist" });
        SufficientStatistics partial = SufficientStatistics.FromMatrix(matrix, "test", 2).GetValueOrThrow();
        Assert.Equal(StatisticsErrorKind.NoVariance, ((StatisticsError)Agreement.Pearson(partial).Error!).Kind);
    }

    [Fact]
    public void TheIssuesExample_WasNotExactlyConstantInFloatingPoint()
    {
        // Guards the test itself: the sum of squares of 37 copies of 0.1 around their computed mean is not 0, which is
        // why a check for "> 0" let it through.
        double[] x = Enumerable.Repeat(0.1, 37).ToArray();
        double mean = x.Sum() / x.Length;
        Assert.NotEqual(0.0, x.Sum(v => (v - mean) * (v - mean)));
    }

    [Fact]
    public void SmallButRealVariation_IsStillCorrelated()
    {
        // Ratings that differ by the smallest step of any instrument (0.1 of a point) at the top of a 0–40 scale.
        double[] x = Enumerable.Range(0, 20).Select(i => 39.9 + (0.1 * (i % 2))).ToArray();
        double[] y = Enumerable.Range(0, 20).Select(i => (double)(i % 2)).ToArray();
        Assert.Equal(1.0, Agreement.Pearson(x, y).GetValueOrThrow(), 12);
        Assert.False(Agreement.IsConstant(1e-20, 1, 0.0));
        Assert.True(Agreement.IsConstant(0.0, 5, 0.0));
        Assert.True(Agreement.IsConstant(double.NaN, 5, 1.0));
    }
}
