using System.Globalization;
using System.Text;
using System.Text.Json;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Statistics;
using TherapeuticAlliance.Trends;
using TherapeuticAlliance.Schema;

namespace TherapeuticAlliance.Cli;

/// <summary>
/// What 'alliance stats --partial' writes and 'alliance merge' reads: one site's mergeable statistics, built from the
/// library's partials (no row, identifier, date or free text), in one versioned JSON document.
/// </summary>
/// <remarks>
/// Scopes of the sufficient statistics: <c>INSTRUMENT/total</c> and <c>INSTRUMENT/SUBSCALE</c> (item responses, reverse-keyed
/// items mirrored as <c>Reliability.ForInstrument</c> does) and <c>INSTRUMENT/client-therapist</c> (the totals of
/// administrations both rated). A scope the site has too few complete rows for is withheld and named in the notes.
/// </remarks>
internal sealed class SitePartial
{
    internal const string Kind = "alliance-site-partial";
    internal const string SchemaVersion = "1.0";
    private const string ClientTherapist = StatisticNames.ClientTherapistScope;
    private const int MaxNotes = 1000;
    private static readonly string[] PairColumns = { "client", "therapist" };

    private SitePartial(List<SufficientStatistics> statistics, List<BatchSummaryStatistics> scores, CaseloadNormStatistics norms, List<string> notes, int sites)
    {
        Statistics = statistics;
        Scores = scores;
        Norms = norms;
        Notes = notes;
        Sites = sites;
    }

    internal List<SufficientStatistics> Statistics { get; }

    internal List<BatchSummaryStatistics> Scores { get; }

    internal CaseloadNormStatistics Norms { get; }

    internal List<string> Notes { get; }

    internal int Sites { get; }

    /// <summary>Builds a site's partial; <paramref name="minimumRows"/> applies to every scope and batch, and to the episodes of a norm group.</summary>
    internal static SitePartial Build(
        IEnumerable<(Instrument Instrument, List<Assessment> Assessments)> items,
        IEnumerable<(string Instrument, List<(double Client, double Therapist)> Pairs)> pairs,
        IReadOnlyList<Episode> episodes,
        IScoringStrategy strategy,
        int minimumRows)
    {
        var statistics = new List<SufficientStatistics>();
        var scores = new List<BatchSummaryStatistics>();
        var notes = new List<string>();
        foreach (var (instrument, assessments) in items.OrderBy(i => i.Instrument.Id, StringComparer.Ordinal))
        {
            ResponseMatrix matrix = ResponseMatrix.FromAssessments(instrument, assessments);
            double mirror = (double)instrument.Scale.Minimum + (double)instrument.Scale.Maximum;
            Add(instrument.Id + "/total", Mirrored(matrix, Enumerable.Range(0, instrument.Items.Length).ToArray(), instrument, mirror));
            foreach (var unit in instrument.SubscaleUnits)
            {
                if (unit.ItemIndices.Length < 2)
                {
                    // As 'stats' says it: alpha needs two items, so a one-item subscale has no scope.
                    notes.Add(string.Format(CultureInfo.InvariantCulture, "{0} {1}: The data has {2} item(s); at least 2 are needed.", instrument.Id, unit.Dimension!.Id, unit.ItemIndices.Length));
                    continue;
                }

                Add(instrument.Id + "/" + unit.Dimension!.Id, Mirrored(matrix, unit.ItemIndices.ToArray(), instrument, mirror));
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

        foreach (var (instrument, list) in pairs.OrderBy(p => p.Instrument, StringComparer.Ordinal))
        {
            var values = new double[list.Count * 2];
            for (int i = 0; i < list.Count; i++)
            {
                values[2 * i] = list[i].Client;
                values[(2 * i) + 1] = list[i].Therapist;
            }

            Add(instrument + "/" + ClientTherapist, ResponseMatrix.FromRowMajor(values, list.Count, 2, PairColumns));
        }

        CaseloadNormStatistics norms = CaseloadNormStatistics.FromCaseload(episodes, minimumRows);
        if (norms.WithheldGroups > 0)
        {
            notes.Add(string.Format(CultureInfo.InvariantCulture, "{0} norm group(s) (instrument, perspective and metric) withheld: fewer than {1} episodes.", norms.WithheldGroups, minimumRows));
        }

        return new SitePartial(statistics, scores, norms, notes, 1);

        // A withheld scope's note says why without its counts: a small count is itself what small-cell rules hide.
        void Add(string scope, ResponseMatrix data) =>
            SufficientStatistics.FromMatrix(data, scope, Math.Max(2, minimumRows)).Switch(statistics.Add, problem => notes.Add(problem.Kind == StatisticsErrorKind.TooFewRows
                ? $"{scope} withheld: fewer complete rows than the site's minimum."
                : $"{scope} withheld: {problem.Message}"));
    }

    /// <summary>Merges sites' partials scope by scope; a scope some sites withheld is merged from the others and said so.</summary>
    internal static SitePartial Merge(IReadOnlyList<SitePartial> partials, out string? error)
    {
        error = null;
        var statistics = new List<SufficientStatistics>();
        var notes = partials.SelectMany(p => p.Notes).Distinct(StringComparer.Ordinal).ToList();
        int sites = partials.Sum(p => p.Sites);
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
            StatisticsResult<SufficientStatistics> merged = SufficientStatistics.Merge(group);
            if (merged.IsT1)
            {
                error = $"{group.Key}: {merged.AsT1.Message}";
                return partials[0];
            }

            statistics.Add(merged.AsT0);
            if (group.Count() < sites)
            {
                notes.Add(string.Format(CultureInfo.InvariantCulture, "{0}: from {1} of {2} sites (the others withheld it).", group.Key, group.Count(), sites));
            }
        }

        var scores = new List<BatchSummaryStatistics>();
        foreach (var group in partials.SelectMany(p => p.Scores).GroupBy(s => s.InstrumentId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            PartialResult<BatchSummaryStatistics> merged = BatchSummaryStatistics.Merge(group);
            if (merged.IsT1)
            {
                error = $"{group.Key} scores: {merged.AsT1.Message}";
                return partials[0];
            }

            scores.Add(merged.AsT0);
        }

        PartialResult<CaseloadNormStatistics> norms = CaseloadNormStatistics.Merge(partials.Select(p => p.Norms));
        if (norms.IsT1)
        {
            error = "norms: " + norms.AsT1.Message;
            return partials[0];
        }

        return new SitePartial(statistics, scores, norms.AsT0, notes, sites);
    }

    /// <summary>The statistic lines 'alliance stats' prints, from these partials; notes for what could not be computed.</summary>
    internal List<StatisticLine> Lines(List<string> notes)
    {
        var lines = new List<StatisticLine>();

        // By instrument, as 'stats' prints them: its total, its subscales in instrument order, then client-therapist.
        foreach (SufficientStatistics partial in Statistics.OrderBy(s => s.Scope[..s.Scope.IndexOf('/', StringComparison.Ordinal)], StringComparer.Ordinal))
        {
            int slash = partial.Scope.IndexOf('/', StringComparison.Ordinal);
            string instrument = partial.Scope[..slash];
            string scope = partial.Scope[(slash + 1)..];
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

        return lines.Concat(ScoreAndNormLines(Scores, Norms.ToReferenceNorms())).ToList();
    }

    /// <summary>The score summaries' and caseload norms' lines, shared by 'stats' and 'merge'.</summary>
    internal static IEnumerable<StatisticLine> ScoreAndNormLines(IEnumerable<BatchSummaryStatistics> scores, ReferenceNorms norms)
    {
        foreach (BatchSummaryStatistics summary in scores)
        {
            for (int c = 0; c < summary.Columns.Length; c++)
            {
                string scope = StatisticNames.ScoresScopePrefix + summary.Columns[c];
                yield return new(summary.InstrumentId, scope, StatisticNames.Mean, summary.Mean(c), summary.ScoredCount(c));
                yield return new(summary.InstrumentId, scope, StatisticNames.StandardDeviation, summary.StandardDeviation(c), summary.ScoredCount(c));
            }
        }

        foreach (var (key, norm) in norms.CaseloadNorms.OrderBy(n => n.Key.InstrumentId, StringComparer.Ordinal).ThenBy(n => n.Key.Perspective).ThenBy(n => n.Key.Metric))
        {
            string scope = StatisticNames.NormScope(key.Perspective, key.Metric);
            yield return new(key.InstrumentId, scope, StatisticNames.Mean, norm.Mean, norm.SampleSize);
            yield return new(key.InstrumentId, scope, StatisticNames.StandardDeviation, norm.StandardDeviation, norm.SampleSize);
            yield return new(key.InstrumentId, scope, StatisticNames.BaselineStandardDeviation, norm.BaselineStandardDeviation ?? double.NaN, norm.SampleSize);
            yield return new(key.InstrumentId, scope, StatisticNames.ChangeStandardDeviation, norm.ChangeStandardDeviation ?? double.NaN, norm.SampleSize);
        }
    }

    internal string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("kind", Kind);
            json.WriteString("schemaVersion", SchemaVersion);
            json.WriteStartArray("statistics");
            Statistics.ForEach(s => Embed(json, s.ToJson()));
            json.WriteEndArray();
            json.WriteStartArray("scores");
            Scores.ForEach(s => Embed(json, s.ToJson()));
            json.WriteEndArray();
            json.WritePropertyName("norms");
            Embed(json, Norms.ToJson());
            json.WriteStartArray("notes");
            Notes.ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a partial; a problem is returned as a message that names the part, never a value.</summary>
    internal static SitePartial? FromJson(string text, out string? error)
    {
        error = null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("kind", out JsonElement kind) || kind.ValueKind != JsonValueKind.String || kind.GetString() != Kind)
            {
                error = "it is not a site partial written by 'alliance stats --partial' (its kind is not alliance-site-partial).";
                return null;
            }

            if (!root.TryGetProperty("schemaVersion", out JsonElement version) || version.ValueKind != JsonValueKind.String || version.GetString() != SchemaVersion)
            {
                error = "its schema version is not 1.0: merge it with the alliance version that wrote it, or recompute it with this one.";
                return null;
            }

            if (root.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal).Any(g => g.Count() > 1))
            {
                error = "it gives a field twice; a partial names each field once.";
                return null;
            }

            var statistics = new List<SufficientStatistics>();
            var scores = new List<BatchSummaryStatistics>();
            if (!root.TryGetProperty("statistics", out JsonElement statisticsElement) || statisticsElement.ValueKind != JsonValueKind.Array
                || !root.TryGetProperty("scores", out JsonElement scoresElement) || scoresElement.ValueKind != JsonValueKind.Array
                || !root.TryGetProperty("norms", out JsonElement normsElement)
                || !root.TryGetProperty("notes", out JsonElement notesElement) || notesElement.ValueKind != JsonValueKind.Array || notesElement.EnumerateArray().Any(n => n.ValueKind != JsonValueKind.String))
            {
                error = "it needs the arrays statistics, scores and notes and the object norms.";
                return null;
            }

            int index = 0;
            foreach (JsonElement element in statisticsElement.EnumerateArray())
            {
                index++;
                StatisticsResult<SufficientStatistics> read = SufficientStatistics.FromJson(element.GetRawText());
                if (read.IsT1)
                {
                    error = string.Format(CultureInfo.InvariantCulture, "statistics entry {0}: {1}", index, read.AsT1.Message);
                    return null;
                }

                if (read.AsT0.Scope.IndexOf('/', StringComparison.Ordinal) is < 1 || read.AsT0.Scope.EndsWith('/'))
                {
                    error = string.Format(CultureInfo.InvariantCulture, "statistics entry {0}: its scope is not INSTRUMENT/PART (such as wai-sr/total).", index);
                    return null;
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
                    error = string.Format(CultureInfo.InvariantCulture, "scores entry {0}: {1}", index, read.AsT1.Message);
                    return null;
                }

                scores.Add(read.AsT0);
            }

            PartialResult<CaseloadNormStatistics> norms = CaseloadNormStatistics.FromJson(normsElement.GetRawText());
            if (norms.IsT1)
            {
                error = "norms: " + norms.AsT1.Message;
                return null;
            }

            if (statistics.GroupBy(s => s.Scope, StringComparer.Ordinal).Any(g => g.Count() > 1) || scores.GroupBy(s => s.InstrumentId, StringComparer.Ordinal).Any(g => g.Count() > 1))
            {
                error = "it gives a scope twice; a site's partial holds each scope once.";
                return null;
            }

            // Notes are the CLI's own sentences, but a file can hold anything: control characters are removed, each note
            // is cut to a line's length and at most MaxNotes are kept, so a partial cannot smuggle text into the output.
            if (notesElement.GetArrayLength() > MaxNotes)
            {
                error = string.Format(CultureInfo.InvariantCulture, "it has more than {0} notes; a site's partial has a few.", MaxNotes);
                return null;
            }

            return new SitePartial(statistics, scores, norms.AsT0, notesElement.EnumerateArray().Select(n => Clean(n.GetString()!)).ToList(), 1);
        }
        catch (JsonException)
        {
            error = "it is not valid JSON.";
            return null;
        }
    }

    /// <summary>A note as it may be printed: the CLI's message cleaning, at most one problem line's length.</summary>
    private static string Clean(string note) => AdministrationReader.SafeText(note, InputProblem.MaxMessageLength - 1);

    /// <summary>Writes a partial's own JSON as a value of this document, indented with it.</summary>
    private static void Embed(Utf8JsonWriter json, string value)
    {
        using JsonDocument document = JsonDocument.Parse(value);
        document.WriteTo(json);
    }

    /// <summary>The columns of a scope, reverse-keyed items mirrored (min + max − x), as Reliability.ForInstrument analyses them.</summary>
    private static ResponseMatrix Mirrored(ResponseMatrix matrix, int[] columns, Instrument instrument, double mirror)
    {
        int rows = matrix.RowCount;
        var values = new double[rows * columns.Length];
        for (int c = 0; c < columns.Length; c++)
        {
            ReadOnlySpan<double> column = matrix.GetColumn(columns[c]);
            bool reversed = instrument.Items[columns[c]].IsReversed;
            for (int r = 0; r < rows; r++)
            {
                values[(c * rows) + r] = reversed ? mirror - column[r] : column[r];
            }
        }

        return ResponseMatrix.FromColumnMajor(values, rows, columns.Length, columns.Select(c => matrix.ColumnNames[c]));
    }
}

/// <summary>One line of 'alliance stats': a statistic of an instrument's scope, with the number of rows it rests on.</summary>
internal sealed record StatisticLine(string Instrument, string Scope, string Statistic, double Value, long N);
