using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;
using MathNet.Numerics.Distributions;

namespace TherapeuticAlliance.Service;

/// <summary>
/// Service benchmarks per caseload, site, therapist and month of closing: pre–post effect size with its interval, the
/// severity-adjusted effect size, Jacobson–Truax reliable improvement and deterioration, recovery and reliable recovery
/// (NHS Talking Therapies' definitions), the share reaching the expected-response target, mean alliance and measurement
/// completeness, each under the disclosure policy (<see cref="ServiceBenchmark"/> defines each figure and its source).
/// </summary>
/// <remarks>One pass over the episodes plus one per grouping; thread-safe.</remarks>
public static class ServiceBenchmarks
{
    /// <summary>Computes the benchmark rows.</summary>
    /// <param name="episodes">The episodes.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="ServiceOptions.Default"/>.</param>
    /// <returns>The caseload's row, then one per site, per therapist and per month of closing (each in ordinal order of its group); a grouping whose key no episode records has no rows.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episodes"/> is <see langword="null"/> or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="options"/> break their rules.</exception>
    public static ImmutableArray<ServiceBenchmark> Compute(IEnumerable<ServiceEpisode> episodes, ServiceOptions? options = null)
    {
        Guard.Against.Null(episodes);
        options ??= ServiceOptions.Default;
        options.Validate(nameof(options));
        IReadOnlyList<ServiceEpisode> all = episodes as IReadOnlyList<ServiceEpisode> ?? episodes.ToList();
        double sign = options.HigherIsBetter ? 1 : -1;

        // The caseload's regression of the (signed) change on intake and the case mix, for the severity adjustment.
        var residuals = new Dictionary<ServiceEpisode, double>();   // ServiceEpisode has reference equality
        ServiceEpisode[] adjusted = all.Where(e => e is not null && e.IsPaired && options.CaseMix.All(e.CaseMix.ContainsKey)).ToArray();
        double caseloadChange = 0, caseloadIntakeSd = double.NaN;
        if (adjusted.Length > options.CaseMix.Length + 2)
        {
            double[][] x = adjusted.Select(e => new[] { 1.0, e.Intake!.Value }.Concat(options.CaseMix.Select(c => e.CaseMix[c])).ToArray()).ToArray();
            double[] y = adjusted.Select(e => sign * e.Change!.Value).ToArray();
            double[]? beta = LeastSquares(x, y);
            caseloadChange = y.Average();
            caseloadIntakeSd = StandardDeviation(adjusted.Select(e => e.Intake!.Value).ToArray());
            for (int i = 0; beta is not null && i < adjusted.Length; i++)
            {
                residuals[adjusted[i]] = y[i] - x[i].Select((v, a) => v * beta[a]).Sum();
            }
        }

        var rows = ImmutableArray.CreateBuilder<ServiceBenchmark>();
        rows.Add(Row(ServiceGrouping.Caseload, ServiceCodes.AllEpisodes, all, options, residuals, caseloadChange, caseloadIntakeSd));
        foreach (ServiceGrouping grouping in new[] { ServiceGrouping.Site, ServiceGrouping.Therapist, ServiceGrouping.Month })
        {
            Func<ServiceEpisode, string?> key = grouping switch
            {
                ServiceGrouping.Site => e => e.Site,
                ServiceGrouping.Therapist => e => e.Therapist,
                _ => e => e.Closed?.UtcDateTime.ToString(ServiceCodes.MonthFormat, CultureInfo.InvariantCulture),
            };
            foreach (IGrouping<string, ServiceEpisode> group in all.Where(e => key(e) is not null).GroupBy(e => key(e)!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                rows.Add(Row(grouping, group.Key, group.ToList(), options, residuals, caseloadChange, caseloadIntakeSd));
            }
        }

        return rows.ToImmutable();
    }

    private static ServiceBenchmark Row(ServiceGrouping grouping, string name, IReadOnlyList<ServiceEpisode> group, ServiceOptions options, Dictionary<ServiceEpisode, double> residuals, double caseloadChange, double caseloadIntakeSd)
    {
        DisclosurePolicy policy = options.Policy;
        ServiceEpisode[] paired = group.Where(e => e.IsPaired).ToArray();
        int? episodes = policy.Count(group.Count), pairs = policy.Count(paired.Length);
        if (!policy.Allows(paired.Length))
        {
            return new ServiceBenchmark(grouping, name, episodes, pairs, true, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        double sign = options.HigherIsBetter ? 1 : -1;
        double[] intake = paired.Select(e => e.Intake!.Value).ToArray();
        double[] final = paired.Select(e => e.Final!.Value).ToArray();
        double[] change = paired.Select(e => sign * e.Change!.Value).ToArray();
        int n = paired.Length;
        double sdIntake = StandardDeviation(intake);
        double? d = null, low = null, high = null;
        if (n >= 2 && sdIntake > 0)
        {
            double effect = change.Average() / sdIntake;
            double r = Correlation(intake, final);
            double se = Math.Sqrt((2 * (1 - r) / n) + (effect * effect / (2 * n)));
            double z = Normal.InvCDF(0, 1, (1 + options.Level) / 2);
            (d, low, high) = (effect, double.IsNaN(se) ? null : effect - (z * se), double.IsNaN(se) ? null : effect + (z * se));
        }

        double[] groupResiduals = paired.Where(residuals.ContainsKey).Select(e => residuals[e]).ToArray();
        double? saes = groupResiduals.Length > 0 && caseloadIntakeSd > 0 ? (groupResiduals.Average() + caseloadChange) / caseloadIntakeSd : null;
        const double Tolerance = 1e-9;   // a change equal to the reliable-change value is reliable, whatever binary rounding does to it
        bool[] improved = change.Select(c => c >= options.ReliableChange - Tolerance).ToArray();
        bool Case(double score) => options.HigherIsBetter ? score < options.ClinicalCutoff : score > options.ClinicalCutoff;
        int[] cases = Enumerable.Range(0, n).Where(i => Case(intake[i])).ToArray();
        int recovered = cases.Count(i => !Case(final[i]));
        int reliablyRecovered = cases.Count(i => !Case(final[i]) && improved[i]);
        bool[] target = paired.Where(e => e.ReachedTarget is not null).Select(e => e.ReachedTarget!.Value).ToArray();
        double[] alliance = group.Where(e => e.AllianceMean is not null).Select(e => e.AllianceMean!.Value).ToArray();
        return new ServiceBenchmark(
            grouping,
            name,
            episodes,
            pairs,
            false,
            intake.Average(),
            final.Average(),
            d,
            low,
            high,
            saes,
            improved.Count(b => b) / (double)n,
            change.Count(c => c <= -options.ReliableChange + Tolerance) / (double)n,
            policy.Count(cases.Length),
            cases.Length == 0 ? null : recovered / (double)cases.Length,
            cases.Length == 0 ? null : reliablyRecovered / (double)cases.Length,
            target.Length == 0 ? null : target.Count(b => b) / (double)target.Length,
            policy.Allows(alliance.Length) ? alliance.Average() : null,
            n / (double)group.Count);
    }

    /// <summary>The sample SD (n − 1), NaN for fewer than two values.</summary>
    internal static double StandardDeviation(double[] values)
    {
        if (values.Length < 2)
        {
            return double.NaN;
        }

        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }

    private static double Correlation(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Ordinary least squares by QR (MathNet), or <see langword="null"/> when the design is rank deficient.</summary>
    private static double[]? LeastSquares(double[][] x, double[] y)
    {
        var matrix = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowArrays(x);
        var qr = matrix.QR();
        if (!qr.IsFullRank)
        {
            return null;
        }

        return qr.Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(y)).ToArray();
    }
}
