using System;
using OneOf;

namespace TherapeuticAlliance.Scoring;

/// <summary>The outcome of <see cref="ReportedTotals.Create"/>: an <see cref="AllianceScore"/> or an <see cref="InvalidReportedTotal"/>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ReportedTotalResult : AllianceResult<AllianceScore, InvalidReportedTotal>
{
    private ReportedTotalResult(OneOf<AllianceScore, InvalidReportedTotal> value)
        : base(value)
    {
    }

    /// <summary>Wraps a score.</summary>
    /// <param name="score">The score.</param>
    public static implicit operator ReportedTotalResult(AllianceScore score) => new(score);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator ReportedTotalResult(InvalidReportedTotal error) => new(error);
}
