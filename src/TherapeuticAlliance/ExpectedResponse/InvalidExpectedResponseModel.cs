namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>The error case of <see cref="ExpectedResponseModel.FromJson"/>: the text is not a model this version can read.</summary>
/// <remarks>The message names the rule the text broke, never its values. This type is immutable and thread-safe.</remarks>
public sealed class InvalidExpectedResponseModel : IAllianceError
{
    internal InvalidExpectedResponseModel(string message) => Message = message;

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
