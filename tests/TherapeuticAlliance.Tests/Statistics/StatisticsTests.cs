using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Statistics;

namespace TherapeuticAlliance.Tests.Statistics;

public class ResponseMatrixTests
{
    [Fact]
    public void Factories_AgreeAndCopyTheirInputOnce()
    {
        double[] rowMajor = { 1, 2, 3, 4, 5, 6 };
        var fromRows = ResponseMatrix.FromRowMajor(rowMajor, 2, 3);
        var fromColumns = ResponseMatrix.FromColumnMajor(new double[] { 1, 4, 2, 5, 3, 6 }, 2, 3);
        var fromJagged = ResponseMatrix.FromRows(new[] { new double[] { 1, 2, 3 }, new double[] { 4, 5, 6 } });
        foreach (var m in new[] { fromRows, fromColumns, fromJagged })
        {
            Assert.Equal((2, 3), (m.RowCount, m.ColumnCount));
            Assert.Equal(6.0, m[1, 2]);
            Assert.Equal(new double[] { 2, 5 }, m.GetColumn(1).ToArray());
            Assert.Equal(new[] { "1", "2", "3" }, m.ColumnNames);
        }

        rowMajor[0] = 99;
        Assert.Equal(1.0, fromRows[0, 0]);
        Assert.Equal("2 × 3 response matrix", fromRows.ToString());
    }

    [Fact]
    public void FromAssessments_UsesNaNForNotAnswered()
    {
        var a = AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(1), 8.8m, null, 9m, 9.1m).GetValueOrThrow();
        var m = ResponseMatrix.FromAssessments(AllianceInstruments.Srs, new[] { a, a });
        Assert.Equal((2, 4), (m.RowCount, m.ColumnCount));
        Assert.True(double.IsNaN(m[0, 1]));
        Assert.Equal(8.8, m[1, 0]);
        var wai = AllianceInstruments.WaiSr.CreateAssessment(Perspective.Client, Occasion.Session(1), 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4).GetValueOrThrow();
        Assert.Throws<ArgumentException>("assessments", () => ResponseMatrix.FromAssessments(AllianceInstruments.Srs, new[] { wai }));
    }

    [Fact]
    public void Factories_GuardTheirArguments()
    {
        Assert.Throws<ArgumentException>("values", () => ResponseMatrix.FromRowMajor(new double[] { 1, 2, 3 }, 2, 2));
        Assert.Throws<ArgumentException>("values", () => ResponseMatrix.FromRowMajor(new[] { 1, double.PositiveInfinity }, 1, 2));
        Assert.Throws<ArgumentException>("rows", () => ResponseMatrix.FromRows(new[] { new double[] { 1, 2 }, new double[] { 1 } }));
        Assert.Throws<ArgumentException>("columnNames", () => ResponseMatrix.FromRowMajor(new double[] { 1, 2 }, 1, 2, new[] { "a" }));
        Assert.Throws<ArgumentOutOfRangeException>("column", () => ResponseMatrix.FromRowMajor(new double[] { 1, 2 }, 1, 2).GetColumn(2));
        Assert.Throws<ArgumentException>("columns", () => ResponseMatrix.FromRowMajor(new double[] { 1, 2 }, 1, 2).SelectColumns(Array.Empty<int>()));
    }
}

public class BatchScorerTests
{
    /// <summary>Four WAI-SR rows: complete, complete, one item missing, one value off the scale.</summary>
    private static ResponseMatrix WaiSrRows() => ResponseMatrix.FromRows(new[]
    {
        new double[] { 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4 },
        new double[] { 5, 5, 3, 3, 3, 3, 3, 3, 3, 5, 3, 5 },
        new double[] { 5, 5, 3, double.NaN, 3, 3, 3, 3, 3, 5, 3, 5 },
        new double[] { 9, 5, 3, 3, 3, 3, 3, 3, 3, 5, 3, 5 },
    });

    [Fact]
    public void ScoresTotalsAndSubscales()
    {
        ResponseMatrix m = WaiSrRows();
        BatchScores scores = ScoringStrategies.Sum.ScoreBatch(AllianceInstruments.WaiSr, m).GetValueOrThrow();
        Assert.Equal(new[] { 48.0, 44.0 }, scores.Totals.Span[..2].ToArray());
        Assert.True(double.IsNaN(scores.Totals.Span[2]));
        Assert.True(double.IsNaN(scores.Totals.Span[3]));
        Assert.Equal(new[] { 3 }, scores.InvalidRows);
        Assert.Equal(1, scores.UnscoredRows);
        Assert.Equal(new[] { "task", "bond", "goal" }, scores.Subscales.Select(s => s.Dimension.Id));
        Assert.Equal(20.0, scores.Subscales[0].Values.Span[1]);

        BatchScores prorated = new MeanScoringStrategy(new ScoringOptions { MissingDataPolicy = MissingDataPolicy.ProrateUpTo(1) }).ScoreBatch(AllianceInstruments.WaiSr, m).GetValueOrThrow();
        Assert.Equal(41.0 / 11.0, prorated.Totals.Span[2]);
        Assert.Equal(ScoreMetric.Mean, prorated.Metric);
        Assert.Equal(MissingDataPolicy.ProrateUpTo(1), prorated.MissingDataPolicy);
    }

    [Fact]
    public void SrsTotals_AreTheNearestDoubleToTheExactTotal()
    {
        var m = ResponseMatrix.FromRows(new[] { new[] { 8.8, 9.1, 9.0, 9.1 } });
        Assert.Equal(36.0, ScoringStrategies.Sum.ScoreBatch(AllianceInstruments.Srs, m).GetValueOrThrow().Totals.Span[0]);
    }

    [Fact]
    public void WrongShape_IsAnErrorValue()
    {
        var result = ScoringStrategies.Sum.ScoreBatch(AllianceInstruments.Srs, ResponseMatrix.FromRows(new[] { new double[] { 1, 2 } }));
        Assert.Equal((4, 2), (result.AsT1.Expected, result.AsT1.Actual));
        Assert.Contains("4 items", result.AsT1.Message);
    }

    [Fact]
    public void ScoreInto_WritesTotalsThenSubscalesAndReportsTheRowsItCouldNotScore()
    {
        ResponseMatrix m = WaiSrRows();
        Assert.Equal(16, ScoringStrategies.BatchDestinationLength(AllianceInstruments.WaiSr, 4));
        double[] destination = Enumerable.Repeat(-1.0, 17).ToArray();
        BatchSummary summary = ScoringStrategies.Sum.ScoreBatchInto(AllianceInstruments.WaiSr, m, destination).GetValueOrThrow();

        Assert.Equal((4, 4), (summary.RowCount, summary.ColumnCount));
        Assert.Equal(new[] { 3 }, summary.InvalidRows);
        Assert.Equal(1, summary.UnscoredRows);
        Assert.Equal(new[] { 48.0, 44.0 }, destination[..2]);
        Assert.Equal(20.0, destination[4 + 1]); // the first subscale (task), second row
        Assert.Equal(-1.0, destination[16]); // nothing written past the scores
        Assert.Equal("4 rows of wai-sr (sum): 1 invalid, 1 unscored", summary.ToString());
    }

    [Fact]
    public void ScoreInto_ChecksTheDestinationAndWritesNothingForAMatrixOfTheWrongShape()
    {
        var wide = ResponseMatrix.FromRows(new[] { new double[] { 5, 5, 5, 5, 5 } });
        var destination = new double[8];
        var result = ScoringStrategies.Sum.ScoreBatchInto(AllianceInstruments.Srs, wide, destination);
        Assert.Equal((4, 5), (result.AsT1.Expected, result.AsT1.Actual));
        Assert.All(destination, v => Assert.Equal(0.0, v));
        Assert.Throws<AllianceErrorException>(() => result.GetValueOrThrow());

        var fits = ResponseMatrix.FromRows(new[] { new double[] { 5, 5, 5, 5 }, new double[] { 5, 5, 5, 5 } });
        int needed = ScoringStrategies.BatchDestinationLength(AllianceInstruments.Srs, 2);
        Assert.Throws<ArgumentException>("destination", () => ScoringStrategies.Sum.ScoreBatchInto(AllianceInstruments.Srs, fits, new double[needed - 1]));
        Assert.Throws<ArgumentException>("rows", () => ScoringStrategies.BatchDestinationLength(AllianceInstruments.Srs, -1));
        Assert.Throws<ArgumentException>("rows", () => ScoringStrategies.BatchDestinationLength(AllianceInstruments.WaiSr, int.MaxValue));
    }
}

public class StatisticsErrorTests
{
    [Fact]
    public void BadInput_ReturnsErrorsThatSaySo()
    {
        var oneColumn = ResponseMatrix.FromRows(new[] { new double[] { 1 }, new double[] { 2 } });
        Assert.Equal(StatisticsErrorKind.TooFewColumns, Reliability.CronbachAlpha(oneColumn).AsT1.Kind);
        Assert.Equal(StatisticsErrorKind.TooFewColumns, Agreement.IntraclassCorrelations(oneColumn).AsT1.Kind);

        var oneRow = ResponseMatrix.FromRows(new[] { new double[] { 1, 2 }, new[] { double.NaN, 2 } });
        StatisticsError tooFew = Reliability.CronbachAlpha(oneRow).AsT1;
        Assert.Equal(StatisticsErrorKind.TooFewRows, tooFew.Kind);
        Assert.Contains("1 complete row", tooFew.Message);
        Assert.Equal(StatisticsErrorKind.TooFewRows, Agreement.IntraclassCorrelations(oneRow).AsT1.Kind);

        // Fewer than two items vary once the constant one is dropped: alpha is undefined; the message names the column's position only.
        var constant = ResponseMatrix.FromRows(new[] { new double[] { 1, 3 }, new double[] { 1, 4 }, new double[] { 1, 5 } }, new[] { "a", "b" });
        StatisticsError constantError = Reliability.CronbachAlpha(constant).AsT1;
        Assert.Equal(StatisticsErrorKind.ConstantColumn, constantError.Kind);
        Assert.Equal("a", constantError.Column);
        Assert.StartsWith("Column 1 has the same value", constantError.Message);

        var missing = ResponseMatrix.FromRows(new[] { new[] { double.NaN, double.NaN }, new[] { double.NaN, double.NaN } });
        Assert.Equal(StatisticsErrorKind.AllMissing, Reliability.CronbachAlpha(missing).AsT1.Kind);
        Assert.Equal(StatisticsErrorKind.AllMissing, Agreement.IntraclassCorrelations(missing).AsT1.Kind);
        Assert.Equal(StatisticsErrorKind.AllMissing, Agreement.Pearson(new[] { double.NaN, 1 }, new[] { 2, double.NaN }).AsT1.Kind);

        var flat = ResponseMatrix.FromRows(new[] { new double[] { 2, 2 }, new double[] { 2, 2 } });
        Assert.Equal(StatisticsErrorKind.NoVariance, Agreement.IntraclassCorrelations(flat).AsT1.Kind);
        Assert.Equal(StatisticsErrorKind.NoVariance, Agreement.Pearson(new double[] { 1, 1, 1 }, new double[] { 1, 2, 3 }).AsT1.Kind);
        Assert.Equal(StatisticsErrorKind.MismatchedPairs, Agreement.BlandAltman(new double[] { 1, 2 }, new double[] { 1 }).AsT1.Kind);
        Assert.Throws<AllianceErrorException>(() => Reliability.CronbachAlpha(flat).GetValueOrThrow());
        Assert.Throws<ArgumentOutOfRangeException>("confidence", () => Agreement.IntraclassCorrelations(flat, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>("multiplier", () => Agreement.BlandAltman(new double[] { 1, 2 }, new double[] { 1, 2 }, 0));
    }

    [Fact]
    public void ListwiseDeletion_ReportsRowsUsedAndDropped()
    {
        var m = ResponseMatrix.FromRows(new[]
        {
            new double[] { 1, 2, 3 }, new double[] { 2, 3, 3 }, new[] { double.NaN, 1, 2 }, new double[] { 4, 4, 5 }, new double[] { 3, 2, 4 },
        });
        ReliabilityAnalysis alpha = Reliability.CronbachAlpha(m).GetValueOrThrow();
        Assert.Equal((4, 1), (alpha.RowsUsed, alpha.RowsDropped));
        Assert.Equal(3, alpha.Items.Length);
        Assert.Equal(2.5, alpha.Items[0].Mean, 12);
        Assert.Equal(1, Agreement.IntraclassCorrelations(m).GetValueOrThrow().RowsDropped);
        Assert.Equal(1, Agreement.BlandAltman(m.GetColumn(0), m.GetColumn(1)).GetValueOrThrow().PairsDropped);
    }

    [Fact]
    public void ForInstrument_WrongShape_AndSingleItemSubscales_AreErrorValues()
    {
        var m = ResponseMatrix.FromRows(new[] { new double[] { 1, 2 }, new double[] { 2, 3 } });
        Assert.Equal(StatisticsErrorKind.MismatchedPairs, Reliability.ForInstrument(AllianceInstruments.Srs, m).AsT1.Kind);
        var srs = ResponseMatrix.FromRows(new[] { new double[] { 1, 2, 3, 4 }, new double[] { 2, 3, 5, 4 }, new double[] { 3, 3, 4, 6 } });
        InstrumentReliability reliability = Reliability.ForInstrument(AllianceInstruments.Srs, srs).GetValueOrThrow();
        Assert.True(reliability.Total.IsSuccess);
        Assert.All(reliability.Subscales, s => Assert.Equal(StatisticsErrorKind.TooFewColumns, s.Result.AsT1.Kind));
    }

    [Fact]
    public void ForInstrument_ReverseKeysReversedItems()
    {
        Instrument keyed = new InstrumentBuilder("keyed", "1").WithScale(RatingScale.OneToFive).AddItems(3).ReverseItems("3").Build();
        var m = ResponseMatrix.FromRows(new[] { new double[] { 1, 1, 5 }, new double[] { 3, 2, 3 }, new double[] { 5, 4, 1 }, new double[] { 2, 3, 4 } });
        var mirrored = ResponseMatrix.FromRows(new[] { new double[] { 1, 1, 1 }, new double[] { 3, 2, 3 }, new double[] { 5, 4, 5 }, new double[] { 2, 3, 2 } });
        Assert.Equal(
            Reliability.CronbachAlpha(mirrored).GetValueOrThrow().Alpha,
            Reliability.ForInstrument(keyed, m).GetValueOrThrow().Total.GetValueOrThrow().Alpha,
            12);
    }
}

public class ClientTherapistAgreementTests
{
    private static AllianceScore Score(Perspective perspective, int session, decimal value) =>
        ScoringStrategies.Sum.Score(AllianceInstruments.AllianceProfile
            .CreateAssessment(perspective, Occasion.Session(session), value, 4, 4, 4, 4, 4, 4, 4, 4).GetValueOrThrow()).GetValueOrThrow();

    [Fact]
    public void PairsOfSessions_GiveCorrelationBiasAndIcc()
    {
        var pairs = new[]
        {
            (Score(Perspective.Client, 1, 7), Score(Perspective.Therapist, 1, 5)),
            (Score(Perspective.Client, 2, 6), Score(Perspective.Therapist, 2, 5)),
            (Score(Perspective.Client, 3, 5), Score(Perspective.Therapist, 3, 3)),
            (Score(Perspective.Client, 4, 7), Score(Perspective.Therapist, 4, 6)),
        };
        ClientTherapistAgreement agreement = Agreement.ClientTherapist(pairs).GetValueOrThrow();
        Assert.Equal(4, agreement.Pairs);
        Assert.Equal(1.5, agreement.BlandAltman.Bias, 12);
        Assert.True(agreement.Correlation.GetValueOrThrow() > 0.8);
        Assert.True(agreement.StandardizedDifference > 0);
        Assert.True(agreement.Intraclass.GetValueOrThrow()[IccForm.Icc2].Value < agreement.Intraclass.GetValueOrThrow()[IccForm.Icc3].Value);
    }

    [Fact]
    public void MismatchedPairs_AreErrorValues()
    {
        Assert.Equal(StatisticsErrorKind.MismatchedPairs, Agreement.ClientTherapist(new[] { (Score(Perspective.Therapist, 1, 5), Score(Perspective.Client, 1, 5)) }).AsT1.Kind);
        Assert.Equal(StatisticsErrorKind.MismatchedPairs, Agreement.ClientTherapist(new[] { (Score(Perspective.Client, 1, 5), Score(Perspective.Therapist, 2, 5)) }).AsT1.Kind);
        Assert.Equal(StatisticsErrorKind.TooFewRows, Agreement.ClientTherapist(new[] { (Score(Perspective.Client, 1, 5), Score(Perspective.Therapist, 1, 5)) }).AsT1.Kind);
    }
}

/// <summary>Degenerate data where psych still gives values (issue 11): estimates stay defined, undefined tests are marked.</summary>
public class DegenerateStatisticsTests
{
    [Fact]
    public void RatersAConstantApart_GiveEveryIcc_AsPsychDoes()
    {
        // psych 2.2.9: ICC(cbind(c(2, 4, 6), c(4, 6, 8)), lmer = FALSE)$results (ICC1 0.600, F 4.00 on 2 and 3 df, p 0.142,
        // bounds -0.601 to 0.987, as issue 11 lists; the other forms' F is 6.5e31 from rounding residue, p about 1e-32).
        IccAnalysis icc = Agreement.IntraclassCorrelations(ResponseMatrix.FromRows(new[] { new double[] { 2, 4 }, new double[] { 4, 6 }, new double[] { 6, 8 } })).GetValueOrThrow();
        IccEstimate icc1 = icc[IccForm.Icc1];
        Assert.Equal(0.600, icc1.Value, 12);
        Assert.Equal(4.00, icc1.F, 12);
        Assert.Equal((2.0, 3.0), (icc1.Df1, icc1.Df2));
        Assert.Equal(1.424271731e-01, icc1.P, 9);
        Assert.Equal(-0.600880187489, icc1.Lower, 9);
        Assert.Equal(0.9873146334, icc1.Upper, 9);
        Assert.Equal(-3.011026607319, icc[IccForm.Icc1k].Lower, 9);
        Assert.Equal(0.9936168303, icc[IccForm.Icc1k].Upper, 9);
        Assert.True(icc1.IsTestDefined && icc[IccForm.Icc1k].IsTestDefined);
        var expected = new (IccForm Form, double Value, double Lower, double Upper)[]
        {
            (IccForm.Icc2, 0.6666666667, 0.002495321273, 0.9871815674),
            (IccForm.Icc3, 1.0, 1.0, 1.0),
            (IccForm.Icc2k, 0.8, 0.004978220286, 0.9935494407),
            (IccForm.Icc3k, 1.0, 1.0, 1.0),
        };
        Assert.Equal(0.750, icc[IccForm.Icc1k].Value, 12);
        foreach (var (form, value, lower, upper) in expected)
        {
            IccEstimate e = icc[form];
            Assert.Equal(value, e.Value, 9);
            Assert.Equal(lower, e.Lower, 9);
            Assert.Equal(upper, e.Upper, 9);
            Assert.False(e.IsTestDefined);
            Assert.Equal((double.PositiveInfinity, 0.0), (e.F, e.P));
        }
    }

    [Fact]
    public void IdenticalRaters_GiveIccsOfOne_WithEveryTestMarkedDegenerate()
    {
        // psych: every ICC 1, bounds 1 and 1.
        IccAnalysis icc = Agreement.IntraclassCorrelations(ResponseMatrix.FromRows(new[] { new double[] { 2, 2 }, new double[] { 4, 4 }, new double[] { 7, 7 } })).GetValueOrThrow();
        Assert.All(icc.Forms, f => Assert.Equal((1.0, 1.0, 1.0), (Math.Round(f.Value, 12), Math.Round(f.Lower, 12), Math.Round(f.Upper, 12))));
        Assert.All(icc.Forms, f => Assert.False(f.IsTestDefined));
    }

    [Fact]
    public void ClientTherapistAgreement_RatersAConstantApart_IsAValueNotAnError()
    {
        Occasion s(int n) => Occasion.Session(n);
        AllianceScore Score(Perspective p, int session, decimal v) => new(ScoreMetric.Sum, v, 0m, 40m, p, s(session), default, default, new ScoreProvenance("sum", "1.0", "srs", "1.0", MissingDataPolicy.CompleteOnly, 0));
        var pairs = new[] { (2m, 4m), (4m, 6m), (6m, 8m) }.Select((v, i) => (Score(Perspective.Client, i + 1, v.Item1), Score(Perspective.Therapist, i + 1, v.Item2)));
        ClientTherapistAgreement agreement = Agreement.ClientTherapist(pairs).GetValueOrThrow();
        Assert.Equal(2.0 / 3.0, agreement.Intraclass.GetValueOrThrow()[IccForm.Icc2].Value, 12);
        Assert.Equal(1.0, agreement.Correlation.GetValueOrThrow(), 12);
    }

    [Fact]
    public void Alpha_DropsAZeroVarianceItem_AsPsychDoes_AndSaysSo()
    {
        double[][] rows = { new double[] { 1, 3, 4, 5 }, new double[] { 1, 4, 4, 6 }, new double[] { 1, 5, 6, 6 }, new double[] { 1, 2, 3, 3 } };
        ReliabilityAnalysis withConstant = Reliability.CronbachAlpha(ResponseMatrix.FromRows(rows, new[] { "a", "b", "c", "d" })).GetValueOrThrow();
        ReliabilityAnalysis without = Reliability.CronbachAlpha(ResponseMatrix.FromRows(rows.Select(r => r[1..]).ToArray(), new[] { "b", "c", "d" })).GetValueOrThrow();
        Assert.Equal(without.Alpha, withConstant.Alpha, 12);
        Assert.Equal(0.947368421052632, withConstant.Alpha, 12); // psych 2.2.9 alpha(), which drops item a with a warning
        Assert.Equal(3, withConstant.ItemCount);
        Assert.Equal(new[] { "a" }, withConstant.ItemsDroppedForNoVariance);
        Assert.Empty(without.ItemsDroppedForNoVariance);
        Assert.Contains("1 item(s) without variance left out", withConstant.ToString());
        Assert.Equal(new[] { "b", "c", "d" }, withConstant.Items.Select(i => i.Item));
    }
}

public class MatrixLimitTests
{
    private sealed class VirtualRow(int count) : IReadOnlyList<double>
    {
        public double this[int index] => 1.0;

        public int Count => count;

        public IEnumerator<double> GetEnumerator() => Enumerable.Repeat(1.0, count).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact]
    public void FromRows_PastTheArrayLimit_ThrowsTheDocumentedException_NotOverflow()
    {
        // 4,096 rows of 1,048,576 values: 2^32 values, which overflowed an int before the array was made.
        IReadOnlyList<double>[] rows = Enumerable.Repeat<IReadOnlyList<double>>(new VirtualRow(1 << 20), 1 << 12).ToArray();
        ArgumentException error = Assert.Throws<ArgumentException>("rows", () => ResponseMatrix.FromRows(rows));
        Assert.Contains("more than the 2147483591 one matrix can hold", error.Message);
    }
}
