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

    /// <summary>Gets whether every row has a site and there are two or more (the model then has a site factor).</summary>
    internal bool HasSites { get; private init; }

    /// <summary>The rows of a measure; with <paramref name="minimumClients"/>, therapists with fewer such episodes are left out (a partial's disclosure rule), and so are those <paramref name="excluded"/> names.</summary>
    /// <remarks>One pass over the episodes and one over the rows (a million episodes: tens of milliseconds), no group objects.</remarks>
    internal static ModelRows Select(IReadOnlyList<ServiceEpisode> all, ServiceMeasure measure, ServiceOptions options, int? minimumClients, ISet<string>? excluded = null)
    {
        bool outcome = measure == ServiceMeasure.Outcome;
        var rows = new List<ServiceEpisode>(all.Count);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var tallies = new List<Tally>();
        Tally? last = null;
        string? lastName = null;
        foreach (ServiceEpisode e in all)
        {
            if (e.Therapist is not { } therapist || !(outcome ? e.IsPaired : e.AllianceMean is not null) || !HasCaseMix(e, options.CaseMix))
            {
                continue;
            }

            rows.Add(e);
            if (!(ReferenceEquals(therapist, lastName) || string.Equals(therapist, lastName, StringComparison.Ordinal)))
            {
                if (!index.TryGetValue(therapist, out int at))
                {
                    index[therapist] = at = tallies.Count;
                    tallies.Add(new Tally(therapist));
                }

                last = tallies[at];
                lastName = therapist;
            }

            last!.Add(e.Site);
        }

        int withheld = 0;
        int least = minimumClients ?? 0;
        if (tallies.Any(t => t.Clients < least || excluded?.Contains(t.Therapist) == true))
        {
            var kept = new HashSet<string>(tallies.Where(t => t.Clients >= least && excluded?.Contains(t.Therapist) != true).Select(t => t.Therapist), StringComparer.Ordinal);
            withheld = tallies.Count - kept.Count;
            rows = rows.Where(e => kept.Contains(e.Therapist!)).ToList();
            tallies = tallies.Where(t => kept.Contains(t.Therapist)).ToList();
        }

        bool everySite = true;
        string? firstSite = null;
        bool twoSites = false;
        foreach (ServiceEpisode e in rows)
        {
            if (e.Site is null)
            {
                everySite = false;
                break;
            }

            firstSite ??= e.Site;
            twoSites |= !string.Equals(e.Site, firstSite, StringComparison.Ordinal);
        }

        return new ModelRows(measure, options, rows, tallies.Select(t => (t.Therapist, t.MainSite, t.Clients)).ToList(), withheld) { HasSites = everySite && twoSites };
    }

    private static bool HasCaseMix(ServiceEpisode episode, System.Collections.Immutable.ImmutableArray<string> names)
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

    /// <summary>A therapist's clients in the model, by site: the first site's count kept inline, others in a dictionary only when there are any.</summary>
    private sealed class Tally(string therapist)
    {
        private string? first;
        private int firstCount;
        private Dictionary<string, int>? others;

        internal string Therapist { get; } = therapist;

        internal int Clients { get; private set; }

        /// <summary>Gets the site with most of the therapist's clients (ties to the ordinal first), or null when none recorded.</summary>
        internal string? MainSite
        {
            get
            {
                if (others is null)
                {
                    return first;
                }

                var all = new Dictionary<string, int>(others, StringComparer.Ordinal);
                if (first is not null)
                {
                    all[first] = firstCount;
                }

                return all.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key).FirstOrDefault();
            }
        }

        internal void Add(string? site)
        {
            Clients++;
            if (site is null)
            {
                return;
            }

            if (first is null || ReferenceEquals(site, first) || string.Equals(site, first, StringComparison.Ordinal))
            {
                first = site;
                firstCount++;
                return;
            }

            others ??= new Dictionary<string, int>(StringComparer.Ordinal);
            others[site] = others.TryGetValue(site, out int n) ? n + 1 : 1;
        }
    }
}
