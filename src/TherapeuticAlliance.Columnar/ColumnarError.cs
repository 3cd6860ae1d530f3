using System;

namespace TherapeuticAlliance.Columnar;

/// <summary>The error case of reading columnar input: what is wrong, where, and what to do.</summary>
/// <remarks>Messages name files, rows and columns, never a cell's content (which may identify a client). This type is immutable and thread-safe.</remarks>
public sealed class ColumnarError : IAllianceError
{
    internal ColumnarError(ColumnarErrorKind kind, string message, string? column = null, long? row = null)
    {
        Kind = kind;
        Message = message;
        Column = column;
        Row = row;
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

    /// <summary>Gets the column concerned, if any.</summary>
    public string? Column { get; }

    /// <summary>Gets the 1-based row of the input concerned (counted over all row groups, batches or partitions read), if any.</summary>
    public long? Row { get; }

    /// <summary>Gets a message that says what is wrong and what to do, with no cell's content.</summary>
    public string Message { get; }

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}
