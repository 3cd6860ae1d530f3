using OneOf;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>The outcome of <see cref="ExpectedResponseModel.Fit"/>: an <see cref="ExpectedResponseFit"/> or an <see cref="InvalidExpectedResponseFit"/>.</summary>
/// <remarks>Handle both cases with <c>Match</c> or <c>Switch</c>. This type is immutable and thread-safe.</remarks>
public sealed class ExpectedResponseFitResult : AllianceResult<ExpectedResponseFit, InvalidExpectedResponseFit>
{
    private ExpectedResponseFitResult(OneOf<ExpectedResponseFit, InvalidExpectedResponseFit> value)
        : base(value)
    {
    }

    /// <summary>Wraps a fit.</summary>
    /// <param name="fit">The fit.</param>
    public static implicit operator ExpectedResponseFitResult(ExpectedResponseFit fit) => new(fit);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator ExpectedResponseFitResult(InvalidExpectedResponseFit error) => new(error);
}
