using System;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance;

/// <summary>Represents the response to one instrument item: a value, or an explicit "not answered".</summary>
/// <remarks>
/// <para>"Not answered" is its own state: a missing response is never stored as zero. Whether a value fits the
/// instrument's scale is checked when an <see cref="Assessment"/> is created, so that bad data is reported as an
/// error value rather than thrown.</para>
/// <para><see cref="ToString"/> never shows the item identifier or the value. Equality is by item identifier and value. This type is
/// immutable and thread-safe.</para>
/// </remarks>
public sealed class ItemResponse : IEquatable<ItemResponse>
{
    private ItemResponse(string itemId, decimal? value)
    {
        ItemId = itemId;
        Value = value;
    }

    /// <summary>Gets the identifier of the item, as defined by the instrument.</summary>
    public string ItemId { get; }

    /// <summary>Gets the recorded value, or <see langword="null"/> when the item was not answered.</summary>
    public decimal? Value { get; }

    /// <summary>Gets a value indicating whether the item was answered.</summary>
    public bool IsAnswered => Value.HasValue;

    /// <summary>Creates a response with a value.</summary>
    /// <param name="itemId">The item identifier.</param>
    /// <param name="value">The recorded value.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="itemId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="itemId"/> is not a valid item identifier.</exception>
    public static ItemResponse Answered(string itemId, decimal value) => new(ValidateId(itemId), value);

    /// <summary>Creates an explicit "not answered" response.</summary>
    /// <param name="itemId">The item identifier.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="itemId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="itemId"/> is not a valid item identifier.</exception>
    public static ItemResponse NotAnswered(string itemId) => new(ValidateId(itemId), null);

    /// <summary>Creates a response from a nullable value: <see langword="null"/> means not answered.</summary>
    /// <param name="itemId">The item identifier.</param>
    /// <param name="value">The recorded value, or <see langword="null"/>.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="itemId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="itemId"/> is not a valid item identifier.</exception>
    public static ItemResponse Create(string itemId, decimal? value) => new(ValidateId(itemId), value);

    /// <inheritdoc/>
    public bool Equals(ItemResponse? other) =>
        other is not null && string.Equals(ItemId, other.ItemId, StringComparison.Ordinal) && Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ItemResponse);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(ItemId), Value);

    /// <summary>Returns whether the item was answered, never the item identifier (caller-supplied) or the value.</summary>
    /// <returns><c>item response: answered</c> or <c>item response: not answered</c>.</returns>
    public override string ToString() => IsAnswered ? "item response: answered" : "item response: not answered";

    /// <summary>Compares two responses for equality.</summary>
    /// <param name="left">The first response.</param>
    /// <param name="right">The second response.</param>
    /// <returns><see langword="true"/> when both are equal or both are <see langword="null"/>.</returns>
    public static bool operator ==(ItemResponse? left, ItemResponse? right) => Equals(left, right);

    /// <summary>Compares two responses for inequality.</summary>
    /// <param name="left">The first response.</param>
    /// <param name="right">The second response.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ItemResponse? left, ItemResponse? right) => !Equals(left, right);

    private static string ValidateId(string itemId) =>
        Guard.Against.InvalidInput(Guard.Against.Null(itemId), nameof(itemId), Identifiers.IsValidItem, Identifiers.ItemRule);
}
