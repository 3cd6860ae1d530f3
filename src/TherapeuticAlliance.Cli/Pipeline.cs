using System.Globalization;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Tables;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Cli;

/// <summary>
/// What every command shares: read the file, validate and score each administration, build episodes, and account
/// for everything: every row, administration and episode not used is reported on the error stream (file, line,
/// reason) and counted in the summary.
/// </summary>
internal sealed class Pipeline
{
    /// <summary>How many problems are written in full; the rest are counted.</summary>
    internal const int ProblemsShown = 50;

    private readonly CliSettings _settings;
    private TextWriter _error;
    private readonly TextWriter _progress;
    private readonly string _file;
    private bool _fatal;
    private bool _episodesBuilt;

    /// <param name="settings">The command's settings.</param>
    /// <param name="error">Where problems go.</param>
    /// <param name="progress">Where the progress count goes; <paramref name="error"/> when null.</param>
    internal Pipeline(CliSettings settings, TextWriter error, TextWriter? progress = null)
    {
        _settings = settings;
        _error = error;
        _progress = progress ?? error;
        _file = SafeText.Clean(Path.GetFileName(Path.TrimEndingDirectorySeparator(settings.Input)), 120);
    }

    internal long RowsRead { get; private set; }

    /// <summary>Sends what is written from now on (problems, the summary) to another writer: a first pass's problems are held until the caller knows they stand.</summary>
    internal void WriteTo(TextWriter error) => _error = error;

    internal long RowsAccepted { get; private set; }

    internal long RowsRejected { get; private set; }

    internal long AdministrationsScored { get; private set; }

    internal long AdministrationsRejected { get; private set; }

    internal int EpisodesAnalysed { get; private set; }

    internal int EpisodesRejected { get; private set; }

    internal int SessionsLeftOut { get; private set; }

    internal int ProblemCount { get; private set; }

    /// <summary>How many distinct reasons are tallied; problems with further reasons are counted together.</summary>
    internal const int MaxReasons = 100;

    private static readonly System.Text.RegularExpressions.Regex Numbers = new("[0-9]+(?:[.,][0-9]+)*", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>How many problems of one kind are written in full; the rest are counted in one line per kind.</summary>
    internal const int ShownPerKind = 3;

    /// <summary>How many first lines of each kind the summary names.</summary>
    private const int FirstLinesKept = 5;

    private readonly Dictionary<string, int> _reasons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<long>> _firstLines = new(StringComparer.Ordinal);
    private int _shown;
    private int _otherReasons;

    /// <summary>Gets the problems tallied by reason (the message without file and line, its numbers written 'n'), most frequent first; problems beyond <see cref="MaxReasons"/> distinct reasons are one "other reasons" line.</summary>
    internal IReadOnlyList<KeyValuePair<string, int>> Reasons =>
        _reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Concat(_otherReasons > 0 ? new[] { new KeyValuePair<string, int>("other reasons", _otherReasons) } : Array.Empty<KeyValuePair<string, int>>())
            .ToList();

    /// <summary>Gets the accounting as the report states it.</summary>
    internal DataAccount Account => new(RowsRead, RowsAccepted, RowsRejected, AdministrationsScored, AdministrationsRejected, EpisodesAnalysed, EpisodesRejected, SessionsLeftOut, Reasons, ProblemsShown);

    /// <summary>Streams scored administrations. Problems are written to the error stream as they are found.</summary>
    /// <remarks>A total-only record has no assessment (null): its score comes from <see cref="ReportedTotals"/>.</remarks>
    internal IEnumerable<(Administration Administration, Assessment? Assessment, AllianceScore Score)> Scored()
    {
        IAdministrationSource reader = _settings.Reader.Parquet
            ? new ParquetAdministrationSource(_settings.Catalog, _settings.Input, _settings.Reader.Options.Layout)
            : new ResponseFileReader(_settings.Catalog, _settings.Input, _settings.Reader.Options);
        Progress progress = new(_progress, _settings.ShowProgress);
        foreach (Administration administration in reader.Read(progress.Report))
        {
            Flush(reader);
            if (administration.Total is { } total)
            {
                ReportedTotalResult reportedTotal = ReportedTotals.Create(administration.Instrument, administration.Perspective, administration.Occasion, total, administration.SubscaleTotals);
                if (reportedTotal.IsT1)
                {
                    Report(new InputProblem(_file, administration.Line, null, reportedTotal.AsT1.Message + " The administration is left out.") { EpisodeId = administration.Episode });
                    RejectAdministration(administration);
                    continue;
                }

                RowsAccepted += administration.Rows;
                AdministrationsScored++;
                yield return (administration, null, reportedTotal.AsT0);
                continue;
            }

            AssessmentResult assessment = administration.CreateAssessment();
            if (assessment.IsT1)
            {
                foreach (AssessmentProblem problem in assessment.AsT1.Problems)
                {
                    long line = problem.ResponseIndex is { } index && index < administration.ResponseLines.Count ? administration.ResponseLines[index] : administration.Line;
                    Report(new InputProblem(_file, line, null, problem.Message + " The administration is left out.") { EpisodeId = administration.Episode });
                }

                RejectAdministration(administration);
                continue;
            }

            ScoringResult score = _settings.Strategy.Score(assessment.AsT0);
            if (!score.IsSuccess)
            {
                Report(new InputProblem(_file, administration.Line, null, score.Error?.Message + " The administration is left out.") { EpisodeId = administration.Episode });
                RejectAdministration(administration);
                continue;
            }

            RowsAccepted += administration.Rows;
            AdministrationsScored++;
            yield return (administration, assessment.AsT0, score.AsT0);
        }

        Flush(reader);
        _fatal = reader.Fatal;
        RowsRead = reader.RowsRead;
        RowsRejected += reader.RowsRejected;
        AdministrationsRejected += reader.AdministrationsRejected;
        progress.Done();
    }

    /// <summary>
    /// Groups scores into episodes (by episode, perspective and instrument). A session that contradicts the others
    /// (dated before an earlier session) is left out and reported, and the rest of the client's series is kept
    /// (<see cref="InconsistentSessionHandling.ExcludeSession"/>); an episode with nothing left is reported and counted.
    /// </summary>
    internal List<Episode> Episodes(IEnumerable<(Administration Administration, AllianceScore Score)> scored)
    {
        // Only where each score came from is kept (not the administration's responses), so memory grows by a few
        // hundred bytes per administration.
        var batch = new Batch();
        foreach ((Administration administration, AllianceScore score) in scored)
        {
            batch.Add(administration, score);
        }

        List<Episode> episodes = Build(batch);
        _episodesBuilt = true;
        return episodes;
    }

    /// <summary>
    /// Streams the episodes of a file grouped by client (every administration of one episode identifier on
    /// consecutive rows, as exports write them), one client's list at a time, built by the same rules as
    /// <see cref="Episodes"/>: memory holds one client's scores, not the caseload's.
    /// </summary>
    /// <exception cref="NotGroupedByClientException">Thrown, as the enumeration reaches it, when a client's administrations resume after another client's: the caller reads the file in memory instead.</exception>
    internal IEnumerable<List<Episode>> ClientEpisodes(IEnumerable<(Administration Administration, AllianceScore Score)> scored)
    {
        var closed = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        var batch = new Batch();
        foreach ((Administration administration, AllianceScore score) in scored)
        {
            if (!string.Equals(administration.Episode, current, StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    closed.Add(current);
                    List<Episode> built = Build(batch);
                    batch = new Batch();
                    if (built.Count > 0)
                    {
                        yield return built;
                    }
                }

                if (closed.Contains(administration.Episode))
                {
                    throw new NotGroupedByClientException(administration.Line);
                }

                current = administration.Episode;
            }

            batch.Add(administration, score);
        }

        if (current is not null && Build(batch) is { Count: > 0 } last)
        {
            yield return last;
        }

        _episodesBuilt = true;
    }

    /// <summary>The scores of some clients, where each came from, and their sessions' care keys: what <see cref="Build"/> makes episodes of.</summary>
    private sealed class Batch
    {
        internal Dictionary<AllianceScore, Source> Sources { get; } = new(ReferenceEqualityComparer.Instance);

        internal Dictionary<(string Episode, Perspective Perspective, string Instrument), List<AllianceScore>> Groups { get; } = new();

        // Who treated and where, per session of each client: every administration of one session must agree (one
        // session, one therapist and one site); a key one administration leaves empty is taken from the others.
        internal Dictionary<(string Episode, int Session), SessionCare> Care { get; } = new();

        internal void Add(Administration administration, AllianceScore score)
        {
            Sources[score] = new Source(administration.Line, administration.Rows, administration.Session);
            var key = (administration.Episode, administration.Perspective, administration.Instrument.Id);
            if (!Groups.TryGetValue(key, out List<AllianceScore>? scores))
            {
                Groups[key] = scores = new List<AllianceScore>();
            }

            scores.Add(score);
            if (!administration.Keys.IsEmpty || Care.ContainsKey((administration.Episode, administration.Session)))
            {
                NoteCare(Care, administration);
            }
        }
    }

    /// <summary>Builds the episodes of a batch of whole clients, reporting and counting what is left out.</summary>
    private List<Episode> Build(Batch batch)
    {
        var sources = batch.Sources;
        var groups = batch.Groups;
        var care = batch.Care;

        // A session whose administrations name different therapists, sites or teams is left out whole: nothing says which is right.
        ILookup<string, KeyValuePair<(string Episode, Perspective Perspective, string Instrument), List<AllianceScore>>>? byEpisode = null;
        foreach (((string episodeId, int session), SessionCare conflicted) in care.Where(c => c.Value.Conflict is not null).OrderBy(c => c.Value.FirstLine))
        {
            byEpisode ??= groups.ToLookup(g => g.Key.Episode, StringComparer.Ordinal);
            foreach (var (groupKey, scores) in byEpisode[episodeId])
            {
                foreach (AllianceScore score in scores.Where(s => s.Occasion.SessionNumber == session).ToArray())
                {
                    Source source = sources[score];
                    Report(new InputProblem(_file, source.Line, conflicted.Conflict, string.Format(
                        CultureInfo.InvariantCulture,
                        "the administrations of session {0} give different {1} identifiers (lines {2} and {3}); one session has one. Every administration of the session is left out.",
                        session,
                        conflicted.Conflict,
                        conflicted.FirstLine,
                        conflicted.ConflictLine)) { EpisodeId = episodeId });
                    scores.Remove(score);
                    sources.Remove(score);
                    AdministrationsScored--;
                    RowsAccepted -= source.Rows;
                    Reject(source.Rows);
                }
            }
        }

        var episodes = new List<Episode>(groups.Count);
        foreach (var (key, scores) in groups.OrderBy(g => g.Key.Episode, StringComparer.Ordinal).ThenBy(g => g.Key.Perspective).ThenBy(g => g.Key.Instrument, StringComparer.Ordinal))
        {
            if (scores.Count == 0)
            {
                EpisodesRejected++;
                continue;
            }

            Source first = sources[scores[0]];
            EpisodeResult result = Episode.Create(key.Episode, scores, handling: InconsistentSessionHandling.ExcludeSession);
            if (result.IsT1)
            {
                Report(new InputProblem(_file, first.Line, null, "the episode from this line on is left out: " + result.AsT1.Message) { EpisodeId = key.Episode });
                EpisodesRejected++;
                foreach (AllianceScore score in scores)
                {
                    MoveToRejected(sources[score]);
                }

                continue;
            }

            Episode episode = result.AsT0;
            var kept = new HashSet<AllianceScore>(episode.Scores, ReferenceEqualityComparer.Instance);
            foreach (AllianceScore excludedScore in scores.Where(s => !kept.Contains(s)))
            {
                Source source = sources[excludedScore];
                EpisodeProblem problem = episode.ExcludedSessions.First(p => p.Session == source.Session);
                Report(new InputProblem(_file, source.Line, null, problem.Message) { EpisodeId = key.Episode });
                SessionsLeftOut++;
                MoveToRejected(source);
            }

            if (care.Count > 0)
            {
                var bySession = new Dictionary<int, CareKeys>();
                foreach (AllianceScore score in episode.Scores)
                {
                    if (care.TryGetValue((key.Episode, score.Occasion.SessionNumber), out SessionCare? keys))
                    {
                        bySession[score.Occasion.SessionNumber] = keys.Keys;
                    }
                }

                episode = episode.WithCare(bySession);
            }

            EpisodesAnalysed++;
            episodes.Add(episode);
        }

        return episodes;
    }

    /// <summary>Adds an administration's care keys to its session's: keys fill what the session lacks; a different key is a conflict (the first one found is kept, with its lines).</summary>
    private static void NoteCare(Dictionary<(string Episode, int Session), SessionCare> care, Administration administration)
    {
        var at = (administration.Episode, administration.Session);
        if (!care.TryGetValue(at, out SessionCare? session))
        {
            care[at] = new SessionCare(administration.Keys, administration.Line);
            return;
        }

        if (session.Conflict is not null)
        {
            return;
        }

        if (session.Keys.ConflictsWith(administration.Keys) is { IsEmpty: false } kinds)
        {
            session.Conflict = CareKeys.ToCode(kinds[0]);
            session.ConflictLine = administration.Line;
            return;
        }

        session.Keys = session.Keys.Fill(administration.Keys);
    }

    /// <summary>One session's care keys as its administrations give them, and the first conflict between them.</summary>
    private sealed class SessionCare
    {
        internal SessionCare(CareKeys keys, long line)
        {
            Keys = keys;
            FirstLine = line;
        }

        internal CareKeys Keys { get; set; }

        internal long FirstLine { get; }

        internal string? Conflict { get; set; }

        internal long ConflictLine { get; set; }
    }

    private void RejectAdministration(Administration administration) => Reject(administration.Rows);

    private void Reject(int rows)
    {
        RowsRejected += rows;
        AdministrationsRejected++;
    }

    private void MoveToRejected(Source source)
    {
        RowsAccepted -= source.Rows;
        AdministrationsScored--;
        Reject(source.Rows);
    }

    /// <summary>Where a score came from: the administration's first line, its rows and its session.</summary>
    private readonly record struct Source(long Line, int Rows, int Session);

    /// <summary>Writes (or counts) the reader's problems so far and forgets them, so memory does not grow with their number.</summary>
    /// <summary>Gets the clients (episode identifiers) whose data a problem left out, as far as the rows could name them.</summary>
    internal HashSet<string> ClientsWithLostData { get; } = new(StringComparer.Ordinal);

    private void Flush(IAdministrationSource reader)
    {
        foreach (InputProblem problem in reader.TakeProblems())
        {
            Report(problem);
        }
    }

    private void Report(InputProblem problem)
    {
        ProblemCount++;
        if (problem.EpisodeId is { } client)
        {
            ClientsWithLostData.Add(client);
        }

        // Tallied by kind: the numbers in a message (lines, sessions, values) are replaced by 'n', so "the same
        // administration also stands at line 12962" and "... at line 13000" are one reason.
        string reason = Numbers.Replace(problem.Column is null ? problem.Message : "column '" + problem.Column + "': " + problem.Message, "n");
        reason = reason.Length <= InputProblem.MaxMessageLength ? reason : string.Concat(reason.AsSpan(0, InputProblem.MaxMessageLength), "…");
        int ofKind = 0;
        if (_reasons.ContainsKey(reason) || _reasons.Count < MaxReasons)
        {
            ofKind = _reasons[reason] = _reasons.GetValueOrDefault(reason) + 1;
            if (ofKind <= FirstLinesKept)
            {
                (_firstLines.TryGetValue(reason, out List<long>? first) ? first : _firstLines[reason] = new List<long>()).Add(problem.Line);
            }
        }
        else
        {
            _otherReasons++;
        }

        // One kind of problem is written in full a few times; the rest of its kind is one line of the summary.
        if (ofKind is > 0 and <= ShownPerKind && ++_shown <= ProblemsShown)
        {
            _error.WriteLine("error: " + problem);
        }
    }

    /// <summary>Writes one line per kind of problem that occurred more often than it was written: its count and first lines.</summary>
    private void SummariseKinds()
    {
        foreach (KeyValuePair<string, int> kind in Reasons.Where(r => r.Value > ShownPerKind && _firstLines.ContainsKey(r.Key)))
        {
            _error.WriteLine(string.Format(CultureInfo.InvariantCulture, "error: {0}: {1} problems of this kind, first at lines {2}: {3}", _file, kind.Value, string.Join(", ", _firstLines[kind.Key]), kind.Key));
        }

        if (_otherReasons > 0 || _shown > ProblemsShown)
        {
            _error.WriteLine(string.Format(CultureInfo.InvariantCulture, "error: {0}: {1} more problems of other kinds are counted, not written.", _file, _otherReasons + Math.Max(0, _shown - ProblemsShown)));
        }
    }

    /// <summary>Writes the accounting: rows, administrations and (after episodes were built) episodes used and not used.</summary>
    internal void Summary()
    {
        SummariseKinds();
        _error.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} rows accepted, {1} rows rejected.", RowsAccepted, RowsRejected));
        _error.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} administrations scored, {1} administrations rejected.", AdministrationsScored, AdministrationsRejected));
        if (_episodesBuilt)
        {
            _error.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} episodes analysed, {1} episodes rejected, {2} sessions left out.", EpisodesAnalysed, EpisodesRejected, SessionsLeftOut));
        }

        if (ExitCode == AllianceCli.Partial)
        {
            _error.WriteLine("Exit code 3: partial: the results cover what could be used; what was left out is listed above. Give --allow-partial to exit 0 for a partial result.");
        }
        else if (ExitCode != AllianceCli.Ok)
        {
            _error.WriteLine(_fatal ? "Exit code 1: the file could not be read; no result was written."
                : _settings.Strict && ProblemCount > 0 ? "Exit code 1: --strict allows no problem; no result was written."
                : "Exit code 1: nothing could be used; no result was written.");
        }
    }

    /// <summary>
    /// Gets the exit code: data errors (1) when the file could not be read, when nothing could be used (no
    /// administration scored, or no episode analysed), or under --strict when anything at all was rejected.
    /// </summary>
    internal int ExitCode =>
        _fatal || (_settings.Strict && ProblemCount > 0) || AdministrationsScored == 0 || (_episodesBuilt && EpisodesAnalysed == 0)
            ? AllianceCli.DataErrors
            : ProblemCount > 0 && !_settings.AllowPartial ? AllianceCli.Partial
            : AllianceCli.Ok;

    /// <summary>Gets whether results are written: complete (exit 0) or partial (exit 3, or 0 under --allow-partial).</summary>
    internal bool Succeeded => ExitCode != AllianceCli.DataErrors;

    private sealed class Progress
    {
        private TextWriter _error;
        private readonly bool _enabled;
        private bool _shown;

        internal Progress(TextWriter error, bool enabled)
        {
            _error = error;
            _enabled = enabled;
        }

        internal void Report(long rows)
        {
            if (_enabled && rows % 100_000 == 0)
            {
                _shown = true;
                _error.Write(string.Format(CultureInfo.InvariantCulture, "\r{0:N0} rows read", rows));
            }
        }

        internal void Done()
        {
            if (_shown)
            {
                _error.WriteLine();
            }
        }
    }
}

/// <summary>Thrown while episodes are streamed when a client's administrations resume after another client's: the file is not grouped by client.</summary>
internal sealed class NotGroupedByClientException : Exception
{
    internal NotGroupedByClientException(long line)
        : base(string.Format(CultureInfo.InvariantCulture, "the file is not grouped by client: a client's rows resume at line {0}, after other clients' rows", line))
    {
        Line = line;
    }

    /// <summary>Gets the line where a client's rows resume.</summary>
    internal long Line { get; }
}

/// <summary>How the input is read: the text conventions of a CSV file, or Parquet partitions.</summary>
internal sealed record InputSource(ResponseFileOptions Options, bool Parquet);

internal sealed record CliSettings(string Input, InputSource Reader, IScoringStrategy Strategy, IInstrumentCatalog Catalog, bool Strict, bool ShowProgress, bool AllowPartial = false);

/// <summary>The pipeline's accounting of every row, administration and episode, as the report states it.</summary>
internal sealed record DataAccount(
    long RowsRead,
    long RowsAccepted,
    long RowsRejected,
    long AdministrationsScored,
    long AdministrationsRejected,
    int EpisodesAnalysed,
    int EpisodesRejected,
    int SessionsLeftOut,
    IReadOnlyList<KeyValuePair<string, int>> Reasons,
    int ProblemsShown);
