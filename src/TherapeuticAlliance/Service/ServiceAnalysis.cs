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
    private ServiceAnalysis(ServiceOptions options, int episodes, TherapistEffectsResult outcome, TherapistEffectsResult alliance, ImmutableArray<ServiceBenchmark> benchmarks, DependabilityResult dependability, ImmutableArray<string> notes)
    {
        Notes = notes;
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

    /// <summary>Gets what a reader must know of the whole view: for an analysis of merged partials (<see cref="FromPartial"/>), what the sites withheld under the disclosure policy. Empty for <see cref="Run"/>. Never an identifier.</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>Gets the published benchmarks the service is set beside (<see cref="ServiceOptions.Compare"/>).</summary>
    public ImmutableArray<PublishedBenchmark> Comparisons => Options.Compare;

    /// <summary>Runs every part of the service view (the alliance's model and the dependability on the thread pool, beside the outcome's model and the benchmarks on the calling thread).</summary>
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
        // The parts are independent: the alliance's model and the dependability run on the thread pool beside the outcome's.
        var alliance = System.Threading.Tasks.Task.Run(() => TherapistEffects.Estimate(all, ServiceMeasure.Alliance, options));
        var dependability = System.Threading.Tasks.Task.Run(() => AllianceDependability.Estimate(all, options));
        TherapistEffectsResult outcome = TherapistEffects.Estimate(all, ServiceMeasure.Outcome, options);
        ImmutableArray<ServiceBenchmark> benchmarks = ServiceBenchmarks.Compute(all, options);
        return new ServiceAnalysis(options, all.Length, outcome, alliance.GetAwaiter().GetResult(), benchmarks, dependability.GetAwaiter().GetResult(), ImmutableArray<string>.Empty);
    }

    /// <summary>
    /// Runs every part of the service view on a partial (a site's own, or sites' merged by <see cref="ServicePartial.Merge"/>):
    /// the figures of the pooled episodes, less what the sites withheld under the disclosure policy (counted in
    /// <see cref="Notes"/> and in the parts' notes). Models are fitted from the merged cross-products
    /// (<see cref="Multilevel.LinearMixedModel.FitPartial"/>), so they equal the pooled fit's to rounding; the site factor
    /// is left out when the pooled data have one site.
    /// </summary>
    /// <param name="partial">The partial.</param>
    /// <param name="options">
    /// The options for what the analysis decides (<see cref="ServiceOptions.Level"/>, <see cref="ServiceOptions.MinimumTherapists"/>,
    /// <see cref="ServiceOptions.TargetReliability"/>, <see cref="ServiceOptions.Compare"/>); the settings the sums were made with
    /// are the partial's (<see cref="ServicePartial.Settings"/>) whatever these say. <see langword="null"/> for the defaults.
    /// </param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="partial"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="options"/> break their rules.</exception>
    public static ServiceAnalysis FromPartial(ServicePartial partial, ServiceOptions? options = null)
    {
        Guard.Against.Null(partial);
        options ??= ServiceOptions.Default;
        options.Validate(nameof(options));
        ServiceOptions settings = partial.Settings;
        ServiceOptions effective = ServicePartial.WithSettings(options, settings) with { ExpectedResponse = null };
        var alliance = System.Threading.Tasks.Task.Run(() => partial.Alliance.Analyse(effective));
        var dependability = System.Threading.Tasks.Task.Run(() => AllianceDependability.FromSums(partial.Dependability.Copy(), effective));
        TherapistEffectsResult outcome = partial.Outcome.Analyse(effective);
        ImmutableArray<ServiceBenchmark> benchmarks = partial.Benchmarks.Rows(effective);
        var notes = ImmutableArray.CreateBuilder<string>();
        if (partial.WithheldGroups.Any(w => w > 0))
        {
            notes.Add(string.Format(CultureInfo.InvariantCulture, "The sites withheld {0} site, {1} therapist and {2} month group(s) from their partials under the disclosure policy (fewer than {3} episodes, pairs or rated episodes, or withheld with them so that what is withheld describes none or at least {3}); those groups' rows leave their episodes out (the caseload's row has them).", partial.WithheldGroups[0], partial.WithheldGroups[1], partial.WithheldGroups[2], settings.Policy.MinimumPeople));
        }

        if (partial.WithheldDependability > 0)
        {
            notes.Add(string.Format(CultureInfo.InvariantCulture, "The sites left {0} therapist(s) out of the dependability under the disclosure policy (fewer than {1} rated clients, or left out with them so that the clients left out number none or at least {1}).", partial.WithheldDependability, settings.Policy.MinimumPeople));
        }

        return new ServiceAnalysis(effective, partial.Episodes, outcome, alliance.GetAwaiter().GetResult(), benchmarks, dependability.GetAwaiter().GetResult(), notes.ToImmutable());
    }

    /// <summary>
    /// Writes the service view as text for a terminal: the caseload's benchmarks beside the published ones, the therapist
    /// and site shares of the outcome and alliance variance with their intervals and the classification counts, the
    /// dependability of alliance scores, and every refusal and note. Names no therapist, site or client (the tables do).
    /// </summary>
    /// <returns>The text (lines end with \n; numbers invariant).</returns>
    public string Summary()
    {
        var text = new System.Text.StringBuilder();
        void Line(string format, params object?[] values) => text.Append(string.Format(CultureInfo.InvariantCulture, format, values)).Append('\n');
        string Rate(double? v) => v is { } r ? (100 * r).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "n/a";
        Line("Service view: {0} episodes (outcome {1}, alliance {2}; reliable change {3} points, clinical cutoff {4}, {5} is better)", Episodes, Options.OutcomeInstrument, Options.AllianceInstrument, Options.ReliableChange, Options.ClinicalCutoff, Options.HigherIsBetter ? "higher" : "lower");
        Line("Not for ranking, paying or appraising therapists: the figures describe a service.");
        foreach (string note in Notes)
        {
            Line("note: {0}", note);
        }

        ServiceBenchmark? all = Benchmarks.FirstOrDefault(b => b.Grouping == ServiceGrouping.Caseload);
        if (all is { Withheld: false })
        {
            Line(string.Empty);
            Line("Caseload: {0} episodes, {1} pre-post pairs (completeness {2})", all.Episodes, all.Paired, Rate(all.Completeness));
            Line("  effect size {0:0.00} ({1:0.00} to {2:0.00}), severity-adjusted {3:0.00}", all.EffectSize, all.EffectSizeLow, all.EffectSizeHigh, all.SeverityAdjustedEffectSize);
            Line("  reliable improvement {0}, reliable deterioration {1}", Rate(all.ReliableImprovement), Rate(all.ReliableDeterioration));
            Line("  recovery {0}, reliable recovery {1} (of {2} cases at intake)", Rate(all.Recovery), Rate(all.ReliableRecovery), all.Cases);
            Line("  reached target {0}, mean alliance {1}", Rate(all.ReachedTarget), all.AllianceMean is { } a ? a.ToString("0.0", CultureInfo.InvariantCulture) : "n/a");
            foreach (PublishedBenchmark published in Comparisons)
            {
                Line("  published {0}: {1} {2} ({3})", published.Id, published.Statistic, published.Value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : string.Format(CultureInfo.InvariantCulture, "{0:0.###} to {1:0.###}", published.Low, published.High), published.Population);
            }
        }
        else
        {
            Line("Caseload: fewer pre-post pairs than the disclosure policy's minimum ({0}); its figures are withheld.", Options.Policy.MinimumPeople);
        }

        foreach (var (heading, result) in new[] { ("Therapist effects on the outcome", Outcome), ("Therapist effects on the alliance", Alliance) })
        {
            Line(string.Empty);
            if (!result.IsSuccess)
            {
                Line("{0}: not estimated. {1}", heading, result.AsT1.Message);
                continue;
            }

            TherapistEffectsAnalysis analysis = result.AsT0;
            Line("{0}: {1}", heading, analysis.Formula);
            foreach (VarianceShare share in analysis.Shares)
            {
                Line("  {0} share of the variance {1:0.0} % ({2:0.0} to {3:0.0} %, {4:0} % profile-likelihood interval), {5} {0}s", share.Group, 100 * share.Share, 100 * share.Lower, 100 * share.Upper, 100 * share.Level, share.Levels);
            }

            Line("  {0} above average, {1} average, {2} below average, {3} withheld (above or below only where the interval excludes the mean)", analysis.Therapists.Count(t => t.Classification == EffectClassification.AboveAverage), analysis.Therapists.Count(t => t.Classification == EffectClassification.Average), analysis.Therapists.Count(t => t.Classification == EffectClassification.BelowAverage), analysis.Therapists.Count(t => t.Classification == EffectClassification.Withheld));
            foreach (string note in analysis.Notes)
            {
                Line("  note: {0}", note);
            }
        }

        Line(string.Empty);
        if (Dependability.IsSuccess)
        {
            AllianceDependability d = Dependability.AsT0;
            bool therapists = !double.IsNaN(d.TherapistVariance);
            Line("Dependability of alliance scores (G coefficients): a client's mean over {0:0.0} sessions {1:0.00}; {2}", d.SessionsPerClient, d.ClientCoefficient, therapists ? string.Format(CultureInfo.InvariantCulture, "a therapist's mean over {0:0.0} clients {1:0.00}", d.ClientsPerTherapist, d.TherapistCoefficient) : "a therapist's mean: no therapist variance estimated");
            Line("  sessions for 0.80 / 0.90: {0} / {1}{2} (Crits-Christoph et al. 2011: {3}+ sessions for above 0.90, about {4} clients)", d.SessionsNeeded(0.80), d.SessionsNeeded(0.90), therapists ? string.Format(CultureInfo.InvariantCulture, "; clients per therapist for 0.80 / 0.90: {0} / {1}", d.ClientsNeeded(0.80, d.SessionsPerClient), d.ClientsNeeded(0.90, d.SessionsPerClient)) : string.Empty, AllianceDependability.PublishedSessionsForVeryGood, AllianceDependability.PublishedClientsPerTherapist);
            foreach (string note in d.Notes)
            {
                Line("  note: {0}", note);
            }
        }
        else
        {
            Line("Dependability of alliance scores: not computed. {0}", Dependability.AsT1.Message);
        }

        return text.ToString();
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
