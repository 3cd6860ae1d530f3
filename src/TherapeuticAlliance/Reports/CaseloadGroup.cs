using System.Globalization;

namespace TherapeuticAlliance.Reports;

/// <summary>One group of a <see cref="CaseloadGroups"/>: a therapist's, site's or team's caseload. A <see langword="null"/> figure was withheld by the disclosure policy (or, for a mean, has no data: see the matching count).</summary>
/// <param name="Key">The group's key as the input gave it (the user's own data: shown in their page and tables, never in a message or log), or <see langword="null"/> for clients with no key recorded.</param>
/// <param name="Clients">How many clients (episode identifiers).</param>
/// <param name="Episodes">How many episodes (client × instrument × perspective).</param>
/// <param name="Act">How many clients are at "act" (<see cref="CaseloadTriage.Clients(System.Collections.Generic.IEnumerable{AllianceReport})"/>).</param>
/// <param name="Watch">How many clients are at "watch".</param>
/// <param name="NoAlert">How many clients have no alert.</param>
/// <param name="MeanAlliance">The mean latest client-rated alliance, POMP 0–100.</param>
/// <param name="AllianceClients">How many clients <paramref name="MeanAlliance"/> is over.</param>
/// <param name="MeanOutcomeChange">The mean change from the first to the last outcome score, POMP points (positive: better for the built-in ORS).</param>
/// <param name="OutcomeClients">How many clients <paramref name="MeanOutcomeChange"/> is over (those with paired outcome scores).</param>
/// <param name="PairedOutcomeShare">Measurement completeness: the share (0–1) of the group's clients with a first and a last outcome score.</param>
/// <remarks>Immutable and thread-safe; <c>ToString()</c> leaves the key out.</remarks>
public sealed record CaseloadGroup(string? Key, int? Clients, int? Episodes, int? Act, int? Watch, int? NoAlert, double? MeanAlliance, int? AllianceClients, double? MeanOutcomeChange, int? OutcomeClients, double? PairedOutcomeShare)
{
    /// <summary>Gets whether the whole group was withheld (fewer clients than the policy's minimum).</summary>
    public bool Withheld { get; init; }

    /// <summary>Gets how many of this group's statistics were withheld.</summary>
    public int WithheldStatistics { get; init; }

    /// <summary>Says whether the group was withheld and how many clients it shows, without its key.</summary>
    /// <returns>Text such as <c>group of 24 clients</c> or <c>group withheld</c>.</returns>
    public override string ToString() => Withheld
        ? "group withheld"
        : string.Format(CultureInfo.InvariantCulture, "group of {0} clients", Clients is { } c ? c.ToString(CultureInfo.InvariantCulture) : "(withheld)");
}
