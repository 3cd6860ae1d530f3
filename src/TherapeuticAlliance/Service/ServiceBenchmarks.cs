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
        ServiceEpisode[] all = episodes.Select(e => Guard.Against.Null(e, nameof(episodes))).ToArray();
        double sign = options.HigherIsBetter ? 1 : -1;

        // The caseload's regression of the (signed) change on intake and the case mix, for the severity adjustment: the
        // normal equations of the centred columns (p is small), solved by MathNet's QR.
        var residuals = new double[all.Length];
        residuals.AsSpan().Fill(double.NaN);
        double caseloadChange = 0, caseloadIntakeSd = double.NaN;
        int[] adjusted = Enumerable.Range(0, all.Length).Where(i => all[i].IsPaired && HasCaseMix(all[i], options.CaseMix)).ToArray();
        int p = 1 + options.CaseMix.Length;
        if (adjusted.Length > p + 1)
        {
            var buffer = new double[p];
            double[] Row(int i)
            {
                // One buffer for every row (the callers read it before the next call): no allocation per episode.
                buffer[0] = all[i].Intake!.Value;
                for (int a = 1; a < p; a++)
                {
                    buffer[a] = all[i].CaseMix[options.CaseMix[a - 1]];
                }

                return buffer;
            }

            var means = new double[p];
            double meanY = 0;
            foreach (int i in adjusted)
            {
                double[] x = Row(i);
                for (int a = 0; a < p; a++)
                {
                    means[a] += x[a] / adjusted.Length;
                }

                meanY += sign * all[i].Change!.Value / adjusted.Length;
            }

            var xx = new double[p, p];
            var xy = new double[p];
            double intakeSquares = 0;
            foreach (int i in adjusted)
            {
                double[] x = Row(i);
                double y = (sign * all[i].Change!.Value) - meanY;
                for (int a = 0; a < p; a++)
                {
                    xy[a] += (x[a] - means[a]) * y;
                    for (int b = 0; b < p; b++)
                    {
                        xx[a, b] += (x[a] - means[a]) * (x[b] - means[b]);
                    }
                }

                intakeSquares += (x[0] - means[0]) * (x[0] - means[0]);
            }

            caseloadChange = meanY;
            caseloadIntakeSd = Math.Sqrt(intakeSquares / (adjusted.Length - 1));
            var qr = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(xx).QR();
            if (qr.IsFullRank)
            {
                double[] beta = qr.Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(xy)).ToArray();
                foreach (int i in adjusted)
                {
                    double[] x = Row(i);
                    double fitted = meanY;
                    for (int a = 0; a < p; a++)
                    {
                        fitted += beta[a] * (x[a] - means[a]);
                    }

                    residuals[i] = (sign * all[i].Change!.Value) - fitted;
                }
            }
        }

        var rows = ImmutableArray.CreateBuilder<ServiceBenchmark>();
        var context = new Context(all, options, residuals, caseloadChange, caseloadIntakeSd);
        rows.Add(context.Row(ServiceGrouping.Caseload, ServiceCodes.AllEpisodes, Enumerable.Range(0, all.Length).ToArray(), 0, all.Length));
        var months = new Dictionary<int, string>();
        foreach (ServiceGrouping grouping in new[] { ServiceGrouping.Site, ServiceGrouping.Therapist, ServiceGrouping.Month })
        {
            // Each episode's group, then the groups' members in one array (counting sort): no list per group.
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var group = new int[all.Length];
            var sizes = new List<int>();
            for (int i = 0; i < all.Length; i++)
            {
                string? key = grouping switch
                {
                    ServiceGrouping.Site => all[i].Site,
                    ServiceGrouping.Therapist => all[i].Therapist,
                    _ => all[i].Closed is { } closed ? Month(closed.UtcDateTime, months) : null,
                };
                if (key is null)
                {
                    group[i] = -1;
                    continue;
                }

                if (!index.TryGetValue(key, out int g))
                {
                    index[key] = g = sizes.Count;
                    sizes.Add(0);
                }

                group[i] = g;
                sizes[g]++;
            }

            var starts = new int[sizes.Count + 1];
            for (int g = 0; g < sizes.Count; g++)
            {
                starts[g + 1] = starts[g] + sizes[g];
            }

            var members = new int[starts[sizes.Count]];
            var next = (int[])starts.Clone();
            for (int i = 0; i < all.Length; i++)
            {
                if (group[i] >= 0)
                {
                    members[next[group[i]]++] = i;
                }
            }

            foreach (KeyValuePair<string, int> key in index.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                rows.Add(context.Row(grouping, key.Key, members, starts[key.Value], sizes[key.Value]));
            }
        }

        return rows.ToImmutable();
    }

    private static bool HasCaseMix(ServiceEpisode episode, ImmutableArray<string> names)
    {
        foreach (string name in names)
        {
            if (!episode.CaseMix.ContainsKey(name))
            {
                return false;
            }
        }

        return true;
    }

    private static string Month(DateTime utc, Dictionary<int, string> names)
    {
        int key = (utc.Year * 12) + utc.Month;
        if (!names.TryGetValue(key, out string? name))
        {
            names[key] = name = utc.ToString(ServiceCodes.MonthFormat, CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary>What every row needs: the episodes, options, residuals and the caseload's reference change and SD.</summary>
    private sealed class Context(ServiceEpisode[] all, ServiceOptions options, double[] residuals, double caseloadChange, double caseloadIntakeSd)
    {
        private const double Tolerance = 1e-9;   // a change equal to the reliable-change value is reliable, whatever binary rounding does to it

        internal ServiceBenchmark Row(ServiceGrouping grouping, string name, int[] members, int start, int count)
        {
            DisclosurePolicy policy = options.Policy;
            double sign = options.HigherIsBetter ? 1 : -1;
            int n = 0, alliances = 0, adjusted = 0, improved = 0, deteriorated = 0, cases = 0, recovered = 0, reliablyRecovered = 0, targets = 0, reached = 0;
            double sumIntake = 0, sumFinal = 0, sumChange = 0, sumAlliance = 0, sumResidual = 0;
            for (int m = start; m < start + count; m++)
            {
                int i = members[m];
                ServiceEpisode e = all[i];
                if (e.AllianceMean is { } alliance)
                {
                    alliances++;
                    sumAlliance += alliance;
                }

                if (!e.IsPaired)
                {
                    continue;
                }

                n++;
                double intake = e.Intake!.Value, final = e.Final!.Value, change = sign * (final - intake);
                sumIntake += intake;
                sumFinal += final;
                sumChange += change;
                bool better = change >= options.ReliableChange - Tolerance;
                improved += better ? 1 : 0;
                deteriorated += change <= -options.ReliableChange + Tolerance ? 1 : 0;
                if (Case(intake))
                {
                    cases++;
                    recovered += Case(final) ? 0 : 1;
                    reliablyRecovered += !Case(final) && better ? 1 : 0;
                }

                if (e.ReachedTarget is { } target)
                {
                    targets++;
                    reached += target ? 1 : 0;
                }

                if (!double.IsNaN(residuals[i]))
                {
                    adjusted++;
                    sumResidual += residuals[i];
                }
            }

            int? episodes = policy.Count(count), pairs = policy.Count(n);
            if (!policy.Allows(n))
            {
                return new ServiceBenchmark(grouping, name, episodes, pairs, true, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
            }

            // Second pass: the SD of intake and the intake-final correlation about the group's means.
            double meanIntake = sumIntake / n, meanFinal = sumFinal / n, sii = 0, sff = 0, sif = 0;
            for (int m = start; m < start + count; m++)
            {
                int i = members[m];
                ServiceEpisode e = all[i];
                if (e.IsPaired)
                {
                    double di = e.Intake!.Value - meanIntake, df = e.Final!.Value - meanFinal;
                    sii += di * di;
                    sff += df * df;
                    sif += di * df;
                }
            }

            double sdIntake = n >= 2 ? Math.Sqrt(sii / (n - 1)) : double.NaN;
            double? d = null, low = null, high = null;
            if (n >= 2 && sdIntake > 0)
            {
                double effect = sumChange / n / sdIntake;
                double r = sif / Math.Sqrt(sii * sff);
                double se = Math.Sqrt((2 * (1 - r) / n) + (effect * effect / (2 * n)));
                double z = Normal.InvCDF(0, 1, (1 + options.Level) / 2);
                (d, low, high) = (effect, double.IsNaN(se) ? null : effect - (z * se), double.IsNaN(se) ? null : effect + (z * se));
            }

            return new ServiceBenchmark(
                grouping,
                name,
                episodes,
                pairs,
                false,
                meanIntake,
                meanFinal,
                d,
                low,
                high,
                adjusted > 0 && caseloadIntakeSd > 0 ? ((sumResidual / adjusted) + caseloadChange) / caseloadIntakeSd : null,
                improved / (double)n,
                deteriorated / (double)n,
                policy.Count(cases),
                cases == 0 ? null : recovered / (double)cases,
                cases == 0 ? null : reliablyRecovered / (double)cases,
                targets == 0 ? null : reached / (double)targets,
                policy.Allows(alliances) ? sumAlliance / alliances : null,
                n / (double)count);
        }

        private bool Case(double score) => options.HigherIsBetter ? score < options.ClinicalCutoff : score > options.ClinicalCutoff;
    }
}
