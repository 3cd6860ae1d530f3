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
/// <remarks>One pass over the episodes (each group's means and co-moments by Welford's updates); thread-safe.</remarks>
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
        return BenchmarkTotals.From(all, options).Rows(options);
    }
}
