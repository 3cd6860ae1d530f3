using System;
using System.Collections.Generic;
using OneOf;

namespace TherapeuticAlliance;

/// <summary>The outcome of <see cref="IAllianceEvaluator.Evaluate(string, Perspective, Occasion, IEnumerable{ItemResponse})"/>.</summary>
/// <remarks>Cases: <see cref="EvaluatedAssessment"/>, <see cref="UnknownInstrument"/>, <see cref="InvalidAssessment"/>, <see cref="TooManyMissingResponses"/>, <see cref="InstrumentMismatch"/>. This type is immutable and thread-safe.</remarks>
public sealed class EvaluationResult : AllianceResult<EvaluatedAssessment, UnknownInstrument, InvalidAssessment, TooManyMissingResponses, InstrumentMismatch>
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
}
