using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Statistics;
using TherapeuticAlliance.Tests.Arbitraries;

namespace TherapeuticAlliance.Tests.Statistics;

/// <summary>A random ratings matrix (rows × columns of whole numbers 1–7) and a seed for derived choices.</summary>
public sealed record RatingsCase(double[][] Rows, int Seed)
{
    public int ColumnCount => Rows[0].Length;

    public ResponseMatrix Matrix() => ResponseMatrix.FromRows(Rows.Select(r => (IReadOnlyList<double>)r).ToList());

    public override string ToString() => string.Join(" | ", Rows.Select(r => string.Join(",", r)));
}

/// <summary>A random matrix for an instrument with random missing, off-scale and off-step cells.</summary>
public sealed record BatchCase(Instrument Instrument, double[][] Rows, MissingDataPolicy Policy, ScoreMetric Metric)
{
    public override string ToString() => $"{Instrument.Id} {Policy.Name} {Metric}: " + string.Join(" | ", Rows.Select(r => string.Join(",", r.Select(v => v.ToString(CultureInfo.InvariantCulture)))));
}

public static class StatisticsArbitraries
{
    public static Arbitrary<RatingsCase> Ratings() =>
        (from rows in Gen.Choose(3, 25)
         from columns in Gen.Choose(2, 6)
         from values in Gen.Choose(1, 7).Select(v => (double)v).ArrayOf(columns).ArrayOf(rows)
         from seed in Gen.Choose(0, 1_000_000)
         select new RatingsCase(values, seed)).ToArbitrary();

    public static Arbitrary<BatchCase> Batches() =>
        (from instrument in Gen.Elements(AllianceArbitraries.Instruments.ToArray())
         from rows in Gen.Choose(1, 40)
         from missing in Gen.Elements(0, 1, 3)
         from invalid in Gen.Elements(0, 1)
         from cells in CellGen(instrument.Scale, missing, invalid).ArrayOf(instrument.Items.Length).ArrayOf(rows)
         from policy in Gen.Elements(AllianceArbitraries.Policies.ToArray())
         from metric in Gen.Elements(ScoreMetric.Sum, ScoreMetric.Mean, ScoreMetric.Pomp)
         select new BatchCase(instrument, cells, policy, metric)).ToArbitrary();

    // Weights of 0 give whole batches of valid, complete rows (the vectorised fast path); 1 and 3 give rows with
    // missing and invalid cells in varying density (the masked and scalar paths).
    private static Gen<double> CellGen(RatingScale scale, int missingWeight, int invalidWeight) =>
        Gen.Frequency(
            (200, AllianceArbitraries.ValueOn(scale).Select(v => (double)v)),
            (missingWeight * 10, Gen.Constant(double.NaN)),
            (invalidWeight, Gen.Constant((double)scale.Maximum + 1)),
            (invalidWeight, Gen.Constant((double)scale.Minimum + ((double)scale.Step / 2))));
}

[Properties(Arbitrary = new[] { typeof(StatisticsArbitraries) }, MaxTest = 300)]
public class StatisticsProperties
{
    private static bool Close(double a, double b, double tolerance = 1e-9) =>
        (double.IsNaN(a) && double.IsNaN(b)) || Math.Abs(a - b) <= tolerance * Math.Max(1.0, Math.Abs(a));

    [Property]
    public bool Alpha_DoesNotChangeWhenItemsAreReordered(RatingsCase ratings)
    {
        var alpha = Reliability.CronbachAlpha(ratings.Matrix());
        int[] order = Enumerable.Range(0, ratings.ColumnCount).ToArray();
        new Random(ratings.Seed).Shuffle(order);
        var reordered = Reliability.CronbachAlpha(ratings.Matrix().SelectColumns(order));
        return alpha.IsT1 ? reordered.IsT1
            : Close(alpha.AsT0.Alpha, reordered.AsT0.Alpha) && Close(alpha.AsT0.StandardizedAlpha, reordered.AsT0.StandardizedAlpha);
    }

    [Property]
    public bool Alpha_DoesNotChangeUnderAPositiveLinearMapOfAllItems(RatingsCase ratings, PositiveInt scale, int shift)
    {
        double a = 0.5 + (scale.Get % 20);
        double b = shift % 100;
        var rescaled = new RatingsCase(ratings.Rows.Select(r => r.Select(v => (a * v) + b).ToArray()).ToArray(), ratings.Seed);
        var before = Reliability.CronbachAlpha(ratings.Matrix());
        var after = Reliability.CronbachAlpha(rescaled.Matrix());
        return before.IsT1 ? after.IsT1 : Close(before.AsT0.Alpha, after.AsT0.Alpha, 1e-8) && Close(before.AsT0.StandardizedAlpha, after.AsT0.StandardizedAlpha, 1e-8);
    }

    [Property]
    public bool Icc3k_EqualsAlpha(RatingsCase ratings)
    {
        var alpha = Reliability.CronbachAlpha(ratings.Matrix());
        var icc = Agreement.IntraclassCorrelations(ratings.Matrix());
        // The identity is of the plain formula: once alpha drops a rater without variance (as psych::alpha does), the two differ.
        return alpha.IsT1 || icc.IsT1 || !alpha.AsT0.ItemsDroppedForNoVariance.IsEmpty || Close(alpha.AsT0.Alpha, icc.AsT0[IccForm.Icc3k].Value);
    }

    [Property]
    public bool SingleAndAverageForms_AreLinkedBySpearmanBrown(RatingsCase ratings)
    {
        var result = Agreement.IntraclassCorrelations(ratings.Matrix());
        if (result.IsT1)
        {
            return true;
        }

        IccAnalysis icc = result.AsT0;
        int k = icc.Raters;
        double Sb(double r) => k * r / (1 + ((k - 1) * r));
        if (new[] { IccForm.Icc1, IccForm.Icc2, IccForm.Icc3 }.Any(f => Math.Abs(1 + ((k - 1) * icc[f].Value)) < 1e-6))
        {
            return true; // a single-rater ICC of -1/(k-1): the average form is undefined (division by zero), as in psych
        }

        return Close(Sb(icc[IccForm.Icc1].Value), icc[IccForm.Icc1k].Value)
            && Close(Sb(icc[IccForm.Icc2].Value), icc[IccForm.Icc2k].Value)
            && Close(Sb(icc[IccForm.Icc3].Value), icc[IccForm.Icc3k].Value);
    }

    [Property]
    public bool AddingAConstantToOneRater_LeavesIcc3AndLowersIcc2(RatingsCase ratings, PositiveInt constant)
    {
        // Raising the rater whose mean is already highest moves the rater means apart, so the rater variance grows
        // (raising a low rater towards the others would shrink it and could raise ICC2).
        int rater = Enumerable.Range(0, ratings.ColumnCount).MaxBy(j => ratings.Rows.Average(r => r[j]));
        double c = constant.Get % 50 + 1;
        var shifted = new RatingsCase(ratings.Rows.Select(r => r.Select((v, j) => j == rater ? v + c : v).ToArray()).ToArray(), ratings.Seed);
        var before = Agreement.IntraclassCorrelations(ratings.Matrix());
        var after = Agreement.IntraclassCorrelations(shifted.Matrix());
        if (before.IsT1 || after.IsT1)
        {
            return before.IsT1 == after.IsT1;
        }

        double icc2Before = before.AsT0[IccForm.Icc2].Value;
        double icc2After = after.AsT0[IccForm.Icc2].Value;
        return Close(before.AsT0[IccForm.Icc3].Value, after.AsT0[IccForm.Icc3].Value, 1e-8)
            && (icc2After < icc2Before || icc2Before <= 1e-9);
    }

    [Property(MaxTest = 5000)]
    public bool BatchPath_AgreesExactlyWithTheObjectPath(BatchCase batch)
    {
        Instrument instrument = batch.Instrument;
        int rows = batch.Rows.Length;
        var matrix = ResponseMatrix.FromRows(batch.Rows.Select(r => (IReadOnlyList<double>)r).ToList());
        BatchScores scores = BatchStrategy(batch).ScoreBatch(instrument, matrix).GetValueOrThrow();
        IScoringStrategy strategy = BatchStrategy(batch);

        for (int r = 0; r < rows; r++)
        {
            decimal?[] values = batch.Rows[r].Select(v => double.IsNaN(v) ? (decimal?)null : (decimal)v).ToArray();
            var assessment = instrument.CreateAssessment(instrument.Perspectives[0], Occasion.Session(1), values);
            double total = scores.Totals.Span[r];
            if (assessment.IsT1)
            {
                if (!scores.InvalidRows.Contains(r) || !double.IsNaN(total))
                {
                    return false;
                }

                continue;
            }

            var result = strategy.Score(assessment.AsT0);
            if (result.IsT1)
            {
                if (!double.IsNaN(total) || scores.Subscales.Any(s => !double.IsNaN(s.Values.Span[r])))
                {
                    return false;
                }

                continue;
            }

            AllianceScore score = result.AsT0;
            if (total != Nearest(score.Value))
            {
                return false;
            }

            foreach (BatchSubscale subscale in scores.Subscales)
            {
                DimensionScore? expected = score.Subscales.FirstOrDefault(s => s.Dimension.Equals(subscale.Dimension));
                double actual = subscale.Values.Span[r];
                if (expected is null ? !double.IsNaN(actual) : actual != Nearest(expected.Value))
                {
                    return false;
                }
            }
        }

        return scores.UnscoredRows == Enumerable.Range(0, rows).Count(r => !scores.InvalidRows.Contains(r) && double.IsNaN(scores.Totals.Span[r]));
    }

    /// <summary>The built-in batch strategy of the case's metric, with the case's missing-data policy.</summary>
    private static IBatchScoringStrategy BatchStrategy(BatchCase batch)
    {
        var options = new ScoringOptions { MissingDataPolicy = batch.Policy };
        return batch.Metric switch
        {
            ScoreMetric.Sum => new SumScoringStrategy(options),
            ScoreMetric.Mean => new MeanScoringStrategy(options),
            ScoreMetric.Pomp => new PompScoringStrategy(options),
            _ => throw new ArgumentOutOfRangeException(nameof(batch), "The batch path scores sums, means and POMP."),
        };
    }

    [Property(MaxTest = 1000)]
    public bool ScoreInto_WritesExactlyWhatScoreReturns(BatchCase batch)
    {
        var matrix = ResponseMatrix.FromRows(batch.Rows.Select(r => (IReadOnlyList<double>)r).ToList());
        BatchScores scores = BatchStrategy(batch).ScoreBatch(batch.Instrument, matrix).GetValueOrThrow();
        int rows = matrix.RowCount;
        double[] destination = Enumerable.Repeat(double.MaxValue, ScoringStrategies.BatchDestinationLength(batch.Instrument, rows)).ToArray();
        BatchSummary summary = BatchStrategy(batch).ScoreBatchInto(batch.Instrument, matrix, destination).GetValueOrThrow();
        var expected = scores.Totals.ToArray().Concat(scores.Subscales.SelectMany(s => s.Values.ToArray()));
        return expected.SequenceEqual(destination)
            && summary.InvalidRows.SequenceEqual(scores.InvalidRows)
            && summary.UnscoredRows == scores.UnscoredRows
            && summary.ColumnCount == 1 + batch.Instrument.Subscales.Length;
    }

    [Property(MaxTest = 60)]
    public bool BlockedPasses_AgreeWithTheTextbookFormulas(int seed, bool withMissing)
    {
        // Several blocks of rows (and a partial last block), with and without rows dropped for missing values.
        var random = new Random(seed);
        int rows = random.Next(50, 1250);
        int columns = random.Next(2, 13);
        int maxValue = 7;
        double[][] data = Enumerable.Range(0, rows).Select(_ =>
        {
            double trait = random.NextDouble() * 3;
            return Enumerable.Range(0, columns).Select(_ => withMissing && random.Next(40) == 0 ? double.NaN : Math.Min(maxValue, Math.Round(1 + trait + (random.NextDouble() * 3)))).ToArray();
        }).ToArray();
        var matrix = ResponseMatrix.FromRows(data.Select(r => (IReadOnlyList<double>)r).ToList());
        double[][] complete = data.Where(r => r.All(v => !double.IsNaN(v))).ToArray();
        var alpha = Reliability.CronbachAlpha(matrix);
        var icc = Agreement.IntraclassCorrelations(matrix);
        if (complete.Length < 3)
        {
            return alpha.IsT1 && icc.IsT1;
        }

        int n = complete.Length;
        int k = columns;
        double Variance(IEnumerable<double> values)
        {
            double[] v = values.ToArray();
            double mean = v.Average();
            return v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1);
        }

        double expectedAlpha = k / (k - 1.0) * (1 - (Enumerable.Range(0, k).Sum(j => Variance(complete.Select(r => r[j]))) / Variance(complete.Select(r => r.Sum()))));
        double grand = complete.Average(r => r.Average());
        double msb = k * complete.Sum(r => (r.Average() - grand) * (r.Average() - grand)) / (n - 1);
        double msj = n * Enumerable.Range(0, k).Sum(j => (complete.Average(r => r[j]) - grand) * (complete.Average(r => r[j]) - grand)) / (k - 1);
        // Reverse-keying the first item as an instrument does equals mirroring it by hand.
        Instrument keyed = new InstrumentBuilder("keyed", "1").WithScale(RatingScale.OneToSeven).AddItems(columns).ReverseItems("1").Build();
        var mirrored = ResponseMatrix.FromRows(data.Select(r => (IReadOnlyList<double>)r.Select((v, j) => j == 0 ? 8 - v : v).ToArray()).ToList());
        var keyedAlpha = Reliability.ForInstrument(keyed, matrix).GetValueOrThrow().Total;
        var mirroredAlpha = Reliability.CronbachAlpha(mirrored);
        return alpha.IsT0 && icc.IsT0 && keyedAlpha.IsT0 && mirroredAlpha.IsT0
            && Close(keyedAlpha.AsT0.Alpha, mirroredAlpha.AsT0.Alpha, 1e-12)
            && Close(keyedAlpha.AsT0.Items[0].Mean, mirroredAlpha.AsT0.Items[0].Mean, 1e-12)
            && Close(alpha.AsT0.Alpha, expectedAlpha, 1e-10)
            && alpha.AsT0.RowsUsed == n && alpha.AsT0.RowsDropped == rows - n
            && Close(icc.AsT0.MeanSquareBetweenTargets, msb, 1e-10)
            && Close(icc.AsT0.MeanSquareRaters, msj, 1e-10)
            && icc.AsT0.Targets == n && icc.AsT0.RowsDropped == rows - n;
    }

    [Property(MaxTest = 40)]
    public bool OnePassMoments_StayAccurateFarFromZero(int seed)
    {
        // Alpha and the ICCs are invariant to adding a constant; a large one must not cost precision (the shifted
        // one-pass sums must not cancel catastrophically).
        var random = new Random(seed);
        int rows = random.Next(300, 900);
        double[][] data = Enumerable.Range(0, rows).Select(_ =>
        {
            double trait = random.NextDouble() * 3;
            return Enumerable.Range(0, 5).Select(_ => Math.Round(1 + trait + (random.NextDouble() * 3))).ToArray();
        }).ToArray();
        double offset = 1e7 * (1 + random.Next(100));
        ResponseMatrix Matrix(double add) => ResponseMatrix.FromRows(data.Select(r => (IReadOnlyList<double>)r.Select(v => v + add).ToArray()).ToList());
        var near = Reliability.CronbachAlpha(Matrix(0)).GetValueOrThrow();
        var far = Reliability.CronbachAlpha(Matrix(offset)).GetValueOrThrow();
        var iccNear = Agreement.IntraclassCorrelations(Matrix(0)).GetValueOrThrow();
        var iccFar = Agreement.IntraclassCorrelations(Matrix(offset)).GetValueOrThrow();
        return Close(near.Alpha, far.Alpha, 1e-9)
            && Close(near.Items[2].StandardDeviation, far.Items[2].StandardDeviation, 1e-9)
            && Close(near.Items[2].Mean + offset, far.Items[2].Mean, 1e-12)
            && Close(iccNear[IccForm.Icc2].Value, iccFar[IccForm.Icc2].Value, 1e-9)
            && Close(iccNear.MeanSquareError, iccFar.MeanSquareError, 1e-9);
    }

    /// <summary>The double nearest to a decimal (double parsing is correctly rounded).</summary>
    private static double Nearest(decimal value) => double.Parse(value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
