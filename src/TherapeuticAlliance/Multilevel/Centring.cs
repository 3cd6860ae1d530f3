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

    /// <summary>
    /// Three-level centring of a session-level predictor: each value split into its deviation from the client's mean
    /// (within-client), the client's mean less their therapist's mean (between clients of one therapist), and the
    /// therapist's mean less the grand mean (between therapists), so that within + between-client + between-therapist =
    /// value − grand mean on every row (Enders and Tofighi 2007; Baldwin, Wampold and Imel 2007).
    /// </summary>
    /// <param name="values">The values, one per row (session); NaN for missing.</param>
    /// <param name="clients">Each row's client; null for missing.</param>
    /// <param name="therapists">Each row's therapist; null for missing. A client seen by several therapists belongs to the one on most of their rows (the first of those on a tie).</param>
    /// <returns>The three parts, one value per row each. Every mean is over rows (a client with more sessions weighs more in their therapist's mean), so the parts are orthogonal and their sums of squares add up to the total's. NaN where the value, the client or the therapist is missing.</returns>
    /// <exception cref="ArgumentNullException">Thrown when a list is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the lists differ in length.</exception>
    public static NestedCentredParts Nested(IReadOnlyList<double> values, IReadOnlyList<string?> clients, IReadOnlyList<string?> therapists)
    {
        Guard.Against.Null(values);
        Guard.Against.Null(clients);
        Guard.Against.Null(therapists);
        Guard.Against.InvalidInput(clients, nameof(clients), g => g.Count == values.Count, "Give one client per value.");
        Guard.Against.InvalidInput(therapists, nameof(therapists), g => g.Count == values.Count, "Give one therapist per value.");

        // Each client's therapist: the one on most of their rows, the first of those on a tie.
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var order = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (int i = 0; i < values.Count; i++)
        {
            if (clients[i] is { } c && therapists[i] is { } t)
            {
                if (!counts.TryGetValue(c, out var byTherapist))
                {
                    counts[c] = byTherapist = new Dictionary<string, int>(StringComparer.Ordinal);
                    order[c] = new List<string>();
                }

                if (!byTherapist.TryGetValue(t, out int k))
                {
                    order[c].Add(t);
                }

                byTherapist[t] = k + 1;
            }
        }

        var main = order.ToDictionary(o => o.Key, o => o.Value.Aggregate((a, b) => counts[o.Key][b] > counts[o.Key][a] ? b : a), StringComparer.Ordinal);
        string? TherapistOf(int i) => clients[i] is { } c && main.TryGetValue(c, out string? t) ? t : null;

        var clientSums = new Dictionary<string, (double Sum, int N)>(StringComparer.Ordinal);
        var therapistSums = new Dictionary<string, (double Sum, int N)>(StringComparer.Ordinal);
        double total = 0;
        int rows = 0;
        for (int i = 0; i < values.Count; i++)
        {
            if (double.IsNaN(values[i]) || clients[i] is not { } c || TherapistOf(i) is not { } t)
            {
                continue;
            }

            clientSums.TryGetValue(c, out var cs);
            clientSums[c] = (cs.Sum + values[i], cs.N + 1);
            therapistSums.TryGetValue(t, out var ts);
            therapistSums[t] = (ts.Sum + values[i], ts.N + 1);
            total += values[i];
            rows++;
        }

        double grand = rows == 0 ? double.NaN : total / rows;
        var within = new double[values.Count];
        var betweenClients = new double[values.Count];
        var betweenTherapists = new double[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            double clientMean = clients[i] is { } c && clientSums.TryGetValue(c, out var cs) ? cs.Sum / cs.N : double.NaN;
            double therapistMean = TherapistOf(i) is { } t && therapistSums.TryGetValue(t, out var ts) ? ts.Sum / ts.N : double.NaN;
            within[i] = double.IsNaN(therapistMean) ? double.NaN : values[i] - clientMean;
            betweenClients[i] = clientMean - therapistMean;
            betweenTherapists[i] = therapistMean - grand;
        }

        return new NestedCentredParts(within.ToImmutableArray(), betweenClients.ToImmutableArray(), betweenTherapists.ToImmutableArray());
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
