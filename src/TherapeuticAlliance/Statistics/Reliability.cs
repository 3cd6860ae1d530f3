using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Statistics;

/// <summary>Computes internal-consistency reliability: Cronbach's alpha (raw and standardised) with item statistics, and McDonald's omega from loadings.</summary>
/// <remarks>
/// <para>Alpha matches <c>psych::alpha</c> (R) on complete data: raw
/// <c>α = k/(k − 1) · (1 − Σ sᵢ² / s_X²)</c> from the covariance matrix; standardised
/// <c>α = k·r̄ / (1 + (k − 1)·r̄)</c> from the mean inter-item correlation; alpha if an item is deleted; the item–rest
/// correlation (<c>r.drop</c>); item means and SDs (denominator n − 1). Rows with any missing value are removed
/// (listwise deletion); the numbers of rows used and dropped are reported. (psych itself defaults to pairwise
/// deletion, so with missing data the two differ by design.)</para>
/// <para>Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests. <i>Psychometrika 16</i>,
/// 297–334. This type is thread-safe.</para>
/// </remarks>
public static class Reliability
{
    /// <summary>Computes Cronbach's alpha and item statistics for all columns of a matrix.</summary>
    /// <param name="responses">The responses; rows with a missing value are dropped.</param>
    /// <returns>
    /// The analysis, or an error when fewer than 2 columns or complete rows remain, everything is missing, or fewer
    /// than 2 columns vary. A column with one value in every complete row is dropped, as <c>psych::alpha</c> does, and
    /// named in <see cref="ReliabilityAnalysis.ItemsDroppedForNoVariance"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="responses"/> is <see langword="null"/>.</exception>
    public static StatisticsResult<ReliabilityAnalysis> CronbachAlpha(ResponseMatrix responses)
    {
        Guard.Against.Null(responses);
        return Analyze(responses, null, 0.0);
    }

    /// <summary>Computes Cronbach's alpha with item statistics from mergeable sufficient statistics, as <see cref="CronbachAlpha(ResponseMatrix)"/> does from the pooled rows.</summary>
    /// <param name="statistics">The statistics, from one site or merged from many.</param>
    /// <returns>
    /// The analysis, or an error as for the data. A column without variance is dropped and named, as
    /// <c>psych::alpha</c> does; unlike the data path, the complete rows stay those of all the columns (a partial keeps
    /// no rows to recount).
    /// </returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="statistics"/> is <see langword="null"/>.</exception>
    internal static StatisticsResult<ReliabilityAnalysis> CronbachAlpha(SufficientStatistics statistics)
    {
        Guard.Against.Null(statistics);
        if (statistics.Count > int.MaxValue || statistics.RowsDropped > int.MaxValue)
        {
            return new StatisticsError(StatisticsErrorKind.InvalidParameter, "The statistics summarise more rows than an analysis counts (2,147,483,647).");
        }

        double[,] cov = statistics.Covariance();
        double[] means = statistics.Means();
        int k = means.Length;
        int[] keep = Enumerable.Range(0, k).Where(j => cov[j, j] > 0.0).ToArray();
        if (keep.Length < 2)
        {
            int first = Enumerable.Range(0, k).First(j => !(cov[j, j] > 0.0));
            return StatisticsError.Constant(first, statistics.Columns[first]);
        }

        if (keep.Length == k)
        {
            return FromCovariance(statistics.Columns, cov, means, (int)statistics.Count, (int)statistics.RowsDropped);
        }

        var sub = new double[keep.Length, keep.Length];
        for (int i = 0; i < keep.Length; i++)
        {
            for (int j = 0; j < keep.Length; j++)
            {
                sub[i, j] = cov[keep[i], keep[j]];
            }
        }

        StatisticsResult<ReliabilityAnalysis> rest = FromCovariance(keep.Select(j => statistics.Columns[j]).ToArray(), sub, keep.Select(j => means[j]).ToArray(), (int)statistics.Count, (int)statistics.RowsDropped);
        return rest.IsT1 ? rest : rest.AsT0.WithItemsDropped(Enumerable.Range(0, k).Except(keep).Select(j => statistics.Columns[j]));
    }

    /// <summary>Computes Cronbach's alpha for an instrument as a whole and for each of its subscales, after reverse-keying reversed items.</summary>
    /// <param name="instrument">The instrument; the matrix has one column per item, in instrument order.</param>
    /// <param name="responses">The raw responses.</param>
    /// <returns>The analyses, or an error when the matrix does not have one column per item.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static StatisticsResult<InstrumentReliability> ForInstrument(Instrument instrument, ResponseMatrix responses)
    {
        Guard.Against.Null(instrument);
        Guard.Against.Null(responses);
        if (responses.ColumnCount != instrument.Items.Length)
        {
            return new StatisticsError(
                StatisticsErrorKind.MismatchedPairs,
                string.Format(CultureInfo.InvariantCulture, "The instrument has {0} items but the matrix has {1} columns.", instrument.Items.Length, responses.ColumnCount));
        }

        double mirror = (double)instrument.Scale.Minimum + (double)instrument.Scale.Maximum;
        StatisticsResult<ReliabilityAnalysis> total = Analyze(responses, instrument.Reversed.ToArray(), mirror);
        ImmutableArray<SubscaleReliability> subscales = instrument.SubscaleUnits
            .Select(unit => new SubscaleReliability(
                unit.Dimension!,
                Analyze(responses.SelectColumns(unit.ItemIndices), unit.ItemIndices.Select(i => instrument.Reversed[i]).ToArray(), mirror)))
            .ToImmutableArray();
        return new InstrumentReliability(total, subscales);
    }

    /// <summary>Computes McDonald's omega total for one factor from loadings: <c>ω = (Σ|λ|)² / ((Σ|λ|)² + Σψ)</c>, a negatively loading item reversed as <c>psych::omega</c>'s default (<c>flip = TRUE</c>) reverses it.</summary>
    /// <param name="loadings">The items' loadings on the factor.</param>
    /// <param name="uniquenesses">The items' unique variances; <see langword="null"/> for standardised items, where <c>ψ = 1 − λ²</c>.</param>
    /// <returns>Omega total, or an error when the inputs are empty, of different lengths, or out of range.</returns>
    /// <remarks>
    /// The single-factor case of McDonald (1999) as <c>psych::omega</c> computes it with its default <c>flip = TRUE</c>:
    /// items loading negatively on the factor are reversed before the loadings are summed, so their loadings count with
    /// their absolute value (0.2.0 summed signed loadings, <c>psych::omega(..., flip = FALSE)</c>'s value, which a
    /// negatively loading item lowers: issue 27's example gave 0.363 where psych's default gives 0.716). Under equal
    /// positive loadings it equals standardised alpha. The library takes loadings as input rather than fitting a factor model.
    /// </remarks>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="loadings"/> is <see langword="null"/>.</exception>
    public static StatisticsResult<double> OmegaTotal(IReadOnlyList<double> loadings, IReadOnlyList<double>? uniquenesses = null)
    {
        Guard.Against.Null(loadings);
        if (loadings.Count == 0 || loadings.Any(l => double.IsNaN(l) || double.IsInfinity(l)))
        {
            return Invalid("Give at least one finite loading.");
        }

        if (uniquenesses is null && loadings.Any(l => Math.Abs(l) > 1.0))
        {
            return Invalid("Standardised loadings lie between -1 and 1; give uniquenesses for unstandardised loadings.");
        }

        if (uniquenesses is not null && (uniquenesses.Count != loadings.Count || uniquenesses.Any(u => !(u >= 0.0) || double.IsInfinity(u))))
        {
            return Invalid("Give one finite, non-negative uniqueness per loading.");
        }

        double sum = loadings.Sum(Math.Abs);    // psych::omega's flip = TRUE: a negatively loading item is reversed
        double common = sum * sum;
        double unique = uniquenesses?.Sum() ?? loadings.Sum(l => 1.0 - (l * l));
        return common + unique > 0.0 ? common / (common + unique) : Invalid("The loadings and uniquenesses give no variance.");
    }

    private static StatisticsError Invalid(string message) => new(StatisticsErrorKind.InvalidParameter, message);

    private static StatisticsResult<ReliabilityAnalysis> Analyze(ResponseMatrix responses, bool[]? reversed, double mirror)
    {
        int k = responses.ColumnCount;
        if (k < 2)
        {
            return StatisticsError.TooFewColumns(k, "item");
        }

        if (CompleteRows.AllMissing(responses))
        {
            return StatisticsError.AllMissing();
        }

        CompleteRows data = CompleteRows.From(responses, reversed, mirror);
        if (data.Used < 2)
        {
            return StatisticsError.TooFewRows(data.Used);
        }

        double[,] cov = Moments.Covariance(data, out double[] means);
        int[] constant = Enumerable.Range(0, k).Where(j => !(cov[j, j] > 0.0)).ToArray();
        if (constant.Length > 0)
        {
            // As psych::alpha (delete = TRUE): an item without variance is dropped and the rest analysed; the result
            // names what was dropped. With fewer than two varying items left, alpha is undefined.
            if (k - constant.Length < 2)
            {
                return StatisticsError.Constant(constant[0], responses.ColumnNames[constant[0]]);
            }

            int[] keep = Enumerable.Range(0, k).Except(constant).ToArray();
            StatisticsResult<ReliabilityAnalysis> rest = Analyze(responses.SelectColumns(keep), reversed is null ? null : keep.Select(j => reversed[j]).ToArray(), mirror);
            return rest.IsT1 ? rest : rest.AsT0.WithItemsDropped(constant.Select(j => responses.ColumnNames[j]).Concat(rest.AsT0.ItemsDroppedForNoVariance));
        }

        return FromCovariance(responses.ColumnNames, cov, means, data.Used, data.Dropped);
    }

    /// <summary>
    /// Alpha with item statistics from the items' covariance matrix (n − 1) and means over <paramref name="used"/>
    /// complete rows, none of them constant; shared by the data path and the mergeable sufficient statistics.
    /// </summary>
    internal static StatisticsResult<ReliabilityAnalysis> FromCovariance(IReadOnlyList<string> names, double[,] cov, double[] means, int used, int dropped)
    {
        int k = means.Length;
        double total = 0.0;
        double trace = 0.0;
        double correlationSum = 0.0;
        var columnSums = new double[k];
        for (int j = 0; j < k; j++)
        {
            trace += cov[j, j];
            for (int l = 0; l < k; l++)
            {
                total += cov[j, l];
                columnSums[j] += cov[j, l];
                correlationSum += cov[j, l] / Math.Sqrt(cov[j, j] * cov[l, l]);
            }
        }

        if (!(total > 1e-12 * trace))
        {
            // The item covariances cancel: the total score does not vary, so alpha is undefined.
            return StatisticsError.NoVariance();
        }

        double alpha = k / (k - 1.0) * (1.0 - (trace / total));
        // With a mean inter-item correlation of exactly -1/(k - 1) the correlations sum to zero: undefined (NaN).
        double standardized = Math.Abs(correlationSum) > 1e-12 * k ? k / (k - 1.0) * (1.0 - (k / correlationSum)) : double.NaN;
        double averageR = (correlationSum - k) / (k * (k - 1.0));

        var items = ImmutableArray.CreateBuilder<ItemStatistics>(k);
        for (int i = 0; i < k; i++)
        {
            double restVariance = total - (2.0 * columnSums[i]) + cov[i, i];
            double restCovariance = columnSums[i] - cov[i, i];
            double alphaIfDeleted = k > 2
                ? (k - 1.0) / (k - 2.0) * (1.0 - ((trace - cov[i, i]) / restVariance))
                : double.NaN;
            items.Add(new ItemStatistics(
                names[i],
                means[i],
                Math.Sqrt(cov[i, i]),
                alphaIfDeleted,
                restCovariance / Math.Sqrt(cov[i, i] * restVariance)));
        }

        return new ReliabilityAnalysis(alpha, standardized, averageR, k, used, dropped, items.MoveToImmutable());
    }
}
