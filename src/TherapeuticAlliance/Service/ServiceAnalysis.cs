using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Service;

/// <summary>
/// How a service is doing, in one result: therapist (and site) effects on the outcome and on the alliance, the service
/// benchmarks per caseload, site, therapist and month, the dependability of alliance scores, and the published
/// benchmarks to set them beside. Each part that the data cannot support carries the reason instead.
/// </summary>
/// <remarks>
/// <para>What it must not be used for: ranking therapists, paying or appraising them, or any decision about one
/// therapist from these figures alone. Therapist effects are shrunken estimates with wide intervals; the figures
/// describe a service and start a conversation in supervision, as the research behind them intends (Saxon &amp; Barkham 2012).</para>
/// <para>Immutable and thread-safe. Renders as HTML (<see cref="IHtmlRenderable"/>) with a caterpillar chart of the
/// therapists' intervals.</para>
/// </remarks>
public sealed partial class ServiceAnalysis
{
    private ServiceAnalysis(ServiceOptions options, int episodes, TherapistEffectsResult outcome, TherapistEffectsResult alliance, ImmutableArray<ServiceBenchmark> benchmarks, DependabilityResult dependability)
    {
        Options = options;
        Episodes = episodes;
        Outcome = outcome;
        Alliance = alliance;
        Benchmarks = benchmarks;
        Dependability = dependability;
    }

    /// <summary>Gets the options used.</summary>
    public ServiceOptions Options { get; }

    /// <summary>Gets how many episodes were given.</summary>
    public int Episodes { get; }

    /// <summary>Gets therapist and site effects on the outcome, or why not.</summary>
    public TherapistEffectsResult Outcome { get; }

    /// <summary>Gets therapist and site effects on the alliance, or why not.</summary>
    public TherapistEffectsResult Alliance { get; }

    /// <summary>Gets the benchmark rows (<see cref="ServiceBenchmarks.Compute"/>).</summary>
    public ImmutableArray<ServiceBenchmark> Benchmarks { get; }

    /// <summary>Gets the dependability of alliance scores, or why not.</summary>
    public DependabilityResult Dependability { get; }

    /// <summary>Gets the published benchmarks the service is set beside (<see cref="ServiceOptions.Compare"/>).</summary>
    public ImmutableArray<PublishedBenchmark> Comparisons => Options.Compare;

    /// <summary>Runs every part of the service view.</summary>
    /// <param name="episodes">The episodes (<see cref="ServiceEpisodes"/> builds them from clients' series).</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="ServiceOptions.Default"/>.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episodes"/> is <see langword="null"/> or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="options"/> break their rules.</exception>
    public static ServiceAnalysis Run(IEnumerable<ServiceEpisode> episodes, ServiceOptions? options = null)
    {
        Guard.Against.Null(episodes);
        options ??= ServiceOptions.Default;
        options.Validate(nameof(options));
        ServiceEpisode[] all = episodes.Select(e => Guard.Against.Null(e, nameof(episodes))).ToArray();
        return new ServiceAnalysis(
            options,
            all.Length,
            TherapistEffects.Estimate(all, ServiceMeasure.Outcome, options),
            TherapistEffects.Estimate(all, ServiceMeasure.Alliance, options),
            ServiceBenchmarks.Compute(all, options),
            AllianceDependability.Estimate(all, options));
    }

    /// <summary>Returns the headline figures without any identifier.</summary>
    /// <returns>Text such as <c>service: 1521 episodes; outcome: therapist 7.0 % (...); ...</c>.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "service: {0} episodes; {1}; {2}; {3}",
        Episodes,
        Outcome.Match(a => a.ToString(), e => "outcome: " + e.Kind),
        Alliance.Match(a => a.ToString(), e => "alliance: " + e.Kind),
        Dependability.Match(d => d.ToString(), e => "dependability: " + e.Kind));
}
