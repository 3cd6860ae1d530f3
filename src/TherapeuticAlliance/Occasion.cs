using System;
using System.Globalization;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance;

/// <summary>Represents when an assessment was made: the session number within an episode of care and, optionally, a timestamp.</summary>
/// <remarks>
/// <para>Session numbers start at 0 (an intake or pre-treatment occasion) or 1. Occasions order by session number,
/// then by timestamp (an occasion without a timestamp orders first). The library never reads the wall clock:
/// timestamps are always supplied by the caller.</para>
/// <para>Equality is by session number and timestamp (the same instant). This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class Occasion : IEquatable<Occasion>, IComparable<Occasion>
{
    private Occasion(int sessionNumber, DateTimeOffset? recordedAt)
    {
        SessionNumber = sessionNumber;
        RecordedAt = recordedAt;
    }

    /// <summary>Gets the session number within the episode of care; 0 or more.</summary>
    public int SessionNumber { get; }

    /// <summary>Gets the time the assessment was recorded, or <see langword="null"/> when unknown.</summary>
    public DateTimeOffset? RecordedAt { get; }

    /// <summary>Creates an occasion for a session number.</summary>
    /// <param name="sessionNumber">The session number, 0 or more.</param>
    /// <param name="recordedAt">The time of recording, if known.</param>
    /// <returns>The occasion.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="sessionNumber"/> is negative.</exception>
    public static Occasion Session(int sessionNumber, DateTimeOffset? recordedAt = null) =>
        new(Guard.Against.InvalidInput(sessionNumber, nameof(sessionNumber), static n => n >= 0, "The session number cannot be negative."), recordedAt);

    /// <inheritdoc/>
    public int CompareTo(Occasion? other)
    {
        if (other is null)
        {
            return 1;
        }

        int bySession = SessionNumber.CompareTo(other.SessionNumber);
        if (bySession != 0)
        {
            return bySession;
        }

        return Nullable.Compare(RecordedAt, other.RecordedAt);
    }

    /// <inheritdoc/>
    public bool Equals(Occasion? other) =>
        other is not null && SessionNumber == other.SessionNumber && Nullable.Equals(RecordedAt, other.RecordedAt);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Occasion);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(SessionNumber, RecordedAt);

    /// <summary>Returns a culture-invariant description such as <c>session 3</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => RecordedAt is { } at
        ? string.Format(CultureInfo.InvariantCulture, "session {0} ({1:yyyy-MM-dd})", SessionNumber, at)
        : string.Format(CultureInfo.InvariantCulture, "session {0}", SessionNumber);

    /// <summary>Compares two occasions for equality.</summary>
    /// <param name="left">The first occasion.</param>
    /// <param name="right">The second occasion.</param>
    /// <returns><see langword="true"/> when both are equal or both are <see langword="null"/>.</returns>
    public static bool operator ==(Occasion? left, Occasion? right) => Equals(left, right);

    /// <summary>Compares two occasions for inequality.</summary>
    /// <param name="left">The first occasion.</param>
    /// <param name="right">The second occasion.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Occasion? left, Occasion? right) => !Equals(left, right);

    /// <summary>Determines whether one occasion comes before another.</summary>
    /// <param name="left">The first occasion.</param>
    /// <param name="right">The second occasion.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> orders before <paramref name="right"/>.</returns>
    public static bool operator <(Occasion? left, Occasion? right) => Compare(left, right) < 0;

    /// <summary>Determines whether one occasion comes after another.</summary>
    /// <param name="left">The first occasion.</param>
    /// <param name="right">The second occasion.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> orders after <paramref name="right"/>.</returns>
    public static bool operator >(Occasion? left, Occasion? right) => Compare(left, right) > 0;

    /// <summary>Determines whether one occasion comes before or equals another.</summary>
    /// <param name="left">The first occasion.</param>
    /// <param name="right">The second occasion.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not order after <paramref name="right"/>.</returns>
    public static bool operator <=(Occasion? left, Occasion? right) => Compare(left, right) <= 0;

    /// <summary>Determines whether one occasion comes after or equals another.</summary>
    /// <param name="left">The first occasion.</param>
    /// <param name="right">The second occasion.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not order before <paramref name="right"/>.</returns>
    public static bool operator >=(Occasion? left, Occasion? right) => Compare(left, right) >= 0;

    private static int Compare(Occasion? left, Occasion? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}
