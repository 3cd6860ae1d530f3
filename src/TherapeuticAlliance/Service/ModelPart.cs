using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using TherapeuticAlliance.Multilevel;

namespace TherapeuticAlliance.Service;

/// <summary>
/// A site's (or merged sites') share of one therapist-effects model: the model's mixed-model partial, the therapists in
/// it with their clients per site, the episodes it used of those given, the therapists left out under the disclosure
/// policy, and how many sites sent no model (with the model's own reason, kept for a site alone).
/// </summary>
internal sealed class ModelPart
{
    internal ModelPart(ServiceMeasure measure, MixedModelPartial? model, ImmutableArray<(string Therapist, string? Site, int Clients)> therapists, int used, int total, int withheldTherapists, int sitesWithout, string? problem)
    {
        Measure = measure;
        Model = model;
        Therapists = therapists;
        Used = used;
        Total = total;
        WithheldTherapists = withheldTherapists;
        SitesWithout = sitesWithout;
        Problem = problem;
    }

    internal ServiceMeasure Measure { get; }

    internal MixedModelPartial? Model { get; }

    /// <summary>Gets each therapist's clients in the model with their main site (site null when not recorded); a therapist seen by two site partials has an entry from each, and the analysis takes the site with most of their clients.</summary>
    internal ImmutableArray<(string Therapist, string? Site, int Clients)> Therapists { get; }

    internal int Used { get; }

    internal int Total { get; }

    internal int WithheldTherapists { get; }

    internal int SitesWithout { get; }

    /// <summary>Gets why a site's own part (made here, not read from a file: a file's text is never echoed) has no model partial, or null.</summary>
    internal string? Problem { get; }

    /// <summary>A site's part: the model's rows less therapists with fewer clients than the policy's minimum, and their partial.</summary>
    /// <param name="all">The site's episodes.</param>
    /// <param name="measure">The measure.</param>
    /// <param name="options">The options.</param>
    /// <param name="whole">The counts of the caseload's sums that always leave the site, which the model's rows are part of (pairs, and pairs with the case mix, for the outcome; rated episodes for the alliance): the rows left out must be none or at least the policy's minimum, or the caseload's sums less the model's would describe them.</param>
    internal static ModelPart Create(IReadOnlyList<ServiceEpisode> all, ServiceMeasure measure, ServiceOptions options, int[] whole)
    {
        DisclosurePolicy policy = options.Policy;
        ModelRows rows = ModelRows.Select(all, measure, options, policy.MinimumPeople);
        // Complementary suppression: the smallest therapist (ties to the ordinal first) is left out too, one at a time,
        // until the rows left out are none or at least the minimum (or no row is left).
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        while (rows.Rows.Count > 0 && whole.Any(w => w - rows.Rows.Count is > 0 and var left && !policy.Allows(left)))
        {
            excluded.Add(rows.Therapists.OrderBy(t => t.Clients).ThenBy(t => t.Therapist, StringComparer.Ordinal).First().Therapist);
            rows = ModelRows.Select(all, measure, options, policy.MinimumPeople, excluded);
        }

        if (rows.Rows.Count == 0)
        {
            return new ModelPart(measure, null, ImmutableArray<(string, string?, int)>.Empty, 0, all.Count, rows.WithheldTherapists, 1, "No episode has a therapist with enough clients and the measure.");
        }

        bool sites = rows.Rows.All(e => e.Site is not null);
        (string formula, ModelFrame frame) = rows.Frame(sites);
        MixedModelPartialResult partial = LinearMixedModel.Partial(formula, frame, options.Policy);
        if (!partial.IsSuccess)
        {
            return new ModelPart(measure, null, ImmutableArray<(string, string?, int)>.Empty, 0, all.Count, rows.WithheldTherapists, 1, partial.AsT1.Message);
        }

        // Each therapist once, with their main site and all their clients here: no per-site count smaller than the minimum leaves.
        var therapists = rows.Therapists.ToImmutableArray();
        return new ModelPart(measure, partial.AsT0, therapists, rows.Rows.Count, all.Count, rows.WithheldTherapists, 0, null);
    }

    /// <summary>Merges parts of disjoint episodes; a problem when their models differ (the message of <see cref="MixedModelPartial.Merge"/>).</summary>
    internal static (ModelPart? Part, string? Problem) Merge(IReadOnlyList<ModelPart> parts)
    {
        MixedModelPartial[] models = parts.Where(p => p.Model is not null).Select(p => p.Model!).ToArray();
        MixedModelPartial? model = null;
        if (models.Length > 0)
        {
            MixedModelPartialResult merged = MixedModelPartial.Merge(models);
            if (!merged.IsSuccess)
            {
                return (null, merged.AsT1.Message);
            }

            model = merged.AsT0;
        }

        var therapists = parts.SelectMany(p => p.Therapists).GroupBy(t => (t.Therapist, t.Site)).Select(g => (g.Key.Therapist, g.Key.Site, g.Sum(t => t.Clients))).ToImmutableArray();
        return (new ModelPart(parts[0].Measure, model, therapists, parts.Sum(p => p.Used), parts.Sum(p => p.Total), parts.Sum(p => p.WithheldTherapists), parts.Sum(p => p.SitesWithout), parts.Count == 1 ? parts[0].Problem : null), null);
    }

    /// <summary>The therapist effects of the part's pooled model, as <see cref="TherapistEffects.Estimate"/> gives them from rows.</summary>
    internal TherapistEffectsResult Analyse(ServiceOptions options)
    {
        bool outcome = Measure == ServiceMeasure.Outcome;
        var notes = ImmutableArray.CreateBuilder<string>();
        if (WithheldTherapists > 0)
        {
            notes.Add(string.Format(CultureInfo.InvariantCulture, "{0} therapist(s) were left out of the sites' partials under the disclosure policy: fewer than {1} clients at their site, or left out with them so that the clients left out number none or at least {1} (the pooled model is of the others).", WithheldTherapists, options.Policy.MinimumPeople));
        }

        if (SitesWithout > 0 && Model is not null)
        {
            notes.Add(string.Format(CultureInfo.InvariantCulture, "{0} site partial(s) hold no model for this measure (too few episodes, or a level below the disclosure minimum); the model is of the other sites.", SitesWithout));
        }

        var perTherapist = Therapists.GroupBy(t => t.Therapist, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Where(t => t.Site is not null).OrderByDescending(t => t.Clients).ThenBy(t => t.Site, StringComparer.Ordinal).Select(t => t.Site).FirstOrDefault(), g.Sum(t => t.Clients)))
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .ToList();
        if (Model is null)
        {
            return new ServiceError(ServiceErrorKind.NoData, Problem is null ? "No site partial holds a model for this measure: every site had too few episodes with it, or a level below the disclosure minimum." : "The site's partial holds no model for this measure: " + Problem);
        }

        if (TherapistEffects.Refusal(Used, perTherapist, Measure, options) is { } refused)
        {
            return refused;
        }

        MixedModelPartial model = Model;
        int site = model.Groups.Select(g => g.Key).ToList().IndexOf("site");
        bool sites = site >= 0 && model.Groups[site].Value >= 2;
        if (site >= 0 && !sites)
        {
            model = model.WithoutFactor(site, ModelRows.Formula(Measure, options, sites: false));
        }

        MixedModelResult fitted = LinearMixedModel.FitPartial(model);
        if (!fitted.IsSuccess)
        {
            return new ServiceError(ServiceErrorKind.ModelFailed, "The model " + model.Formula + " could not be fitted: " + fitted.AsT1.Message);
        }

        return TherapistEffects.Analyse(fitted.AsT0, Measure, options, sites, perTherapist, Used, Total, notes.ToImmutable());
    }
}
