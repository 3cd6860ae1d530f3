using System.Globalization;

namespace TherapeuticAlliance;

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
