namespace TherapeuticAlliance.Scoring;

/// <summary>
/// What an assessment gives one <see cref="ScoringUnit"/>: how many of its items were answered and the sum of their
/// keyed values (reverse-keyed items already turned: <c>min + max − x</c>).
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly struct UnitTally
{
    internal UnitTally(int itemCount, int answered, decimal keyedSum)
    {
        ItemCount = itemCount;
        Answered = answered;
        KeyedSum = keyedSum;
    }

    /// <summary>Gets the number of items in the unit.</summary>
    public int ItemCount { get; }

    /// <summary>Gets the number of the unit's items answered (at least 1 whenever a strategy is asked for a value).</summary>
    public int Answered { get; }

    /// <summary>Gets the sum of the answered items' keyed values, in points of the item scale.</summary>
    public decimal KeyedSum { get; }

    /// <summary>Gets the number of the unit's items not answered.</summary>
    public int Missing => ItemCount - Answered;

    /// <summary>Gets the sum prorated to all items: each missing item imputed with the mean of the answered ones (<c>KeyedSum · ItemCount / Answered</c>).</summary>
    public decimal ProratedSum => Answered == ItemCount ? KeyedSum : KeyedSum * ItemCount / Answered;

    /// <summary>Gets the mean of the answered items' keyed values (<c>KeyedSum / Answered</c>).</summary>
    public decimal Mean => KeyedSum / Answered;
}
