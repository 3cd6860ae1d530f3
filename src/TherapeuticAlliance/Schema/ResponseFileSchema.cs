using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace TherapeuticAlliance.Schema;

/// <summary>
/// The one input schema of the library: the column names, layouts and key rules of a file of administrations, as
/// the command line's CSV reader, the columnar (Parquet and Arrow) readers and the tables package read it. Column
/// names are lower case; a reader compares header names after trimming white space and a byte-order mark and
/// lower-casing them invariantly.
/// </summary>
/// <remarks>
/// <para>
/// Keys: <c>episode</c> (an opaque identifier, compared as the text the file holds), <c>session</c> (a whole number of
/// 0 or more), <c>date</c> (optional cell; see <see cref="SessionDates"/>), <c>perspective</c> (a code of
/// <see cref="AllianceCodes.ToCode(Perspective)"/>), <c>instrument</c> (an instrument identifier of the catalog in use).
/// The columnar readers accept a file without a <c>date</c> column. One administration is one episode, session,
/// perspective and instrument.
/// </para>
/// <para>Layouts: <see cref="ResponseLayout"/>. This type is thread-safe.</para>
/// </remarks>
public static class ResponseFileSchema
{
    /// <summary>The episode's identifier: <c>episode</c>.</summary>
    public const string Episode = "episode";

    /// <summary>The session number: <c>session</c>.</summary>
    public const string Session = "session";

    /// <summary>The session's date: <c>date</c> (see <see cref="SessionDates"/>).</summary>
    public const string Date = "date";

    /// <summary>Who rated: <c>perspective</c>.</summary>
    public const string Perspective = "perspective";

    /// <summary>The instrument's identifier: <c>instrument</c>.</summary>
    public const string Instrument = "instrument";

    /// <summary>The item's identifier, in the long layout: <c>item</c>.</summary>
    public const string Item = "item";

    /// <summary>The response, in the long layout: <c>value</c>.</summary>
    public const string Value = "value";

    /// <summary>The administration's total, in the totals layout: <c>total</c>.</summary>
    public const string Total = "total";

    /// <summary>Who saw the client at the session: <c>therapist</c> (optional column; see <see cref="CareKeys"/>).</summary>
    public const string Therapist = "therapist";

    /// <summary>Where the session took place (service, clinic): <c>site</c> (optional column; see <see cref="CareKeys"/>).</summary>
    public const string Site = "site";

    /// <summary>The team within the site: <c>team</c> (optional column; see <see cref="CareKeys"/>).</summary>
    public const string Team = "team";

    /// <summary>
    /// Gets the optional care-key columns: therapist, site, team. A file may give any of them (after the key columns, in
    /// any order); an empty cell means not recorded. Every row of one administration gives the same keys, and every
    /// administration of one episode's session gives the same keys (one session has one therapist and one site).
    /// </summary>
    public static ImmutableArray<string> CareColumns { get; } = ImmutableArray.Create(Therapist, Site, Team);

    /// <summary>Gets the key columns, in the order files give them: episode, session, date, perspective, instrument.</summary>
    public static ImmutableArray<string> KeyColumns { get; } = ImmutableArray.Create(Episode, Session, Date, Perspective, Instrument);

    /// <summary>Gets the codes a <c>perspective</c> cell may hold, as a message lists them: <c>client, therapist, observer or collateral</c>.</summary>
    public static string PerspectiveCodes { get; } = Describe(new[] { TherapeuticAlliance.Perspective.Client, TherapeuticAlliance.Perspective.Therapist, TherapeuticAlliance.Perspective.Observer, TherapeuticAlliance.Perspective.Collateral }.Select(AllianceCodes.ToCode).ToArray());

    /// <summary>Returns the columns a layout requires, in the order a header gives them.</summary>
    /// <param name="layout">The layout; <see cref="ResponseLayout.Auto"/> is not a layout of its own.</param>
    /// <param name="dateRequired">Whether the <c>date</c> column is required (the CSV layouts) or optional (the columnar readers).</param>
    /// <returns>The key columns, then <c>item</c> and <c>value</c> (long) or <c>total</c> (totals); the item or subscale columns of the wide and totals layouts are the instrument's.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="layout"/> is <see cref="ResponseLayout.Auto"/> or not defined.</exception>
    public static ImmutableArray<string> RequiredColumns(ResponseLayout layout, bool dateRequired = true)
    {
        IEnumerable<string> keys = dateRequired ? KeyColumns : KeyColumns.Where(c => c != Date);
        return layout switch
        {
            ResponseLayout.LongFormat => keys.Concat(new[] { Item, Value }).ToImmutableArray(),
            ResponseLayout.WideFormat => keys.ToImmutableArray(),
            ResponseLayout.TotalsFormat => keys.Concat(new[] { Total }).ToImmutableArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "Give a layout: long, wide or totals."),
        };
    }

    /// <summary>Decides the layout of a file from its (normalised) column names.</summary>
    /// <param name="columns">The header's column names.</param>
    /// <returns><see cref="ResponseLayout.LongFormat"/> when an <c>item</c> or a <c>value</c> column is present (a long file missing one of them is then reported as such), <see cref="ResponseLayout.TotalsFormat"/> when a <c>total</c> column is, else <see cref="ResponseLayout.WideFormat"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="columns"/> is <see langword="null"/>.</exception>
    public static ResponseLayout DetectLayout(IEnumerable<string> columns)
    {
        Guard.Against.Null(columns);

        var names = new HashSet<string>(columns, StringComparer.Ordinal);
        return names.Contains(Item) || names.Contains(Value) ? ResponseLayout.LongFormat
            : names.Contains(Total) ? ResponseLayout.TotalsFormat
            : ResponseLayout.WideFormat;
    }

    /// <summary>Normalises a header's column name as every reader compares it: without white space around it or a byte-order mark before it, lower case (invariant).</summary>
    /// <param name="column">The name as the file gives it.</param>
    /// <returns>The normalised name.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="column"/> is <see langword="null"/>.</exception>
    public static string NormalizeColumn(string column)
    {
        Guard.Against.Null(column);

        return column.Trim().TrimStart('\uFEFF').Trim().ToLowerInvariant();
    }

    /// <summary>Returns the code of a layout, as the command line's <c>--format</c> takes it: <c>auto</c>, <c>long</c>, <c>wide</c>, <c>totals</c>.</summary>
    /// <param name="layout">The layout.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="layout"/> is not defined.</exception>
    public static string ToCode(ResponseLayout layout) => layout switch
    {
        ResponseLayout.Auto => "auto",
        ResponseLayout.LongFormat => "long",
        ResponseLayout.WideFormat => "wide",
        ResponseLayout.TotalsFormat => "totals",
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "The layout is not defined."),
    };

    /// <summary>Parses a layout's code (see <see cref="ToCode"/>; case-sensitive).</summary>
    /// <param name="code">The code.</param>
    /// <param name="layout">The layout, or <see cref="ResponseLayout.Auto"/> when <paramref name="code"/> is not a code.</param>
    /// <returns><see langword="true"/> when <paramref name="code"/> is a layout's code.</returns>
    public static bool TryParseLayout(string? code, out ResponseLayout layout)
    {
        foreach (ResponseLayout candidate in new[] { ResponseLayout.Auto, ResponseLayout.LongFormat, ResponseLayout.WideFormat, ResponseLayout.TotalsFormat })
        {
            if (string.Equals(ToCode(candidate), code, StringComparison.Ordinal))
            {
                layout = candidate;
                return true;
            }
        }

        layout = ResponseLayout.Auto;
        return false;
    }

    private static string Describe(string[] codes) => string.Join(", ", codes.Take(codes.Length - 1)) + " or " + codes[codes.Length - 1];
}
