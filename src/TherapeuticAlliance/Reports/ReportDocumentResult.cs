using OneOf;

namespace TherapeuticAlliance.Reports;

/// <summary>The outcome of <see cref="AllianceReportDocument.FromJson"/>: an <see cref="AllianceReportDocument"/> or an <see cref="InvalidReportDocument"/>.</summary>
/// <remarks>Handle both cases with <c>Match</c> or <c>Switch</c>. This type is immutable and thread-safe.</remarks>
public sealed class ReportDocumentResult : OneOfBase<AllianceReportDocument, InvalidReportDocument>, IAllianceResult<AllianceReportDocument>
{
    private ReportDocumentResult(OneOf<AllianceReportDocument, InvalidReportDocument> value)
        : base(value)
    {
    }

    /// <summary>Wraps a document.</summary>
    /// <param name="document">The document.</param>
    public static implicit operator ReportDocumentResult(AllianceReportDocument document) => new(document);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator ReportDocumentResult(InvalidReportDocument error) => new(error);

    /// <inheritdoc/>
    public bool IsSuccess => IsT0;

    /// <inheritdoc/>
    public IAllianceError? Error => Match<IAllianceError?>(_ => null, e => e);

    /// <summary>Returns the document, or throws when the text could not be read.</summary>
    /// <returns>The document.</returns>
    /// <exception cref="AllianceErrorException">Thrown when the result is an error; the exception carries it, and its message is the error's message.</exception>
    public AllianceReportDocument GetValueOrThrow() => IsT0 ? AsT0 : throw new AllianceErrorException(Error!);
}
