namespace TherapeuticAlliance.Columnar;

/// <summary>How administrations are laid out in columns.</summary>
public enum ResponseLayout
{
    /// <summary>Long when the input has <c>item</c> and <c>value</c> columns, else wide.</summary>
    Auto = 0,

    /// <summary>One row per administration: the key columns, then one numeric column per item, named by the item's identifier; an item column missing for an instrument, or a null, is a missing response.</summary>
    WideFormat = 1,

    /// <summary>One row per item response: the key columns, <c>item</c> (string) and <c>value</c> (numeric; null for a missing response).</summary>
    LongFormat = 2,
}
