using System;
using System.Collections.Generic;
using OneOf;

namespace TherapeuticAlliance;

/// <summary>The outcome of <see cref="IAllianceEvaluator.Evaluate(string, Perspective, Occasion, IEnumerable{ItemResponse})"/>.</summary>
/// <remarks>Cases: <see cref="EvaluatedAssessment"/>, <see cref="UnknownInstrument"/>, <see cref="InvalidAssessment"/>, <see cref="TooManyMissingResponses"/>, <see cref="InstrumentMismatch"/>. This type is immutable and thread-safe.</remarks>
public sealed class EvaluationResult : OneOfBase<EvaluatedAssessment, UnknownInstrument, InvalidAssessment, TooManyMissingResponses, InstrumentMismatch>, IAllianceResult<EvaluatedAssessment>
{
    private EvaluationResult(OneOf<EvaluatedAssessment, UnknownInstrument, InvalidAssessment, TooManyMissingResponses, InstrumentMismatch> value)
        : base(value)
    {
    }

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

    /// <inheritdoc/>
    public bool IsSuccess => IsT0;

    /// <inheritdoc/>
    public IAllianceError? Error => Match<IAllianceError?>(_ => null, e => e, e => e, e => e, e => e);

    /// <summary>Returns the evaluated assessment, or throws when evaluation failed.</summary>
    /// <returns>The evaluated assessment.</returns>
    /// <exception cref="AllianceErrorException">Thrown when the result is an error; the exception carries it, and its message is the error's message.</exception>
    public EvaluatedAssessment GetValueOrThrow() => IsT0 ? AsT0 : throw new AllianceErrorException(Error!);
}
