using System;
using System.Globalization;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance;

/// <summary>Describes one problem found while validating responses for an assessment.</summary>
/// <remarks>
/// Problems name instrument structure (item identifiers, the scale) and say how to fix the data; they never
/// contain the offending response value, client identifiers or free text. Match on the concrete type:
/// <see cref="UnknownItem"/>, <see cref="DuplicateResponse"/>, <see cref="ValueOutOfRange"/>,
/// <see cref="ValueOffStep"/>, <see cref="UnsupportedPerspective"/>. Two problems are equal when they are of the
/// same type with the same details. Problems are immutable and thread-safe.
/// </remarks>
public abstract class AssessmentProblem : IEquatable<AssessmentProblem>
{
    private protected AssessmentProblem()
    {
    }

    /// <summary>Gets a message that says what is wrong and how to fix it.</summary>
    public abstract string Message { get; }

    /// <inheritdoc/>
    public bool Equals(AssessmentProblem? other) =>
        other is not null && other.GetType() == GetType() && string.Equals(other.Message, Message, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AssessmentProblem);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Message);

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}

/// <summary>A response names an item the instrument does not have.</summary>
public sealed class UnknownItem : AssessmentProblem
{
    internal UnknownItem(string itemId) => ItemId = itemId;

    /// <summary>Gets the item identifier given.</summary>
    public string ItemId { get; }

    /// <inheritdoc/>
    public override string Message =>
        $"The instrument has no item '{ItemId}'. Use the item identifiers of the instrument definition.";
}

/// <summary>An item has more than one response.</summary>
public sealed class DuplicateResponse : AssessmentProblem
{
    internal DuplicateResponse(string itemId) => ItemId = itemId;

    /// <summary>Gets the item identifier.</summary>
    public string ItemId { get; }

    /// <inheritdoc/>
    public override string Message =>
        $"Item '{ItemId}' has more than one response. Give each item at most one response.";
}

/// <summary>A value lies outside the instrument's scale.</summary>
public sealed class ValueOutOfRange : AssessmentProblem
{
    internal ValueOutOfRange(string itemId, decimal minimum, decimal maximum)
    {
        ItemId = itemId;
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>Gets the item identifier.</summary>
    public string ItemId { get; }

    /// <summary>Gets the lowest allowed value.</summary>
    public decimal Minimum { get; }

    /// <summary>Gets the highest allowed value.</summary>
    public decimal Maximum { get; }

    /// <inheritdoc/>
    public override string Message => string.Format(
        CultureInfo.InvariantCulture,
        "The value of item '{0}' is outside the scale. Record a value from {1} to {2}, or mark the item not answered.",
        ItemId,
        Minimum,
        Maximum);
}

/// <summary>A value lies within the scale's range but not on one of its steps.</summary>
public sealed class ValueOffStep : AssessmentProblem
{
    internal ValueOffStep(string itemId, decimal step)
    {
        ItemId = itemId;
        Step = step;
    }

    /// <summary>Gets the item identifier.</summary>
    public string ItemId { get; }

    /// <summary>Gets the scale's step.</summary>
    public decimal Step { get; }

    /// <inheritdoc/>
    public override string Message => string.Format(
        CultureInfo.InvariantCulture,
        "The value of item '{0}' is not on the scale's steps. Record a multiple of {1} from the scale's minimum.",
        ItemId,
        Step);
}

/// <summary>The instrument has no form for the perspective given.</summary>
public sealed class UnsupportedPerspective : AssessmentProblem
{
    internal UnsupportedPerspective(string instrumentId, Perspective perspective)
    {
        InstrumentId = instrumentId;
        Perspective = perspective;
    }

    /// <summary>Gets the instrument identifier.</summary>
    public string InstrumentId { get; }

    /// <summary>Gets the perspective given.</summary>
    public Perspective Perspective { get; }

    /// <inheritdoc/>
    public override string Message =>
        $"Instrument '{InstrumentId}' has no {Names.Of(Perspective)} form. Use one of the perspectives the instrument lists.";
}
