using System.Globalization;

namespace TherapeuticAlliance.Linkage;

/// <summary>
/// One alliance rating with the outcome score it is paired with: the client, their therapist and site at the alliance's
/// session, the session and its alliance total, the outcome total at that same session (when given), and the paired
/// outcome's session and total. One row of the long, tidy output of <see cref="AllianceLinkage.Pair"/>.
/// </summary>
/// <param name="Client">The client's (episode's) identifier.</param>
/// <param name="Therapist">The therapist at the alliance's session, or <see langword="null"/>.</param>
/// <param name="Site">The site at the alliance's session, or <see langword="null"/>.</param>
/// <param name="Session">The alliance rating's session number.</param>
/// <param name="Alliance">The alliance total at <paramref name="Session"/>, in the instrument's points.</param>
/// <param name="OutcomeAtSession">The outcome total at <paramref name="Session"/> itself, or <see langword="null"/> when not given then (the lagged model needs it as its autoregressive term).</param>
/// <param name="OutcomeSession">The paired outcome score's session number (<paramref name="Session"/> + lag under <see cref="PairingRule.SessionNumber"/>).</param>
/// <param name="Outcome">The paired outcome total, in the instrument's points.</param>
/// <remarks>Immutable and thread-safe. <see cref="ToString"/> shows the sessions only, never an identifier or a score.</remarks>
public readonly record struct SessionPair(string Client, string? Therapist, string? Site, int Session, double Alliance, double? OutcomeAtSession, int OutcomeSession, double Outcome)
{
    /// <summary>Returns the pair's sessions, never an identifier or a score.</summary>
    /// <returns>Text such as <c>session pair: alliance at session 3, outcome at session 4</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "session pair: alliance at session {0}, outcome at session {1}", Session, OutcomeSession);
}
