using System;
using System.Collections.Generic;
using OneOf;
using TherapeuticAlliance.Instruments;

namespace TherapeuticAlliance;

/// <summary>The single entry point for EHR code: raw answers in, a validated assessment and its score (or the reasons why not) out.</summary>
/// <remarks>
/// Registered by <c>AddTherapeuticAlliance</c>. Implementations are thread-safe and never throw for bad data: unknown
/// instruments, invalid responses and unscorable assessments are error cases of <see cref="EvaluationResult"/>.
/// </remarks>
public interface IAllianceEvaluator
{
    /// <summary>Validates and scores responses with the default scoring strategy.</summary>
    /// <param name="instrumentId">The instrument identifier, such as <c>srs</c>.</param>
    /// <param name="perspective">Who rated.</param>
    /// <param name="occasion">When.</param>
    /// <param name="responses">The responses, in any order.</param>
    /// <returns>The evaluated assessment, or an error case.</returns>
    /// <exception cref="ArgumentNullException">Thrown when a reference argument is <see langword="null"/>.</exception>
    EvaluationResult Evaluate(string instrumentId, Perspective perspective, Occasion occasion, IEnumerable<ItemResponse> responses);

    /// <summary>Validates and scores responses with a named scoring strategy.</summary>
    /// <param name="instrumentId">The instrument identifier, such as <c>srs</c>.</param>
    /// <param name="perspective">Who rated.</param>
    /// <param name="occasion">When.</param>
    /// <param name="responses">The responses, in any order.</param>
    /// <param name="scoringStrategy">The registered name of the scoring strategy.</param>
    /// <returns>The evaluated assessment, or an error case.</returns>
    /// <exception cref="ArgumentNullException">Thrown when a reference argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when no strategy is registered under <paramref name="scoringStrategy"/> (a configuration error).</exception>
    EvaluationResult Evaluate(string instrumentId, Perspective perspective, Occasion occasion, IEnumerable<ItemResponse> responses, string scoringStrategy);
}

/// <summary>A validated assessment together with its score and cutoff state.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class EvaluatedAssessment
{
    internal EvaluatedAssessment(Assessment assessment, AllianceScore score)
    {
        Assessment = assessment;
        Score = score;
        IsFlagged = score.IsFlagged;
    }

    /// <summary>Gets the validated assessment.</summary>
    public Assessment Assessment { get; }

    /// <summary>Gets the score.</summary>
    public AllianceScore Score { get; }

    /// <summary>Gets whether the instrument's cutoff is met (for the SRS: the total is below 36); <see langword="null"/> when the instrument has no cutoff or the score's metric is not the cutoff's.</summary>
    public bool? IsFlagged { get; }

    /// <summary>Returns the assessment and score descriptions (never responses or identifiers).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Assessment}: {Score}";
}

/// <summary>No instrument with the given identifier is registered.</summary>
/// <param name="InstrumentId">The identifier given.</param>
public sealed record UnknownInstrument(string InstrumentId)
{
    /// <summary>Gets a message that says what is wrong and how to fix it.</summary>
    /// <remarks>The identifier given is never part of the message: it may be patient data passed by mistake.</remarks>
#pragma warning disable CA1822 // An instance member, like the Message of every other error value.
    public string Message => "No instrument is registered under the identifier given. Use a built-in identifier (alliance-profile, wai-sr, srs, ors) or register the instrument with AddInstrument.";
#pragma warning restore CA1822

    /// <summary>Returns the <see cref="Message"/> (never the identifier given).</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}

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
