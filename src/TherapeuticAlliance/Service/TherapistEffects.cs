using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;
using MathNet.Numerics.Distributions;
using TherapeuticAlliance.Multilevel;

namespace TherapeuticAlliance.Service;

/// <summary>
/// Therapist and site effects estimated with a multilevel model after case-mix adjustment (Saxon &amp; Barkham 2012;
/// Firth et al. 2019): <c>final ~ intake (+ case mix) + (1 | site) + (1 | therapist)</c> for the outcome measure,
/// <c>alliance ~ 1 (+ case mix) + (1 | site) + (1 | therapist)</c> for the alliance (Del Re et al. 2012), fitted by REML
/// on the library's multilevel engine (lme4's algorithm; <c>docs/multilevel.md</c>).
/// </summary>
/// <remarks>This type is thread-safe.</remarks>
public static class TherapistEffects
{
    /// <summary>The therapist share the literature reports for routine practice, 5 % (Johns et al. 2019, weighted average of practice-based studies): the share the "clients needed" figure assumes when the data estimate none.</summary>
    public const double PublishedTherapistShare = 0.05;

    /// <summary>Estimates therapist (and site) effects on a measure.</summary>
    /// <param name="episodes">The episodes (any order).</param>
    /// <param name="measure">The measure: the outcome at the end, adjusted for intake, or the client's mean alliance.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="ServiceOptions.Default"/>.</param>
    /// <returns>
    /// The analysis, or a <see cref="ServiceError"/>: <see cref="ServiceErrorKind.NoData"/> when no episode has a
    /// therapist and the measure; <see cref="ServiceErrorKind.TooFewTherapists"/> when fewer than
    /// <see cref="ServiceOptions.MinimumTherapists"/> therapists have two or more clients (the message says how many
    /// are needed and how many there are); <see cref="ServiceErrorKind.ModelFailed"/> with the model's reason.
    /// </returns>
    /// <remarks>
    /// Sites are modelled when every episode used has a site and there are two or more. Each therapist's effect is the
    /// conditional mode of their random intercept with the interval mode ± z × conditional SD; with sites, it is
    /// relative to the therapist's site. "Above average" and "below average" only when the interval excludes 0.
    /// </remarks>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episodes"/> is <see langword="null"/> or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="options"/> break their rules.</exception>
    public static TherapistEffectsResult Estimate(IEnumerable<ServiceEpisode> episodes, ServiceMeasure measure, ServiceOptions? options = null)
    {
        Guard.Against.Null(episodes);
        options ??= ServiceOptions.Default;
        options.Validate(nameof(options));
        IReadOnlyList<ServiceEpisode> all = episodes as IReadOnlyList<ServiceEpisode> ?? episodes.ToList();
        foreach (ServiceEpisode e in all)
        {
            Guard.Against.Null(e, nameof(episodes));
        }

        ModelRows rows = ModelRows.Select(all, measure, options, null);
        if (Refusal(rows.Rows.Count, rows.Therapists, measure, options) is { } refused)
        {
            return refused;
        }

        bool sites = rows.HasSites;
        (string formula, ModelFrame frame) = rows.Frame(sites);
        MixedModelResult fitted = LinearMixedModel.Fit(formula, frame);
        if (!fitted.IsSuccess)
        {
            return new ServiceError(ServiceErrorKind.ModelFailed, "The model " + formula + " could not be fitted: " + fitted.AsT1.Message);
        }

        return Analyse(fitted.AsT0, measure, options, sites, rows.Therapists, rows.Rows.Count, all.Count, ImmutableArray<string>.Empty);
    }

    /// <summary>The refusal when the rows cannot support a therapist variance, else null.</summary>
    internal static ServiceError? Refusal(int rows, IReadOnlyList<(string Therapist, string? Site, int Clients)> therapists, ServiceMeasure measure, ServiceOptions options)
    {
        bool outcome = measure == ServiceMeasure.Outcome;
        string what = outcome ? "an intake and a final outcome score" : "alliance ratings";
        if (rows == 0)
        {
            return new ServiceError(ServiceErrorKind.NoData, string.Format(CultureInfo.InvariantCulture, "No episode has a therapist and {0}{1}.", what, options.CaseMix.IsEmpty ? string.Empty : " with every case-mix covariate"));
        }

        int eligible = therapists.Count(t => t.Clients >= 2);
        if (eligible < options.MinimumTherapists)
        {
            return new ServiceError(ServiceErrorKind.TooFewTherapists, string.Format(
                CultureInfo.InvariantCulture,
                "{0} therapist(s) have two or more clients with {1}; a therapist variance needs at least {2} (a random-effects analysis of therapists needs at least five, preferably many more), so therapist effects are not estimated. Pool more therapists (sites can merge their data), or read the per-therapist benchmarks, which make no such claim.",
                eligible,
                what,
                options.MinimumTherapists));
        }

        return null;
    }

    /// <summary>The analysis of a fitted model: shares with profile intervals, each therapist's effect and classification, and the notes.</summary>
    /// <param name="fit">The fit of <c>final ~ intake (+ case mix) (+ (1 | site)) + (1 | therapist)</c> or the alliance's model.</param>
    /// <param name="measure">The measure.</param>
    /// <param name="options">The options.</param>
    /// <param name="sites">Whether the model has sites.</param>
    /// <param name="therapists">Each therapist in the model, their main site and their clients in the model.</param>
    /// <param name="used">The episodes in the model.</param>
    /// <param name="total">The episodes given.</param>
    /// <param name="extra">Notes to add (a partial's withheld therapists).</param>
    internal static TherapistEffectsResult Analyse(MixedModelFit fit, ServiceMeasure measure, ServiceOptions options, bool sites, IReadOnlyList<(string Therapist, string? Site, int Clients)> therapists, int used, int total, ImmutableArray<string> extra)
    {
        bool outcome = measure == ServiceMeasure.Outcome;
        var shares = ImmutableArray.CreateBuilder<VarianceShare>();
        foreach (string group in sites ? new[] { "therapist", "site" } : new[] { "therapist" })
        {
            ProfileInterval interval = fit.IntraclassCorrelationInterval(group, options.Level);
            shares.Add(new VarianceShare(group, interval.Estimate, interval.Lower, interval.Upper, options.Level, fit.Groups.First(g => g.Key == group).Value));
        }

        double tau2 = fit.VarianceComponents.First(c => c.Group == "therapist").Variance;
        double sigma2 = fit.ResidualVariance;
        double z = Normal.InvCDF(0, 1, (1 + options.Level) / 2);
        double sign = !outcome || options.HigherIsBetter ? 1 : -1;
        var modes = fit.ConditionalModes.Where(m => m.Group == "therapist").ToDictionary(m => m.Level, StringComparer.Ordinal);
        var effects = new List<TherapistEffect>(therapists.Count);
        foreach (var (therapist, site, n) in therapists)
        {
            if (!options.Policy.Allows(n))
            {
                effects.Add(new TherapistEffect(therapist, site, n, null, null, null, EffectClassification.Withheld, null));
                continue;
            }

            ConditionalMode mode = modes[therapist];
            double effect = sign * mode.Mode, low = effect - (z * mode.ConditionalSd), high = effect + (z * mode.ConditionalSd);
            EffectClassification classification = low > 0 ? EffectClassification.AboveAverage : high < 0 ? EffectClassification.BelowAverage : EffectClassification.Average;
            double reliability = tau2 > 0 ? tau2 / (tau2 + (sigma2 / n)) : 0;
            effects.Add(new TherapistEffect(therapist, site, n, effect, low, high, classification, reliability));
        }

        ImmutableArray<TherapistEffect> ordered = effects.OrderBy(t => t.Effect is null ? 1 : 0).ThenByDescending(t => t.Effect ?? 0).ThenBy(t => t.Therapist, StringComparer.Ordinal).ToImmutableArray();
        double target = options.TargetReliability;
        double ratio = tau2 > 0 ? sigma2 / tau2 : (1 - PublishedTherapistShare) / PublishedTherapistShare;
        double clientsNeeded = Math.Ceiling(target / (1 - target) * ratio);
        var notes = ImmutableArray.CreateBuilder<string>();
        int leftOut = total - used;
        if (leftOut > 0)
        {
            notes.Add(string.Format(CultureInfo.InvariantCulture, "{0} of {1} episodes left out: no therapist, no {2}{3}.", leftOut, total, outcome ? "pre-post pair" : "alliance rating", options.CaseMix.IsEmpty ? string.Empty : ", or a case-mix covariate missing"));
        }

        notes.AddRange(extra);
        if (tau2 <= 0)
        {
            notes.Add("The therapist variance is estimated at 0 (a boundary fit): these data show no difference between therapists, which is not evidence that there is none; every therapist is 'average'.");
        }

        double[] reliabilities = ordered.Where(t => t.Reliability is not null).Select(t => t.Reliability!.Value).OrderBy(r => r).ToArray();
        if (reliabilities.Length > 0)
        {
            double median = reliabilities[reliabilities.Length / 2];
            notes.Add(string.Format(
                CultureInfo.InvariantCulture,
                "The median reliability of a therapist's mean is {0:0.00}; a reliability of {1:0.00} needs about {2:0} clients per therapist at {3} (Spearman-Brown). {4}",
                median,
                target,
                clientsNeeded,
                tau2 > 0 ? "this model's therapist share" : "the published therapist share of 5 % (Johns et al. 2019)",
                median < target ? "Read single therapists' effects with caution: most intervals are wide, and 'average' mostly means 'not enough data to tell'." : string.Empty).TrimEnd());
        }

        int withheld = ordered.Count(t => t.Classification == EffectClassification.Withheld);
        if (withheld > 0)
        {
            notes.Add(string.Format(CultureInfo.InvariantCulture, "{0} therapist(s) with fewer than {1} clients are in the model but their effects are withheld under the disclosure policy.", withheld, options.Policy.MinimumPeople));
        }

        return new TherapistEffectsAnalysis(measure, fit, shares.ToImmutable(), ordered, used, leftOut, clientsNeeded, notes.ToImmutable());
    }
}
