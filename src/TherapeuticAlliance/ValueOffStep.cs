using System.Globalization;

namespace TherapeuticAlliance;

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
