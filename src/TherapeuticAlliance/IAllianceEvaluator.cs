using System;
using System.Collections.Generic;

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
