using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Statistics;
using TherapeuticAlliance.Tests.TestHelpers;

namespace TherapeuticAlliance.Tests.Statistics;

/// <summary>Reproduces psych::alpha and psych::ICC values computed by R, to 1e-9 relative.</summary>
public class StatisticsOracleTests
{
    private static readonly IReadOnlyDictionary<string, double> Waisr = OracleFiles.ReadExpected("waisr-expected.csv");
    private static readonly IReadOnlyDictionary<string, double> Icc = OracleFiles.ReadExpected("icc-expected.csv");

    internal static void AssertRelative(double expected, double actual, double tolerance = 1e-9) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    private static ResponseMatrix Matrix(string file) =>
        ResponseMatrix.FromRows(OracleFiles.ReadMatrix(file).Select(r => (IReadOnlyList<double>)r.Select(v => (double)v).ToArray()).ToList());

    [Fact]
    public void WaisrAlpha_MatchesPsychAlpha()
    {
        ReliabilityAnalysis alpha = Reliability.CronbachAlpha(Matrix("waisr-responses.csv")).GetValueOrThrow();
        AssertRelative(Waisr["alpha_raw"], alpha.Alpha);
        AssertRelative(Waisr["alpha_std"], alpha.StandardizedAlpha);
        Assert.Equal(400, alpha.RowsUsed);
        Assert.Equal(0, alpha.RowsDropped);
        for (int i = 0; i < 12; i++)
        {
            AssertRelative(Waisr[$"alpha_if_deleted_item{i + 1}"], alpha.Items[i].AlphaIfDeleted);
            AssertRelative(Waisr[$"r_drop_item{i + 1}"], alpha.Items[i].ItemRestCorrelation);
        }
    }

    [Theory]
    [InlineData("task", "Task")]
    [InlineData("bond", "Bond")]
    [InlineData("goal", "Goal")]
    public void WaisrSubscaleAlpha_MatchesPsychAlpha(string subscale, string oracle)
    {
        InstrumentReliability reliability = Reliability.ForInstrument(AllianceInstruments.WaiSr, Matrix("waisr-responses.csv")).GetValueOrThrow();
        AssertRelative(Waisr["alpha_raw"], reliability.Total.GetValueOrThrow().Alpha);
        AssertRelative(Waisr["alpha_raw_" + oracle], reliability.Subscales.Single(s => s.Dimension.Id == subscale).Result.GetValueOrThrow().Alpha);
    }

    [Theory]
    [InlineData("dyads", "dyads.csv")]
    [InlineData("observers", "observers.csv")]
    public void Icc_AllSixForms_MatchPsychIcc(string prefix, string file)
    {
        IccAnalysis analysis = Agreement.IntraclassCorrelations(Matrix(file)).GetValueOrThrow();
        foreach (IccEstimate estimate in analysis.Forms)
        {
            string name = $"{prefix}_ICC{estimate.Form.ToString()[3..]}";
            AssertRelative(Icc[name + "_icc"], estimate.Value);
            AssertRelative(Icc[name + "_F"], estimate.F);
            AssertRelative(Icc[name + "_p"], estimate.P);
            AssertRelative(Icc[name + "_lower"], estimate.Lower);
            AssertRelative(Icc[name + "_upper"], estimate.Upper);
        }
    }

    [Fact]
    public void Dyads_PearsonAndBlandAltman_MatchR()
    {
        ResponseMatrix dyads = Matrix("dyads.csv");
        double[] client = dyads.GetColumn(0).ToArray();
        double[] therapist = dyads.GetColumn(1).ToArray();
        AssertRelative(Icc["dyads_pearson_r"], Agreement.Pearson(client, therapist).GetValueOrThrow());
        BlandAltmanAnalysis bland = Agreement.BlandAltman(client, therapist).GetValueOrThrow();
        AssertRelative(Icc["dyads_mean_diff"], bland.Bias);
        AssertRelative(Icc["dyads_sd_diff"], bland.StandardDeviation);
        AssertRelative(Icc["dyads_loa_lower"], bland.LowerLimit);
        AssertRelative(Icc["dyads_loa_upper"], bland.UpperLimit);
    }

    [Fact]
    public void ShroutFleissPublishedExample_IsReproduced()
    {
        // Shrout & Fleiss (1979) 6 targets x 4 judges, values as printed by psych (oracles README).
        var ratings = ResponseMatrix.FromRows(new[]
        {
            new double[] { 9, 2, 5, 8 }, new double[] { 6, 1, 3, 2 }, new double[] { 8, 4, 6, 8 },
            new double[] { 7, 1, 2, 6 }, new double[] { 10, 5, 6, 9 }, new double[] { 6, 2, 4, 7 },
        });
        IccAnalysis icc = Agreement.IntraclassCorrelations(ratings).GetValueOrThrow();
        AssertRelative(0.1657417684, icc[IccForm.Icc1].Value);
        AssertRelative(1.794678492, icc[IccForm.Icc1].F);
        AssertRelative(-0.13293232487, icc[IccForm.Icc1].Lower);
        AssertRelative(0.7225600623, icc[IccForm.Icc1].Upper);
        AssertRelative(0.2897637795, icc[IccForm.Icc2].Value);
        AssertRelative(11.027247956, icc[IccForm.Icc2].F);
        AssertRelative(0.01878651337, icc[IccForm.Icc2].Lower);
        AssertRelative(0.7610843696, icc[IccForm.Icc2].Upper);
        AssertRelative(0.7148407148, icc[IccForm.Icc3].Value);
        AssertRelative(0.34246476503, icc[IccForm.Icc3].Lower);
        AssertRelative(0.9458582600, icc[IccForm.Icc3].Upper);
        AssertRelative(0.4427971337, icc[IccForm.Icc1k].Value);
        AssertRelative(-0.88444215524, icc[IccForm.Icc1k].Lower);
        AssertRelative(0.9124154203, icc[IccForm.Icc1k].Upper);
        AssertRelative(0.6200505476, icc[IccForm.Icc2k].Value);
        AssertRelative(0.07113681530, icc[IccForm.Icc2k].Lower);
        AssertRelative(0.9272320402, icc[IccForm.Icc2k].Upper);
        AssertRelative(0.9093155424, icc[IccForm.Icc3k].Value);
        AssertRelative(0.67567471382, icc[IccForm.Icc3k].Lower);
        AssertRelative(0.9858916782, icc[IccForm.Icc3k].Upper);

        // Reference O-7: mean squares, and alpha with judges as items equals ICC(3,k).
        AssertRelative(11.241667, icc.MeanSquareBetweenTargets, 1e-6);
        AssertRelative(6.263889, icc.MeanSquareWithinTargets, 1e-6);
        AssertRelative(32.486111, icc.MeanSquareRaters, 1e-6);
        AssertRelative(1.019444, icc.MeanSquareError, 1e-6);
        AssertRelative(0.909316, Reliability.CronbachAlpha(ratings).GetValueOrThrow().Alpha, 1e-6);
    }

    [Fact]
    public void Omega_ReferenceExamples()
    {
        // Reference O-8.
        AssertRelative(0.793522, Reliability.OmegaTotal(new[] { 0.7, 0.7, 0.7, 0.7 }).GetValueOrThrow(), 1e-6);
        AssertRelative(0.749446, Reliability.OmegaTotal(new[] { 0.8, 0.7, 0.6, 0.5 }).GetValueOrThrow(), 1e-6);
        AssertRelative(0.749446, Reliability.OmegaTotal(new[] { 0.8, 0.7, 0.6, 0.5 }, new[] { 0.36, 0.51, 0.64, 0.75 }).GetValueOrThrow(), 1e-6);
        Assert.Equal(StatisticsErrorKind.InvalidParameter, Reliability.OmegaTotal(Array.Empty<double>()).AsT1.Kind);
        Assert.Equal(StatisticsErrorKind.InvalidParameter, Reliability.OmegaTotal(new[] { 1.2 }).AsT1.Kind);
        Assert.Equal(StatisticsErrorKind.InvalidParameter, Reliability.OmegaTotal(new[] { 0.5 }, new[] { -0.1 }).AsT1.Kind);
        Assert.Equal(StatisticsErrorKind.InvalidParameter, Reliability.OmegaTotal(new[] { 0.5, 0.5 }, new[] { 0.1 }).AsT1.Kind);
    }

    [Theory]
    [InlineData("dyads.csv")]
    [InlineData("observers.csv")]
    [InlineData("icc-expected.csv")]
    public void CommittedOracleCopy_MatchesShared(string fileName)
    {
        string? shared = OracleFiles.Shared(fileName);
        if (shared is not null)
        {
            Assert.Equal(File.ReadAllText(shared), File.ReadAllText(OracleFiles.Local(fileName)));
        }
    }
}
