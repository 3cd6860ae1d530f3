using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// The stable identity of an alert across runs: the episode (client, instrument, perspective), the alert's code and its
/// onset, the first session of the state it flags. Run the same data again, or add sessions while the state lasts, and
/// the alert has the same identity, so a clinician's acknowledgement or dismissal (<see cref="AlertLifecycleEvent"/>)
/// keeps applying to it; when the state ends and later begins again, the new onset makes it a new alert.
/// </summary>
/// <remarks>
/// <para>The onset is the first of the alert's <see cref="Alert.Sessions"/>. Every built-in rule puts the state's first
/// session there ("since session 4", the rupture's start, the pre-session of a sudden loss, the intake of a reliable
/// change), so the identity holds while the state lasts. Two rules flag the latest session itself (a perspective
/// discrepancy at the latest session both rated, the opt-in drop from the previous session): each of their alerts is
/// one session's state, and a later session's is a new alert. A rule of your own gets the same treatment: put the
/// state's first session first.</para>
/// <para><see cref="ToString"/> and <see cref="Fingerprint"/> carry no identifier: the fingerprint is a one-way hash, for
/// an external system's key (a FHIR <c>Flag.identifier</c>, a CDS Hooks card's uuid) or a log. This type is immutable
/// and thread-safe; equality is by value.</para>
/// </remarks>
public sealed class AlertIdentity : IEquatable<AlertIdentity>
{
    /// <summary>Initializes a new instance of the <see cref="AlertIdentity"/> class.</summary>
    /// <param name="episodeId">The episode's (client's) identifier, as in <see cref="Episode.Id"/>.</param>
    /// <param name="instrumentId">The instrument of the episode.</param>
    /// <param name="perspective">The rater's perspective of the episode.</param>
    /// <param name="code">The alert's stable code (<see cref="Alert.Code"/>).</param>
    /// <param name="onset">The first session of the state; 0 or more.</param>
    /// <exception cref="ArgumentNullException">Thrown when a string is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when a string is blank, the perspective is not defined or the onset is negative.</exception>
    public AlertIdentity(string episodeId, string instrumentId, Perspective perspective, string code, int onset)
    {
        EpisodeId = Guard.Against.NullOrWhiteSpace(episodeId);
        InstrumentId = Guard.Against.NullOrWhiteSpace(instrumentId);
        Perspective = Guard.Against.InvalidInput(perspective, nameof(perspective), static p => AllianceCodes.IsDefined(p), "The perspective is not defined.");
        Code = Guard.Against.NullOrWhiteSpace(code);
        Onset = Guard.Against.Negative(onset);
    }

    /// <summary>Gets the episode's (client's) identifier. Patient data: never logged or printed by the library.</summary>
    public string EpisodeId { get; }

    /// <summary>Gets the instrument of the episode.</summary>
    public string InstrumentId { get; }

    /// <summary>Gets the rater's perspective of the episode.</summary>
    public Perspective Perspective { get; }

    /// <summary>Gets the alert's stable code, such as <c>unrepaired-rupture</c>.</summary>
    public string Code { get; }

    /// <summary>Gets the first session of the state the alert flags.</summary>
    public int Onset { get; }

    /// <summary>
    /// Gets a stable, one-way key of the identity: the first 16 bytes of the SHA-256 of its five parts (UTF-8, each
    /// length-prefixed), as 32 lower-case hexadecimal digits. The same on every platform and in every version; it does
    /// not reveal the episode's identifier.
    /// </summary>
    public string Fingerprint
    {
        get
        {
            var text = new StringBuilder();
            foreach (string part in new[] { EpisodeId, InstrumentId, AllianceCodes.ToCode(Perspective), Code, Onset.ToString(CultureInfo.InvariantCulture) })
            {
                text.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part);
            }

#if NET
            byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
#else
            using var sha = SHA256.Create();
            byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
#endif
            return string.Concat(hash.Take(16).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Gets the identity of an alert raised on an episode.</summary>
    /// <param name="episode">The episode the alert was raised on.</param>
    /// <param name="alert">The alert.</param>
    /// <returns>The identity: the episode's identifier, instrument and perspective, the alert's code, and the first of its sessions as the onset (0 when it names none).</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static AlertIdentity Of(Episode episode, Alert alert)
    {
        Guard.Against.Null(episode);
        Guard.Against.Null(alert);
        return new AlertIdentity(episode.Id, episode.InstrumentId, episode.Perspective, alert.Code, alert.Sessions.IsEmpty ? 0 : Math.Max(0, alert.Sessions.Min()));
    }

    /// <inheritdoc/>
    public bool Equals(AlertIdentity? other) =>
        other is not null
        && string.Equals(EpisodeId, other.EpisodeId, StringComparison.Ordinal)
        && string.Equals(InstrumentId, other.InstrumentId, StringComparison.Ordinal)
        && Perspective == other.Perspective
        && string.Equals(Code, other.Code, StringComparison.Ordinal)
        && Onset == other.Onset;

    /// <summary>Compares two identities by value.</summary>
    /// <param name="left">The first identity.</param>
    /// <param name="right">The second identity.</param>
    /// <returns>Whether both are <see langword="null"/> or equal.</returns>
    public static bool operator ==(AlertIdentity? left, AlertIdentity? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two identities by value.</summary>
    /// <param name="left">The first identity.</param>
    /// <param name="right">The second identity.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(AlertIdentity? left, AlertIdentity? right) => !(left == right);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AlertIdentity);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        // Stryker disable all : any mix of the parts' hashes keeps equal identities' hashes equal; the spread is not a behaviour a test can pin (string hashes are randomised per process)
        unchecked
        {
            int hash = StringComparer.Ordinal.GetHashCode(EpisodeId);
            hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(InstrumentId);
            hash = (hash * 31) + (int)Perspective;
            hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(Code);
            return (hash * 31) + Onset;
        }

        // Stryker restore all
    }

    /// <summary>Returns the code, instrument, perspective and onset; never the episode's identifier.</summary>
    /// <returns>For example <c>unrepaired-rupture on srs/client since session 5</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} on {1}/{2} since session {3}", Code, InstrumentId, AllianceCodes.ToCode(Perspective), Onset);
}
