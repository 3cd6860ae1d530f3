using System;
using System.Collections.Generic;
using System.Linq;
using TherapeuticAlliance.Multilevel;

namespace TherapeuticAlliance.Service;

/// <summary>
/// The episodes a therapist-effects model uses (a therapist, the measure, every case-mix covariate), each therapist's
/// main site and number of clients among them, and the model's formula and frame.
/// </summary>
internal sealed class ModelRows
{
    private ModelRows(ServiceMeasure measure, ServiceOptions options, List<ServiceEpisode> rows, List<(string Therapist, string? Site, int Clients)> therapists, int withheld)
    {
        Measure = measure;
        Options = options;
        Rows = rows;
        Therapists = therapists;
        WithheldTherapists = withheld;
    }

    internal ServiceMeasure Measure { get; }

    internal ServiceOptions Options { get; }

    internal List<ServiceEpisode> Rows { get; }

    /// <summary>Gets each therapist in the model (in order of first appearance), their main site (the one with most of their clients, ties to the ordinal first) and their clients in the model.</summary>
    internal List<(string Therapist, string? Site, int Clients)> Therapists { get; }

    /// <summary>Gets how many therapists were left out for having fewer clients than <c>minimumClients</c>.</summary>
    internal int WithheldTherapists { get; }

    /// <summary>The rows of a measure; with <paramref name="minimumClients"/>, therapists with fewer such episodes are left out (a partial's disclosure rule).</summary>
    internal static ModelRows Select(IReadOnlyList<ServiceEpisode> all, ServiceMeasure measure, ServiceOptions options, int? minimumClients)
    {
        bool outcome = measure == ServiceMeasure.Outcome;
        var rows = new List<ServiceEpisode>(all.Count);
        foreach (ServiceEpisode e in all)
        {
            if (e.Therapist is not null && (outcome ? e.IsPaired : e.AllianceMean is not null) && options.CaseMix.All(e.CaseMix.ContainsKey))
            {
                rows.Add(e);
            }
        }

        var groups = rows.GroupBy(e => e.Therapist!, StringComparer.Ordinal).ToList();
        int withheld = 0;
        if (minimumClients is { } minimum)
        {
            withheld = groups.Count(g => g.Count() < minimum);
            var kept = new HashSet<string>(groups.Where(g => g.Count() >= minimum).Select(g => g.Key), StringComparer.Ordinal);
            rows = rows.Where(e => kept.Contains(e.Therapist!)).ToList();
            groups = groups.Where(g => kept.Contains(g.Key)).ToList();
        }

        var therapists = groups.Select(g => (g.Key, g.Where(e => e.Site is not null).GroupBy(e => e.Site!, StringComparer.Ordinal).OrderByDescending(s => s.Count()).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s => (string?)s.Key).FirstOrDefault(), g.Count())).ToList();
        return new ModelRows(measure, options, rows, therapists, withheld);
    }

    /// <summary>The model's formula (<c>final ~ intake (+ case mix) (+ (1 | site)) + (1 | therapist)</c>, or <c>alliance ~ 1 ...</c>) and its frame.</summary>
    internal (string Formula, ModelFrame Frame) Frame(bool sites)
    {
        bool outcome = Measure == ServiceMeasure.Outcome;
        var numeric = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal)
        {
            [outcome ? "final" : "alliance"] = Rows.Select(e => outcome ? e.Final!.Value : e.AllianceMean!.Value).ToArray(),
        };
        if (outcome)
        {
            numeric["intake"] = Rows.Select(e => e.Intake!.Value).ToArray();
        }

        foreach (string covariate in Options.CaseMix)
        {
            numeric[covariate] = Rows.Select(e => e.CaseMix[covariate]).ToArray();
        }

        var factors = new Dictionary<string, IReadOnlyList<string?>>(StringComparer.Ordinal) { ["therapist"] = Rows.Select(e => e.Therapist).ToArray() };
        if (sites)
        {
            factors["site"] = Rows.Select(e => e.Site).ToArray();
        }

        return (Formula(Measure, Options, sites), new ModelFrame(numeric, factors));
    }

    /// <summary>The formula of a measure's model.</summary>
    internal static string Formula(ServiceMeasure measure, ServiceOptions options, bool sites)
    {
        bool outcome = measure == ServiceMeasure.Outcome;
        string fixedPart = string.Join(" + ", new[] { outcome ? "intake" : "1" }.Concat(options.CaseMix));
        return (outcome ? "final" : "alliance") + " ~ " + fixedPart + (sites ? " + (1 | site)" : string.Empty) + " + (1 | therapist)";
    }
}
