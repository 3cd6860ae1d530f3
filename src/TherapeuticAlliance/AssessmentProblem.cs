using System;
using System.Globalization;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance;

/// <summary>Describes one problem found while validating responses for an assessment.</summary>
/// <remarks>
/// Messages name positions (the response's place in the sequence the caller gave, the item's place in the instrument)
/// and the scale, and say how to fix the data; they never contain identifiers (item, instrument or client), response
/// values or free text, so they are safe to log. The identifiers stay available in typed properties for the caller.
/// Match on the concrete type: <see cref="UnknownItem"/>, <see cref="DuplicateResponse"/>, <see cref="ValueOutOfRange"/>,
/// <see cref="ValueOffStep"/>, <see cref="UnsupportedPerspective"/>. Two problems are equal when they are of the
/// same type with the same details. Problems are immutable and thread-safe.
/// </remarks>
public abstract class AssessmentProblem : IEquatable<AssessmentProblem>
{
    private protected AssessmentProblem(int? responseIndex) => ResponseIndex = responseIndex;

    /// <summary>Gets a message that says what is wrong and how to fix it, naming positions only.</summary>
    public abstract string Message { get; }

    /// <summary>
    /// Gets the zero-based position of the response concerned in the sequence the caller gave (for the item-order
    /// overload, the item's position), or <see langword="null"/> when the problem concerns no single response.
    /// </summary>
    public int? ResponseIndex { get; }

    /// <inheritdoc/>
    public bool Equals(AssessmentProblem? other) =>
        other is not null && other.GetType() == GetType() && ResponseIndex == other.ResponseIndex && string.Equals(other.Message, Message, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AssessmentProblem);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ResponseIndex, StringComparer.Ordinal.GetHashCode(Message));

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;

    /// <summary>Formats a one-based ordinal position for a message.</summary>
    private protected static string Position(int zeroBased) => (zeroBased + 1).ToString(CultureInfo.InvariantCulture);
}

/// <summary>A response names an item the instrument does not have.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class UnknownItem : AssessmentProblem
{
    internal UnknownItem(string itemId, int responseIndex)
        : base(responseIndex) => ItemId = itemId;

    /// <summary>Gets the item identifier as the caller gave it (never part of <see cref="Message"/>).</summary>
    public string ItemId { get; }

    /// <inheritdoc/>
    public override string Message =>
        $"Response {Position(ResponseIndex!.Value)} names an item the instrument does not have. Use the item identifiers of the instrument definition.";
}

/// <summary>An item has more than one response.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class DuplicateResponse : AssessmentProblem
{
    internal DuplicateResponse(string itemId, int itemIndex, int responseIndex)
        : base(responseIndex)
    {
        ItemId = itemId;
        ItemIndex = itemIndex;
    }

    /// <summary>Gets the identifier of the item (never part of <see cref="Message"/>).</summary>
    public string ItemId { get; }

    /// <summary>Gets the zero-based position of the item in the instrument.</summary>
    public int ItemIndex { get; }

    /// <inheritdoc/>
    public override string Message => string.Format(
        CultureInfo.InvariantCulture,
        "Response {0} answers item {1} of the instrument again. Give each item at most one response.",
        Position(ResponseIndex!.Value),
        Position(ItemIndex));
}

/// <summary>A response value lies outside the instrument's scale.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ValueOutOfRange : AssessmentProblem
{
    internal ValueOutOfRange(string itemId, int itemIndex, int responseIndex, decimal minimum, decimal maximum)
        : base(responseIndex)
    {
        ItemId = itemId;
        ItemIndex = itemIndex;
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>Gets the identifier of the item (never part of <see cref="Message"/>).</summary>
    public string ItemId { get; }

    /// <summary>Gets the zero-based position of the item in the instrument.</summary>
    public int ItemIndex { get; }

    /// <summary>Gets the scale's minimum.</summary>
    public decimal Minimum { get; }

    /// <summary>Gets the scale's maximum.</summary>
    public decimal Maximum { get; }

    /// <inheritdoc/>
    public override string Message => string.Format(
        CultureInfo.InvariantCulture,
        "Response {0} (item {1} of the instrument) is outside the scale. Record a value from {2} to {3}, or mark the item not answered.",
        Position(ResponseIndex!.Value),
        Position(ItemIndex),
        Minimum,
        Maximum);
}

/// <summary>A response value lies within the scale's range but not on its step.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ValueOffStep : AssessmentProblem
{
    internal ValueOffStep(string itemId, int itemIndex, int responseIndex, decimal step)
        : base(responseIndex)
    {
        ItemId = itemId;
        ItemIndex = itemIndex;
        Step = step;
    }

    /// <summary>Gets the identifier of the item (never part of <see cref="Message"/>).</summary>
    public string ItemId { get; }

    /// <summary>Gets the zero-based position of the item in the instrument.</summary>
    public int ItemIndex { get; }

    /// <summary>Gets the scale's step.</summary>
    public decimal Step { get; }

    /// <inheritdoc/>
    public override string Message => string.Format(
        CultureInfo.InvariantCulture,
        "Response {0} (item {1} of the instrument) is not on the scale's steps. Record a multiple of {2} from the scale's minimum.",
        Position(ResponseIndex!.Value),
        Position(ItemIndex),
        Step);
}

/// <summary>The instrument has no form for the perspective given.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class UnsupportedPerspective : AssessmentProblem
{
    internal UnsupportedPerspective(string instrumentId, Perspective perspective)
        : base(null)
    {
        InstrumentId = instrumentId;
        Perspective = perspective;
    }

    /// <summary>Gets the identifier of the instrument (never part of <see cref="Message"/>).</summary>
    public string InstrumentId { get; }

    /// <summary>Gets the perspective given.</summary>
    public Perspective Perspective { get; }

    /// <inheritdoc/>
    public override string Message =>
        $"The instrument has no {AllianceCodes.ToCode(Perspective)} form. Use one of the perspectives the instrument lists.";
}
