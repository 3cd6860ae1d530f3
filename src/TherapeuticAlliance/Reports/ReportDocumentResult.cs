using OneOf;

namespace TherapeuticAlliance.Reports;

/// <summary>The outcome of <see cref="AllianceReportDocument.FromJson"/>: an <see cref="AllianceReportDocument"/> or an <see cref="InvalidReportDocument"/>.</summary>
/// <remarks>Handle both cases with <c>Match</c> or <c>Switch</c>. This type is immutable and thread-safe.</remarks>
public sealed class ReportDocumentResult : AllianceResult<AllianceReportDocument, InvalidReportDocument>
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
}
