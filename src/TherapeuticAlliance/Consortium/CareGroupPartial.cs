using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using TherapeuticAlliance.Statistics;

namespace TherapeuticAlliance.Consortium;

/// <summary>
/// One therapist's sufficient statistics in a site's partial (issue 28, part 5): the clients of the caseload and, per
/// outcome instrument, the means and co-moments of each client's first (intake) and last score, so that a model of
/// outcome on intake with a random intercept per therapist (<c>post ~ intake + (1 | therapist)</c>) can be fitted
/// across sites exactly, without sharing rows. No identifier: a therapist is a position in the partial's list, and
/// partials of different sites are concatenated, never merged group by group (a therapist at two sites counts twice).
/// </summary>
/// <remarks>
/// <para>
/// A client belongs to the therapist of its latest session (<see cref="Trends.EpisodeCare.CurrentKey"/>). Each
/// statistics' scope is <c>INSTRUMENT/intake-final</c>, its columns <c>intake</c> and <c>final</c> (points of the
/// instrument's sum), one row per client with two or more scores of the instrument. The per-group count, means and
/// co-moments are what a random-intercept linear mixed model needs of each group (the cross-products of
/// <c>[1, intake, final]</c>); the multilevel engine (issue 29) reads them.
/// </para>
/// <para>A caseload of fewer clients than the site's minimum, or an instrument's statistics over fewer clients, is withheld and counted (<see cref="SitePartial.TherapistsWithheld"/>), never shown. Immutable and thread-safe.</para>
/// </remarks>
public sealed class CareGroupPartial
{
    /// <summary>The scope suffix of a therapist's outcome statistics: <c>intake-final</c>.</summary>
    public const string IntakeFinalScope = "intake-final";

    /// <summary>The most therapists a partial may hold: 100,000.</summary>
    public const int MaximumGroups = 100_000;

    internal CareGroupPartial(int clients, IEnumerable<SufficientStatistics> statistics)
    {
        Clients = clients;
        Statistics = statistics.ToImmutableArray();
    }

    /// <summary>Gets how many clients the therapist's caseload has (at least the site's minimum).</summary>
    public int Clients { get; }

    /// <summary>Gets the outcome statistics, one per instrument (scope <c>INSTRUMENT/intake-final</c>), in ordinal order of instrument.</summary>
    public ImmutableArray<SufficientStatistics> Statistics { get; }

    /// <summary>Says how many clients and instruments, without values.</summary>
    /// <returns>Text such as <c>therapist of 14 clients, 1 instrument(s)</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "therapist of {0} clients, {1} instrument(s)", Clients, Statistics.Length);
}
