namespace TherapeuticAlliance;

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
