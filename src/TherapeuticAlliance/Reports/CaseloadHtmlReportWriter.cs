using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Trends;

using TherapeuticAlliance.Service;

namespace TherapeuticAlliance.Reports;

/// <summary>
/// Writes the caseload report (<see cref="CaseloadHtmlReport"/>) from a caseload that arrives one client at a time, in
/// memory that does not grow with the clients' sessions: each client's section is rendered when the client is added
/// and set aside in a spill stream (a temporary file unless the caller gives one); <see cref="Complete"/> ranks the
/// clients and writes the index and the pages, copying each section from the spill stream in attention order.
/// </summary>
/// <remarks>
/// <para>
/// What is held per client is its place in the ranking (level, counts, latest session, identifier, where its section
/// is) and, for a client with an alert, its reasons in words: about 200 bytes and the identifier, whatever its number
/// of sessions. The overview by therapist, site or team (<see cref="CaseloadReportOptions.OverviewBy"/>) grows with
/// the groups, the provenance's table with the instruments. The pages are the ones
/// <see cref="CaseloadHtmlReport.Write"/> writes for the same caseload; in a caseload with more than
/// <see cref="IndexListLimit"/> clients on the attention list (or with no alert), the index names the first
/// <see cref="IndexListLimit"/> and says where the rest are (the client pages, in the same order), so the first page
/// stays small enough to open at once whatever the caseload's size.
/// </para>
/// <para>
/// Use: create, <see cref="Add"/> each client's reports (every report of one identifier, once), then
/// <see cref="Complete"/>, then dispose. Not thread-safe: one caller at a time. Identifiers appear only in the pages,
/// never in an exception message.
/// </para>
/// </remarks>
public sealed class CaseloadHtmlReportWriter : IDisposable
{
    /// <summary>The most clients the index lists by name in each of its lists (the attention table, the clients with no alert): 1,000.</summary>
    public const int IndexListLimit = 1000;

    private readonly string _indexFile;
    private readonly Func<string, TextWriter> _open;
    private readonly CaseloadReportOptions _options;
    private readonly CaseloadHtmlReport.Context _context;
    private readonly Stream _spill;
    private readonly bool _ownsSpill;
    private readonly StreamWriter _spillWriter;
    private readonly List<Placed> _clients = new();
    private readonly CaseloadGroups.Accumulator? _overview;
    private readonly SortedDictionary<string, CaseloadHtmlReport.InstrumentTally> _instruments = new(StringComparer.Ordinal);
    private readonly string _back;
    private readonly ServiceOptions? _service;
    private readonly List<ServiceEpisode> _serviceEpisodes = new();
    private long _series;
    private bool _completed;
    private bool _disposed;

    /// <summary>Initializes a new instance of the <see cref="CaseloadHtmlReportWriter"/> class.</summary>
    /// <param name="indexFile">The index page's name, such as <c>report.html</c> (no directory); client pages are named after it (<see cref="CaseloadHtmlReport.PageName"/>).</param>
    /// <param name="open">Opens the page of the given name for writing; each writer is disposed when its page is written. Called only by <see cref="Complete"/>.</param>
    /// <param name="options">What the page states besides the reports.</param>
    /// <param name="spill">
    /// A readable, writable and seekable stream the sections are set aside in (it is written from its current
    /// position and not disposed); <see langword="null"/> for a temporary file, deleted when this writer is disposed.
    /// Its size is about that of the client pages.
    /// </param>
    /// <exception cref="ArgumentNullException">Thrown when an argument other than <paramref name="spill"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="indexFile"/> is empty, <see cref="CaseloadReportOptions.ClientsPerPage"/> is less than 1, the options' disclosure policy breaks its rules, or <paramref name="spill"/> cannot be read, written and sought.</exception>
    /// <exception cref="IOException">Thrown when the temporary file cannot be created.</exception>
    public CaseloadHtmlReportWriter(string indexFile, Func<string, TextWriter> open, CaseloadReportOptions options, Stream? spill = null)
    {
        Guard.Against.NullOrEmpty(indexFile);
        Guard.Against.Null(open);
        Guard.Against.Null(options);
        Guard.Against.NegativeOrZero(options.ClientsPerPage, nameof(options));
        if (spill is not null)
        {
            Guard.Against.InvalidInput(spill, nameof(spill), s => s.CanRead && s.CanWrite && s.CanSeek, "The spill stream must be readable, writable and seekable.");
        }

        _overview = options.OverviewBy is { } by ? new CaseloadGroups.Accumulator(by, options.Disclosure, nameof(options)) : null;
        _service = options.Service is { } service ? (service with { Policy = options.Disclosure ?? DisclosurePolicy.Default }).WithExpectedResponseFrom(options.ExpectedResponseModels) : null;
        _indexFile = indexFile;
        _open = open;
        _options = options;
        _context = new CaseloadHtmlReport.Context(options);
        _back = CaseloadHtmlReport.Encode(CaseloadHtmlReport.Href(indexFile)) + "#attention";
        _ownsSpill = spill is null;
        _spill = spill ?? new FileStream(Path.Combine(Path.GetTempPath(), "alliance-report-" + Guid.NewGuid().ToString("N") + ".tmp"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _spillWriter = new StreamWriter(_spill, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
    }

    /// <summary>Gets how many clients were added.</summary>
    public int Clients => _clients.Count;

    /// <summary>Adds one client: renders its section and notes its place in the ranking.</summary>
    /// <param name="client">Every report of one client (all its instruments and perspectives), from <see cref="EpisodeAnalyzer.AnalyzeWith"/> or <see cref="EpisodeAnalyzer.AnalyzeCaseload(IEnumerable{Episode}, ReferenceNorms?, CaseloadNormUse)"/>. Add each client once.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="client"/> is or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="client"/> is empty or holds more than one identifier.</exception>
    /// <exception cref="InvalidOperationException">Thrown after <see cref="Complete"/>.</exception>
    /// <exception cref="ObjectDisposedException">Thrown after <see cref="Dispose"/>.</exception>
    public void Add(IReadOnlyList<AllianceReport> client)
    {
        ThrowIfDone();
        CaseloadGroups.Client(client, nameof(client));
        AlertBook book = _context.Book(client);
        TriageEntry entry = CaseloadTriage.Clients(client, book)[0];
        string? why = entry.Level == AttentionLevel.None ? null : string.Concat(CaseloadHtmlReport.Reasons(client, _context, book).Select(r => "<li>" + CaseloadHtmlReport.Encode(r) + "</li>"));
        _spillWriter.Flush();
        long offset = _spill.Position;
        CaseloadHtmlReport.Client(_spillWriter, _rankMark, entry, client, book, _context, _back);
        _spillWriter.Flush();
        _clients.Add(new Placed(entry.Level, entry.ActReasons, entry.Reasons.Length, entry.LatestSession, entry.EpisodeId, offset, checked((int)(_spill.Position - offset)), why));
        _series += client.Count;
        _overview?.Add(client);
        if (_service is not null && ServiceEpisodes.FromClient(client.Select(r => r.Episode).ToList(), _service) is { } episode)
        {
            _serviceEpisodes.Add(episode);   // a few numbers per client, so memory grows with clients, not sessions
        }
        foreach (AllianceReport report in client)
        {
            if (!_instruments.TryGetValue(report.InstrumentId, out CaseloadHtmlReport.InstrumentTally? tally))
            {
                _instruments[report.InstrumentId] = tally = new CaseloadHtmlReport.InstrumentTally(report.Episode);
            }

            tally.Add(report);
        }
    }

    /// <summary>Ranks the clients (as <see cref="CaseloadTriage.Clients(System.Collections.Generic.IEnumerable{AllianceReport})"/> does) and writes the index and the client pages.</summary>
    /// <returns>The names of the pages written, the index first.</returns>
    /// <exception cref="InvalidOperationException">Thrown when called twice.</exception>
    /// <exception cref="ObjectDisposedException">Thrown after <see cref="Dispose"/>.</exception>
    public IReadOnlyList<string> Complete()
    {
        ThrowIfDone();
        _completed = true;
        _spillWriter.Flush();
        Placed[] ranked = _clients
            .OrderByDescending(c => c.Level)
            .ThenByDescending(c => c.ActReasons)
            .ThenByDescending(c => c.Reasons)
            .ThenByDescending(c => c.Latest)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToArray();
        _clients.Clear();
        int clientsPerPage = _options.ClientsPerPage;
        string stem = Path.GetFileNameWithoutExtension(_indexFile);
        string extension = Path.GetExtension(_indexFile) is { Length: > 0 } e ? e : ".html";
        bool paged = ranked.Length > clientsPerPage;
        int pages = paged ? (int)(((long)ranked.Length + clientsPerPage - 1) / clientsPerPage) : 0;
        string PageFile(int page) => paged ? CaseloadHtmlReport.PageName(stem, extension, page) : string.Empty;
        string Link(int rank) => CaseloadHtmlReport.Href(PageFile((rank / clientsPerPage) + 1)) + "#client-" + (rank + 1).ToString(CultureInfo.InvariantCulture);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            var files = new List<string> { _indexFile };
            TextWriter index = _open(_indexFile);
            CaseloadHtmlReport.Head(index, "Therapeutic alliance report");
            index.Write("<header>\n<h1>Therapeutic alliance report</h1>\n<p class=\"note\">");
            index.Write(CaseloadHtmlReport.Encode(_options.Source));
            index.Write(" · ");
            index.Write(CaseloadHtmlReport.Count(ranked.Length, "client"));
            index.Write(", ");
            index.Write(CaseloadHtmlReport.Count(_series, "series", "series"));
            index.Write(" · made ");
            index.Write(_options.Generated.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
            index.Write(" · <a href=\"#provenance\">how this report was made</a></p>\n");
            index.Write("<p class=\"note\">Computed by TherapeuticAlliance with published methods, not clinical judgement: alerts and focus areas are prompts to look and reflect.</p>\n</header>\n<main>\n");
            if (_options.PartialDataWarning is { } partial)
            {
                // Partial data is said on the first screen, before any count, so the counts are never read as the whole.
                index.Write("<p class=\"partial-data\" role=\"alert\"><strong>Partial data.</strong> ");
                index.Write(CaseloadHtmlReport.Encode(partial));
                index.Write(" <a href=\"#data-used\">What was left out</a></p>\n");
            }

            if (_overview?.ToGroups() is { } overview)
            {
                CaseloadHtmlReport.Overview(index, overview);
            }

            // The service view: first for a manager's view (an overview by therapist, site or team), else behind the attention list.
            if (_options.OverviewBy is not null)
            {
                WriteService(index);
            }

            CaseloadHtmlReport.Attention(index, ranked.Select(c => new CaseloadHtmlReport.Ranked(c.Level, c.Id, c.Latest, c.Why)).ToArray(), _context, Link, paged ? clientsPerPage : 0);
            if (_options.OverviewBy is null)
            {
                WriteService(index);
            }
            if (paged)
            {
                index.Write("<section id=\"pages\" aria-labelledby=\"pages-h\">\n<h2 id=\"pages-h\">Client pages</h2>\n<p class=\"note\">Most urgent first, ");
                index.Write(clientsPerPage.ToString(CultureInfo.InvariantCulture));
                index.Write(" clients a page.</p>\n<ul class=\"inline\">\n");
                for (int page = 1; page <= pages; page++)
                {
                    long first = ((long)(page - 1) * clientsPerPage) + 1;
                    long last = Math.Min(ranked.Length, (long)page * clientsPerPage);
                    index.Write("<li><a href=\"");
                    index.Write(CaseloadHtmlReport.Encode(CaseloadHtmlReport.Href(PageFile(page))));
                    index.Write("\">Clients ");
                    index.Write(first.ToString(CultureInfo.InvariantCulture));
                    index.Write("–");
                    index.Write(last.ToString(CultureInfo.InvariantCulture));
                    index.Write("</a></li>\n");
                }

                index.Write("</ul>\n</section>\n");
            }
            else
            {
                for (int rank = 0; rank < ranked.Length; rank++)
                {
                    Copy(ranked[rank], rank, index, buffer);
                }
            }

            index.Write("</main>\n");
            CaseloadHtmlReport.Provenance(index, _options, _instruments.Values, _context);
            CaseloadHtmlReport.Foot(index);
            index.Dispose();

            for (int page = 1; page <= pages; page++)
            {
                string name = PageFile(page);
                files.Add(name);
                TextWriter writer = _open(name);
                int first = (page - 1) * clientsPerPage;
                int last = (int)Math.Min(ranked.Length, (long)page * clientsPerPage);
                string title = string.Format(CultureInfo.InvariantCulture, "Therapeutic alliance report: clients {0}–{1}", first + 1, last);
                CaseloadHtmlReport.Head(writer, title);
                writer.Write("<header>\n<h1>");
                writer.Write(CaseloadHtmlReport.Encode(title));
                writer.Write("</h1>\n<nav class=\"client-nav\" aria-label=\"Pages\"><a href=\"");
                writer.Write(CaseloadHtmlReport.Encode(CaseloadHtmlReport.Href(_indexFile)));
                writer.Write("#attention\">Attention list</a>");
                if (page > 1)
                {
                    writer.Write("<a href=\"");
                    writer.Write(CaseloadHtmlReport.Encode(CaseloadHtmlReport.Href(PageFile(page - 1))));
                    writer.Write("\" rel=\"prev\">Previous page</a>");
                }

                if (page < pages)
                {
                    writer.Write("<a href=\"");
                    writer.Write(CaseloadHtmlReport.Encode(CaseloadHtmlReport.Href(PageFile(page + 1))));
                    writer.Write("\" rel=\"next\">Next page</a>");
                }

                writer.Write("<a href=\"");
                writer.Write(CaseloadHtmlReport.Encode(CaseloadHtmlReport.Href(_indexFile)));
                writer.Write("#provenance\">How this report was made</a></nav>\n<p class=\"note\">");
                writer.Write(CaseloadHtmlReport.Encode(_options.Source));
                writer.Write(" · page ");
                writer.Write(page.ToString(CultureInfo.InvariantCulture));
                writer.Write(" of ");
                writer.Write(pages.ToString(CultureInfo.InvariantCulture));
                writer.Write(", most urgent first</p>\n</header>\n<main>\n");
                for (int rank = first; rank < last; rank++)
                {
                    Copy(ranked[rank], rank, writer, buffer);
                }

                writer.Write("</main>\n");
                CaseloadHtmlReport.Foot(writer);
                writer.Dispose();
            }

            return files;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Deletes the temporary spill file (when this writer made it).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _spillWriter.Dispose();
        if (_ownsSpill)
        {
            _spill.Dispose();
        }
    }

    private void ThrowIfDone()
    {
#pragma warning disable CA1513 // ObjectDisposedException.ThrowIf does not exist on netstandard2.0.
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(CaseloadHtmlReportWriter));
        }
#pragma warning restore CA1513

        if (_completed)
        {
            throw new InvalidOperationException("The report is complete; a writer writes one report.");
        }
    }

    /// <summary>Writes the "Service" section: the service view of every client added (<see cref="ServiceAnalysis"/>).</summary>
    private void WriteService(TextWriter index)
    {
        if (_service is null)
        {
            return;
        }

        index.Write("<section id=\"service\" class=\"service-view\" aria-labelledby=\"service-h\">\n<h2 id=\"service-h\">Service</h2>\n<p class=\"note\">How the service is doing: outcomes beside published benchmarks, therapist and site effects with their intervals (not a league table), and how dependable alliance scores are. docs/service.md says what each figure means and what it must not be used for.</p>\n");
        ServiceAnalysis.Run(_serviceEpisodes, _service).WriteHtml(index);
        _serviceEpisodes.Clear();
        index.Write("\n</section>\n");
    }

    /// <summary>Copies a client's section from the spill stream to a page, with its rank in place of the mark.</summary>
    private void Copy(Placed client, int rank, TextWriter target, byte[] buffer)
    {
        _spill.Seek(client.Offset, SeekOrigin.Begin);
        byte[] bytes = client.Length <= buffer.Length ? buffer : new byte[client.Length];
        int read = 0;
        while (read < client.Length)
        {
            int n = _spill.Read(bytes, read, client.Length - read);
            if (n == 0)
            {
                throw new IOException("The spill stream ended before a client's section; was it changed while the report was written?");
            }

            read += n;
        }

        target.Write(Encoding.UTF8.GetString(bytes, 0, client.Length).Replace(_rankMark, (rank + 1).ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Stands for the client's rank in its section until the rank is known: random per report (a valid HTML identifier part), so no text in the data can foresee it.</summary>
    private readonly string _rankMark = "r" + Guid.NewGuid().ToString("N");

    /// <summary>A client's place in the ranking and where its section is in the spill stream.</summary>
    private readonly record struct Placed(AttentionLevel Level, int ActReasons, int Reasons, int Latest, string Id, long Offset, int Length, string? Why);
}
