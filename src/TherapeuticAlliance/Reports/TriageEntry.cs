using System.Collections.Immutable;
using System.Globalization;

namespace TherapeuticAlliance.Reports;

/// <summary>One line of a caseload's attention list: an episode (client × instrument × perspective) or a whole client.</summary>
/// <param name="EpisodeId">The caller's episode identifier (the client); opaque to the library.</param>
/// <param name="InstrumentId">The instrument, or <see langword="null"/> for a client's line across instruments.</param>
/// <param name="Perspective">Who rated, or <see langword="null"/> for a client's line.</param>
/// <param name="Level">The attention level: the highest severity among the alerts.</param>
/// <param name="Reasons">The alerts' codes, most severe first; a client's line prefixes each with its instrument and perspective (<c>srs/client:unrepaired-rupture</c>).</param>
/// <param name="LatestSession">The latest session scored (for a client, over all its episodes).</param>
/// <remarks>This type is immutable and thread-safe. <c>ToString()</c> leaves the identifier out.</remarks>
public sealed partial record TriageEntry(string EpisodeId, string? InstrumentId, Perspective? Perspective, AttentionLevel Level, ImmutableArray<string> Reasons, int LatestSession)
{
    /// <summary>Gets how many distinct alert codes among <see cref="Reasons"/> call for action (<see cref="Trends.AlertSeverity.Act"/>); one code seen on several instruments counts once.</summary>
    public int ActReasons { get; init; }

    /// <summary>
    /// Gets the codes of the alerts set aside by their lifecycle (issue 33), each with its status, such as
    /// <c>unrepaired-rupture (dismissed)</c> or <c>srs/client:below-cutoff (snoozed)</c>: raised, but not counted in
    /// <see cref="Level"/> or <see cref="Reasons"/>. Empty without a book (<see cref="CaseloadTriage.Episodes(System.Collections.Generic.IEnumerable{AllianceReport}, AlertBook)"/>).
    /// </summary>
    public ImmutableArray<string> SetAside { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Gets the current therapist (<see cref="Trends.EpisodeCare.CurrentKey"/>; for a client, that of its episode with the latest session), or <see langword="null"/> when none is recorded. Opaque; never in <see cref="ToString"/>.</summary>
    public string? Therapist { get; init; }

    /// <summary>Gets the current site, as <see cref="Therapist"/> is found, or <see langword="null"/>.</summary>
    public string? Site { get; init; }

    /// <summary>Gets the current team, as <see cref="Therapist"/> is found, or <see langword="null"/>.</summary>
    public string? Team { get; init; }

    /// <summary>Returns the entry's key of one kind.</summary>
    /// <param name="kind">Which key.</param>
    /// <returns><see cref="Therapist"/>, <see cref="Site"/> or <see cref="Team"/>.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException">Thrown when <paramref name="kind"/> is not defined.</exception>
    public string? CareKey(CareKeyKind kind) => kind switch
    {
        CareKeyKind.Therapist => Therapist,
        CareKeyKind.Site => Site,
        CareKeyKind.Team => Team,
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "Give therapist, site or team."),
    };

    /// <summary>Returns the level, scope, reasons and latest session, without the identifier.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0}: {1}{2}, latest session {3}",
        Level,
        InstrumentId is null ? "client" : InstrumentId + "/" + (Perspective is { } p ? AllianceCodes.ToCode(p) : "?"),
        Reasons.IsEmpty ? string.Empty : " (" + string.Join(", ", Reasons) + ")",
        LatestSession);
}
