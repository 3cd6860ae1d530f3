using System.Globalization;

namespace TherapeuticAlliance.Reports;

/// <summary>The alert load of one clinician, site or team (<see cref="AlertBook.LoadBy"/>): how many alerts stand, and what was done with them.</summary>
/// <param name="Key">The therapist, site or team key, or <see langword="null"/> for episodes that name none.</param>
/// <param name="OpenAct">Open alerts of severity act.</param>
/// <param name="OpenWatch">Open alerts of severity watch.</param>
/// <param name="Acknowledged">Acknowledged alerts (their state holds).</param>
/// <param name="Snoozed">Snoozed alerts.</param>
/// <param name="Dismissed">Dismissed alerts (their state holds).</param>
/// <param name="Clients">Clients with at least one open or acknowledged alert.</param>
/// <remarks>
/// Feedback works through what happens after an alert: uptake of a clinical alert fell from 39.3 % to 19.8 % between
/// the lowest and highest quartile of prior alert exposure, and the authors recommend monitoring each provider's
/// alert exposure (Murad et al. 2022, JAMIA 30(1), 64–72; domain reference REFERENCE-signals.md). Immutable and
/// thread-safe.
/// </remarks>
public sealed record AlertLoad(string? Key, int OpenAct, int OpenWatch, int Acknowledged, int Snoozed, int Dismissed, int Clients)
{
    /// <summary>Gets the open alerts, act and watch.</summary>
    public int Open => OpenAct + OpenWatch;

    /// <summary>Returns the counts (the key is a staff or site key, not patient data).</summary>
    /// <returns>For example <c>T01: 3 open (1 act, 2 watch), 1 acknowledged, 0 snoozed, 2 dismissed; 3 clients</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}: {1} open ({2} act, {3} watch), {4} acknowledged, {5} snoozed, {6} dismissed; {7} clients", Key ?? "(none)", Open, OpenAct, OpenWatch, Acknowledged, Snoozed, Dismissed, Clients);
}
