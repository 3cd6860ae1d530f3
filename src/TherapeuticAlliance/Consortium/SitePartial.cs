using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Schema;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Statistics;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Consortium;

/// <summary>
/// One site's mergeable statistics, in one versioned JSON document (<c>alliance-site-partial</c>, schema 1.0): the
/// sufficient statistics of each instrument's total and subscales (item responses, reverse-keyed items mirrored as
/// <see cref="Reliability.ForInstrument"/> does) and of its client–therapist totals, the score summaries, the caseload
/// norms' statistics, and notes of what was withheld. What <c>alliance stats --partial</c> writes and
/// <c>alliance merge</c> reads; a notebook or a service builds, merges and reads the same documents without the tool.
/// </summary>
/// <remarks>
/// <para>
/// A partial holds aggregates only: no row, identifier, date or free text of the site's. A scope with fewer complete
/// rows than the site's minimum is withheld and named in the notes, without its counts. Sufficient statistics' scopes
/// read <c>INSTRUMENT/total</c>, <c>INSTRUMENT/SUBSCALE</c> and <c>INSTRUMENT/client-therapist</c>.
/// </para>
/// <para>
/// Partials merge exactly (<see cref="Merge"/>): the merged statistics equal those of the pooled rows
/// (<see cref="SiteStatistics.FromData"/>) to floating-point rounding. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class SitePartial
{
    /// <summary>The document's kind: <c>alliance-site-partial</c>.</summary>
    public const string Kind = "alliance-site-partial";

    /// <summary>The document's schema version: <c>1.0</c>.</summary>
    public const string SchemaVersion = "1.0";

    /// <summary>The longest partial document read, in characters: 16 MiB (16,777,216). Every partial's reader refuses longer text, so read a file of at most this many bytes.</summary>
    public const int MaximumLength = PartialEnvelope.MaximumLength;

    /// <summary>The most notes a partial may hold: 1,000.</summary>
    public const int MaximumNotes = 1000;

    /// <summary>The longest note kept, in characters; a longer one is cut (an ellipsis marks the cut).</summary>
    public const int MaximumNoteLength = 399;

    private const string ClientTherapist = StatisticNames.ClientTherapistScope;
    private static readonly string[] PairColumns = { "client", "therapist" };

    private SitePartial(IEnumerable<SufficientStatistics> statistics, IEnumerable<BatchSummaryStatistics> scores, CaseloadNormStatistics norms, IEnumerable<string> notes, int sites, IEnumerable<CareGroupPartial>? therapists = null, int therapistsWithheld = 0)
    {
        Therapists = (therapists ?? Array.Empty<CareGroupPartial>()).ToImmutableArray();
        TherapistsWithheld = therapistsWithheld;
        Statistics = statistics.ToImmutableArray();
        Scores = scores.ToImmutableArray();
        Norms = norms;
        Notes = notes.ToImmutableArray();
        Sites = sites;
    }

    /// <summary>Gets the sufficient statistics, one per scope, in the order <c>alliance stats</c> prints them.</summary>
    public ImmutableArray<SufficientStatistics> Statistics { get; }

    /// <summary>Gets the score summaries, one per instrument.</summary>
    public ImmutableArray<BatchSummaryStatistics> Scores { get; }

    /// <summary>Gets the caseload norms' statistics.</summary>
    public CaseloadNormStatistics Norms { get; }

    /// <summary>Gets the notes: what was withheld or left out, and why (no counts of a withheld scope).</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>Gets the per-therapist outcome statistics (issue 28, part 5; the optional <c>therapists</c> array of the document): one entry per therapist with at least the site's minimum of clients, without identifiers; empty when the data named no therapist. A merged partial lists every site's, one after another.</summary>
    public ImmutableArray<CareGroupPartial> Therapists { get; }

    /// <summary>Gets how many therapists' caseloads, and instruments within a caseload, were withheld for having fewer clients than the site's minimum (summed over sites when merged).</summary>
    public int TherapistsWithheld { get; }

    /// <summary>Gets how many sites' partials this one merges (1 for a site's own).</summary>
    public int Sites { get; }

    /// <summary>Builds a site's partial.</summary>
    /// <param name="data">The site's data (<see cref="SiteData.FromScores(System.Collections.Generic.IEnumerable{System.ValueTuple{string, AllianceScore, Assessment}})"/>); its notes come first in the partial's.</param>
    /// <param name="strategy">The scoring strategy of the score summaries; one without a batch path gives none, and a note says so.</param>
    /// <param name="minimumRows">The site's minimum: a scope, score summary or norm group over fewer rows or episodes is withheld (at least 2 rows for a scope); 1 or more.</param>
    /// <returns>The partial.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="minimumRows"/> is less than 1.</exception>
    public static SitePartial Build(SiteData data, IScoringStrategy strategy, int minimumRows)
    {
        Guard.Against.Null(data);
        Guard.Against.Null(strategy);
        Guard.Against.NegativeOrZero(minimumRows);
        var statistics = new List<SufficientStatistics>();
        var scores = new List<BatchSummaryStatistics>();
        var notes = new List<string>(data.Notes);
        foreach (var (instrument, assessments) in data.Items)
        {
            ResponseMatrix matrix = ResponseMatrix.FromAssessments(instrument, assessments);
            // Reverse-keyed items mirrored (min + max − x) by the rule Reliability.ForInstrument uses.
            double mirror = (double)instrument.Scale.Minimum + (double)instrument.Scale.Maximum;
            Add(instrument.Id + "/total", matrix, instrument.Reversed.ToArray(), mirror);
            foreach (var unit in instrument.SubscaleUnits)
            {
                if (unit.ItemIndices.Length < 2)
                {
                    // As 'stats' says it: alpha needs two items, so a one-item subscale has no scope.
                    notes.Add(string.Format(CultureInfo.InvariantCulture, "{0} {1}: The data has {2} item(s); at least 2 are needed.", instrument.Id, unit.Dimension!.Id, unit.ItemIndices.Length));
                    continue;
                }

                Add(instrument.Id + "/" + unit.Dimension!.Id, matrix.SelectColumns(unit.ItemIndices), unit.ItemIndices.Select(i => instrument.Reversed[i]).ToArray(), mirror);
            }

            if (strategy is IBatchScoringStrategy batch)
            {
                batch.ScoreBatch(instrument, matrix).Switch(
                    result => BatchSummaryStatistics.FromScores(result, instrument, minimumRows).Switch(scores.Add, _ => notes.Add($"{instrument.Id} scores withheld: fewer rows, or fewer scored rows in the total or a subscale, than the site's minimum.")),
                    problem => notes.Add($"{instrument.Id} scores: {problem.Message}"));
            }
            else
            {
                notes.Add($"{instrument.Id} scores: the scoring strategy has no batch path, so no score summary is given.");
            }
        }

        foreach (var (instrument, list) in data.Pairs)
        {
            var values = new double[list.Length * 2];
            for (int i = 0; i < list.Length; i++)
            {
                values[2 * i] = (double)list[i].Client.Value;
                values[(2 * i) + 1] = (double)list[i].Therapist.Value;
            }

            Add(instrument + "/" + ClientTherapist, ResponseMatrix.FromRowMajor(values, list.Length, 2, PairColumns), null, 0.0);
        }

        CaseloadNormStatistics norms = CaseloadNormStatistics.FromCaseload(data.Episodes, minimumRows);
        if (norms.WithheldGroups > 0)
        {
            notes.Add(string.Format(CultureInfo.InvariantCulture, "{0} norm group(s) (instrument, perspective and metric) withheld: fewer than {1} episodes.", norms.WithheldGroups, minimumRows));
        }

        // The therapists withheld are counted in the document (therapistsWithheld), not in the notes: the notes are the
        // statistics' own and print with them, as 'stats' on the pooled rows prints them.
        (List<CareGroupPartial> therapists, int withheld) = TherapistGroups(data, minimumRows);
        return new SitePartial(statistics, scores, norms, notes, 1, therapists, withheld);

        // A withheld scope's note says why without its counts: a small count is itself what small-cell rules hide.
        void Add(string scope, ResponseMatrix data, bool[]? reversed, double mirror) =>
            SufficientStatistics.FromMirroredMatrix(data, scope, Math.Max(2, minimumRows), reversed, mirror).Switch(statistics.Add, problem => notes.Add(problem.Kind == StatisticsErrorKind.TooFewRows
                ? $"{scope} withheld: fewer complete rows than the site's minimum."
                : $"{scope} withheld: {problem.Message}"));
    }

    /// <summary>The per-therapist intake and final outcome statistics of the site's episodes (clients with two or more outcome scores), each caseload of at least <paramref name="minimumRows"/> clients; the rest counted.</summary>
    private static (List<CareGroupPartial> Groups, int Withheld) TherapistGroups(SiteData data, int minimumRows)
    {
        var groups = new List<CareGroupPartial>();
        int withheld = 0;
        Episode[] keyed = data.Episodes.Where(e => e.CurrentKey(CareKeyKind.Therapist) is not null).ToArray();
        if (keyed.Length == 0)
        {
            return (groups, withheld);
        }

        // A client belongs to the therapist of its latest session over all its episodes, as triage finds it.
        var latest = keyed.GroupBy(e => e.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Scores[e.Count - 1].Occasion.SessionNumber).First().CurrentKey(CareKeyKind.Therapist)!, StringComparer.Ordinal);
        foreach (var caseload in latest.GroupBy(c => c.Value, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            int clients = caseload.Count();
            if (clients < minimumRows)
            {
                withheld++;
                continue;
            }

            var members = new HashSet<string>(caseload.Select(c => c.Key), StringComparer.Ordinal);
            var statistics = new List<SufficientStatistics>();
            foreach (var instrument in data.Episodes
                .Where(e => e.Measure == MeasureKind.Outcome && e.Perspective == Perspective.Client && e.Count >= 2 && members.Contains(e.Id))
                .GroupBy(e => e.InstrumentId, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                // One row per client: its own (client-rated) first and last score, so the minimum counts people.
                double[] values = instrument.SelectMany(e => new[] { (double)e.Scores[0].Value, (double)e.Scores[e.Count - 1].Value }).ToArray();
                SufficientStatistics.FromMatrix(ResponseMatrix.FromRowMajor(values, values.Length / 2, 2, IntakeFinalColumns), instrument.Key + "/" + CareGroupPartial.IntakeFinalScope, Math.Max(2, minimumRows))
                    .Switch(statistics.Add, _ => withheld++);
            }

            groups.Add(new CareGroupPartial(clients, statistics));
        }

        return (groups, withheld);
    }

    private static readonly string[] IntakeFinalColumns = { "intake", "final" };

    /// <summary>Merges sites' partials scope by scope; a scope some sites withheld is merged from the others and said so.</summary>
    /// <param name="sites">The partials, one or more.</param>
    /// <returns>The merged partial (its <see cref="Sites"/> the sum), or an <see cref="InvalidPartial"/> naming the scope whose partials do not merge (another instrument version, strategy or missing-data rule, or counts past 2^53).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="sites"/> is or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="sites"/> is empty.</exception>
    public static PartialResult<SitePartial> Merge(IEnumerable<SitePartial> sites)
    {
        Guard.Against.Null(sites);
        List<SitePartial> partials = sites.Select(p => p ?? throw new ArgumentNullException(nameof(sites))).ToList();
        if (partials.Count == 0)
        {
            throw new ArgumentException("Give one or more partials.", nameof(sites));
        }

        var statistics = new List<SufficientStatistics>();
        var notes = partials.SelectMany(p => p.Notes).Distinct(StringComparer.Ordinal).ToList();
        int siteCount = partials.Sum(p => p.Sites);
        // Scopes in the order every site lists them (total, subscales in instrument order, client-therapist), also when
        // the first site withheld some: each site's order is merged in, a scope it lacks keeping its place.
        var order = new List<string>();
        foreach (SitePartial partial in partials)
        {
            int at = 0;
            foreach (string scope in partial.Statistics.Select(x => x.Scope))
            {
                int known = order.IndexOf(scope);
                if (known >= 0)
                {
                    at = known + 1;
                }
                else
                {
                    order.Insert(at++, scope);
                }
            }
        }

        foreach (var group in partials.SelectMany(p => p.Statistics).GroupBy(s => s.Scope, StringComparer.Ordinal).OrderBy(g => order.IndexOf(g.Key)))
        {
            PartialResult<SufficientStatistics> merged = SufficientStatistics.Merge(group);
            if (merged.IsT1)
            {
                return new InvalidPartial($"{group.Key}: {merged.AsT1.Message}");
            }

            statistics.Add(merged.AsT0);
            if (group.Count() < siteCount)
            {
                notes.Add(string.Format(CultureInfo.InvariantCulture, "{0}: from {1} of {2} sites (the others withheld it).", group.Key, group.Count(), siteCount));
            }
        }

        var scores = new List<BatchSummaryStatistics>();
        foreach (var group in partials.SelectMany(p => p.Scores).GroupBy(s => s.InstrumentId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            PartialResult<BatchSummaryStatistics> merged = BatchSummaryStatistics.Merge(group);
            if (merged.IsT1)
            {
                return new InvalidPartial($"{group.Key} scores: {merged.AsT1.Message}");
            }

            scores.Add(merged.AsT0);
        }

        PartialResult<CaseloadNormStatistics> norms = CaseloadNormStatistics.Merge(partials.Select(p => p.Norms));
        if (norms.IsT1)
        {
            return new InvalidPartial("norms: " + norms.AsT1.Message);
        }

        // Therapists are never merged across sites: each site's caseloads are listed one after another, within the
        // document's bounds (so the merged partial reads back).
        long therapistGroups = partials.Sum(p => (long)p.Therapists.Length);
        long therapistsWithheld = partials.Sum(p => (long)p.TherapistsWithheld);
        if (therapistGroups > CareGroupPartial.MaximumGroups || therapistsWithheld > int.MaxValue)
        {
            return new InvalidPartial(string.Format(CultureInfo.InvariantCulture, "The partials list more than {0} therapists (or withheld counts past 2^31) between them; merge fewer sites at once.", CareGroupPartial.MaximumGroups));
        }

        return new SitePartial(statistics, scores, norms.AsT0, notes, siteCount, partials.SelectMany(p => p.Therapists), (int)therapistsWithheld);
    }

    /// <summary>Returns the statistics of this partial's data (a merged partial's: the pooled data's), as <see cref="SiteStatistics.FromData"/> gives them on the rows.</summary>
    /// <returns>The statistics, with this partial's notes first and then what could not be computed.</returns>
    public SiteStatistics ToStatistics()
    {
        var lines = new List<SiteStatistic>();
        var notes = new List<string>(Notes);

        // By instrument, as 'stats' prints them: its total, its subscales in instrument order, then client-therapist.
        foreach (SufficientStatistics partial in Statistics.OrderBy(s => s.Scope.Substring(0, s.Scope.IndexOf('/')), StringComparer.Ordinal))
        {
            int slash = partial.Scope.IndexOf('/');
            string instrument = partial.Scope.Substring(0, slash);
            string scope = partial.Scope.Substring(slash + 1);
            if (scope == ClientTherapist)
            {
                partial.IntraclassCorrelations().Switch(
                    icc =>
                    {
                        lines.Add(new(instrument, scope, StatisticNames.Icc2, icc[IccForm.Icc2].Value, partial.Count));
                        lines.Add(new(instrument, scope, StatisticNames.Icc3, icc[IccForm.Icc3].Value, partial.Count));
                    },
                    problem => notes.Add($"{instrument} client-therapist ICC: {problem.Message}"));
                partial.Pearson().Switch(r => lines.Add(new(instrument, scope, StatisticNames.PearsonR, r, partial.Count)), problem => notes.Add($"{instrument} correlation: {problem.Message}"));
                partial.BlandAltman().Switch(ba => lines.Add(new(instrument, scope, StatisticNames.Bias, ba.Bias, partial.Count)), problem => notes.Add($"{instrument} client-therapist: {problem.Message}"));
            }
            else
            {
                partial.CronbachAlpha().Switch(
                    a =>
                    {
                        lines.Add(new(instrument, scope, StatisticNames.RawAlpha, a.Alpha, a.RowsUsed));
                        lines.Add(new(instrument, scope, StatisticNames.StandardizedAlpha, a.StandardizedAlpha, a.RowsUsed));
                    },
                    problem => notes.Add($"{instrument} {scope}: {problem.Message}"));
            }
        }

        lines.AddRange(SiteStatistics.ScoreAndNormLines(Scores, Norms.ToReferenceNorms()));
        return new SiteStatistics(lines, notes);
    }

    /// <summary>Returns this partial with notes put before its own (what the caller left out, such as rows it rejected); each note cleaned and cut as <see cref="FromJson(string)"/> does.</summary>
    /// <param name="notes">The notes.</param>
    /// <returns>The partial with the notes.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="notes"/> is or contains <see langword="null"/>.</exception>
    public SitePartial WithLeadingNotes(IEnumerable<string> notes)
    {
        Guard.Against.Null(notes);
        return new SitePartial(Statistics, Scores, Norms, notes.Select(n => Clean(n ?? throw new ArgumentNullException(nameof(notes)))).Concat(Notes), Sites, Therapists, TherapistsWithheld);
    }

    /// <summary>Returns a summary without values: scopes, score summaries, norm groups and sites.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} scope(s), {1} score summary(ies), {2} norm group(s), {3} therapist group(s) from {4} site(s)", Statistics.Length, Scores.Length, Norms.GroupCount, Therapists.Length, Sites);

    /// <summary>Writes the partial as its versioned JSON document (indented, UTF-8 text).</summary>
    /// <returns>The JSON.</returns>
    public string ToJson()
    {
        return PartialEnvelope.Write(Kind, SchemaVersion, json =>
        {
            json.WriteStartArray("statistics");
            foreach (SufficientStatistics statistics in Statistics)
            {
                Embed(json, statistics.ToJson());
            }

            json.WriteEndArray();
            json.WriteStartArray("scores");
            foreach (BatchSummaryStatistics scores in Scores)
            {
                Embed(json, scores.ToJson());
            }

            json.WriteEndArray();
            json.WritePropertyName("norms");
            Embed(json, Norms.ToJson());
            json.WriteStartArray("notes");
            foreach (string note in Notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
            if (!Therapists.IsEmpty || TherapistsWithheld > 0)
            {
                // Optional since issue 28 (schema 1.0 stays: readers before it ignore the arrays they do not know).
                json.WriteStartArray("therapists");
                foreach (CareGroupPartial therapist in Therapists)
                {
                    json.WriteStartObject();
                    json.WriteNumber("clients", therapist.Clients);
                    json.WriteStartArray("statistics");
                    foreach (SufficientStatistics statistics in therapist.Statistics)
                    {
                        Embed(json, statistics.ToJson());
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteNumber("therapistsWithheld", TherapistsWithheld);
            }
        });
    }

    /// <summary>Reads a partial's JSON document.</summary>
    /// <param name="text">The JSON.</param>
    /// <returns>The partial, or an <see cref="InvalidPartial"/> that names the part at fault, never a value: more than 16 MiB of text, not JSON, nesting deeper than 16 levels, another kind or schema version, a field given twice, a missing part, a malformed statistics, scores or norms entry, a scope twice, more than <see cref="MaximumNotes"/> notes. Notes are cleaned of control characters and cut to <see cref="MaximumNoteLength"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="text"/> is <see langword="null"/>.</exception>
    public static PartialResult<SitePartial> FromJson(string text)
    {
        Guard.Against.Null(text);
        using JsonDocument? document = PartialEnvelope.Open(text, Kind, SchemaVersion, 16, out string? problem);
        if (document is null)
        {
            return new InvalidPartial(problem!);
        }

        try
        {
            JsonElement root = document.RootElement;
            var statistics = new List<SufficientStatistics>();
            var scores = new List<BatchSummaryStatistics>();
            if (!root.TryGetProperty("statistics", out JsonElement statisticsElement) || statisticsElement.ValueKind != JsonValueKind.Array
                || !root.TryGetProperty("scores", out JsonElement scoresElement) || scoresElement.ValueKind != JsonValueKind.Array
                || !root.TryGetProperty("norms", out JsonElement normsElement)
                || !root.TryGetProperty("notes", out JsonElement notesElement) || notesElement.ValueKind != JsonValueKind.Array || notesElement.EnumerateArray().Any(n => n.ValueKind != JsonValueKind.String))
            {
                return new InvalidPartial("The partial needs the arrays statistics, scores and notes and the object norms.");
            }

            int index = 0;
            foreach (JsonElement element in statisticsElement.EnumerateArray())
            {
                index++;
                PartialResult<SufficientStatistics> read = SufficientStatistics.FromJson(element.GetRawText());
                if (read.IsT1)
                {
                    return new InvalidPartial(string.Format(CultureInfo.InvariantCulture, "statistics entry {0}: {1}", index, read.AsT1.Message));
                }

                if (read.AsT0.Scope.IndexOf('/') is < 1 || read.AsT0.Scope[read.AsT0.Scope.Length - 1] == '/')
                {
                    return new InvalidPartial(string.Format(CultureInfo.InvariantCulture, "statistics entry {0}: its scope is not INSTRUMENT/PART (such as wai-sr/total).", index));
                }

                statistics.Add(read.AsT0);
            }

            index = 0;
            foreach (JsonElement element in scoresElement.EnumerateArray())
            {
                index++;
                PartialResult<BatchSummaryStatistics> read = BatchSummaryStatistics.FromJson(element.GetRawText());
                if (read.IsT1)
                {
                    return new InvalidPartial(string.Format(CultureInfo.InvariantCulture, "scores entry {0}: {1}", index, read.AsT1.Message));
                }

                scores.Add(read.AsT0);
            }

            PartialResult<CaseloadNormStatistics> norms = CaseloadNormStatistics.FromJson(normsElement.GetRawText());
            if (norms.IsT1)
            {
                return new InvalidPartial("norms: " + norms.AsT1.Message);
            }

            if (statistics.GroupBy(s => s.Scope, StringComparer.Ordinal).Any(g => g.Count() > 1) || scores.GroupBy(s => s.InstrumentId, StringComparer.Ordinal).Any(g => g.Count() > 1))
            {
                return new InvalidPartial("The partial gives a scope twice; a site's partial holds each scope once.");
            }

            // Notes are the CLI's own sentences, but a file can hold anything: control characters are removed, each note
            // is cut to a line's length and at most MaxNotes are kept, so a partial cannot smuggle text into the output.
            if (notesElement.GetArrayLength() > MaximumNotes)
            {
                return new InvalidPartial(string.Format(CultureInfo.InvariantCulture, "The partial has more than {0} notes; a site's partial has a few.", MaximumNotes));
            }

            PartialResult<(List<CareGroupPartial> Groups, int Withheld)> therapists = ReadTherapists(root);
            if (therapists.IsT1)
            {
                return therapists.AsT1;
            }

            return new SitePartial(statistics, scores, norms.AsT0, notesElement.EnumerateArray().Select(n => Clean(n.GetString()!)).ToList(), 1, therapists.AsT0.Groups, therapists.AsT0.Withheld);
        }
        catch (JsonException)
        {
            return new InvalidPartial("The partial is not valid JSON.");
        }
    }

    /// <summary>Reads a partial's JSON document from UTF-8 bytes (a file), reading at most <see cref="MaximumLength"/> bytes and one more: a longer stream is refused without reading the rest.</summary>
    /// <param name="utf8">The stream, read from its position; not closed.</param>
    /// <returns>The partial, or an <see cref="InvalidPartial"/> as <see cref="FromJson(string)"/> gives it.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="utf8"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">Thrown when the stream cannot be read.</exception>
    public static PartialResult<SitePartial> FromJson(Stream utf8)
    {
        Guard.Against.Null(utf8);
        return PartialEnvelope.ReadBounded(utf8) is { } text ? FromJson(text) : new InvalidPartial(PartialEnvelope.TooLong);
    }

    /// <summary>Reads the optional therapists array and its withheld count: each entry a positive client count and outcome statistics of scope <c>INSTRUMENT/intake-final</c> over at most that many clients.</summary>
    private static PartialResult<(List<CareGroupPartial> Groups, int Withheld)> ReadTherapists(JsonElement root)
    {
        var groups = new List<CareGroupPartial>();
        bool hasArray = root.TryGetProperty("therapists", out JsonElement array);
        bool hasWithheld = root.TryGetProperty("therapistsWithheld", out JsonElement withheldElement);
        if (!hasArray && !hasWithheld)
        {
            return (groups, 0);
        }

        if (!hasArray || array.ValueKind != JsonValueKind.Array || !hasWithheld || !withheldElement.TryGetInt32(out int withheld) || withheld < 0)
        {
            return new InvalidPartial("The partial's therapists need the array therapists and the count therapistsWithheld (0 or more).");
        }

        if (array.GetArrayLength() > CareGroupPartial.MaximumGroups)
        {
            return new InvalidPartial(string.Format(CultureInfo.InvariantCulture, "The partial lists more than {0} therapists.", CareGroupPartial.MaximumGroups));
        }

        int index = 0;
        foreach (JsonElement entry in array.EnumerateArray())
        {
            index++;
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("clients", out JsonElement clientsElement) || !clientsElement.TryGetInt32(out int clients) || clients < 1
                || !entry.TryGetProperty("statistics", out JsonElement statisticsElement) || statisticsElement.ValueKind != JsonValueKind.Array)
            {
                return new InvalidPartial(string.Format(CultureInfo.InvariantCulture, "therapists entry {0}: it needs a client count of 1 or more and an array of statistics.", index));
            }

            var statistics = new List<SufficientStatistics>();
            foreach (JsonElement element in statisticsElement.EnumerateArray())
            {
                PartialResult<SufficientStatistics> read = SufficientStatistics.FromJson(element.GetRawText());
                if (read.IsT1)
                {
                    return new InvalidPartial(string.Format(CultureInfo.InvariantCulture, "therapists entry {0}: {1}", index, read.AsT1.Message));
                }

                SufficientStatistics one = read.AsT0;
                if (!one.Scope.EndsWith("/" + CareGroupPartial.IntakeFinalScope, StringComparison.Ordinal) || one.Scope.Length == CareGroupPartial.IntakeFinalScope.Length + 1
                    || one.Columns.Length != 2 || one.Count > clients || statistics.Any(s => s.Scope == one.Scope))
                {
                    return new InvalidPartial(string.Format(CultureInfo.InvariantCulture, "therapists entry {0}: each statistics entry is one instrument's INSTRUMENT/intake-final, two columns, over at most the caseload's clients.", index));
                }

                statistics.Add(one);
            }

            groups.Add(new CareGroupPartial(clients, statistics));
        }

        return (groups, withheld);
    }

    /// <summary>A note as it may be printed: the library's one cleaning rule, cut to <see cref="MaximumNoteLength"/>.</summary>
    private static string Clean(string note) => SafeText.Clean(note, MaximumNoteLength);

    /// <summary>Writes a partial's own JSON as a value of this document, indented with it.</summary>
    private static void Embed(Utf8JsonWriter json, string value)
    {
        using JsonDocument document = JsonDocument.Parse(value);
        document.WriteTo(json);
    }
}

