using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using TherapeuticAlliance.ExpectedResponse;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Statistics;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Columnar;
using TherapeuticAlliance.Tables;
using TherapeuticAlliance.Trends;
using TherapeuticAlliance.Linkage;
using TherapeuticAlliance.Schema;
using TherapeuticAlliance.Consortium;
using TherapeuticAlliance.Multilevel;
using TherapeuticAlliance.Service;

namespace TherapeuticAlliance.Cli;

/// <summary>The care-key options of triage, report and stats: filters, grouping and the disclosure policy.</summary>
internal sealed record CareView(string? Therapist, string? Site, CareKeyKind? By, DisclosurePolicy Policy);

internal static class Commands
{
    internal static int Score(CliSettings settings, string? outputFile, string format, TextWriter output, TextWriter error)
    {
        var pipeline = new Pipeline(settings, error);
        using (Target target = Target.Open(outputFile, output, buffered: true, binary: format == "parquet"))
        {
            WriteRows(target, format, RowSchemas.Scores, pipeline.Scored().SelectMany(s => Tidy.ScoreRows(s.Administration.Episode, s.Score, s.Administration.Keys)));
            target.CommitIf(pipeline.Succeeded);
        }

        pipeline.Summary();
        return pipeline.ExitCode;
    }

    internal static int Analyze(CliSettings settings, EpisodeAnalyzer analyzer, NormRequest? norms, string? outputFile, string format, TextWriter output, TextWriter error)
    {
        var pipeline = new Pipeline(settings, error);
        var reports = Reports(pipeline, analyzer, norms);
        using (Target target = Target.Open(outputFile, output, buffered: true, binary: format == "parquet"))
        {
            if (format == "json")
            {
                target.Writer.Write("[\n");
                target.Writer.Write(string.Join(",\n", reports.Select(r => r.ToJson())));
                target.Writer.Write("\n]\n");
            }
            else
            {
                WriteRows(target, format, RowSchemas.Signals, reports.SignalRows());
            }

            target.CommitIf(pipeline.Succeeded);
        }

        pipeline.Summary();
        return pipeline.ExitCode;
    }

    /// <summary>Writes a schema's rows in the chosen format (csv, json or parquet) through the tables and columnar writers: one shape in every format.</summary>
    private static void WriteRows(Target target, string format, RowSchema schema, IEnumerable<IReadOnlyList<object?>> rows)
    {
        switch (format)
        {
            case "parquet":
                WriteParquet(target, new TidyTable(schema.Columns, rows));
                break;
            case "json":
                TidyJson.Write(schema.Columns, rows, target.Stream);
                break;
            default:
                TidyCsv.Write(schema.Columns, rows, target.Writer);
                break;
        }
    }

    internal static int FitExpectedResponse(CliSettings settings, ExpectedResponseModels models, (string? Instrument, string? Kind) chosen, ExpectedResponseOptions options, string? outputFile, TextWriter output, TextWriter error)
    {
        string kind = models.TryGet(chosen.Kind ?? models.DefaultKind, out IExpectedResponseModelFactory? factory) ? factory.Kind : throw new UsageException("--model takes a registered kind: " + string.Join(", ", models.Kinds) + ".");
        var pipeline = new Pipeline(settings, error);
        List<Episode> episodes = pipeline.Episodes(pipeline.Scored().Select(s => (s.Administration, s.Score)));
        string[] outcomes = episodes.Where(e => e.Measure == MeasureKind.Outcome).Select(e => e.InstrumentId).Distinct(StringComparer.Ordinal).OrderBy(i => i, StringComparer.Ordinal).ToArray();
        string instrument = chosen.Instrument ?? (outcomes.Length == 1 ? outcomes[0]
            : throw new UsageException(outcomes.Length == 0
                ? "the file has no outcome instrument's scores to fit an expected response on."
                : "the file has more than one outcome instrument; choose one with --instrument (" + string.Join(", ", outcomes) + ")."));
        if (!outcomes.Contains(instrument, StringComparer.Ordinal))
        {
            throw new UsageException("--instrument names no outcome instrument of the file" + (outcomes.Length > 0 ? " (" + string.Join(", ", outcomes) + ")." : "."));
        }

        Episode[] history = episodes.Where(e => e.InstrumentId == instrument).ToArray();
        FittedExpectedResponseResult result;
        ExpectedResponseValidationResult report;
        try
        {
            result = models.Fit(kind, history, options);
            report = ExpectedResponseValidation.CrossValidate(history, models.Factories, new ExpectedResponseValidationOptions { Fit = options with { MinimumEpisodes = 3 } });
        }
        catch (ArgumentException ex)
        {
            throw new UsageException("an option is out of range: " + ex.Message);
        }

        if (!result.IsSuccess)
        {
            error.WriteLine("expected-response: " + result.Error!.Message);
            pipeline.Summary();
            return AllianceCli.DataErrors;
        }

        FittedExpectedResponse fit = result.AsT0;
        using (Target target = Target.Open(outputFile, output, buffered: true))
        {
            target.Writer.Write(fit.Model.ToJson());
            target.Writer.Write("\n");
            target.CommitIf(pipeline.Succeeded);
        }

        error.WriteLine("expected-response: " + fit.Model.Describe());
        error.WriteLine(string.Format(CultureInfo.InvariantCulture, "expected-response: {0} episodes used, {1} left out.", fit.EpisodesUsed, fit.Excluded.Length));
        if (fit.Model is ExpectedResponseModel { Band: ExpectedResponseBandKind.ToleranceBound } regression)
        {
            error.WriteLine(string.Format(CultureInfo.InvariantCulture, "expected-response: the tolerance band is {0:0.00} times as wide as its large-sample limit.", regression.BandInflation));
        }

        error.WriteLine(string.Format(CultureInfo.InvariantCulture, "expected-response: cross-validation over clients ({0} folds; poor outcome = no reliable improvement by the final score; flagged = not on track at the assessment before it):", report.Folds));
        error.Write(string.Concat(report.Models.Select(row => "expected-response:   " + row + (row.Kind == report.Best?.Kind ? " <- best" : string.Empty) + "\n")));
        error.Write(string.Concat(fit.Excluded.Take(20).Select(excluded => string.Format(CultureInfo.InvariantCulture, "expected-response: episode number {0} of the instrument's episodes is left out: {1}\n", excluded.Index + 1, excluded.Reason))));

        pipeline.Summary();
        return pipeline.ExitCode;
    }

    internal static int Triage(CliSettings settings, EpisodeAnalyzer analyzer, NormRequest? norms, bool byClient, CareView view, string? outputFile, bool json, TextWriter output, TextWriter error)
    {
        Caseload caseload;
        try
        {
            caseload = Caseload.Read(settings, analyzer, norms, view, error);
            Pipeline pipeline = caseload.Pipeline;
            if (view.By is { } groupBy)
            {
                CaseloadGroups groups = CaseloadGroups.SummariseClients(caseload.Clients, groupBy, view.Policy);
                using (Target target = Target.Open(outputFile, output, buffered: true))
                {
                    WriteRows(target, json ? "json" : "csv", RowSchemas.CaseloadGroups, groups.ToTidy().Rows.Select(r => (IReadOnlyList<object?>)r));
                    target.CommitIf(pipeline.Succeeded);
                }

                caseload.SayFiltered(error);
                error.WriteLine(groups + ".");
                pipeline.Summary();
                return pipeline.ExitCode;
            }

            ImmutableArray<TriageEntry> entries = CaseloadTriage.Rank(caseload.Clients.SelectMany(c => byClient ? CaseloadTriage.Clients(c) : CaseloadTriage.Episodes(c)));
            using (Target target = Target.Open(outputFile, output, buffered: true))
            {
                TidyTable table = entries.ToTidy(pipeline.ClientsWithLostData);
                WriteRows(target, json ? "json" : "csv", RowSchemas.Triage, table.Rows.Select(r => (IReadOnlyList<object?>)r));
                target.CommitIf(pipeline.Succeeded);
            }

            caseload.SayFiltered(error);
            int act = entries.Count(e => e.Level == AttentionLevel.Act);
            int watch = entries.Count(e => e.Level == AttentionLevel.Watch);
            error.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} {1}: {2} act, {3} watch, {4} none.", entries.Length, byClient ? "clients" : "episodes", act, watch, entries.Length - act - watch));
            pipeline.Summary();
            return pipeline.ExitCode;
        }
        catch (FileChangedException changed)
        {
            error.WriteLine("error: " + changed.Message);
            return AllianceCli.DataErrors;
        }
    }

    /// <summary>Names which filters were given (<c>therapist</c>, <c>site</c> or both), never their values.</summary>
    private static string KeysGiven(CareView view) =>
        view.Therapist is not null && view.Site is not null ? ResponseFileSchema.Therapist + " and " + ResponseFileSchema.Site
        : view.Therapist is not null ? ResponseFileSchema.Therapist : ResponseFileSchema.Site;

    /// <summary>
    /// A caseload's reports one client at a time, with the pipeline whose accounting they rest on. A file grouped by
    /// client (every row of one episode identifier together, as exports write them) is read twice and streamed: the
    /// first pass checks and counts every row and computes the caseload's norms, the second analyses each client as
    /// it is read, so memory holds one client's scores (issue 28, part 6). Any other file is read once, into memory,
    /// with a note that says so.
    /// </summary>
    private sealed class Caseload
    {
        private readonly CareView _view;
        private int _kept;
        private int _seen;

        private Caseload(Pipeline pipeline, IEnumerable<IReadOnlyList<AllianceReport>> clients, CareView view)
        {
            Pipeline = pipeline;
            _view = view;
            Clients = Filter(clients);
        }

        /// <summary>Gets the pipeline whose problems, counts and exit code the command states.</summary>
        internal Pipeline Pipeline { get; }

        /// <summary>Gets each client's reports (of the clients --therapist and --site keep), enumerated once.</summary>
        internal IEnumerable<IReadOnlyList<AllianceReport>> Clients { get; }

        internal static Caseload Read(CliSettings settings, EpisodeAnalyzer analyzer, NormRequest? norms, CareView view, TextWriter error)
        {
            // Pass 1: every problem is found and counted here; they are written only once the file is known to be
            // grouped by client (else the in-memory run below writes them).
            var problems = new StringWriter(CultureInfo.InvariantCulture);
            var first = new Pipeline(settings, problems, error);
            CaseloadNormUse use = norms?.Caseload ?? CaseloadNormUse.WhenLarge;
            ReferenceNorms judged;
            try
            {
                IEnumerable<Episode> episodes = first.ClientEpisodes(first.Scored().Select(s => (s.Administration, s.Score))).SelectMany(c => c);
                if (use == CaseloadNormUse.Never)
                {
                    foreach (Episode _ in episodes)
                    {
                    }

                    judged = norms?.Caller ?? ReferenceNorms.Empty;
                }
                else
                {
                    judged = EpisodeAnalyzer.JudgingNorms(episodes, norms?.Caller, use);
                }
            }
            catch (NotGroupedByClientException notGrouped)
            {
                error.WriteLine("note: " + notGrouped.Message + "; the file is read into memory instead. Sort it by client to keep memory bounded.");
                var pipeline = new Pipeline(settings, error);
                List<AllianceReport> reports = Reports(pipeline, analyzer, norms);
                return new Caseload(pipeline, reports.GroupBy(r => r.EpisodeId, StringComparer.Ordinal).Select(g => (IReadOnlyList<AllianceReport>)g.ToList()), view);
            }

            error.Write(problems.ToString());
            first.WriteTo(error);
            return new Caseload(first, Second(settings, analyzer, judged, first, error), view);
        }

        /// <summary>Pass 2: reads the file again, with no problem written (pass 1 wrote them), and analyses each client against the norms of pass 1.</summary>
        private static IEnumerable<IReadOnlyList<AllianceReport>> Second(CliSettings settings, EpisodeAnalyzer analyzer, ReferenceNorms judged, Pipeline first, TextWriter error)
        {
            var second = new Pipeline(settings, TextWriter.Null, error);
            using IEnumerator<List<Episode>> clients = second.ClientEpisodes(second.Scored().Select(s => (s.Administration, s.Score))).GetEnumerator();
            while (true)
            {
                try
                {
                    if (!clients.MoveNext())
                    {
                        break;
                    }
                }
                catch (NotGroupedByClientException)
                {
                    throw new FileChangedException();
                }

                yield return analyzer.AnalyzeWith(clients.Current, judged);
            }

            if (second.RowsRead != first.RowsRead || second.AdministrationsScored != first.AdministrationsScored || second.EpisodesAnalysed != first.EpisodesAnalysed)
            {
                throw new FileChangedException();
            }
        }

        /// <summary>
        /// Keeps the clients whose current therapist and site (those of their latest session,
        /// <see cref="CaseloadTriage.Clients(System.Collections.Generic.IEnumerable{AllianceReport})"/>) are the ones given with --therapist and --site. The caseload norms were
        /// computed before, on the whole file, so a therapist's clients are judged as in the whole caseload.
        /// </summary>
        private IEnumerable<IReadOnlyList<AllianceReport>> Filter(IEnumerable<IReadOnlyList<AllianceReport>> clients)
        {
            foreach (IReadOnlyList<AllianceReport> client in clients)
            {
                _seen++;
                TriageEntry entry = CaseloadTriage.Clients(client)[0];
                if ((_view.Therapist is null || string.Equals(entry.Therapist, _view.Therapist, StringComparison.Ordinal)) && (_view.Site is null || string.Equals(entry.Site, _view.Site, StringComparison.Ordinal)))
                {
                    _kept++;
                    yield return client;
                }
            }
        }

        /// <summary>Says how many clients the filters kept (after <see cref="Clients"/> was read); the keys given are never echoed.</summary>
        internal void SayFiltered(TextWriter error)
        {
            if (_view.Therapist is null && _view.Site is null)
            {
                return;
            }

            error.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "{0} of {1} clients have the {2} given (that of their latest session){3}.",
                _kept,
                _seen,
                KeysGiven(_view),
                _kept == 0 ? "; the file's therapist and site columns are compared exactly, case and spaces included" : string.Empty));
        }
    }

    /// <summary>Thrown when the second pass over a file does not read what the first did: the file changed while it was read.</summary>
    private sealed class FileChangedException : Exception
    {
        internal FileChangedException()
            : base("the input file changed while it was read (its second reading differs from its first); no result was written.")
        {
        }
    }

    internal static int Report(CliSettings settings, EpisodeAnalyzer analyzer, NormRequest? norms, string outputFile, int clientsPerPage, CareView view, IReadOnlyList<string> changedOptions, TextWriter error)
    {
        Caseload caseload = Caseload.Read(settings, analyzer, norms, view, error);
        Pipeline pipeline = caseload.Pipeline;
        long series = 0;
        string directory = Path.GetDirectoryName(Path.GetFullPath(outputFile)) ?? ".";
        var pages = new List<(string Temporary, string Destination)>();
        IReadOnlyList<string> files;
        try
        {
            DataAccount account = pipeline.Account;
            DateTimeOffset now = Versions.Now();
            var options = new CaseloadReportOptions
            {
                ClientsWithLostData = pipeline.ClientsWithLostData,
                Source = SafeText.Clean(Path.GetFileName(settings.Input), 120),
                Generated = now,
                ProvenanceLines = new[]
                {
                    new KeyValuePair<string, string>("Tool", "alliance " + Versions.Tool + ", TherapeuticAlliance library " + Versions.Library),
                    new KeyValuePair<string, string>("Made", now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)),
                    new KeyValuePair<string, string>("Input file", SafeText.Clean(Path.GetFileName(settings.Input), 120)),
                    new KeyValuePair<string, string>("Options", changedOptions.Count == 0 ? "the defaults throughout (docs/cli.md lists them)" : "changed from the defaults: " + string.Join("; ", changedOptions)),
                },
                Instruments = settings.Catalog.Instruments,
                ExpectedResponseModels = analyzer.Detectors.OfType<NotOnTrackDetector>().SelectMany(d => d.ExpectedResponses).ToList(),
                ClientsPerPage = clientsPerPage,
                OverviewBy = view.By,
                Disclosure = view.Policy,
                CallerNormSource = "given with --norm",
                DataSummary = string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} rows read: {1} used, {2} left out. {3} administrations scored, {4} left out. {5} series analysed, {6} left out; {7} sessions left out of the series kept.",
                    account.RowsRead,
                    account.RowsAccepted,
                    account.RowsRejected,
                    account.AdministrationsScored,
                    account.AdministrationsRejected,
                    account.EpisodesAnalysed,
                    account.EpisodesRejected,
                    account.SessionsLeftOut),
                LeftOut = account.Reasons,
                PartialDataWarning = account.RowsRejected + account.AdministrationsRejected + account.EpisodesRejected + account.SessionsLeftOut == 0 ? null : string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} were left out{1}; {2}every count below covers only what was used.",
                    LeftOutCounts(account),
                    account.Reasons.Count > 0 ? " (most often: " + account.Reasons[0].Key + ")" : string.Empty,
                    pipeline.ClientsWithLostData.Count == 0 ? string.Empty : string.Format(CultureInfo.InvariantCulture, "{0} client(s) lost data and are marked \"Partial data\"; ", pipeline.ClientsWithLostData.Count)),
                LeftOutNote = string.Format(CultureInfo.InvariantCulture, "Where to see them: the command's error output lists each problem with its file and line (the first {0} in full; all are counted above). 'alliance score' on the same file lists the rows' problems alone.", account.ProblemsShown),
            };

            // Every page goes to a temporary file beside its destination and is closed when written (the report
            // disposes each writer), so memory does not grow with the number of pages; all are published together.
            using (var writer = new CaseloadHtmlReportWriter(
                Path.GetFileName(outputFile),
                name =>
                {
                    string destination = Path.Combine(directory, name);
                    string temporary = Path.Combine(directory, "." + name + "." + Guid.NewGuid().ToString("N") + ".tmp");
                    pages.Add((temporary, destination));
                    return new StreamWriter(new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16), new UTF8Encoding(false), 1 << 16);
                },
                options))
            {
                // Each client's section is written as the client is read and set aside in a temporary file; the
                // pages are written from it in attention order at the end.
                foreach (IReadOnlyList<AllianceReport> client in caseload.Clients)
                {
                    writer.Add(client);
                    series += client.Count;
                }

                files = writer.Complete();
            }

            caseload.SayFiltered(error);
            if (pipeline.Succeeded)
            {
                foreach (var (temporary, destination) in pages)
                {
                    File.Move(temporary, destination, overwrite: true);
                }

                RemoveStalePages(directory, Path.GetFileName(outputFile), files);
            }
        }
        catch (FileChangedException changed)
        {
            error.WriteLine("error: " + changed.Message);
            return AllianceCli.DataErrors;
        }
        finally
        {
            foreach (var (temporary, _) in pages)
            {
                File.Delete(temporary);
            }
        }

        pipeline.Summary();
        if (pipeline.Succeeded)
        {
            error.WriteLine(files.Count == 1
                ? $"Wrote {SafeText.Clean(outputFile, 120)} ({series} episodes)."
                : $"Wrote {SafeText.Clean(outputFile, 120)} and {files.Count - 1} client pages beside it ({series} episodes).");
        }

        return pipeline.ExitCode;
    }

    /// <summary>
    /// Deletes client pages of an earlier report under the same name that this one did not write (report-013.html
    /// after a run with 12 pages), so no page with other clients' data is left beside the new index.
    /// </summary>
    private static void RemoveStalePages(string directory, string indexFile, IReadOnlyList<string> written)
    {
        string stem = Path.GetFileNameWithoutExtension(indexFile);
        string extension = Path.GetExtension(indexFile) is { Length: > 0 } e ? e : ".html";
        var pattern = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(stem) + "-[0-9]{3,}" + System.Text.RegularExpressions.Regex.Escape(extension) + "$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        var keep = new HashSet<string>(written, StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFiles(directory))
        {
            string name = Path.GetFileName(path);
            if (pattern.IsMatch(name) && !keep.Contains(name))
            {
                File.Delete(path);
            }
        }
    }

    internal static int Stats(CliSettings settings, CareView view, bool json, string? partialFile, int minimumRows, string? parquetFile, TextWriter output, TextWriter error)
    {
        var pipeline = new Pipeline(settings, error);
        long seen = 0, kept = 0;
        IEnumerable<(Administration Administration, AllianceScore Score, Assessment? Assessment)> scored = pipeline.Scored()
            .Select(s => (s.Administration, s.Score, (Assessment?)s.Assessment))
            .Where(s =>
            {
                seen++;
                bool keep = (view.Therapist is null || string.Equals(s.Administration.Keys.Therapist, view.Therapist, StringComparison.Ordinal))
                    && (view.Site is null || string.Equals(s.Administration.Keys.Site, view.Site, StringComparison.Ordinal));
                kept += keep ? 1 : 0;
                return keep;
            });
        void SayFiltered()
        {
            if (view.Therapist is not null || view.Site is not null)
            {
                // The administrations left out by the filter are said, never the keys given.
                error.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} of {1} scored administrations are of sessions with the {2} given; the statistics cover those only.", kept, seen, KeysGiven(view)));
            }
        }

        if (view.By is { } groupBy)
        {
            if (partialFile is not null)
            {
                throw new UsageException("--by does not combine with --partial: the partial already keeps per-therapist statistics (its therapists array); run stats --partial per site.");
            }

            int grouped = GroupedStats(pipeline, scored, groupBy, view.Policy, settings.Strategy, json, parquetFile, output, error, SayFiltered);
            return grouped;
        }

        SiteData data = SiteData.FromScores(scored.Select(s => (s.Administration.Episode, s.Score, s.Assessment, s.Administration.Keys)).ToList());
        SayFiltered();
        if (!pipeline.Succeeded)
        {
            pipeline.Summary();
            return pipeline.ExitCode;
        }

        if (partialFile is not null)
        {
            SitePartial partial = SitePartial.Build(data, settings.Strategy, minimumRows);
            using (Target target = Target.Open(partialFile, TextWriter.Null, buffered: true))
            {
                target.Writer.Write(partial.ToJson() + "\n");
                target.CommitIf(true);
            }

            pipeline.Summary();
            error.WriteLine(string.Format(CultureInfo.InvariantCulture, "Wrote {0}: {1} scope(s), {2} score summary(ies), {3} norm group(s), {4} therapist group(s) ({5} withheld); aggregates only, no rows or identifiers.", SafeText.Clean(partialFile, 120), partial.Statistics.Length, partial.Scores.Length, partial.Norms.GroupCount, partial.Therapists.Length, partial.TherapistsWithheld));
            return pipeline.ExitCode;
        }

        SiteStatistics statistics = SiteStatistics.FromData(data, settings.Strategy);
        WriteStatistics(statistics, json, output);
        WriteStatisticsParquet(statistics, parquetFile);
        pipeline.Summary();
        return pipeline.ExitCode;
    }

    /// <summary>
    /// The statistics of each group of administrations (by the therapist, site or team of each administration's own
    /// session), in the grouped-statistics schema; a group of fewer clients than the disclosure policy's minimum is
    /// withheld and counted, never shown.
    /// </summary>
    private static int GroupedStats(Pipeline pipeline, IEnumerable<(Administration Administration, AllianceScore Score, Assessment? Assessment)> scored, CareKeyKind by, DisclosurePolicy policy, IScoringStrategy strategy, bool json, string? parquetFile, TextWriter output, TextWriter error, Action sayFiltered)
    {
        var groups = new Dictionary<string, List<(string, AllianceScore, Assessment?)>>(StringComparer.Ordinal);
        var unkeyed = new List<(string, AllianceScore, Assessment?)>();
        foreach (var (administration, score, assessment) in scored)
        {
            List<(string, AllianceScore, Assessment?)> list = administration.Keys.Get(by) is { } key
                ? (groups.TryGetValue(key, out var existing) ? existing : groups[key] = new())
                : unkeyed;
            list.Add((administration.Episode, score, assessment));
        }

        sayFiltered();

        if (!pipeline.Succeeded)
        {
            pipeline.Summary();
            return pipeline.ExitCode;
        }

        string byCode = CareKeys.ToCode(by);
        var rows = new List<IReadOnlyList<object?>>();
        int withheld = 0;
        int withheldRows = 0;
        foreach ((string? key, List<(string, AllianceScore, Assessment?)> members) in groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => ((string?)g.Key, g.Value)).Append((null, unkeyed)))
        {
            int people = members.Select(m => m.Item1).Distinct(StringComparer.Ordinal).Count();
            if (people == 0)
            {
                continue;
            }

            if (!policy.Allows(people))
            {
                withheld++;
                continue;
            }

            // Within a group, an instrument rated by fewer people than the minimum is withheld too, and so is any row
            // over fewer rows than it; the n shown follows the policy's rounding.
            var peoplePerInstrument = members.GroupBy(m => m.Item2.Provenance.InstrumentId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(m => m.Item1).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
            SiteStatistics statistics = SiteStatistics.FromData(SiteData.FromScores(members), strategy);
            foreach (SiteStatistic line in statistics.Lines)
            {
                if (!policy.Allows(peoplePerInstrument.GetValueOrDefault(line.InstrumentId)) || !policy.Allows((int)Math.Min(int.MaxValue, line.N)) || policy.Count((int)Math.Min(int.MaxValue, line.N)) is not { } n)
                {
                    withheldRows++;
                    continue;
                }

                rows.Add(new object?[] { byCode, key, line.InstrumentId, line.Scope, line.Statistic, line.Value, n });
            }
        }

        using (Target target = Target.Open(null, output, buffered: true))
        {
            WriteRows(target, json ? "json" : "csv", RowSchemas.GroupedStatistics, rows);
            target.CommitIf(true);
        }

        if (parquetFile is not null)
        {
            using Target target = Target.Open(parquetFile, TextWriter.Null, buffered: true, binary: true);
            WriteParquet(target, new TidyTable(RowSchemas.GroupedStatistics.Columns, rows));
            target.CommitIf(true);
        }

        error.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} groups by {1}; {2} withheld (fewer than {3} clients), and {4} statistics of the others (an instrument or a statistic over fewer).", groups.Count + (unkeyed.Count > 0 ? 1 : 0), byCode, withheld, policy.MinimumPeople, withheldRows));
        pipeline.Summary();
        return pipeline.ExitCode;
    }

    /// <summary>Merges sites' partials (from 'stats --partial') and writes the statistics of the pooled data, as 'stats' does.</summary>
    internal static int Merge(IReadOnlyList<string> files, bool json, string? parquetFile, bool allowPartial, TextWriter output, TextWriter error)
    {
        if (files.Count == 0)
        {
            throw new UsageException("merge takes one or more partial files written by 'alliance stats --partial'.");
        }

        // A folder stands for its *.json files, so thousands of partials need no command line that long.
        var expanded = new List<string>();
        foreach (string file in files)
        {
            expanded.AddRange(Directory.Exists(file) ? Directory.EnumerateFiles(file, "*.json").Order(StringComparer.Ordinal) : new[] { file });
        }

        files = expanded;
        if (files.Count == 0)
        {
            throw new UsageException("the folder given to merge holds no .json partial.");
        }

        var partials = new List<SitePartial>();
        int refused = 0;
        foreach (string file in files)
        {
            if (!File.Exists(file))
            {
                throw new UsageException($"the partial '{SafeText.Clean(file, 120)}' does not exist.");
            }

            PartialResult<SitePartial> partial;
            using (FileStream stream = File.OpenRead(file))
            {
                partial = SitePartial.FromJson(stream);   // reads at most SitePartial.MaximumLength bytes
            }

            if (!partial.IsSuccess)
            {
                // One site's damaged or impossible partial is left out and named; it never poisons the others (issue 27).
                error.WriteLine($"error: {SafeText.Clean(file, 120)}: {partial.Error!.Message} This site was left out of the merge.");
                refused++;
                continue;
            }

            partials.Add(partial.AsT0);
        }

        if (partials.Count == 0)
        {
            error.WriteLine("error: no partial could be read; nothing was merged.");
            return AllianceCli.DataErrors;
        }

        PartialResult<SitePartial> merged = SitePartial.Merge(partials);
        if (!merged.IsSuccess)
        {
            error.WriteLine($"error: the partials do not merge: {merged.Error!.Message} Nothing was merged.");
            return AllianceCli.Usage;
        }

        SiteStatistics statistics = merged.AsT0.ToStatistics();
        WriteStatistics(statistics, json, output);
        WriteStatisticsParquet(statistics, parquetFile);
        error.WriteLine(string.Format(CultureInfo.InvariantCulture, "Merged {0} partial(s) from {1} site(s).", partials.Count, merged.AsT0.Sites));
        if (refused == 0)
        {
            return AllianceCli.Ok;
        }

        error.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} partial(s) left out (named above).{1}", refused, allowPartial ? string.Empty : " Exit code 3: partial; give --allow-partial to exit 0."));
        return allowPartial ? AllianceCli.Ok : AllianceCli.Partial;
    }

    /// <summary>
    /// <c>alliance mixed</c>: fits a linear mixed model on any CSV or Parquet table, or on sites' partials (a .json
    /// file or a folder of them, merged), and prints lme4's summary, or (--json) every table as one JSON object, and
    /// (--csv/--parquet DIR) one file per table, named by its schema; with --partial, writes the table's partial instead.
    /// </summary>
    internal static int Mixed(string file, string? formula, bool ml, double? profileLevel, bool parquetInput, (char Delimiter, bool DecimalComma) csvFormat, bool json, string? csvFolder, string? parquetFolder, string? partialOut, TextWriter output, TextWriter error)
    {
        MixedModelResult? result;
        string? problem = null;
        if (Directory.Exists(file) || file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            // Sites' partials ('alliance mixed TABLE --formula F --partial SITE.json' at each site), merged: the formula is theirs.
            string[] files = Directory.Exists(file) ? Directory.EnumerateFiles(file, "*.json").Order(StringComparer.Ordinal).ToArray() : new[] { file };
            var read = files.Select(f => { using FileStream stream = File.OpenRead(f); return MixedModelPartial.FromJson(stream); }).ToList();
            int bad = read.FindIndex(r => !r.IsSuccess);
            MixedModelPartialResult? merged = files.Length == 0 ? null : bad >= 0 ? read[bad] : MixedModelPartial.Merge(read.Select(r => r.AsT0));
            result = merged is null ? null : merged.IsSuccess ? LinearMixedModel.FitPartial(merged.AsT0, reml: !ml) : merged.AsT1;
            problem = files.Length == 0 ? "the folder holds no .json partial." : bad >= 0 ? SafeText.Clean(Path.GetFileName(files[bad]), 120) + ": " + read[bad].AsT1.Message : null;
            error.Write(formula is null && partialOut is null ? string.Empty : "warning: --formula and --partial apply to a table; partials carry their own formula, so they were ignored.\n");
        }
        else
        {
            formula = formula ?? throw new UsageException("mixed on a table needs --formula (a partial carries its own).");
            using FileStream input = File.OpenRead(file);
            using var text = new StreamReader(input, Encoding.UTF8);
            (TidyTable? table, problem) = parquetInput
                ? ColumnarTables.ReadParquetAsync(input).GetAwaiter().GetResult().Match<(TidyTable?, string?)>(t => (t, null), e => (null, e.Message))
                : (csvFormat.DecimalComma && csvFormat.Delimiter == ',' ? throw new UsageException("--decimal-comma needs another --delimiter (';', tab or '|').") : TidyCsv.Read(text, csvFormat.Delimiter, csvFormat.DecimalComma)).Match<(TidyTable?, string?)>(t => (t, null), e => (null, e.Message));
            foreach (string warning in table?.ModelFrameWarnings() ?? Array.Empty<string>())
            {
                error.WriteLine("warning: " + warning);
            }

            if (partialOut is not null && table is { RowCount: > 0 })
            {
                // A site's partial under the default disclosure policy, written instead of a fit.
                MixedModelPartialResult partial = LinearMixedModel.Partial(formula, table.ToModelFrame(), DisclosurePolicy.Default);
                using Target target = Target.Open(partialOut, TextWriter.Null, buffered: true);
                target.Writer.Write(partial.IsSuccess ? partial.AsT0.ToJson() : string.Empty);
                target.CommitIf(partial.IsSuccess);
                error.WriteLine(partial.IsSuccess ? "wrote " + partial.AsT0 + "." : "error: " + SafeText.Clean(file, 120) + ": " + partial.AsT1.Message);
                return partial.IsSuccess ? AllianceCli.Ok : AllianceCli.DataErrors;
            }

            result = table is { RowCount: > 0 } ? LinearMixedModel.Fit(formula, table.ToModelFrame(), reml: !ml) : null;
        }

        if (result is not { IsSuccess: true })
        {
            error.WriteLine("error: " + SafeText.Clean(file, 120) + ": " + (problem ?? result?.AsT1.Message ?? "the table has no rows."));
            return AllianceCli.DataErrors;
        }

        MixedModelFit fit = result.AsT0;
        IReadOnlyList<KeyValuePair<string, TidyTable>> tables = fit.ToTidyTables(profileLevel);
        if (fit.OmittedRows > 0)
        {
            error.WriteLine(string.Format(CultureInfo.InvariantCulture, "note: {0} row(s) left out for a missing value of a column the model uses (as R's na.omit).", fit.OmittedRows));
        }

        WriteTables(tables, (json, csvFolder, parquetFolder), fit.Summary(profileLevel), true, output);
        return AllianceCli.Ok;
    }

    /// <summary>Writes the tables: all as one JSON object (--json) or <paramref name="text"/> to standard output, and one file per table, named by its schema, into the --csv and --parquet folders (each through a temporary file, kept when <paramref name="commit"/>).</summary>
    private static void WriteTables(IReadOnlyList<KeyValuePair<string, TidyTable>> tables, (bool Json, string? Csv, string? Parquet) to, string text, bool commit, TextWriter output)
    {
        if (!commit)
        {
            return;   // --strict found a problem: nothing is written, not even the summary.
        }

        output.Write(to.Json ? TidyJson.ToJson(tables) + "\n" : text);
        foreach (var (folder, extension) in new[] { (to.Csv, ".csv"), (to.Parquet, ".parquet") }.Where(f => f.Item1 is not null))
        {
            Directory.CreateDirectory(folder!);
            foreach (var (name, t) in tables)
            {
                using Target target = Target.Open(Path.Combine(folder!, name + extension), TextWriter.Null, buffered: true, binary: extension == ".parquet");
                if (extension == ".csv") { TidyCsv.Write(t, target.Writer); } else { WriteParquet(target, t); }
                target.CommitIf(commit);
            }
        }
    }

    /// <summary>
    /// <c>alliance service</c>: reads the caseload as <c>report</c> does (streamed when grouped by client), summarises each
    /// client (<see cref="ServiceEpisodes.FromClient"/>) and runs the service view; prints its summary, or every table.
    /// </summary>
    internal static int Service(CliSettings settings, EpisodeAnalyzer analyzer, NormRequest? norms, ServiceOptions options, string? caseMixFile, (bool Json, string? Csv, string? Parquet) to, string? partialOut, TextWriter output, TextWriter error)
    {
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? caseMix = null;
        if (caseMixFile is not null)
        {
            TableResult<IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>> read = TidyCsv.Read(caseMixFile).Match(t => t.ToCaseMix(), e => e);
            if (!read.IsSuccess)
            {
                error.WriteLine("error: " + SafeText.Clean(caseMixFile, 120) + ": " + read.AsT1.Message);
                return AllianceCli.DataErrors;
            }

            caseMix = read.AsT0;
            options = options with { CaseMix = caseMix.Values.SelectMany(v => v.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray() };
        }

        options = options.WithExpectedResponseFrom(analyzer.Detectors.OfType<NotOnTrackDetector>().SelectMany(d => d.ExpectedResponses));
        Caseload caseload = Caseload.Read(settings, analyzer, norms, new CareView(null, null, null, options.Policy), error);
        var episodes = new List<ServiceEpisode>();
        try
        {
            foreach (IReadOnlyList<AllianceReport> client in caseload.Clients)
            {
                episodes.AddRange(ServiceEpisodes.FromClient(client.Select(r => r.Episode).ToList(), options, caseMix?.GetValueOrDefault(client[0].EpisodeId)) is { } episode ? new[] { episode } : Array.Empty<ServiceEpisode>());
            }
        }
        catch (FileChangedException changed)
        {
            error.WriteLine("error: " + changed.Message);
            return AllianceCli.DataErrors;
        }

        if (partialOut is not null)
        {
            // The site's partial under the chosen disclosure policy, written instead of the view.
            ServicePartialResult partial = ServicePartial.Create(episodes, options);
            using Target target = Target.Open(partialOut, TextWriter.Null, buffered: true);
            target.Writer.Write(partial.IsSuccess ? partial.AsT0.ToJson() : string.Empty);
            target.CommitIf(partial.IsSuccess && caseload.Pipeline.Succeeded);
            error.WriteLine(partial.IsSuccess ? "wrote " + partial.AsT0 + "." : "error: " + partial.AsT1.Message);
            caseload.Pipeline.Summary();
            return partial.IsSuccess ? caseload.Pipeline.ExitCode : AllianceCli.DataErrors;
        }

        ServiceAnalysis analysis = ServiceAnalysis.Run(episodes, options);
        WriteTables(analysis.ToTidyTables(), to, analysis.Summary(), caseload.Pipeline.Succeeded, output);
        caseload.Pipeline.Summary();
        return caseload.Pipeline.ExitCode;
    }

    /// <summary><c>alliance linkage</c>: pairs each client's alliance and outcome series and prints the counts, the decomposition, the repeated-measures correlation and the lagged within-person model (or every table); with --ri-clpm, also the RI-CLPM's wide data and lavaan model.</summary>
    internal static int Linkage(CliSettings settings, LinkageOptions options, LaggedModelOptions model, (bool Json, string? Csv, string? Parquet) to, string? riClpmFolder, int waves, TextWriter output, TextWriter error)
    {
        var pipeline = new Pipeline(settings, error);
        LinkageAnalysis analysis = LinkageAnalysis.Run(pipeline.Episodes(pipeline.Scored().Select(s => (s.Administration, s.Score))), options, model);
        if (analysis.Paired.Count == 0)
        {
            error.WriteLine(analysis.Paired.Clients == 0
                ? "error: the file has no client-rated series of the alliance instrument; name it with --alliance."
                : "error: no alliance rating found an outcome score (no client-rated series of the outcome instrument, or none at the sessions the rule pairs); check --outcome, --lag and --max-gap.");
            pipeline.Summary();
            return AllianceCli.DataErrors;
        }

        WriteTables(analysis.ToTidyTables(), to, analysis.Summary(), pipeline.Succeeded, output);
        if (riClpmFolder is not null && pipeline.Succeeded)
        {
            Directory.CreateDirectory(riClpmFolder);
            using Target data = Target.Open(Path.Combine(riClpmFolder, RiClpmExport.DataFileName), TextWriter.Null, buffered: true);
            using Target lavaan = Target.Open(Path.Combine(riClpmFolder, RiClpmExport.ModelFileName), TextWriter.Null, buffered: true);
            RiClpmExport.WriteWideCsv(analysis.Paired, waves, data.Writer);
            lavaan.Writer.Write(RiClpmExport.LavaanModel(waves));
            data.CommitIf(pipeline.Succeeded);
            lavaan.CommitIf(pipeline.Succeeded);
        }

        pipeline.Summary();
        return pipeline.ExitCode;
    }

    /// <summary><c>alliance service FILE.json|FOLDER</c>: reads sites' service partials, merges them and prints the pooled view (or its tables); a partial that cannot be read or merged is an error naming its file.</summary>
    internal static int ServicePartials(string path, ServiceOptions options, (bool Json, string? Csv, string? Parquet) to, TextWriter output, TextWriter error)
    {
        string[] files = Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.json").Order(StringComparer.Ordinal).ToArray() : new[] { path };
        var read = files.Select(f => { using FileStream stream = File.OpenRead(f); return ServicePartial.FromJson(stream); }).ToList();
        int bad = read.FindIndex(r => !r.IsSuccess);
        ServicePartialResult? merged = files.Length == 0 || bad >= 0 ? null : ServicePartial.Merge(read.Select(r => r.AsT0));
        if (merged is not { IsSuccess: true })
        {
            error.WriteLine("error: " + (files.Length == 0 ? SafeText.Clean(path, 120) + ": the folder holds no .json partial." : bad >= 0 ? SafeText.Clean(Path.GetFileName(files[bad]), 120) + ": " + read[bad].AsT1.Message : merged!.AsT1.Message));
            return AllianceCli.DataErrors;
        }

        ServiceAnalysis analysis = ServiceAnalysis.FromPartial(merged.AsT0, options);
        WriteTables(analysis.ToTidyTables(), to, analysis.Summary(), true, output);
        return AllianceCli.Ok;
    }

    /// <summary>Writes the statistics as a Parquet table (<see cref="RowSchemas.Statistics"/>) when asked, through a temporary file.</summary>
    private static void WriteStatisticsParquet(SiteStatistics statistics, string? parquetFile)
    {
        if (parquetFile is null)
        {
            return;
        }

        using Target target = Target.Open(parquetFile, TextWriter.Null, buffered: true, binary: true);
        WriteParquet(target, new TidyTable(RowSchemas.Statistics.Columns, statistics.ToRows()));
        target.CommitIf(true);
    }

    private static void WriteStatistics(SiteStatistics statistics, bool json, TextWriter output)
    {
        if (json)
        {
            // The statistics rows as TidyJson writes every schema, with the notes beside them.
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WritePropertyName(RowSchemas.Statistics.Name);
                TidyJson.WriteArray(RowSchemas.Statistics.Columns, statistics.ToRows(), writer);

                writer.WriteStartArray(NotesProperty);
                foreach (string note in statistics.Notes)
                {
                    writer.WriteStringValue(note);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
        }
        else
        {
            ImmutableArray<string> c = RowSchemas.Statistics.Columns;
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-19} {1,-34} {2,-18} {3,10} {4,7}", c[0], c[1], c[2], c[3], c[4]).TrimEnd());
            foreach (SiteStatistic line in statistics.Lines)
            {
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-19} {1,-34} {2,-18} {3,10:0.0000} {4,7}", line.InstrumentId, line.Scope, line.Statistic, line.Value, line.N));
            }

            foreach (string note in statistics.Notes)
            {
                output.WriteLine("note: " + note);
            }
        }
    }

    /// <summary>What was left out, in words, naming only the counts that are not zero: "12 of 12960 rows and 3 administrations".</summary>
    private static string LeftOutCounts(DataAccount account)
    {
        var parts = new List<string>();
        if (account.RowsRejected > 0)
        {
            parts.Add(string.Format(CultureInfo.InvariantCulture, "{0} of {1} rows", account.RowsRejected, account.RowsRead));
        }

        foreach ((long count, string format) in new (long, string)[] { (account.AdministrationsRejected, "{0} administrations"), (account.EpisodesRejected, "{0} episodes"), (account.SessionsLeftOut, "{0} sessions") })
        {
            if (count > 0)
            {
                parts.Add(string.Format(CultureInfo.InvariantCulture, format, count));
            }
        }

        return parts.Count <= 1 ? string.Concat(parts) : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];
    }

    /// <summary>The property of stats' JSON that holds its notes.</summary>
    private const string NotesProperty = "notes";

    internal static int Instruments(IInstrumentCatalog catalog, bool json, TextWriter output)
    {
        if (json)
        {
            output.WriteLine("[");
            output.WriteLine(string.Join(",\n", catalog.Instruments.Select(InstrumentDefinition.ToJson)));
            output.WriteLine("]");
            return AllianceCli.Ok;
        }

        foreach (Instrument instrument in catalog.Instruments)
        {
            output.WriteLine($"{instrument.Id} {instrument.Version}: {instrument.Name}");
            output.WriteLine($"  {instrument.Items.Length} items on {instrument.Scale}; forms: {string.Join(", ", instrument.Perspectives.Select(Name))}; measure: {AllianceCodes.ToCode(instrument.Measure)}");
            foreach (Subscale subscale in instrument.Subscales)
            {
                string maps = subscale.MapsTo.IsEmpty ? string.Empty : " -> " + string.Join(", ", subscale.MapsTo.Select(d => d.Id));
                output.WriteLine($"  subscale {subscale.Dimension.Id}: items {string.Join(" ", subscale.ItemIds)}{maps}");
            }

            if (instrument.Cutoff is { } cutoff)
            {
                output.WriteLine($"  cutoff: {cutoff}");
            }

            output.WriteLine($"  missing data: {instrument.DefaultMissingDataPolicy.Name}");
            if (!instrument.HasPublishedValidation)
            {
                output.WriteLine("  no published validation: its alerts are at most watch");
            }
        }

        return AllianceCli.Ok;
    }

    /// <summary>Analyzes every episode against the caller's --norm and, as --caseload-norms says, the file's own norms; each client episode paired with its therapist episode.</summary>
    private static List<AllianceReport> Reports(Pipeline pipeline, EpisodeAnalyzer analyzer, NormRequest? norms)
    {
        List<Episode> episodes = pipeline.Episodes(pipeline.Scored().Select(s => (s.Administration, s.Score)));
        return analyzer.AnalyzeCaseload(episodes, norms?.Caller, norms?.Caseload ?? CaseloadNormUse.WhenLarge).ToList();
    }

    /// <summary>Writes a tidy table as Parquet into the target's file (the command checked that --output is given).</summary>
    private static void WriteParquet(Target target, TidyTable table) =>
        ColumnarTables.WriteParquetAsync(target.Binary!, table).GetAwaiter().GetResult();

    private static string Name(Perspective perspective) => AllianceCodes.ToCode(perspective);

    private static string Metric(ScoreMetric metric) => AllianceCodes.ToCode(metric);

    /// <summary>
    /// Where a command writes: a file, or standard output. A file is written to a temporary file beside it and moved
    /// into place only on <see cref="CommitIf"/> with success, so a failed run never leaves a partial file; a buffered
    /// standard output (under --strict) is held in a temporary file and copied out only on success.
    /// </summary>
    private sealed class Target : IDisposable
    {
        private readonly string? _temporary;
        private readonly string? _destination;
        private readonly TextWriter _output;
        private readonly FileStream? _file;
        private bool _committed;

        private Target(string? temporary, string? destination, TextWriter output, FileStream? file, TextWriter writer, Stream stream)
        {
            _temporary = temporary;
            _destination = destination;
            _output = output;
            _file = file;
            Writer = writer;
            Stream = stream;
        }

        internal TextWriter Writer { get; }

        internal Stream Stream { get; }

        /// <summary>Gets the file itself, for binary output (Parquet); null when writing to standard output.</summary>
        internal Stream? Binary => _file;

        internal static Target Open(string? path, TextWriter output, bool buffered, bool binary = false)
        {
            if (binary && path is null)
            {
                throw new UsageException("--output-format parquet needs --output FILE: Parquet is binary and is not written to the terminal.");
            }

            if (path is null && !buffered)
            {
                return new Target(null, null, output, null, output, new TextStream(output));
            }

            string temporary = path is null
                ? Path.Combine(Path.GetTempPath(), "alliance-" + Guid.NewGuid().ToString("N") + ".tmp")
                : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            var writer = new StreamWriter(file, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            return new Target(temporary, path, output, file, writer, new TextStream(writer));
        }

        /// <summary>Publishes what was written when <paramref name="success"/>; otherwise it is discarded on dispose.</summary>
        internal void CommitIf(bool success)
        {
            Stream.Flush();
            Writer.Flush();
            if (!success || _file is null)
            {
                return;
            }

            if (_destination is null)
            {
                _file.Position = 0;
                using var reader = new StreamReader(_file, new UTF8Encoding(false), false, 1 << 16, leaveOpen: true);
                char[] buffer = new char[1 << 16];
                int read;
                while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
                {
                    _output.Write(buffer, 0, read);
                }

                _output.Flush();
            }

            _committed = true;
        }

        public void Dispose()
        {
            if (_file is null)
            {
                Writer.Flush();
                return;
            }

            Writer.Dispose();
            _file.Dispose();
            if (_committed && _destination is not null)
            {
                File.Move(_temporary!, _destination, overwrite: true);
            }
            else
            {
                File.Delete(_temporary!);
            }
        }
    }

    /// <summary>A write-only stream that forwards UTF-8 bytes to a text writer.</summary>
    private sealed class TextStream : Stream
    {
        private readonly TextWriter _writer;
        private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();

        internal TextStream(TextWriter writer) => _writer = writer;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => _writer.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            var chars = new char[_decoder.GetCharCount(buffer, offset, count)];
            _decoder.GetChars(buffer, offset, count, chars, 0);
            _writer.Write(chars);
        }
    }
}
