using System;
using System.Collections.Immutable;
using System.Globalization;
using TherapeuticAlliance.Statistics;

namespace TherapeuticAlliance.Columnar;

/// <summary>
/// The administrations of one instrument read from columnar input: their keys as parallel arrays (one element per
/// administration) and their responses as a <see cref="ResponseMatrix"/> whose columns are the instrument's items in
/// instrument order, ready for a batch strategy's <c>ScoreBatch</c> or <c>ScoreBatchInto</c>.
/// </summary>
/// <remarks>No object is made per administration: each key is one array and the responses one column-major block. A
/// missing response is NaN. This type is immutable and thread-safe.</remarks>
public sealed class ResponseBlock
{
    internal ResponseBlock(Instrument instrument, ImmutableArray<string> episodes, ImmutableArray<int> sessions, ImmutableArray<Perspective> perspectives, ImmutableArray<DateTimeOffset?> dates, ImmutableArray<long> sourceRows, ImmutableArray<int> sourceRowCounts, ResponseMatrix responses)
    {
        Instrument = instrument;
        Episodes = episodes;
        Sessions = sessions;
        Perspectives = perspectives;
        Dates = dates;
        SourceRows = sourceRows;
        SourceRowCounts = sourceRowCounts;
        Responses = responses;
    }

    /// <summary>Gets the instrument, from the catalog the input was read with.</summary>
    public Instrument Instrument { get; }

    /// <summary>Gets the number of administrations.</summary>
    public int RowCount => Responses.RowCount;

    /// <summary>Gets each administration's episode identifier (the <c>episode</c> column).</summary>
    public ImmutableArray<string> Episodes { get; }

    /// <summary>Gets each administration's session number, 0 or more (the <c>session</c> column).</summary>
    public ImmutableArray<int> Sessions { get; }

    /// <summary>Gets each administration's perspective (the <c>perspective</c> column).</summary>
    public ImmutableArray<Perspective> Perspectives { get; }

    /// <summary>Gets each administration's date, or <see langword="null"/> where the input has none (the optional <c>date</c> column).</summary>
    public ImmutableArray<DateTimeOffset?> Dates { get; }

    /// <summary>Gets who treated and where at each administration's session, from the input's optional <c>therapist</c>, <c>site</c> and <c>team</c> string columns (<see cref="CareKeys.None"/> when the input has none or the cells are null or empty). Equal keys share one instance.</summary>
    public ImmutableArray<CareKeys> Care { get; internal init; }

    /// <summary>Gets the 1-based input row each administration starts at (over all row groups, batches and partitions read), for reports that point back to the input.</summary>
    public ImmutableArray<long> SourceRows { get; }

    /// <summary>Gets the number of input rows each administration was read from: 1 in the wide layout, one per item row in the long layout.</summary>
    public ImmutableArray<int> SourceRowCounts { get; }

    /// <summary>Gets the responses: one row per administration, one column per item of <see cref="Instrument"/>, in instrument order and named by item identifier; NaN for a missing response.</summary>
    public ResponseMatrix Responses { get; }

    /// <summary>Returns the instrument and the counts; no identifier or value.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}: {1} administrations × {2} items", Instrument.Id, RowCount, Responses.ColumnCount);
}
