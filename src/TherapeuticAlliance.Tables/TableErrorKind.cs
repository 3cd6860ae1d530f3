namespace TherapeuticAlliance.Tables;

/// <summary>What is wrong with a table's data.</summary>
public enum TableErrorKind
{
    /// <summary>The input has no header row (code <c>empty-table</c>).</summary>
    Empty = 1,

    /// <summary>A header name is blank or repeated (code <c>bad-header</c>).</summary>
    BadHeader = 2,

    /// <summary>A line has another number of fields than the header (code <c>wrong-width</c>).</summary>
    WrongWidth = 3,

    /// <summary>The CSV's quoting is broken (code <c>malformed-csv</c>).</summary>
    Malformed = 4,

    /// <summary>A column the conversion needs is missing (code <c>missing-column</c>).</summary>
    MissingColumn = 5,

    /// <summary>A cell is missing or not of the column's type or range (code <c>bad-value</c>).</summary>
    BadValue = 6,

    /// <summary>Two rows give the same observation (code <c>duplicate-observation</c>).</summary>
    DuplicateObservation = 7,

    /// <summary>The table holds more cells than a reader takes, <see cref="TidyTable.MaximumCells"/> (code <c>too-large</c>; since issue 29).</summary>
    TooLarge = 8,
}
