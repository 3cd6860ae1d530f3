using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace TherapeuticAlliance.Service;

/// <summary>
/// Every group's <see cref="BenchmarkSums"/> (the caseload, and each site, therapist and month of closing) and the
/// caseload's <see cref="SeverityRegression"/>: what the benchmark rows are computed from, and what a site's partial
/// carries of them. Merging two sets of totals of disjoint episodes gives the totals of their union.
/// </summary>
internal sealed class BenchmarkTotals
{
    /// <summary>The groupings with named groups, in the order of <see cref="Groups"/>.</summary>
    internal static readonly ServiceGrouping[] Groupings = { ServiceGrouping.Site, ServiceGrouping.Therapist, ServiceGrouping.Month };

    internal BenchmarkTotals(int regressors)
    {
        Caseload = new BenchmarkSums(regressors);
        Regression = new SeverityRegression(regressors);
        Groups = Groupings.Select(_ => new Dictionary<string, BenchmarkSums>(StringComparer.Ordinal)).ToArray();
    }

    internal BenchmarkSums Caseload { get; }

    /// <summary>Gets each grouping's groups by name (<see cref="Groupings"/>' order).</summary>
    internal Dictionary<string, BenchmarkSums>[] Groups { get; }

    internal SeverityRegression Regression { get; }

    /// <summary>The totals of episodes: one pass, each episode added to its caseload, site, therapist and month.</summary>
    internal static BenchmarkTotals From(IReadOnlyList<ServiceEpisode> all, ServiceOptions options)
    {
        int p = 1 + options.CaseMix.Length;
        var totals = new BenchmarkTotals(p);
        var x = new double[p];
        var months = new Dictionary<int, string>();
        double sign = options.HigherIsBetter ? 1 : -1;
        BenchmarkSums? lastSite = null, lastTherapist = null;
        string? lastSiteName = null, lastTherapistName = null;
        foreach (ServiceEpisode e in all)
        {
            bool adjusted = e.IsPaired && HasCaseMix(e, options.CaseMix);
            if (adjusted)
            {
                x[0] = e.Intake!.Value;
                for (int a = 1; a < p; a++)
                {
                    x[a] = e.CaseMix[options.CaseMix[a - 1]];
                }

                totals.Regression.Add(x, sign * e.Change!.Value);
            }

            totals.Caseload.Add(e, options, adjusted, x);
            // Episodes usually come a therapist (and site) at a time: the last group is reused without a lookup.
            if (e.Site is { } site)
            {
                lastSite = ReferenceEquals(site, lastSiteName) || string.Equals(site, lastSiteName, StringComparison.Ordinal) ? lastSite! : totals.Group(0, site);
                lastSiteName = site;
                lastSite.Add(e, options, adjusted, x);
            }

            if (e.Therapist is { } therapist)
            {
                lastTherapist = ReferenceEquals(therapist, lastTherapistName) || string.Equals(therapist, lastTherapistName, StringComparison.Ordinal) ? lastTherapist! : totals.Group(1, therapist);
                lastTherapistName = therapist;
                lastTherapist.Add(e, options, adjusted, x);
            }

            if (e.Closed is { } closed)
            {
                totals.Group(2, Month(closed.UtcDateTime, months)).Add(e, options, adjusted, x);
            }
        }

        return totals;
    }

    /// <summary>Adds another set of totals (of disjoint episodes and the same options) into this one.</summary>
    internal void Merge(BenchmarkTotals other)
    {
        Caseload.Merge(other.Caseload);
        Regression.Merge(other.Regression);
        for (int g = 0; g < Groups.Length; g++)
        {
            foreach (KeyValuePair<string, BenchmarkSums> group in other.Groups[g])
            {
                Group(g, group.Key).Merge(group.Value);
            }
        }
    }

    /// <summary>The caseload's row, then one per site, per therapist and per month (each in ordinal order of its group).</summary>
    internal ImmutableArray<ServiceBenchmark> Rows(ServiceOptions options)
    {
        SeverityRegression regression = Regression.Copy();
        SeverityRegression? severity = regression.Solve() ? regression : null;
        var rows = ImmutableArray.CreateBuilder<ServiceBenchmark>(1 + Groups.Sum(g => g.Count));
        rows.Add(Caseload.ToRow(ServiceGrouping.Caseload, ServiceCodes.AllEpisodes, options, severity));
        for (int g = 0; g < Groups.Length; g++)
        {
            foreach (KeyValuePair<string, BenchmarkSums> group in Groups[g].OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                rows.Add(group.Value.ToRow(Groupings[g], group.Key, options, severity));
            }
        }

        return rows.MoveToImmutable();
    }

    internal BenchmarkSums Group(int grouping, string name)
    {
        if (!Groups[grouping].TryGetValue(name, out BenchmarkSums? sums))
        {
            Groups[grouping][name] = sums = new BenchmarkSums(Caseload.SumX.Length);
        }

        return sums;
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
}
