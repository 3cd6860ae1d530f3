using System.Globalization;

namespace TherapeuticAlliance;

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
