namespace TherapeuticAlliance.Schema;

/// <summary>How administrations are laid out in a response file (CSV, Parquet, Arrow or a tidy table); see <see cref="ResponseFileSchema"/>.</summary>
/// <remarks>One enumeration for every reader: the command line's <c>--input-format</c>, the columnar readers and the tables package.</remarks>
public enum ResponseLayout
{
    /// <summary>Decided from the column names by <see cref="ResponseFileSchema.DetectLayout"/>: long when an <c>item</c> or <c>value</c> column is present, totals when a <c>total</c> column is, else wide.</summary>
    Auto = 0,

    /// <summary>One row per administration: the key columns, then one numeric column per item, named by the item's identifier; an empty cell, a null or an item column an instrument lacks is a missing response.</summary>
    WideFormat = 1,

    /// <summary>One row per item response: the key columns, <c>item</c> (the item's identifier) and <c>value</c> (a number; empty or null for a missing response).</summary>
    LongFormat = 2,

    /// <summary>One row per administration with its total only: the key columns, <c>total</c> (points of the instrument's sum), and optionally one column per subscale named by the subscale's identifier.</summary>
    TotalsFormat = 3,
}
