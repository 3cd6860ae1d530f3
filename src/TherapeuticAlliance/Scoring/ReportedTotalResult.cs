using System;
using OneOf;

namespace TherapeuticAlliance.Scoring;

/// <summary>The outcome of <see cref="ReportedTotals.Create"/>: an <see cref="AllianceScore"/> or an <see cref="InvalidReportedTotal"/>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ReportedTotalResult : OneOfBase<AllianceScore, InvalidReportedTotal>, IAllianceResult<AllianceScore>
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

    /// <inheritdoc/>
    public bool IsSuccess => IsT0;

    /// <inheritdoc/>
    public IAllianceError? Error => Match<IAllianceError?>(_ => null, e => e);

    /// <summary>Returns the score, or throws when the totals were invalid.</summary>
    /// <returns>The score.</returns>
    /// <exception cref="AllianceErrorException">Thrown when the result is an error; the exception carries it, and its message is the error's message.</exception>
    public AllianceScore GetValueOrThrow() => IsT0 ? AsT0 : throw new AllianceErrorException(Error!);
}
