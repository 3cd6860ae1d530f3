using OneOf;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>The outcome of <see cref="IExpectedResponseModelFactory.Fit"/>: a <see cref="FittedExpectedResponse"/> or an <see cref="InvalidExpectedResponseFit"/>.</summary>
/// <remarks>Handle both cases with <c>Match</c> or <c>Switch</c>. This type is immutable and thread-safe.</remarks>
public sealed class FittedExpectedResponseResult : AllianceResult<FittedExpectedResponse, InvalidExpectedResponseFit>
{
    private FittedExpectedResponseResult(OneOf<FittedExpectedResponse, InvalidExpectedResponseFit> value)
        : base(value)
    {
    }

    /// <summary>Wraps a fit.</summary>
    /// <param name="fit">The fit.</param>
    public static implicit operator FittedExpectedResponseResult(FittedExpectedResponse fit) => new(fit);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator FittedExpectedResponseResult(InvalidExpectedResponseFit error) => new(error);
}
