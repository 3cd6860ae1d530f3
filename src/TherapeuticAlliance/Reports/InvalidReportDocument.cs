namespace TherapeuticAlliance.Reports;

/// <summary>The error case of <see cref="AllianceReportDocument.FromJson"/>: the text is not a report document this version can read.</summary>
/// <remarks>The message says which rule the text broke (malformed, a property given twice, another schema version, incomplete); it never quotes the text. This type is immutable and thread-safe.</remarks>
public sealed class InvalidReportDocument : IAllianceError
{
    internal InvalidReportDocument(string message) => Message = message;

    /// <inheritdoc/>
#pragma warning disable CA1822 // An instance member, as the IAllianceError contract requires.
    public string Code => "invalid-report-document";
#pragma warning restore CA1822

    /// <summary>Gets a message that says what is wrong and how to fix it.</summary>
    public string Message { get; }

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}
