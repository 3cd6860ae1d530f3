using System;

namespace TherapeuticAlliance.Columnar;

/// <summary>The error case of reading columnar input: what is wrong, where, and what to do.</summary>
/// <remarks>Messages name files, rows and columns, never a cell's content (which may identify a client). This type is immutable and thread-safe.</remarks>
public sealed class ColumnarError : IAllianceError
{
    internal ColumnarError(ColumnarErrorKind kind, string message, string? column = null, long? row = null, int? columnNumber = null)
    {
        Kind = kind;
        Message = message;
        Column = column;
        Row = row;
        ColumnNumber = columnNumber;
    }

    /// <summary>Gets what is wrong.</summary>
    public ColumnarErrorKind Kind { get; }

    /// <summary>Gets the stable code of <see cref="Kind"/>: <c>unreadable</c>, <c>missing-column</c>, <c>wrong-type</c>, <c>bad-value</c>, <c>duplicate-or-unknown-item</c> or <c>schema-mismatch</c>.</summary>
    public string Code => Kind switch
    {
        ColumnarErrorKind.Unreadable => "unreadable",
        ColumnarErrorKind.MissingColumn => "missing-column",
        ColumnarErrorKind.WrongType => "wrong-type",
        ColumnarErrorKind.BadValue => "bad-value",
        ColumnarErrorKind.DuplicateOrUnknownItem => "duplicate-or-unknown-item",
        ColumnarErrorKind.SchemaMismatch => "schema-mismatch",
        _ => throw new InvalidOperationException("The error kind is not defined."),
    };

    /// <summary>
    /// Gets the column concerned when it is one of the layout's own columns (<c>episode</c>, <c>session</c>, <c>date</c>,
    /// <c>perspective</c>, <c>instrument</c>, <c>item</c>, <c>value</c>, <c>total</c>); <see langword="null"/> for a column the
    /// file named (an item column), which <see cref="ColumnNumber"/> gives by position instead: a header is text from the
    /// file and may identify someone, so no message or property quotes it (issue 27).
    /// </summary>
    public string? Column { get; }

    /// <summary>Gets the 1-based position of the column concerned among the file's columns (the batch's fields), when the error concerns a column the file named; otherwise <see langword="null"/>.</summary>
    public int? ColumnNumber { get; }

    /// <summary>Gets the 1-based row of the input concerned (counted over all row groups, batches or partitions read), if any.</summary>
    public long? Row { get; }

    /// <summary>Gets a message that says what is wrong and what to do, with no cell's content.</summary>
    public string Message { get; }

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}
