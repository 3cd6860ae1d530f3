namespace TherapeuticAlliance;

/// <summary>
/// The shape every result type of the library shares: a value on success, otherwise an <see cref="IAllianceError"/>.
/// The concrete result types (<see cref="AssessmentResult"/>, <see cref="ScoringResult"/>,
/// <see cref="EvaluationResult"/>, ...) are also OneOf unions, so <c>Match</c> and <c>Switch</c> handle every case
/// by its type; this interface is for code that treats all results alike (logging, pipelines, tests).
/// </summary>
/// <typeparam name="T">The type of the value on success.</typeparam>
/// <remarks>Implementations are immutable and thread-safe.</remarks>
public interface IAllianceResult<out T>
{
    /// <summary>Gets a value indicating whether the result holds a value (and <see cref="Error"/> is <see langword="null"/>).</summary>
    bool IsSuccess { get; }

    /// <summary>Gets the error, or <see langword="null"/> on success.</summary>
#pragma warning disable CA1716 // "Error" is the plain name; Visual Basic callers write [Error].
    IAllianceError? Error { get; }
#pragma warning restore CA1716

    /// <summary>Returns the value, or throws when the result is an error.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="AllianceErrorException">Thrown when the result is an error; <see cref="AllianceErrorException.Error"/> holds it and the exception's message is its <see cref="IAllianceError.Message"/>.</exception>
    T GetValueOrThrow();
}
