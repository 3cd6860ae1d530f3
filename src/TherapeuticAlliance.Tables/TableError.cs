using System;

namespace TherapeuticAlliance.Tables;

/// <summary>The error case of reading or converting a table: what is wrong, where, and how to fix it.</summary>
/// <remarks>Messages name lines, rows and columns, never a cell's content (which may identify a client). This type is immutable and thread-safe.</remarks>
public sealed class TableError : IAllianceError
{
    internal TableError(TableErrorKind kind, int? line, string? column, string message)
    {
        Kind = kind;
        Line = line;
        Column = column;
        Message = message;
    }

    /// <summary>Gets what is wrong.</summary>
    public TableErrorKind Kind { get; }

    /// <summary>Gets the stable code of <see cref="Kind"/>: <c>empty-table</c>, <c>bad-header</c>, <c>wrong-width</c>, <c>malformed-csv</c>, <c>missing-column</c>, <c>bad-value</c>, <c>duplicate-observation</c> or <c>too-large</c>.</summary>
    public string Code => Kind switch
    {
        TableErrorKind.Empty => "empty-table",
        TableErrorKind.BadHeader => "bad-header",
        TableErrorKind.WrongWidth => "wrong-width",
        TableErrorKind.Malformed => "malformed-csv",
        TableErrorKind.MissingColumn => "missing-column",
        TableErrorKind.BadValue => "bad-value",
        TableErrorKind.DuplicateObservation => "duplicate-observation",
        TableErrorKind.TooLarge => "too-large",
        _ => throw new InvalidOperationException("The error kind is not defined."),
    };

    /// <summary>Gets the line of the CSV (the header is line 1) or the row of the table (from 1) concerned, if any.</summary>
    public int? Line { get; }

    /// <summary>Gets the column concerned, if any.</summary>
    public string? Column { get; }

    /// <summary>Gets a message that says what is wrong and how to fix it, with no cell's content.</summary>
    public string Message { get; }

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}
