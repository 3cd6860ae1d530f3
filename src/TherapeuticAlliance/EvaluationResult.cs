using System;
using System.Collections.Generic;
using OneOf;

namespace TherapeuticAlliance;

/// <summary>The outcome of <see cref="IAllianceEvaluator.Evaluate(string, Perspective, Occasion, IEnumerable{ItemResponse})"/>.</summary>
/// <remarks>Cases: <see cref="EvaluatedAssessment"/>, <see cref="UnknownInstrument"/>, <see cref="InvalidAssessment"/>, <see cref="TooManyMissingResponses"/>, <see cref="InstrumentMismatch"/>. This type is immutable and thread-safe.</remarks>
public sealed class EvaluationResult : OneOfBase<EvaluatedAssessment, UnknownInstrument, InvalidAssessment, TooManyMissingResponses, InstrumentMismatch>
{
    private EvaluationResult(OneOf<EvaluatedAssessment, UnknownInstrument, InvalidAssessment, TooManyMissingResponses, InstrumentMismatch> value)
        : base(value)
    {
    }

    /// <summary>Gets a value indicating whether the responses were validated and scored.</summary>
    public bool IsEvaluated => IsT0;

    /// <summary>Gets the error message, or <see langword="null"/> when the responses were evaluated.</summary>
    public string? ErrorMessage => Match<string?>(_ => null, e => e.Message, e => e.Message, e => e.Message, e => e.Message);

    /// <summary>Wraps a result.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator EvaluationResult(EvaluatedAssessment value) => new(value);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator EvaluationResult(UnknownInstrument error) => new(error);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator EvaluationResult(InvalidAssessment error) => new(error);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator EvaluationResult(TooManyMissingResponses error) => new(error);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator EvaluationResult(InstrumentMismatch error) => new(error);

    /// <summary>Returns the evaluated assessment, or throws when evaluation failed.</summary>
    /// <returns>The evaluated assessment.</returns>
    /// <exception cref="InvalidOperationException">Thrown when the result is an error case; the message says why.</exception>
    public EvaluatedAssessment GetValueOrThrow() => IsT0 ? AsT0 : throw new InvalidOperationException(ErrorMessage);
}
