using System;

namespace TherapeuticAlliance;

/// <summary>Describes one item of an instrument by structure only: identifier, position, a short neutral label and its keying.</summary>
/// <remarks>
/// The library never ships questionnaire wording: <see cref="Label"/> is a neutral description such as
/// <c>Item 3</c> or <c>Relationship</c>. Equality is by identifier, number, label and keying. This type is
/// immutable and thread-safe.
/// </remarks>
public sealed class InstrumentItem : IEquatable<InstrumentItem>
{
    internal InstrumentItem(string id, int number, string label, bool isReversed)
    {
        Id = id;
        Number = number;
        Label = label;
        IsReversed = isReversed;
    }

    /// <summary>Gets the item identifier, unique within the instrument.</summary>
    public string Id { get; }

    /// <summary>Gets the 1-based position of the item in the instrument.</summary>
    public int Number { get; }

    /// <summary>Gets a short neutral label (never the copyrighted item wording).</summary>
    public string Label { get; }

    /// <summary>Gets a value indicating whether the item is reverse-keyed: scored as <c>min + max − x</c>.</summary>
    public bool IsReversed { get; }

    /// <inheritdoc/>
    public bool Equals(InstrumentItem? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && Number == other.Number
        && string.Equals(Label, other.Label, StringComparison.Ordinal)
        && IsReversed == other.IsReversed;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as InstrumentItem);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Id), Number, IsReversed);

    /// <summary>Returns the item's identifier and label.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => IsReversed ? $"{Id} ({Label}, reversed)" : $"{Id} ({Label})";

    /// <summary>Compares two values for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both are equal or both are <see langword="null"/>.</returns>
    public static bool operator ==(InstrumentItem? left, InstrumentItem? right) => Equals(left, right);

    /// <summary>Compares two values for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(InstrumentItem? left, InstrumentItem? right) => !Equals(left, right);
}
