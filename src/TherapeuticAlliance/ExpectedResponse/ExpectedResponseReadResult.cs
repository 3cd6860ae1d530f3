using OneOf;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>The outcome of reading a model file of any kind (<see cref="ExpectedResponseModels.Read"/>, <see cref="IExpectedResponseModelFactory.Read"/>): an <see cref="IExpectedResponseModel"/> or an <see cref="InvalidExpectedResponseModel"/>.</summary>
/// <remarks>Handle both cases with <c>Match</c> or <c>Switch</c>. This type is immutable and thread-safe.</remarks>
public sealed class ExpectedResponseReadResult : AllianceResult<IExpectedResponseModel, InvalidExpectedResponseModel>
{
    private ExpectedResponseReadResult(OneOf<IExpectedResponseModel, InvalidExpectedResponseModel> value)
        : base(value)
    {
    }

    /// <summary>Wraps a model.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The result.</returns>
    public static ExpectedResponseReadResult From(IExpectedResponseModel model) => new(OneOf<IExpectedResponseModel, InvalidExpectedResponseModel>.FromT0(model));

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator ExpectedResponseReadResult(InvalidExpectedResponseModel error) => new(error);
}
