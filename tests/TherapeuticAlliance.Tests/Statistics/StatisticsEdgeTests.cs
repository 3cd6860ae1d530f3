using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Statistics;

namespace TherapeuticAlliance.Tests.Statistics;

/// <summary>
/// The statistics' edges, which the oracle tests (ordinary data matched to R) do not reach: every error's code and
/// message, omega's input checks and exact values, the client–therapist checks and standardised difference, the
/// ICC's confidence range, alpha with two items and with constant items, and the response matrix's guards.
/// </summary>
public class StatisticsEdgeTests
{
    private static ResponseMatrix Rows(params double[][] rows) => ResponseMatrix.FromRows(rows.Select(r => (IReadOnlyList<double>)r).ToList());

    private static AllianceScore Score(decimal value, Perspective perspective, int session = 1, string instrument = "srs", ScoreMetric metric = ScoreMetric.Sum) =>
        new(metric, value, 0m, 40m, perspective, Occasion.Session(session), default, default, new ScoreProvenance("sum", "1.0", instrument, "1.0", MissingDataPolicy.CompleteOnly, 0));

    [Fact]
    public void EveryErrorKind_HasItsCodeAndAMessageThatSaysWhatToDo()
    {
        StatisticsError rows = Reliability.CronbachAlpha(Rows(new[] { 1.0, 2.0 }, new[] { double.NaN, 3.0 })).AsT1;
        Assert.Equal(("too-few-rows", StatisticsErrorKind.TooFewRows), (rows.Code, rows.Kind));
        Assert.Equal("Only 1 complete row(s) remain after removing rows with missing values; at least 2 are needed.", rows.Message);

        StatisticsError columns = Reliability.CronbachAlpha(Rows(new[] { 1.0 }, new[] { 2.0 })).AsT1;
        Assert.Equal(("too-few-columns", "The data has 1 item(s); at least 2 are needed."), (columns.Code, columns.Message));
        Assert.Equal("The data has 1 rater(s); at least 2 are needed.", Agreement.IntraclassCorrelations(Rows(new[] { 1.0 }, new[] { 2.0 })).AsT1.Message);

        StatisticsError missing = Reliability.CronbachAlpha(Rows(new[] { double.NaN, double.NaN }, new[] { double.NaN, double.NaN })).AsT1;
        Assert.Equal(("all-missing", "Every value is missing."), (missing.Code, missing.Message));

        StatisticsError constant = Reliability.CronbachAlpha(Rows(new[] { 1.0, 2.0 }, new[] { 1.0, 3.0 }, new[] { 1.0, 4.0 })).AsT1;
        Assert.Equal(("constant-column", "1"), (constant.Code, constant.Column));   // the column's name; unnamed columns are numbered from 1
        Assert.StartsWith("Column 1 has the same value in every complete row", constant.Message, StringComparison.Ordinal);

        StatisticsError variance = Agreement.Pearson(new[] { 1.0, 1.0, 1.0 }, new[] { 1.0, 2.0, 3.0 }).AsT1;
        Assert.Equal(("no-variance", "The data has no variance, so the statistic is undefined."), (variance.Code, variance.Message));

        Assert.Equal("mismatched-pairs", Agreement.ClientTherapist(new[] { (Score(30, Perspective.Therapist), Score(30, Perspective.Client)) }).AsT1.Code);
        Assert.Equal("invalid-parameter", Reliability.OmegaTotal(Array.Empty<double>()).AsT1.Code);
        Assert.Equal(rows.Message, rows.ToString());
    }

    [Fact]
    public void OmegaTotal_OfStandardisedAndUnstandardisedLoadings_IsTheFormula()
    {
        // (Σλ)² / ((Σλ)² + Σψ): three loadings of .7 sum to 2.1, so (Σλ)² = 4.41.
        Assert.Equal(4.41 / (4.41 + (3 * (1 - 0.49))), Reliability.OmegaTotal(new[] { 0.7, 0.7, 0.7 }).AsT0, 12);
        Assert.Equal(4.41 / (4.41 + 1.5), Reliability.OmegaTotal(new[] { 0.7, 0.7, 0.7 }, new[] { 0.5, 0.5, 0.5 }).AsT0, 12);
        Assert.Equal(1.0, Reliability.OmegaTotal(new[] { 1.0, -1.0, 1.0 }).AsT0, 12);                 // |λ| = 1 is allowed: no unique variance
        Assert.Equal(9.0 / (9.0 + 2.0), Reliability.OmegaTotal(new[] { 1.5, 1.5 }, new[] { 1.0, 1.0 }).AsT0, 12);   // unstandardised, with ψ given
    }

    [Fact]
    public void OmegaTotal_ReversesANegativelyLoadingItem_AsPsychOmegasDefaultFlipDoes()
    {
        // Issue 27: 0.2.0 summed signed loadings (psych::omega(..., flip = FALSE)'s value). The oracle, with Debian's R
        // and r-cran-psych: L <- c(0.7, 0.6, -0.5, 0.8); R <- L %o% L; diag(R) <- 1
        //   omega(R, nfactors = 1, n.obs = 500)$omega.tot                 0.7494455704 (flip = TRUE, the default)
        //   omega(R, nfactors = 1, n.obs = 500, flip = FALSE)$omega.tot   0.5311201337
        // psych fits the loadings by minres (recovered to about 1e-6), so its value agrees with the formula to 1e-6.
        double[] loadings = { 0.7, 0.6, -0.5, 0.8 };
        double omega = Reliability.OmegaTotal(loadings).AsT0;
        Assert.Equal(6.76 / (6.76 + 2.26), omega, 12);
        Assert.Equal(0.7494455704, omega, 6);
        Assert.NotEqual(0.5311201337, omega, 3);
        Assert.Equal(omega, Reliability.OmegaTotal(new[] { 0.7, 0.6, 0.5, 0.8 }).AsT0, 12);   // the reversed item loads positively
    }

    [Fact]
    public void OmegaTotal_RejectsEachKindOfBadInput_WithItsReason()
    {
        static string Why(IReadOnlyList<double> loadings, IReadOnlyList<double>? uniquenesses = null) => Reliability.OmegaTotal(loadings, uniquenesses).AsT1.Message;
        Assert.Equal("Give at least one finite loading.", Why(Array.Empty<double>()));
        Assert.Equal("Give at least one finite loading.", Why(new[] { 0.5, double.NaN }));
        Assert.Equal("Give at least one finite loading.", Why(new[] { 0.5, double.PositiveInfinity }, new[] { 1.0, 1.0 }));
        Assert.Equal("Standardised loadings lie between -1 and 1; give uniquenesses for unstandardised loadings.", Why(new[] { 0.5, 1.01 }));
        Assert.Equal("Give one finite, non-negative uniqueness per loading.", Why(new[] { 0.5, 0.6 }, new[] { 0.5 }));
        Assert.Equal("Give one finite, non-negative uniqueness per loading.", Why(new[] { 0.5, 0.6 }, new[] { 0.5, -0.01 }));
        Assert.Equal("Give one finite, non-negative uniqueness per loading.", Why(new[] { 0.5, 0.6 }, new[] { 0.5, double.NaN }));
        Assert.Equal("Give one finite, non-negative uniqueness per loading.", Why(new[] { 0.5, 0.6 }, new[] { 0.5, double.PositiveInfinity }));
        Assert.Equal("The loadings and uniquenesses give no variance.", Why(new[] { 0.0, 0.0 }, new[] { 0.0, 0.0 }));
        Assert.True(Reliability.OmegaTotal(new[] { 0.5, 0.6 }, new[] { 0.0, 0.0 }).IsSuccess);      // zero uniqueness is allowed
        Assert.Equal("loadings", Assert.Throws<ArgumentNullException>(() => Reliability.OmegaTotal(null!)).ParamName);
    }

    [Fact]
    public void ClientTherapist_ChecksEveryPair_AndGivesTheStandardisedDifference()
    {
        decimal[] client = { 30m, 32m, 34m, 36m, 35m };
        decimal[] therapist = { 28m, 29m, 33m, 30m, 31m };
        var pairs = client.Zip(therapist, (c, t) => (c, t)).Select((p, i) => (Score(p.c, Perspective.Client, i + 1), Score(p.t, Perspective.Therapist, i + 1))).ToList();
        ClientTherapistAgreement agreement = Agreement.ClientTherapist(pairs).AsT0;

        // Cohen's d with the pooled SD of the two columns: mean difference / √((s²c + s²t) / 2), computed here apart.
        static double Variance(decimal[] v) => v.Select(x => (double)x).Select(x => (x - v.Average(y => (double)y)) * (x - v.Average(y => (double)y))).Sum() / (v.Length - 1);
        double bias = client.Zip(therapist, (c, t) => (double)(c - t)).Average();
        Assert.Equal(bias, agreement.BlandAltman.Bias, 12);
        Assert.Equal(bias / Math.Sqrt((Variance(client) + Variance(therapist)) / 2), agreement.StandardizedDifference, 12);
        Assert.Equal(5, agreement.Pairs);

        // No spread in either column: d is undefined, not infinite.
        var flat = Enumerable.Range(1, 3).Select(i => (Score(30, Perspective.Client, i), Score(28, Perspective.Therapist, i))).ToList();
        Assert.True(double.IsNaN(Agreement.ClientTherapist(flat).AsT0.StandardizedDifference));

        static string Why(AllianceScore c, AllianceScore t) => Agreement.ClientTherapist(new[] { (c, t) }).AsT1.Message;
        Assert.Equal("Each pair must hold a client score first and a therapist score second.", Why(Score(30, Perspective.Client), Score(30, Perspective.Client)));
        Assert.Equal("Each pair must hold a client score first and a therapist score second.", Why(Score(30, Perspective.Therapist), Score(30, Perspective.Therapist)));
        Assert.Equal("Both scores of a pair must come from the same instrument and metric.", Why(Score(30, Perspective.Client), Score(30, Perspective.Therapist, instrument: "ors")));
        Assert.Equal("Both scores of a pair must come from the same instrument and metric.", Why(Score(30, Perspective.Client), Score(30, Perspective.Therapist, metric: ScoreMetric.Mean)));
        Assert.Equal("Both scores of a pair must be of the same session.", Why(Score(30, Perspective.Client, 1), Score(30, Perspective.Therapist, 2)));
        Assert.Equal("pairs", Assert.Throws<ArgumentNullException>(() => Agreement.ClientTherapist(null!)).ParamName);
        Assert.Equal("pairs", Assert.Throws<ArgumentNullException>(() => Agreement.ClientTherapist(new[] { (Score(30, Perspective.Client), (AllianceScore)null!) })).ParamName);
        Assert.Equal("pairs", Assert.Throws<ArgumentNullException>(() => Agreement.ClientTherapist(new[] { ((AllianceScore)null!, Score(30, Perspective.Therapist)) })).ParamName);
    }

    [Fact]
    public void Icc_TakesAConfidenceStrictlyBetweenZeroAndOne_AnythingElseIsAGuardError()
    {
        ResponseMatrix ratings = Rows(new[] { 1.0, 2.0 }, new[] { 3.0, 3.5 }, new[] { 5.0, 4.0 }, new[] { 2.0, 2.5 });
        Assert.Equal("confidence", Assert.Throws<ArgumentOutOfRangeException>(() => Agreement.IntraclassCorrelations(ratings, 0.0)).ParamName);
        Assert.Equal("confidence", Assert.Throws<ArgumentOutOfRangeException>(() => Agreement.IntraclassCorrelations(ratings, 1.0)).ParamName);
        Assert.True(Agreement.IntraclassCorrelations(ratings, 0.5).IsSuccess);
        Assert.Equal("ratings", Assert.Throws<ArgumentNullException>(() => Agreement.IntraclassCorrelations(null!)).ParamName);
    }

    [Fact]
    public void Alpha_WithTwoItems_HasNoAlphaIfDeleted_AndConstantItemsAreDroppedByName()
    {
        ReliabilityAnalysis two = Reliability.CronbachAlpha(Rows(new[] { 1.0, 2.0 }, new[] { 2.0, 2.0 }, new[] { 3.0, 5.0 }, new[] { 4.0, 3.0 })).AsT0;
        Assert.All(two.Items, i => Assert.True(double.IsNaN(i.AlphaIfDeleted)));

        ReliabilityAnalysis three = Reliability.CronbachAlpha(Rows(new[] { 1.0, 2.0, 2.0 }, new[] { 2.0, 2.0, 3.0 }, new[] { 3.0, 5.0, 4.0 }, new[] { 4.0, 3.0, 5.0 })).AsT0;
        Assert.All(three.Items, i => Assert.False(double.IsNaN(i.AlphaIfDeleted)));

        // Two constant columns among four: both are named, the other two analysed.
        var names = new[] { "q1", "q2", "q3", "q4" };
        var data = ResponseMatrix.FromRows(new List<IReadOnlyList<double>> { new[] { 1.0, 3.0, 2.0, 3.0 }, new[] { 2.0, 3.0, 2.0, 4.0 }, new[] { 3.0, 3.0, 2.0, 6.0 }, new[] { 4.0, 3.0, 2.0, 5.0 } }, names);
        ReliabilityAnalysis dropped = Reliability.CronbachAlpha(data).AsT0;
        Assert.Equal(new[] { "q2", "q3" }, dropped.ItemsDroppedForNoVariance);
        Assert.Equal(new[] { "q1", "q4" }, dropped.Items.Select(i => i.Item));
        Assert.Equal(Reliability.CronbachAlpha(data.SelectColumns(new[] { 0, 3 })).AsT0.Alpha, dropped.Alpha, 12);
    }

    [Fact]
    public void ResponseMatrix_Guards_NameTheArgument()
    {
        ResponseMatrix m = Rows(new[] { 1.0, 2.0 }, new[] { 3.0, 4.0 });
        Assert.Equal(4.0, m[1, 1]);
        Assert.Equal("row", Assert.Throws<ArgumentOutOfRangeException>(() => m[2, 0]).ParamName);
        Assert.Equal("row", Assert.Throws<ArgumentOutOfRangeException>(() => m[-1, 0]).ParamName);
        Assert.Equal("column", Assert.Throws<ArgumentOutOfRangeException>(() => m[0, 2]).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentNullException>(() => ResponseMatrix.FromRows(null!)).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentException>(() => ResponseMatrix.FromRows(new List<IReadOnlyList<double>>())).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentException>(() => ResponseMatrix.FromRows(new List<IReadOnlyList<double>> { new[] { 1.0 }, null! })).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentException>(() => ResponseMatrix.FromRows(new List<IReadOnlyList<double>> { new[] { 1.0, 2.0 }, new[] { 1.0 } })).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentException>(() => ResponseMatrix.FromRows(new List<IReadOnlyList<double>> { Array.Empty<double>() })).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentException>(() => m.SelectColumns(new[] { 2 })).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentException>(() => m.SelectColumns(new[] { -1 })).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentException>(() => m.SelectColumns(Array.Empty<int>())).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentNullException>(() => m.SelectColumns(null!)).ParamName);
        Assert.Equal(new[] { 2.0, 4.0 }, new[] { m.SelectColumns(new[] { 1 })[0, 0], m.SelectColumns(new[] { 1 })[1, 0] });
        Assert.Equal("columnNames", Assert.Throws<ArgumentException>(() => ResponseMatrix.FromRows(new List<IReadOnlyList<double>> { new[] { 1.0, 2.0 } }, new[] { "a" })).ParamName);
        Assert.Equal("columnNames", Assert.Throws<ArgumentException>(() => ResponseMatrix.FromRows(new List<IReadOnlyList<double>> { new[] { 1.0, 2.0 } }, new[] { "a", null! })).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => ResponseMatrix.FromColumnMajor(new[] { 1.0, 2.0, 3.0 }, 2, 2)).ParamName);
        Assert.Equal("rowCount", Assert.Throws<ArgumentException>(() => ResponseMatrix.FromRowMajor(new[] { 1.0 }, -1, 1)).ParamName);
        Assert.Equal("columnCount", Assert.Throws<ArgumentException>(() => ResponseMatrix.FromRowMajor(new[] { 1.0 }, 1, 0)).ParamName);
        Assert.Equal("instrument", Assert.Throws<ArgumentNullException>(() => ResponseMatrix.FromAssessments(null!, Array.Empty<Assessment>())).ParamName);
        Assert.Equal("assessments", Assert.Throws<ArgumentNullException>(() => ResponseMatrix.FromAssessments(AllianceInstruments.Srs, null!)).ParamName);
        Assessment srs = AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(1), 9m, 9m, 9m, 9m).GetValueOrThrow();
        Assert.Equal("assessments", Assert.Throws<ArgumentException>(() => ResponseMatrix.FromAssessments(AllianceInstruments.Ors, new[] { srs })).ParamName);
        Assert.Equal(9.0, ResponseMatrix.FromAssessments(AllianceInstruments.Srs, new[] { srs }.Select(a => a))[0, 3]);
    }
}
