using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;
using MathNet.Numerics;

namespace TherapeuticAlliance.Statistics;

/// <summary>Computes agreement statistics: the six Shrout–Fleiss intraclass correlations, Pearson correlation, Bland–Altman limits, and client–therapist agreement.</summary>
/// <remarks>
/// <para>The ICCs, F tests, p values and confidence bounds are computed as <c>psych::ICC</c> computes them (Shrout
/// &amp; Fleiss 1979, <i>Psychological Bulletin 86</i>(2), 420–428; bounds as in psych's <c>R/ICC.R</c>, with
/// Satterthwaite degrees of freedom for ICC(2,1)). Distribution functions come from MathNet.Numerics; upper-tail
/// p values are computed directly (not as 1 − CDF), so very small p values keep their precision.</para>
/// <para>Rows with a missing value are removed (listwise deletion). This type is thread-safe.</para>
/// </remarks>
public static class Agreement
{
    private static readonly string[] ClientTherapistColumns = { "client", "therapist" };

    /// <summary>Computes the six intraclass correlations for targets (rows) rated by raters (columns).</summary>
    /// <param name="ratings">The ratings: one row per target (for example a session), one column per rater.</param>
    /// <param name="confidence">The confidence level of the bounds, between 0 and 1; 0.95 by default.</param>
    /// <returns>The analysis, or an error for fewer than 2 raters or complete targets, all missing, or no variance.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="ratings"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="confidence"/> is not between 0 and 1.</exception>
    public static StatisticsResult<IccAnalysis> IntraclassCorrelations(ResponseMatrix ratings, double confidence = 0.95)
    {
        Guard.Against.Null(ratings);
        if (!(confidence > 0.0 && confidence < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), "The confidence level lies between 0 and 1.");
        }

        int k = ratings.ColumnCount;
        if (k < 2)
        {
            return StatisticsError.TooFewColumns(k, "rater");
        }

        if (CompleteRows.AllMissing(ratings))
        {
            return StatisticsError.AllMissing();
        }

        CompleteRows data = CompleteRows.From(ratings);
        int n = data.Used;
        if (n < 2)
        {
            return StatisticsError.TooFewRows(n);
        }

        // One pass over the data, in blocks of rows shifted by a value close to the grand mean (incomplete rows are
        // zeros and add nothing): column sums, the sum of squares and the row sums' squares of the deviations, then
        // corrected for the shift. Nothing of size n is allocated.
        var block = new double[data.BlockLength];
        var complete = new long[Moments.BlockRows];
        var rowSums = new double[Moments.BlockRows];
        double[] firstMeans = Moments.Shift(data, block, complete);
        double shift = firstMeans.Sum() / k;
        double[] centres = Enumerable.Repeat(shift, k).ToArray();
        var columnDeviations = new double[k];
        double ssTotalShifted = 0.0;
        double ssRowSumsShifted = 0.0;
        for (int start = 0; start < ratings.RowCount; start += Moments.BlockRows)
        {
            int length = Math.Min(Moments.BlockRows, ratings.RowCount - start);
            data.Gather(start, length, centres, block, complete);
            Span<double> sums = rowSums.AsSpan(0, length);
            sums.Clear();
            for (int j = 0; j < k; j++)
            {
                ReadOnlySpan<double> column = block.AsSpan(j * Moments.BlockRows, length);
                columnDeviations[j] += Moments.Sum(column);
                ssTotalShifted += Moments.Dot(column, column);
                Moments.AddTo(column, sums);
            }

            ssRowSumsShifted += Moments.Dot(sums, sums);
        }

        // With d = grand − shift: Σ(x − grand)² = Σ(x − shift)² − n·k·d²; Σ over rows of (row mean − grand)² likewise.
        double d = columnDeviations.Sum() / (n * k);
        double ssTotal = ssTotalShifted - (n * k * d * d);
        double ssRowMeans = (ssRowSumsShifted / (k * (double)k)) - (n * d * d);
        double ssRows = k * ssRowMeans;
        double ssColumns = n * columnDeviations.Sum(c => ((c / n) - d) * ((c / n) - d)); // rater mean − grand mean, without the shift
        return FromSumsOfSquares(n, k, data.Dropped, ssTotal, ssRows, ssColumns, confidence);
    }

    /// <summary>
    /// The six ICCs from the two-way layout's sums of squares (n targets, k raters): total, between targets (rows) and
    /// between raters (columns); shared by the data path and the mergeable sufficient statistics.
    /// </summary>
    internal static StatisticsResult<IccAnalysis> FromSumsOfSquares(int n, int k, int dropped, double ssTotal, double ssRows, double ssColumns, double confidence)
    {
        double ssError = ssTotal - ssRows - ssColumns;
        double msb = ssRows / (n - 1);
        double msj = ssColumns / (k - 1);
        double mse = ssError / ((n - 1) * (k - 1));
        double msw = (ssColumns + ssError) / (n * (k - 1));
        if (!(ssTotal > 0.0))
        {
            return StatisticsError.NoVariance();
        }

        // Raters that differ by constants only leave no residual (MSE = 0); raters that agree perfectly leave nothing
        // within targets either (MSW = 0). The estimates stay defined, as psych::ICC gives them; the F tests whose
        // denominator is zero are infinite (p = 0) and their bounds are the limits as that mean square goes to zero
        // (below). Rounding residue far below the data's scale counts as zero.
        bool noResidual = mse <= 1e-12 * ssTotal;
        bool noWithin = msw <= 1e-12 * ssTotal;
        if (noResidual)
        {
            mse = 0.0;
        }

        if (noWithin)
        {
            msw = 0.0;
        }

        double alpha = 1.0 - confidence;
        double Fq(double d1, double d2) => Quantiles.FUpper(d1, d2, alpha / 2.0);

        // One-way (ICC1) and two-way (ICC2, ICC3) F tests. A zero error mean square makes F infinite (p = 0); the
        // bounds are then their limits as that mean square goes to zero, which is what psych reports (its F is a huge
        // number from rounding residue).
        double df1n = n - 1;
        double df1d = n * (k - 1);
        double df3d = (n - 1) * (k - 1);
        double f1 = noWithin ? double.PositiveInfinity : msb / msw;
        double f3 = noResidual ? double.PositiveInfinity : msb / mse;
        double p1 = noWithin ? 0.0 : UpperTail(f1, df1n, df1d);
        double p3 = noResidual ? 0.0 : UpperTail(f3, df1n, df3d);

        double icc1 = (msb - msw) / (msb + ((k - 1) * msw));
        double icc2 = (msb - mse) / (msb + ((k - 1) * mse) + (k * (msj - mse) / n));
        double icc3 = (msb - mse) / (msb + ((k - 1) * mse));
        double icc1k = (msb - msw) / msb;
        double icc2k = (msb - mse) / (msb + ((msj - mse) / n));
        double icc3k = (msb - mse) / msb;

        // Bounds of F (lower, upper); with an infinite F the single and average bounds below are both 1.
        double fl1 = f1 / Fq(df1n, df1d);
        double fu1 = f1 * Fq(df1d, df1n);
        double fl3 = f3 / Fq(df1n, df3d);
        double fu3 = f3 * Fq(df3d, df1n);
        double Single(double f) => double.IsPositiveInfinity(f) ? 1.0 : (f - 1) / (f + k - 1);
        double Average(double f) => double.IsPositiveInfinity(f) ? 1.0 : 1 - (1 / f);

        // ICC(2,1) bounds with Satterthwaite degrees of freedom v; as the residual goes to zero, v tends to k - 1.
        double v;
        if (noResidual)
        {
            v = k - 1;
        }
        else
        {
            double fj = msj / mse;
            double vn = (k - 1) * (n - 1) * Math.Pow((k * icc2 * fj) + (n * (1 + ((k - 1) * icc2))) - (k * icc2), 2);
            double vd = ((n - 1) * k * k * icc2 * icc2 * fj * fj) + Math.Pow((n * (1 + ((k - 1) * icc2))) - (k * icc2), 2);
            v = vn / vd;
        }

        double fStar = Fq(n - 1, v);
        double fStarStar = Fq(v, n - 1);
        double l2 = n * (msb - (fStar * mse)) / ((fStar * ((k * msj) + (((k * n) - k - n) * mse))) + (n * msb));
        double u2 = n * ((fStarStar * msb) - mse) / ((k * msj) + (((k * n) - k - n) * mse) + (n * fStarStar * msb));

        ImmutableArray<IccEstimate> forms = ImmutableArray.Create(
            new IccEstimate(IccForm.Icc1, icc1, f1, df1n, df1d, p1, Single(fl1), Single(fu1), !noWithin),
            new IccEstimate(IccForm.Icc2, icc2, f3, df1n, df3d, p3, l2, u2, !noResidual),
            new IccEstimate(IccForm.Icc3, icc3, f3, df1n, df3d, p3, Single(fl3), Single(fu3), !noResidual),
            new IccEstimate(IccForm.Icc1k, icc1k, f1, df1n, df1d, p1, Average(fl1), Average(fu1), !noWithin),
            new IccEstimate(IccForm.Icc2k, icc2k, f3, df1n, df3d, p3, SpearmanBrown(l2, k), SpearmanBrown(u2, k), !noResidual),
            new IccEstimate(IccForm.Icc3k, icc3k, f3, df1n, df3d, p3, Average(fl3), Average(fu3), !noResidual));
        return new IccAnalysis(n, k, dropped, confidence, msb, msw, msj, mse, forms);
    }

    /// <summary>Computes the six ICCs from mergeable sufficient statistics (targets as rows, raters as columns), as <see cref="IntraclassCorrelations(ResponseMatrix, double)"/> does from the pooled rows.</summary>
    /// <param name="statistics">The statistics, from one site or merged from many.</param>
    /// <param name="confidence">The confidence level of the bounds, between 0 and 1, such as .95.</param>
    /// <returns>The analysis, or an error as for the data.</returns>
    /// <remarks>From the co-moments M: SS between raters n·Σ(x̄ⱼ − x̄)², SS total trace(M) plus that, SS between targets Σⱼₗ Mⱼₗ / k (the row sums' sum of squares over k).</remarks>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="statistics"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="confidence"/> is not between 0 and 1.</exception>
    internal static StatisticsResult<IccAnalysis> IntraclassCorrelations(SufficientStatistics statistics, double confidence)
    {
        Guard.Against.Null(statistics);
        if (!(confidence > 0.0 && confidence < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), "The confidence level lies between 0 and 1.");
        }

        if (statistics.Count > int.MaxValue || statistics.RowsDropped > int.MaxValue)
        {
            return new StatisticsError(StatisticsErrorKind.InvalidParameter, "The statistics summarise more rows than an analysis counts (2,147,483,647).");
        }

        int k = statistics.Columns.Length;
        int n = (int)statistics.Count;
        double[] means = statistics.Means();
        double grand = means.Sum() / k;
        double ssColumns = n * means.Sum(m => (m - grand) * (m - grand));
        double trace = 0.0;
        double all = 0.0;
        for (int i = 0; i < k; i++)
        {
            trace += statistics.Comoment(i, i);
            for (int j = 0; j < k; j++)
            {
                all += statistics.Comoment(i, j);
            }
        }

        return FromSumsOfSquares(n, k, (int)statistics.RowsDropped, trace + ssColumns, all / k, ssColumns, confidence);
    }

    /// <summary>Computes the Pearson correlation of two columns from mergeable sufficient statistics, as <see cref="Pearson(ReadOnlySpan{double}, ReadOnlySpan{double})"/> does from the pooled pairs.</summary>
    /// <param name="statistics">The statistics of exactly two columns.</param>
    /// <returns>The correlation, or an error when there are not two columns or a column does not vary.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="statistics"/> is <see langword="null"/>.</exception>
    internal static StatisticsResult<double> Pearson(SufficientStatistics statistics)
    {
        Guard.Against.Null(statistics);
        if (statistics.Columns.Length != 2)
        {
            return Mismatch(string.Format(CultureInfo.InvariantCulture, "A correlation is of 2 columns; the statistics have {0}.", statistics.Columns.Length));
        }

        double sxx = statistics.Comoment(0, 0);
        double syy = statistics.Comoment(1, 1);
        return IsConstant(sxx, statistics.Count, statistics.Mean(0)) || IsConstant(syy, statistics.Count, statistics.Mean(1))
            ? StatisticsError.NoVariance()
            : statistics.Comoment(0, 1) / Math.Sqrt(sxx * syy);
    }

    /// <summary>Computes Bland–Altman's bias and limits of agreement (first column minus second) from mergeable sufficient statistics, as <see cref="BlandAltman(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/> does from the pooled pairs.</summary>
    /// <param name="statistics">The statistics of exactly two columns.</param>
    /// <param name="multiplier">The number of SDs of the differences either side of the bias, such as 1.96.</param>
    /// <returns>The analysis, or an error when there are not two columns.</returns>
    /// <remarks>The differences' variance is (M₀₀ + M₁₁ − 2M₀₁) / (n − 1).</remarks>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="statistics"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="multiplier"/> is not positive and finite.</exception>
    internal static StatisticsResult<BlandAltmanAnalysis> BlandAltman(SufficientStatistics statistics, double multiplier)
    {
        Guard.Against.Null(statistics);
        if (!(multiplier > 0.0) || double.IsInfinity(multiplier))
        {
            throw new ArgumentOutOfRangeException(nameof(multiplier), "The multiplier is a positive number, such as 1.96.");
        }

        if (statistics.Columns.Length != 2)
        {
            return Mismatch(string.Format(CultureInfo.InvariantCulture, "Bland–Altman compares 2 columns; the statistics have {0}.", statistics.Columns.Length));
        }

        if (statistics.Count > int.MaxValue || statistics.RowsDropped > int.MaxValue)
        {
            return new StatisticsError(StatisticsErrorKind.InvalidParameter, "The statistics summarise more rows than an analysis counts (2,147,483,647).");
        }

        double bias = statistics.Mean(0) - statistics.Mean(1);
        double variance = (statistics.Comoment(0, 0) + statistics.Comoment(1, 1) - (2 * statistics.Comoment(0, 1))) / (statistics.Count - 1);
        double sd = Math.Sqrt(Math.Max(0.0, variance));
        return new BlandAltmanAnalysis((int)statistics.Count, (int)statistics.RowsDropped, bias, sd, bias - (multiplier * sd), bias + (multiplier * sd), multiplier);
    }

    /// <summary>Computes the Pearson correlation of paired values, using the pairs where both are present.</summary>
    /// <param name="x">The first values; NaN = missing.</param>
    /// <param name="y">The second values; NaN = missing.</param>
    /// <returns>The correlation, or an error for unequal lengths, fewer than 2 complete pairs, or a constant variable (constant up to rounding: an SD of at most 1e-10 × |mean|, where R's <c>cor</c> gives <c>NA</c>).</returns>
    public static StatisticsResult<double> Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        StatisticsResult<PairedValues> pairs = PairedValues.From(x, y);
        if (pairs.IsT1)
        {
            return pairs.AsT1;
        }

        PairedValues p = pairs.AsT0;
        double mx = Moments.Mean(p.X);
        double my = Moments.Mean(p.Y);
        double sxy = 0.0;
        double sxx = 0.0;
        double syy = 0.0;
        for (int i = 0; i < p.X.Length; i++)
        {
            double dx = p.X[i] - mx;
            double dy = p.Y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        if (IsConstant(sxx, p.X.Length, mx) || IsConstant(syy, p.Y.Length, my))
        {
            return StatisticsError.NoVariance();
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>
    /// The relative tolerance below which a variable is constant: 1e-10. A column of one value that is not exact in
    /// binary (0.1, 9.1, 48/9) has a computed mean off by rounding, so its sum of squares is about 1e-30 rather than 0
    /// and a correlation of such noise came out (issue 27: about 1e-16 where R's <c>cor</c> gives <c>NA</c>). A variable
    /// is constant when its SD (population form, √(Sxx / n)) is at most 1e-10 × |mean|, or its sum of squares is not
    /// positive; real ratings vary by far more (the smallest step of any instrument is 0.1 point on a 0–10 line).
    /// </summary>
    internal const double ConstantTolerance = 1e-10;

    /// <summary>Whether a variable with this sum of squared deviations over n values around this mean is constant (<see cref="ConstantTolerance"/>).</summary>
    internal static bool IsConstant(double sumOfSquares, long n, double mean)
    {
        double bound = ConstantTolerance * Math.Abs(mean);
        return !(sumOfSquares > n * bound * bound);
    }

    /// <summary>Computes Bland–Altman agreement of paired values: the bias (mean of x − y) and limits of agreement, bias ± multiplier · SD of the differences.</summary>
    /// <param name="x">The first values; NaN = missing.</param>
    /// <param name="y">The second values; NaN = missing.</param>
    /// <param name="multiplier">The SD multiplier; 1.96 by default (Bland &amp; Altman 1986).</param>
    /// <returns>The analysis, or an error for unequal lengths or fewer than 2 complete pairs.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="multiplier"/> is not positive and finite.</exception>
    public static StatisticsResult<BlandAltmanAnalysis> BlandAltman(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double multiplier = 1.96)
    {
        if (!(multiplier > 0.0) || double.IsInfinity(multiplier))
        {
            throw new ArgumentOutOfRangeException(nameof(multiplier), "The multiplier is a positive number, such as 1.96.");
        }

        StatisticsResult<PairedValues> pairs = PairedValues.From(x, y);
        if (pairs.IsT1)
        {
            return pairs.AsT1;
        }

        PairedValues p = pairs.AsT0;
        double[] differences = p.X.Zip(p.Y, (a, b) => a - b).ToArray();
        double bias = Moments.Mean(differences);
        double sd = Math.Sqrt(differences.Sum(d => (d - bias) * (d - bias)) / (differences.Length - 1));
        return new BlandAltmanAnalysis(differences.Length, p.Dropped, bias, sd, bias - (multiplier * sd), bias + (multiplier * sd), multiplier);
    }

    /// <summary>Compares client and therapist scores of the same sessions: correlation, bias, standardised difference, Bland–Altman limits and ICCs with k = 2.</summary>
    /// <param name="pairs">Pairs of scores: the client's and the therapist's score of the same session, of the same instrument and metric.</param>
    /// <returns>The analysis, or an error when a pair mixes perspectives, instruments, metrics or sessions, or there are fewer than 2 pairs.</returns>
    /// <remarks>Client–therapist ratings correlate only about r = .36 and clients rate higher (d ≈ .63; Tryon, Blackwell &amp; Hammel 2007). Put both on a common metric (the same instrument pair) before reading absolute agreement.</remarks>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="pairs"/> or a score is <see langword="null"/>.</exception>
    public static StatisticsResult<ClientTherapistAgreement> ClientTherapist(IEnumerable<(AllianceScore Client, AllianceScore Therapist)> pairs)
    {
        Guard.Against.Null(pairs);
        var list = pairs.ToList();
        foreach ((AllianceScore client, AllianceScore therapist) in list)
        {
            Guard.Against.Null(client, nameof(pairs));
            Guard.Against.Null(therapist, nameof(pairs));
            if (client.Perspective != Perspective.Client || therapist.Perspective != Perspective.Therapist)
            {
                return Mismatch("Each pair must hold a client score first and a therapist score second.");
            }

            if (client.Provenance.InstrumentId != therapist.Provenance.InstrumentId || client.Metric != therapist.Metric)
            {
                return Mismatch("Both scores of a pair must come from the same instrument and metric.");
            }

            if (client.Occasion.SessionNumber != therapist.Occasion.SessionNumber)
            {
                return Mismatch("Both scores of a pair must be of the same session.");
            }
        }

        double[] c = list.Select(p => (double)p.Client.Value).ToArray();
        double[] t = list.Select(p => (double)p.Therapist.Value).ToArray();
        var r = Pearson(c, t);
        var bland = BlandAltman(c, t);
        var icc = IntraclassCorrelations(ResponseMatrix.FromColumnMajor(c.Concat(t).ToArray(), c.Length, 2, ClientTherapistColumns));
        if (bland.IsT1)
        {
            return bland.AsT1;
        }

        double sdc = StandardDeviation(c);
        double sdt = StandardDeviation(t);
        double pooled = Math.Sqrt(((sdc * sdc) + (sdt * sdt)) / 2.0);
        double d = pooled > 0.0 ? bland.AsT0.Bias / pooled : double.NaN;
        return new ClientTherapistAgreement(list.Count, r, bland.AsT0, d, icc);
    }

    private static StatisticsError Mismatch(string message) => new(StatisticsErrorKind.MismatchedPairs, message);

    private static double StandardDeviation(double[] values)
    {
        double mean = Moments.Mean(values);
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }

    private static double SpearmanBrown(double icc, int k) => k * icc / (1 + ((k - 1) * icc));

    /// <summary>P(F > f) for an F(d1, d2) variable, as the regularized incomplete beta function (no cancellation).</summary>
    private static double UpperTail(double f, double d1, double d2) =>
        SpecialFunctions.BetaRegularized(d2 / 2.0, d1 / 2.0, d2 / (d2 + (d1 * f)));

    private sealed class PairedValues
    {
        private PairedValues(double[] x, double[] y, int dropped)
        {
            X = x;
            Y = y;
            Dropped = dropped;
        }

        internal double[] X { get; }

        internal double[] Y { get; }

        internal int Dropped { get; }

        internal static StatisticsResult<PairedValues> From(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
        {
            if (x.Length != y.Length)
            {
                return new StatisticsError(StatisticsErrorKind.MismatchedPairs, string.Format(CultureInfo.InvariantCulture, "The two inputs have {0} and {1} values; give one value of each per pair.", x.Length, y.Length));
            }

            var xs = new List<double>(x.Length);
            var ys = new List<double>(y.Length);
            for (int i = 0; i < x.Length; i++)
            {
                if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
                {
                    xs.Add(x[i]);
                    ys.Add(y[i]);
                }
            }

            if (xs.Count < 2)
            {
                return x.Length > 0 && xs.Count == 0 ? StatisticsError.AllMissing() : StatisticsError.TooFewRows(xs.Count);
            }

            return new PairedValues(xs.ToArray(), ys.ToArray(), x.Length - xs.Count);
        }
    }
}
