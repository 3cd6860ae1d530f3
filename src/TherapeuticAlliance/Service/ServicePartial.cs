using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Utilities;

namespace TherapeuticAlliance.Service;

/// <summary>
/// A site's partial of the service view: what <see cref="ServiceAnalysis"/> needs of the site's episodes, and no
/// episode. Partials of sites merge (<see cref="Merge"/>) into the partial of the pooled episodes, which
/// <see cref="ServiceAnalysis.FromPartial"/> analyses: the benchmarks, the therapist and site effects on outcome and
/// alliance, and the dependability of alliance scores of all sites together, as if their episodes had been pooled.
/// </summary>
/// <remarks>
/// <para>
/// What leaves a site: the settings the sums depend on (instruments, reliable change, cutoff, direction, case-mix
/// names, disclosure policy); per benchmark group (the caseload, each site, therapist and month of closing) its counts
/// and sums (means and co-moments of intake and final, the severity regression's sums); per model the
/// <see cref="Multilevel.MixedModelPartial"/> of its rows and each therapist's number of clients per site; and the
/// dependability's cells (per therapist and number of alliance ratings: how many clients, the mean of their means and
/// the spread of those means).
/// </para>
/// <para>
/// The disclosure policy decides what may leave. A site with fewer episodes than its minimum makes no partial, nor one
/// whose pre-post pairs, episodes with alliance ratings or episodes with every case-mix covariate are more than none
/// and fewer than the minimum. A group (site, therapist, month) is withheld from the benchmarks by the same rule on its
/// own counts, and a therapist with fewer
/// clients is left out of the models and the dependability; the analysis of merged partials counts what was withheld
/// in its notes, so the pooled figures differ from those of pooled rows exactly there. Labels (therapist, site) leave
/// the site so that a therapist or site seen at two sites merges; replace them with agreed pseudonyms first where they
/// must not. A dependability cell can summarise a single client's mean rating, within a therapist who has at least the
/// minimum number of clients.
/// </para>
/// <para>Immutable and thread-safe. <see cref="ToString"/> shows the shape, never a label.</para>
/// </remarks>
public sealed class ServicePartial
{
    internal ServicePartial(ServiceOptions settings, int episodes, BenchmarkTotals benchmarks, ImmutableArray<int> withheldGroups, ModelPart outcome, ModelPart alliance, DependabilitySums dependability, int withheldDependability, int sites)
    {
        Settings = settings;
        Episodes = episodes;
        Benchmarks = benchmarks;
        WithheldGroups = withheldGroups;
        Outcome = outcome;
        Alliance = alliance;
        Dependability = dependability;
        WithheldDependability = withheldDependability;
        Sites = sites;
    }

    /// <summary>Gets the file form's <c>kind</c>: <c>service-partial</c>.</summary>
    public const string Kind = ServicePartialFile.Kind;

    /// <summary>Gets the file form's schema version this library writes and reads: <c>1.0</c>.</summary>
    public const string CurrentSchemaVersion = ServicePartialFile.SchemaVersion;

    /// <summary>
    /// Gets the settings the partial's sums were computed with: <see cref="ServiceOptions.OutcomeInstrument"/>,
    /// <see cref="ServiceOptions.AllianceInstrument"/>, <see cref="ServiceOptions.HigherIsBetter"/>,
    /// <see cref="ServiceOptions.ReliableChange"/>, <see cref="ServiceOptions.ClinicalCutoff"/>,
    /// <see cref="ServiceOptions.CaseMix"/> and <see cref="ServiceOptions.Policy"/>; the others are the defaults.
    /// </summary>
    public ServiceOptions Settings { get; }

    /// <summary>Gets the number of episodes summarised.</summary>
    public int Episodes { get; }

    /// <summary>Gets the number of site partials merged into this one (1 for a site's own).</summary>
    public int Sites { get; }

    internal BenchmarkTotals Benchmarks { get; }

    /// <summary>Gets, per grouping with named groups (site, therapist, month), how many groups the sites withheld.</summary>
    internal ImmutableArray<int> WithheldGroups { get; }

    internal ModelPart Outcome { get; }

    internal ModelPart Alliance { get; }

    internal DependabilitySums Dependability { get; }

    /// <summary>Gets how many therapists (or the group of clients without one) the sites left out of the dependability.</summary>
    internal int WithheldDependability { get; }

    /// <summary>Computes a site's partial from its episodes.</summary>
    /// <param name="episodes">The site's episodes (<see cref="ServiceEpisodes"/> builds them).</param>
    /// <param name="options">The options (the settings the partial records, see <see cref="Settings"/>); <see langword="null"/> for <see cref="ServiceOptions.Default"/>.</param>
    /// <returns>The partial, or a <see cref="ServiceError"/> (<see cref="ServiceErrorKind.Disclosure"/>) when the site has fewer episodes than the disclosure policy's minimum, or fewer pre-post pairs, rated episodes or episodes with the case mix than the minimum but more than none.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episodes"/> is or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="options"/> break their rules.</exception>
    public static ServicePartialResult Create(IEnumerable<ServiceEpisode> episodes, ServiceOptions? options = null)
    {
        Guard.Against.Null(episodes);
        options ??= ServiceOptions.Default;
        options.Validate(nameof(options));
        ServiceEpisode[] all = episodes.Select(e => Guard.Against.Null(e, nameof(episodes))).ToArray();
        DisclosurePolicy policy = options.Policy;
        if (!policy.Allows(all.Length))
        {
            return new ServiceError(ServiceErrorKind.Disclosure, string.Format(CultureInfo.InvariantCulture, "The site has fewer episodes than the disclosure policy's minimum ({0}); no partial is made. Pool its episodes with another site's first.", policy.MinimumPeople));
        }

        BenchmarkTotals totals = BenchmarkTotals.From(all, options);
        if (!Releasable(totals.Caseload, policy) || (totals.Regression.Count > 0 && !policy.Allows(totals.Regression.Count)))
        {
            return new ServiceError(ServiceErrorKind.Disclosure, string.Format(CultureInfo.InvariantCulture, "The site has fewer pre-post pairs, episodes with alliance ratings, or episodes with every case-mix covariate than the disclosure policy's minimum ({0}), but more than none; no partial is made. Pool its episodes with another site's first.", policy.MinimumPeople));
        }

        var withheld = new int[totals.Groups.Length];
        for (int g = 0; g < totals.Groups.Length; g++)
        {
            foreach (string small in totals.Groups[g].Where(k => !Releasable(k.Value, policy)).Select(k => k.Key).ToList())
            {
                totals.Groups[g].Remove(small);
                withheld[g]++;
            }
        }

        // Complementary suppression: the caseload's sums always leave, so what a grouping withholds is the caseload less
        // the groups it releases; while that remainder describes 1 to minimum − 1 people, the smallest released group is
        // withheld too.
        BenchmarkSums whole = totals.Caseload;
        for (int g = 0; g < totals.Groups.Length; g++)
        {
            Dictionary<string, BenchmarkSums> groups = totals.Groups[g];
            while (groups.Count > 0 && Small(policy, whole.Episodes - groups.Values.Sum(s => s.Episodes), whole.Paired - groups.Values.Sum(s => s.Paired), whole.Alliances - groups.Values.Sum(s => s.Alliances), whole.Adjusted - groups.Values.Sum(s => s.Adjusted)))
            {
                groups.Remove(groups.OrderBy(k => k.Value.Episodes).ThenBy(k => k.Key, StringComparer.Ordinal).First().Key);
                withheld[g]++;
            }
        }

        // The dependability: therapists with fewer rated clients than the minimum (and too few clients without one) stay
        // home, and more of the smallest while the rated clients left out are 1 to minimum − 1 (the caseload's count less the cells').
        var rated = all.Where(e => e.AllianceSessions > 0).ToArray();
        var byTherapist = rated.Where(e => e.Therapist is not null).GroupBy(e => e.Therapist!, StringComparer.Ordinal).Select(g => (g.Key, Clients: g.Count())).OrderBy(t => t.Clients).ThenBy(t => t.Key, StringComparer.Ordinal).ToList();
        int unassigned = rated.Length - byTherapist.Sum(t => t.Clients);
        bool unassignedKept = policy.Allows(unassigned);
        var kept = byTherapist.Where(t => policy.Allows(t.Clients)).ToList();
        while (kept.Count > 0 && Small(policy, rated.Length - kept.Sum(t => t.Clients) - (unassignedKept ? unassigned : 0)))
        {
            kept.RemoveAt(0);
        }

        var keptNames = new HashSet<string>(kept.Select(t => t.Key), StringComparer.Ordinal);
        int withheldDependability = byTherapist.Count - kept.Count + (!unassignedKept && unassigned > 0 ? 1 : 0);
        DependabilitySums dependability = DependabilitySums.From(rated.Where(e => e.Therapist is null ? unassignedKept : keptNames.Contains(e.Therapist)));
        var outcome = System.Threading.Tasks.Task.Run(() => ModelPart.Create(all, ServiceMeasure.Outcome, options, new[] { whole.Paired, whole.Adjusted }));
        ModelPart alliance = ModelPart.Create(all, ServiceMeasure.Alliance, options, new[] { whole.Alliances });
        return new ServicePartial(Recorded(options), all.Length, totals, withheld.ToImmutableArray(), outcome.GetAwaiter().GetResult(), alliance, dependability, withheldDependability, 1);
    }

    /// <summary>Merges partials of disjoint sets of episodes (sites) into the partial of their union.</summary>
    /// <param name="partials">The partials, one or more, all made with the same settings.</param>
    /// <returns>The merged partial, or a <see cref="ServiceError"/> (<see cref="ServiceErrorKind.UnreadablePartial"/>) when the partials' settings or models differ (the message says which partial, by position).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="partials"/> is or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="partials"/> is empty.</exception>
    public static ServicePartialResult Merge(IEnumerable<ServicePartial> partials)
    {
        Guard.Against.Null(partials);
        ServicePartial[] all = partials.Select(p => Guard.Against.Null(p, nameof(partials))).ToArray();
        Guard.Against.InvalidInput(all, nameof(partials), a => a.Length > 0, "Give at least one partial.");
        int other = Array.FindIndex(all, p => !SameSettings(p.Settings, all[0].Settings));
        if (other >= 0)
        {
            return new ServiceError(ServiceErrorKind.UnreadablePartial, string.Format(CultureInfo.InvariantCulture, "Partial {0} was made with other settings than the first (instruments, reliable change, cutoff, direction, case mix or disclosure policy); every site must use the same.", other + 1));
        }

        if (all.Sum(p => (long)p.Episodes) > ServicePartialFile.MaximumEpisodes)
        {
            return new ServiceError(ServiceErrorKind.UnreadablePartial, "The partials hold more than 1,000,000,000 episodes together; merge fewer of them.");
        }

        var totals = new BenchmarkTotals(all[0].Benchmarks.Caseload.SumX.Length);
        var dependability = new DependabilitySums();
        foreach (ServicePartial partial in all)
        {
            totals.Merge(partial.Benchmarks);
            dependability.Merge(partial.Dependability);
        }

        var (outcome, outcomeProblem) = ModelPart.Merge(all.Select(p => p.Outcome).ToArray());
        var (alliance, allianceProblem) = ModelPart.Merge(all.Select(p => p.Alliance).ToArray());
        if (outcome is null || alliance is null)
        {
            return new ServiceError(ServiceErrorKind.UnreadablePartial, "The partials' models differ: " + (outcomeProblem ?? allianceProblem) + " (a site whose episodes all record a site, and one whose do not, model sites differently).");
        }

        ImmutableArray<int> withheld = Enumerable.Range(0, totals.Groups.Length).Select(g => all.Sum(p => p.WithheldGroups[g])).ToImmutableArray();
        return new ServicePartial(all[0].Settings, (int)all.Sum(p => (long)p.Episodes), totals, withheld, outcome, alliance, dependability, all.Sum(p => p.WithheldDependability), all.Sum(p => p.Sites));
    }

    /// <summary>
    /// Writes the partial's file form, for sending to the site that merges: indented UTF-8 JSON in the envelope every
    /// partial shares (<c>kind</c> <c>service-partial</c>, <c>schemaVersion</c> 1.0), then the settings, the episodes,
    /// the benchmark groups' sums, each model's mixed-model partial (its own file form, nested) with its therapists'
    /// clients per site, and the dependability's cells. Numbers are written round-trip exact.
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ServicePartialFile.Write(this);

    /// <summary>
    /// Reads a partial's file form (<see cref="ToJson"/>). Checks, before anything is used: the size (at most 16 MiB of
    /// text), a field given twice, the nesting, the kind and the schema version; then every field's shape and count, that
    /// every number is finite and at most 1e150 in size, that counts are whole and consistent (at most 10⁹ episodes;
    /// pairs no more than episodes, cases no more than pairs, no group above the caseload, the severity regression's
    /// count and means the caseload's), that sums of squares are not negative and co-moments within the Cauchy–Schwarz
    /// bound, that instruments are identifiers and months <c>yyyy-MM</c>, and each nested model partial's own checks
    /// (and that it is the service view's model, its therapists and sites agreeing with its levels).
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The partial, or a <see cref="ServiceError"/> (<see cref="ServiceErrorKind.UnreadablePartial"/>) whose message names a field and a position and quotes nothing of the file.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="json"/> is <see langword="null"/>.</exception>
    public static ServicePartialResult FromJson(string json)
    {
        Guard.Against.Null(json);
        (ServicePartial? partial, string? problem) = ServicePartialFile.Read(json);
        return partial is null ? new ServiceError(ServiceErrorKind.UnreadablePartial, problem!) : partial;
    }

    /// <summary>Reads a partial's file form from UTF-8 bytes, at most 16 MiB of them (<see cref="FromJson(string)"/>'s checks).</summary>
    /// <param name="utf8">The stream, read to its end or to the limit; the caller disposes it.</param>
    /// <returns>The partial, or a <see cref="ServiceError"/> (<see cref="ServiceErrorKind.UnreadablePartial"/>).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="utf8"/> is <see langword="null"/>.</exception>
    public static ServicePartialResult FromJson(Stream utf8)
    {
        Guard.Against.Null(utf8);
        return PartialEnvelope.ReadBounded(utf8) is { } text ? FromJson(text) : new ServiceError(ServiceErrorKind.UnreadablePartial, PartialEnvelope.TooLong);
    }

    /// <summary>Returns the partial's shape, never a label.</summary>
    /// <returns>Text such as <c>service partial: 1521 episodes from 3 site partial(s)</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "service partial: {0} episodes from {1} site partial(s)", Episodes, Sites);

    /// <summary>The settings a partial records: those its sums depend on; the rest are the defaults.</summary>
    internal static ServiceOptions Recorded(ServiceOptions options) => WithSettings(ServiceOptions.Default, options);

    /// <summary><paramref name="target"/> with the settings a partial records taken from <paramref name="settings"/>: the one list of them (<see cref="SameSettings"/> compares the same).</summary>
    internal static ServiceOptions WithSettings(ServiceOptions target, ServiceOptions settings) => target with
    {
        OutcomeInstrument = settings.OutcomeInstrument,
        AllianceInstrument = settings.AllianceInstrument,
        HigherIsBetter = settings.HigherIsBetter,
        ReliableChange = settings.ReliableChange,
        ClinicalCutoff = settings.ClinicalCutoff,
        CaseMix = settings.CaseMix,
        Policy = settings.Policy,
    };

    /// <summary>Whether any of the counts describes 1 to minimum − 1 people.</summary>
    private static bool Small(DisclosurePolicy policy, params int[] counts) => counts.Any(c => c > 0 && !policy.Allows(c));

    /// <summary>Whether a group's sums may leave the site: its episodes, and each count a sum is over (pre-post pairs, alliance ratings, episodes with the case mix), are none or at least the policy's minimum.</summary>
    private static bool Releasable(BenchmarkSums sums, DisclosurePolicy policy) =>
        policy.Allows(sums.Episodes) && (sums.Paired == 0 || policy.Allows(sums.Paired)) && (sums.Alliances == 0 || policy.Allows(sums.Alliances)) && (sums.Adjusted == 0 || policy.Allows(sums.Adjusted));

    private static bool SameSettings(ServiceOptions a, ServiceOptions b) =>
        string.Equals(a.OutcomeInstrument, b.OutcomeInstrument, StringComparison.Ordinal) && string.Equals(a.AllianceInstrument, b.AllianceInstrument, StringComparison.Ordinal)
        && a.HigherIsBetter == b.HigherIsBetter && a.ReliableChange.Equals(b.ReliableChange) && a.ClinicalCutoff.Equals(b.ClinicalCutoff)
        && a.CaseMix.SequenceEqual(b.CaseMix, StringComparer.Ordinal) && a.Policy.Equals(b.Policy);
}
