namespace TherapeuticAlliance.Columnar;

/// <summary>What is wrong with a columnar input.</summary>
public enum ColumnarErrorKind
{
    /// <summary>The file is not Parquet, cannot be read, or the folder holds no <c>.parquet</c> file (code <c>unreadable</c>).</summary>
    Unreadable = 1,

    /// <summary>A column the layout needs is missing (code <c>missing-column</c>).</summary>
    MissingColumn = 2,

    /// <summary>A column is not of a type the layout accepts (code <c>wrong-type</c>).</summary>
    WrongType = 3,

    /// <summary>A key cell is missing or out of range, or names an instrument or perspective the catalog does not know (code <c>bad-value</c>).</summary>
    BadValue = 4,

    /// <summary>Two rows give the same response, or a wide column is not an item of the instrument (code <c>duplicate-or-unknown-item</c>).</summary>
    DuplicateOrUnknownItem = 5,

    /// <summary>Partitions of one dataset have different schemas (code <c>schema-mismatch</c>).</summary>
    SchemaMismatch = 6,
}
