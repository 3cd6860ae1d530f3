using OneOf;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>The outcome of <see cref="ExpectedResponseModel.FromJson"/>: an <see cref="ExpectedResponseModel"/> or an <see cref="InvalidExpectedResponseModel"/>.</summary>
/// <remarks>Handle both cases with <c>Match</c> or <c>Switch</c>. This type is immutable and thread-safe.</remarks>
public sealed class ExpectedResponseModelResult : OneOfBase<ExpectedResponseModel, InvalidExpectedResponseModel>, IAllianceResult<ExpectedResponseModel>
{
    private ExpectedResponseModelResult(OneOf<ExpectedResponseModel, InvalidExpectedResponseModel> value)
        : base(value)
    {
    }

    /// <summary>Wraps a model.</summary>
    /// <param name="model">The model.</param>
    public static implicit operator ExpectedResponseModelResult(ExpectedResponseModel model) => new(model);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator ExpectedResponseModelResult(InvalidExpectedResponseModel error) => new(error);

    /// <inheritdoc/>
    public bool IsSuccess => IsT0;

    /// <inheritdoc/>
    public IAllianceError? Error => Match<IAllianceError?>(_ => null, e => e);

    /// <summary>Returns the model, or throws when the text could not be read.</summary>
    /// <returns>The model.</returns>
    /// <exception cref="AllianceErrorException">Thrown when the result is an error; the exception carries it, and its message is the error's message.</exception>
    public ExpectedResponseModel GetValueOrThrow() => IsT0 ? AsT0 : throw new AllianceErrorException(Error!);
}
