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

    /// <summary>Gets each therapist's clients in the model per site (site null when not recorded).</summary>
    internal ImmutableArray<(string Therapist, string? Site, int Clients)> Therapists { get; }

    internal int Used { get; }

    internal int Total { get; }

    internal int WithheldTherapists { get; }

    internal int SitesWithout { get; }

    /// <summary>Gets why a site's own part (made here, not read from a file: a file's text is never echoed) has no model partial, or null.</summary>
    internal string? Problem { get; }

    /// <summary>A site's part: the model's rows less therapists with fewer clients than the policy's minimum, and their partial.</summary>
    internal static ModelPart Create(IReadOnlyList<ServiceEpisode> all, ServiceMeasure measure, ServiceOptions options)
    {
        ModelRows rows = ModelRows.Select(all, measure, options, options.Policy.MinimumPeople);
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

        var therapists = rows.Rows.GroupBy(e => (e.Therapist!, e.Site)).Select(g => (g.Key.Item1, g.Key.Site, g.Count())).ToImmutableArray();
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
            notes.Add(string.Format(CultureInfo.InvariantCulture, "{0} therapist(s) with fewer than {1} clients at their site were left out of the sites' partials under the disclosure policy (the pooled model is of the others).", WithheldTherapists, options.Policy.MinimumPeople));
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
