using System.Globalization;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>The error case of <see cref="ExpectedResponseModel.Fit"/> and of any <see cref="IExpectedResponseModelFactory.Fit"/>: the history cannot give a model; the message says what to do.</summary>
/// <remarks>Codes: <c>too-few-episodes</c>, <c>not-an-outcome-measure</c>, <c>mixed-instruments</c>, <c>no-variance</c>. Messages hold counts, never identifiers or values. This type is immutable and thread-safe.</remarks>
public sealed class InvalidExpectedResponseFit : IAllianceError
{
    /// <summary>Initializes a new instance of the <see cref="InvalidExpectedResponseFit"/> class: for a user's <see cref="IExpectedResponseModelFactory.Fit"/>.</summary>
    /// <param name="code">A stable, lower-case code (such as <c>too-few-episodes</c>).</param>
    /// <param name="message">What is wrong and what to do; counts only, never identifiers or values.</param>
    /// <exception cref="System.ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public InvalidExpectedResponseFit(string code, string message)
    {
        Code = Guard.Against.Null(code);
        Message = Guard.Against.Null(message);
    }

    /// <inheritdoc/>
    public string Code { get; }

    /// <inheritdoc/>
    public string Message { get; }

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;

    internal static InvalidExpectedResponseFit TooFewEpisodes(int used, int needed) => new(
        "too-few-episodes",
        string.Format(CultureInfo.InvariantCulture, "The history has {0} usable episode(s) (an intake score at session 1 and at least one later session); the fit needs at least {1}. Add history or lower MinimumEpisodes knowing the band widens.", used, needed));
}
