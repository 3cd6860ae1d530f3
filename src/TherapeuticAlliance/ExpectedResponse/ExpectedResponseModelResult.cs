using OneOf;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>The outcome of <see cref="ExpectedResponseModel.FromJson"/>: an <see cref="ExpectedResponseModel"/> or an <see cref="InvalidExpectedResponseModel"/>.</summary>
/// <remarks>Handle both cases with <c>Match</c> or <c>Switch</c>. This type is immutable and thread-safe.</remarks>
public sealed class ExpectedResponseModelResult : AllianceResult<ExpectedResponseModel, InvalidExpectedResponseModel>
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
}
