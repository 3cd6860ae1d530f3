using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance;

/// <summary>
/// Who treated a client at one session and where: the therapist, the site (service, clinic) and optionally the team.
/// Each key is optional and opaque to the library, under the same rules as an episode identifier: compared as the
/// exact text given, never written into a message, a log or a <see cref="ToString"/>.
/// </summary>
/// <remarks>
/// <para>
/// A key is 1 to <see cref="MaxLength"/> characters with no control, format (bidirectional), line or paragraph
/// separator character, no lone surrogate, and no white space at either end (<see cref="IsValidKey"/>); the readers
/// turn a key that breaks the rule into a typed error naming the file, row and column. A change of therapist within
/// an episode is recorded per session (<see cref="Trends.Episode.Care"/>).
/// </para>
/// <para>Immutable and thread-safe. Equality is ordinal on all three keys.</para>
/// </remarks>
public sealed class CareKeys : IEquatable<CareKeys>
{
    /// <summary>The longest key accepted: 128 characters.</summary>
    public const int MaxLength = 128;

    /// <summary>The rule every key follows, as a message states it (no key is quoted).</summary>
    public const string KeyRule = "a therapist, site or team identifier has 1 to 128 characters, no control or line-break character, and no space at either end";

    /// <summary>Initialises the keys of a session.</summary>
    /// <param name="therapist">The therapist who saw the client, or <see langword="null"/> when not recorded.</param>
    /// <param name="site">The site (service, clinic), or <see langword="null"/> when not recorded.</param>
    /// <param name="team">The team within the site, or <see langword="null"/> when not recorded.</param>
    /// <exception cref="ArgumentException">Thrown when a key that is given breaks <see cref="KeyRule"/> (a programmer mistake: readers check keys with <see cref="IsValidKey"/> first). The message names the parameter, never the key.</exception>
    public CareKeys(string? therapist = null, string? site = null, string? team = null)
    {
        Therapist = Check(therapist, nameof(therapist));
        Site = Check(site, nameof(site));
        Team = Check(team, nameof(team));
    }

    /// <summary>Gets the keys of a session for which nothing is recorded.</summary>
    public static CareKeys None { get; } = new();

    /// <summary>Gets the therapist's identifier, or <see langword="null"/> when not recorded.</summary>
    public string? Therapist { get; }

    /// <summary>Gets the site's identifier, or <see langword="null"/> when not recorded.</summary>
    public string? Site { get; }

    /// <summary>Gets the team's identifier, or <see langword="null"/> when not recorded.</summary>
    public string? Team { get; }

    /// <summary>Gets whether no key is recorded.</summary>
    public bool IsEmpty => Therapist is null && Site is null && Team is null;

    /// <summary>Returns the key of one kind.</summary>
    /// <param name="kind">Which key.</param>
    /// <returns>The key, or <see langword="null"/> when not recorded.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="kind"/> is not defined.</exception>
    public string? Get(CareKeyKind kind) => kind switch
    {
        CareKeyKind.Therapist => Therapist,
        CareKeyKind.Site => Site,
        CareKeyKind.Team => Team,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Give therapist, site or team."),
    };

    /// <summary>Checks one key against <see cref="KeyRule"/>.</summary>
    /// <param name="key">The key as read.</param>
    /// <returns><see langword="true"/> when <paramref name="key"/> is a valid key (a <see langword="null"/> key is not).</returns>
    public static bool IsValidKey(string? key)
    {
        if (key is null || key.Length is 0 or > MaxLength || char.IsWhiteSpace(key[0]) || char.IsWhiteSpace(key[key.Length - 1]))
        {
            return false;
        }

        for (int i = 0; i < key.Length; i++)
        {
            char c = key[i];
            if (char.IsHighSurrogate(c) && i + 1 < key.Length && char.IsLowSurrogate(key[i + 1]))
            {
                i++;
                continue;
            }

            UnicodeCategory category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns the keys that differ between two sessions' records of the same session (both given and unequal), as column names.</summary>
    /// <param name="other">The other record.</param>
    /// <returns>The kinds in conflict (therapist, site, team order); empty when they agree where both are given.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="other"/> is <see langword="null"/>.</exception>
    public ImmutableArray<CareKeyKind> ConflictsWith(CareKeys other)
    {
        Guard.Against.Null(other);
        var kinds = ImmutableArray.CreateBuilder<CareKeyKind>();
        foreach (CareKeyKind kind in AllKinds)
        {
            if (Get(kind) is { } mine && other.Get(kind) is { } theirs && !string.Equals(mine, theirs, StringComparison.Ordinal))
            {
                kinds.Add(kind);
            }
        }

        return kinds.ToImmutable();
    }

    /// <summary>Returns these keys with the ones they lack taken from another record of the same session (one administration names the therapist, another the site): the one rule every reader merges a session's records by. Check <see cref="ConflictsWith"/> first: where both give a key, this one's is kept.</summary>
    /// <param name="other">The other record.</param>
    /// <returns>These keys when <paramref name="other"/> adds nothing, else the combined keys.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="other"/> is <see langword="null"/>.</exception>
    public CareKeys Fill(CareKeys other)
    {
        Guard.Against.Null(other);
        return (Therapist is null && other.Therapist is not null) || (Site is null && other.Site is not null) || (Team is null && other.Team is not null)
            ? new CareKeys(Therapist ?? other.Therapist, Site ?? other.Site, Team ?? other.Team)
            : this;
    }

    /// <summary>Gets the three kinds in order: therapist, site, team.</summary>
    public static ImmutableArray<CareKeyKind> AllKinds { get; } = ImmutableArray.Create(CareKeyKind.Therapist, CareKeyKind.Site, CareKeyKind.Team);

    /// <summary>Returns the column name of a kind of key (<see cref="Schema.ResponseFileSchema.Therapist"/>, <see cref="Schema.ResponseFileSchema.Site"/>, <see cref="Schema.ResponseFileSchema.Team"/>), as files, the command line's <c>--by</c> and messages name it.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns><c>therapist</c>, <c>site</c> or <c>team</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="kind"/> is not defined.</exception>
    public static string ToCode(CareKeyKind kind) => kind switch
    {
        CareKeyKind.Therapist => Schema.ResponseFileSchema.Therapist,
        CareKeyKind.Site => Schema.ResponseFileSchema.Site,
        CareKeyKind.Team => Schema.ResponseFileSchema.Team,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Give therapist, site or team."),
    };

    /// <summary>Parses a kind's code (see <see cref="ToCode"/>; case-sensitive).</summary>
    /// <param name="code">The code.</param>
    /// <param name="kind">The kind, when <paramref name="code"/> is one.</param>
    /// <returns><see langword="true"/> when <paramref name="code"/> names a kind.</returns>
    public static bool TryParseKind(string? code, out CareKeyKind kind)
    {
        foreach (CareKeyKind candidate in AllKinds)
        {
            if (string.Equals(ToCode(candidate), code, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <inheritdoc/>
    public bool Equals(CareKeys? other) => other is not null
        && string.Equals(Therapist, other.Therapist, StringComparison.Ordinal)
        && string.Equals(Site, other.Site, StringComparison.Ordinal)
        && string.Equals(Team, other.Team, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CareKeys);

    /// <summary>Compares two sets of keys (ordinal on all three).</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or equal.</returns>
    public static bool operator ==(CareKeys? left, CareKeys? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two sets of keys (ordinal on all three).</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(CareKeys? left, CareKeys? right) => !(left == right);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(
        Therapist is null ? 0 : StringComparer.Ordinal.GetHashCode(Therapist),
        Site is null ? 0 : StringComparer.Ordinal.GetHashCode(Site),
        Team is null ? 0 : StringComparer.Ordinal.GetHashCode(Team));

    /// <summary>Says which keys are recorded, never their values.</summary>
    /// <returns>Text such as <c>care keys: therapist, site</c> or <c>care keys: none</c>.</returns>
    public override string ToString()
    {
        IEnumerable<string> given = AllKinds.Where(k => Get(k) is not null).Select(ToCode);
        string list = string.Join(", ", given);
        return "care keys: " + (list.Length == 0 ? "none" : list);
    }

    private static string? Check(string? key, string parameter) => key is null || IsValidKey(key)
        ? key
        : throw new ArgumentException("The key breaks the rule: " + KeyRule + ".", parameter);
}
