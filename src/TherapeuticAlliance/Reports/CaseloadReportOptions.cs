using System;
using System.Collections.Generic;
using TherapeuticAlliance.ExpectedResponse;


namespace TherapeuticAlliance.Reports;

/// <summary>
/// What the caseload report (<see cref="CaseloadHtmlReport"/>) states besides the reports themselves: where the data
/// came from and how the report was made, the instruments' names, the expected-response models its charts draw, and
/// the page size. Everything the caller knows and the library does not (files, rows, options of a tool) is given as
/// text here, so the library knows nothing of CSV rows or command lines.
/// </summary>
/// <remarks>Immutable and thread-safe; texts are written HTML-encoded.</remarks>
public sealed record CaseloadReportOptions
{
    /// <summary>Gets where the caseload came from, as the page's header names it (such as the input file's name); default <c>caseload</c>.</summary>
    public string Source { get; init; } = "caseload";

    /// <summary>Gets when the report was made; shown in UTC.</summary>
    public DateTimeOffset Generated { get; init; }

    /// <summary>Gets the labelled lines of the page's "How this report was made" list, in order (such as tool, date, input, options); default none.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ProvenanceLines { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>Gets the instruments whose names and versions the page shows (by identifier); an instrument not given is shown by its identifier in capitals.</summary>
    public IReadOnlyList<Instrument> Instruments { get; init; } = Array.Empty<Instrument>();

    /// <summary>
    /// Gets the alerts' lifecycle events stored so far (issue 33): the attention list and each client's alerts read the
    /// status they give (<see cref="AlertBook"/>): an acknowledged alert counts at watch and says so, a snoozed or
    /// dismissed one is listed apart. Default none: every alert open, as before.
    /// </summary>
    public IReadOnlyCollection<TherapeuticAlliance.Trends.AlertLifecycleEvent> AlertEvents { get; init; } = Array.Empty<TherapeuticAlliance.Trends.AlertLifecycleEvent>();

    /// <summary>Gets the moment the alerts' statuses are for (a snooze until a moment ends at it); <see langword="null"/> (the default) for <see cref="Generated"/>.</summary>
    public DateTimeOffset? AlertsAsOf { get; init; }

    /// <summary>Gets the expected-response models whose bands the charts draw and the provenance lists; default none.</summary>
    public IReadOnlyCollection<IExpectedResponseModel> ExpectedResponseModels { get; init; } = Array.Empty<IExpectedResponseModel>();

    /// <summary>Gets how many clients a page holds before the report is split into an index and client pages; 1 or more, default <see cref="CaseloadHtmlReport.DefaultClientsPerPage"/>.</summary>
    public int ClientsPerPage { get; init; } = CaseloadHtmlReport.DefaultClientsPerPage;

    /// <summary>Gets how a reference norm the caller gave is described (such as <c>given with --norm</c>); default <c>given by the caller</c>.</summary>
    public string CallerNormSource { get; init; } = "given by the caller";

    /// <summary>Gets the paragraph on what data was used and left out, or <see langword="null"/> for no such part.</summary>
    public string? DataSummary { get; init; }

    /// <summary>Gets what was left out, by reason with its count (shown under <see cref="DataSummary"/>); default none.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> LeftOut { get; init; } = Array.Empty<KeyValuePair<string, int>>();

    /// <summary>
    /// Gets what the first screen says before any count when the data is partial (such as how many rows and
    /// administrations were left out, and of which instruments), so the counts are not read as the whole caseload; it
    /// links to the left-out table. <see langword="null"/> (the default) when nothing was left out.
    /// </summary>
    public string? PartialDataWarning { get; init; }

    /// <summary>
    /// Gets the clients (episode identifiers, compared ordinally) some of whose data was left out (a rejected
    /// administration, a session left out of an episode): each is marked "partial data" wherever it appears, in the
    /// attention list, the list of clients with no alert and its own section. Default none.
    /// </summary>
    public IReadOnlyCollection<string> ClientsWithLostData { get; init; } = Array.Empty<string>();

    /// <summary>Gets a note under the left-out table (such as where to see each problem), or <see langword="null"/>.</summary>
    public string? LeftOutNote { get; init; }

    /// <summary>
    /// Gets the key to group the caseload by (therapist, site or team), or <see langword="null"/> (the default) for no
    /// overview: when given, the index page opens with one row per group (<see cref="CaseloadGroups.Summarise"/>:
    /// clients, series, clients by attention level, mean alliance, mean outcome change, paired outcome scores) under
    /// <see cref="Disclosure"/>, and says how many groups and figures were withheld.
    /// </summary>
    public CareKeyKind? OverviewBy { get; init; }

    /// <summary>Gets the disclosure policy of the overview; <see langword="null"/> (the default) for <see cref="DisclosurePolicy.Default"/>.</summary>
    public DisclosurePolicy? Disclosure { get; init; }

    /// <summary>
    /// Gets the service view's options (outcome and alliance instruments, reliable change, cutoff, benchmarks), or
    /// <see langword="null"/> for a report without the "Service" section. <see cref="Service.ServiceOptions.Default"/> by
    /// default. The section runs under <see cref="Disclosure"/> and the expected-response model of its outcome instrument
    /// among <see cref="ExpectedResponseModels"/>; it comes first when <see cref="OverviewBy"/> is given (a manager's view
    /// of therapists or sites), after the attention list otherwise (a clinician's).
    /// </summary>
    public Service.ServiceOptions? Service { get; init; } = TherapeuticAlliance.Service.ServiceOptions.Default;
}
