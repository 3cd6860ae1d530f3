using OneOf;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>The outcome of <see cref="ExpectedResponseModel.Fit"/>: an <see cref="ExpectedResponseFit"/> or an <see cref="InvalidExpectedResponseFit"/>.</summary>
/// <remarks>Handle both cases with <c>Match</c> or <c>Switch</c>. This type is immutable and thread-safe.</remarks>
public sealed class ExpectedResponseFitResult : OneOfBase<ExpectedResponseFit, InvalidExpectedResponseFit>, IAllianceResult<ExpectedResponseFit>
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

    /// <inheritdoc/>
    public bool IsSuccess => IsT0;

    /// <inheritdoc/>
    public IAllianceError? Error => Match<IAllianceError?>(_ => null, e => e);

    /// <summary>Returns the fit, or throws when the history could not give a model.</summary>
    /// <returns>The fit.</returns>
    /// <exception cref="AllianceErrorException">Thrown when the result is an error; the exception carries it, and its message is the error's message.</exception>
    public ExpectedResponseFit GetValueOrThrow() => IsT0 ? AsT0 : throw new AllianceErrorException(Error!);
}
