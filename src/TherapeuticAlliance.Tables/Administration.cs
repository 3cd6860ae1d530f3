using System;
using System.Collections.Generic;

namespace TherapeuticAlliance.Tables;

/// <summary>One administration read from a response file: its key, its responses with the line of each, and where it stood.</summary>
/// <param name="Episode">The episode identifier, as the file gives it (compared as text: <c>0042</c> and <c>42</c> are different episodes).</param>
/// <param name="Session">The session number (0 or more).</param>
/// <param name="Date">The session date (UTC midnight), or <see langword="null"/> when the file gives none.</param>
/// <param name="Perspective">Who rated.</param>
/// <param name="Instrument">The instrument, from the catalog the reader was given.</param>
/// <param name="Responses">The item responses in file order (a <see langword="null"/> value: not answered); empty for a total-only record or a columnar row (<see cref="ValuesInItemOrder"/>).</param>
/// <param name="ResponseLines">The file line of each response, parallel to <paramref name="Responses"/>.</param>
/// <param name="Line">The line (or row) the administration starts on.</param>
/// <param name="Rows">How many rows of the file it took (1 for a wide or totals row).</param>
/// <remarks>
/// A total-only record (<see cref="Schema.ResponseLayout.TotalsFormat"/>) has no responses and a <see cref="Total"/>,
/// with subscale totals where given. Values are as the file gives them: the instrument's scale is checked by
/// <see cref="CreateAssessment"/>, not by the reader. Instances are immutable and thread-safe.
/// </remarks>
public sealed record Administration(string Episode, int Session, DateTimeOffset? Date, Perspective Perspective, Instrument Instrument, IReadOnlyList<ItemResponse> Responses, IReadOnlyList<long> ResponseLines, long Line, int Rows)
{
    /// <summary>Gets the reported total of a total-only record, or <see langword="null"/> for item responses.</summary>
    public decimal? Total { get; init; }

    /// <summary>Gets the reported subscale totals of a total-only record (subscale identifier and total); empty when none is given.</summary>
    public IReadOnlyList<KeyValuePair<string, decimal>> SubscaleTotals { get; init; } = Array.Empty<KeyValuePair<string, decimal>>();

    /// <summary>Gets the values in the instrument's item order (<see langword="null"/>: not answered) when the source holds them as a row of a matrix (Parquet); then <see cref="Responses"/> is empty and no object is made per cell.</summary>
    public IReadOnlyList<decimal?>? ValuesInItemOrder { get; init; }

    /// <summary>Gets who treated the client at this session and where, from the file's optional <c>therapist</c>, <c>site</c> and <c>team</c> columns (<see cref="CareKeys.None"/> when the file has none or the cells are empty). Opaque: never written into a problem's message.</summary>
    public CareKeys Keys { get; init; } = CareKeys.None;

    /// <summary>Gets the occasion: the session number and date.</summary>
    public Occasion Occasion => Occasion.Session(Session, Date);

    /// <summary>Makes the assessment from the responses (or the values in item order), with the instrument's checks.</summary>
    /// <returns>The assessment, or the problems (each with the index of its response: <see cref="ResponseLines"/> gives its line). A total-only record has no responses and returns an empty-response problem; read it with <see cref="Scoring.ReportedTotals"/>.</returns>
    public AssessmentResult CreateAssessment() => ValuesInItemOrder is { } values
        ? Instrument.CreateAssessment(Perspective, Occasion, values as decimal?[] ?? System.Linq.Enumerable.ToArray(values))
        : Instrument.CreateAssessment(Perspective, Occasion, Responses);
}
