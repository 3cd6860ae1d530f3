using Ardalis.GuardClauses;
namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>The error case of reading a model file (<see cref="ExpectedResponseModel.FromJson"/>, <see cref="ExpectedResponseModels.Read"/>, a factory's <see cref="IExpectedResponseModelFactory.Read"/>): the text is not a model this version can read.</summary>
/// <remarks>The message names the rule the text broke, never its values. This type is immutable and thread-safe.</remarks>
public sealed class InvalidExpectedResponseModel : IAllianceError
{
    /// <summary>Initializes a new instance of the <see cref="InvalidExpectedResponseModel"/> class: for a user's <see cref="IExpectedResponseModelFactory.Read"/>.</summary>
    /// <param name="message">What rule the text broke and what to do; never a value from the text.</param>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="message"/> is <see langword="null"/>.</exception>
    public InvalidExpectedResponseModel(string message) => Message = Guard.Against.Null(message);

    /// <inheritdoc/>
#pragma warning disable CA1822 // An instance member, as the IAllianceError contract requires.
    public string Code => "invalid-expected-response-model";
#pragma warning restore CA1822

    /// <inheritdoc/>
    public string Message { get; }

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}
