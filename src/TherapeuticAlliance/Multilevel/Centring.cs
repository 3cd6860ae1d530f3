using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Multilevel;

/// <summary>
/// Centring of predictors for multilevel models: grand-mean centring, and group-mean centring that splits a predictor
/// into its within-group part (a client's session-to-session deviation from their own mean, a client's deviation from
/// their therapist's mean) and its between-group part (the group's mean), so that a model estimates the two effects
/// apart (Enders and Tofighi 2007, "Centering predictor variables in cross-sectional multilevel models", Psychological
/// Methods 12(2); Baldwin, Wampold and Imel 2007 for therapist and client parts of the alliance; Curran and Bauer 2011
/// for within-person effects).
/// </summary>
/// <remarks>
/// <para>Missing values (NaN) are left out of every mean and stay NaN; a null group label is a missing group. Add the
/// parts to a frame with <see cref="ModelFrame.With(string, IReadOnlyList{double})"/> and name them in a formula:
/// <c>post ~ pre + alliance_between + alliance_within + (1 | therapist)</c>. Thread-safe: every method is pure.</para>
/// </remarks>
public static class Centring
{
    /// <summary>Grand-mean centring: each value less the mean of the values (R's <c>x - mean(x, na.rm = TRUE)</c>).</summary>
    /// <param name="values">The values; NaN for missing.</param>
    /// <returns>The centred values, NaN where missing (all NaN when no value is present).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="values"/> is <see langword="null"/>.</exception>
    public static ImmutableArray<double> GrandMean(IReadOnlyList<double> values)
    {
        Guard.Against.Null(values);
        double mean = MeanOf(values);
        return values.Select(v => v - mean).ToImmutableArray();
    }

    /// <summary>
    /// Group-mean centring: splits each value into its deviation from its group's mean (within) and the group's mean
    /// (between), as R's <c>x - ave(x, g)</c> and <c>ave(x, g) - mean(x)</c>.
    /// </summary>
    /// <param name="values">The values, one per row; NaN for missing.</param>
    /// <param name="groups">Each row's group (client, therapist); null for missing.</param>
    /// <param name="between">What the between part is centred on; by default the grand mean over rows.</param>
    /// <returns>The two parts, one value per row each.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="values"/> or <paramref name="groups"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the lists differ in length, or <paramref name="between"/> is not defined.</exception>
    public static CentredParts GroupMean(IReadOnlyList<double> values, IReadOnlyList<string?> groups, BetweenCentring between = BetweenCentring.RowMean)
    {
        Guard.Against.Null(values);
        Guard.Against.Null(groups);
        Guard.Against.InvalidInput(groups, nameof(groups), g => g.Count == values.Count, "Give one group per value.");
        Guard.Against.EnumOutOfRange(between);
        var sums = new Dictionary<string, (double Sum, int N)>(StringComparer.Ordinal);
        for (int i = 0; i < values.Count; i++)
        {
            if (groups[i] is { } g && !double.IsNaN(values[i]))
            {
                sums.TryGetValue(g, out var s);
                sums[g] = (s.Sum + values[i], s.N + 1);
            }
        }

        var means = sums.ToDictionary(s => s.Key, s => s.Value.Sum / s.Value.N, StringComparer.Ordinal);
        double centre = between switch
        {
            BetweenCentring.RowMean => MeanOf(Enumerable.Range(0, values.Count).Where(i => groups[i] is not null).Select(i => values[i]).ToArray()),
            BetweenCentring.GroupMean => means.Count == 0 ? double.NaN : means.Values.Average(),
            _ => 0,
        };
        var within = new double[values.Count];
        var betweenPart = new double[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            double mean = groups[i] is { } g && means.TryGetValue(g, out double m) ? m : double.NaN;
            within[i] = values[i] - mean;
            betweenPart[i] = mean - centre;
        }

        return new CentredParts(within.ToImmutableArray(), betweenPart.ToImmutableArray());
    }

    private static double MeanOf(IReadOnlyList<double> values)
    {
        double sum = 0;
        int n = 0;
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                n++;
            }
        }

        return n == 0 ? double.NaN : sum / n;
    }
}
