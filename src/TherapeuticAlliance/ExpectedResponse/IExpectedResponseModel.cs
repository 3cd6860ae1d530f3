using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>
/// An expected treatment response for one outcome instrument: the score expected at each session for a client, and a
/// one-sided band on the worse side; a score beyond the band is <b>not on track</b> (the field's "NOT"). The
/// extension point of the expected-response room: the built-ins (<see cref="ExpectedResponseModel"/>, the regression
/// on intake and ln(session); <see cref="MixedExpectedResponseModel"/>, the mixed model) implement it exactly as a
/// user's model would, and every consumer (<see cref="NotOnTrackDetector"/>, the report's charts, the service view)
/// takes this contract.
/// </summary>
/// <remarks>
/// <para>A model is made by its <see cref="IExpectedResponseModelFactory"/> (fit from a history, read from its file),
/// registered by <see cref="Kind"/> in <see cref="ExpectedResponseModels"/> (<c>AddExpectedResponseModel</c> on the
/// builder of <c>AddTherapeuticAlliance</c>).</para>
/// <para>Implementations must be immutable and thread-safe, must not throw on any episode (an episode the model cannot
/// use is the caller's guard case only when it breaks the documented preconditions), and must write no client data
/// into <see cref="ToJson"/> or <see cref="Describe"/>.</para>
/// </remarks>
public interface IExpectedResponseModel
{
    /// <summary>Gets the model's kind: the name its factory is registered under and the <c>kind</c> its file carries (1 to 64 lower-case letters, digits, '-', '_' or '.').</summary>
    string Kind { get; }

    /// <summary>Gets the identifier of the outcome instrument the model is for.</summary>
    string InstrumentId { get; }

    /// <summary>Gets the metric of the scores the model expects (its points).</summary>
    ScoreMetric Metric { get; }

    /// <summary>Gets whether higher scores are better (the ORS); the band lies below the expected score when they are, above otherwise.</summary>
    bool HigherIsBetter { get; }

    /// <summary>Gets the band's nominal coverage, in (0, 1): the share of on-course scores expected on the good side of it.</summary>
    double Coverage { get; }

    /// <summary>Gets what the model expects at a session for a new client known only by an intake score, and the band's edge.</summary>
    /// <param name="intake">The client's score at session 1, in points of <see cref="Metric"/>; finite.</param>
    /// <param name="session">The session number; 1 or more.</param>
    /// <returns>The expected score and band edge.</returns>
    /// <exception cref="System.ArgumentException">Thrown when <paramref name="intake"/> is not finite or <paramref name="session"/> is less than 1.</exception>
    ExpectedScore Expect(double intake, int session);

    /// <summary>
    /// Gets what the model expects at a session for the client of an episode, from the episode's intake (its score at
    /// session 1) and its scores before <paramref name="session"/>; scores at or after the session are not used, so a
    /// score is never compared with an expectation it shaped. A model that does not learn from a client's own course
    /// returns <see cref="Expect(double, int)"/> at the intake.
    /// </summary>
    /// <param name="episode">The client's episode of this model's instrument, starting at session 1.</param>
    /// <param name="session">The session number; 2 or more.</param>
    /// <returns>The expected score and band edge.</returns>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="episode"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.ArgumentException">Thrown when the episode does not start at session 1 or <paramref name="session"/> is less than 2.</exception>
    ExpectedScore Expect(Episode episode, int session);

    /// <summary>Writes the model as JSON with its <c>kind</c> and <c>schemaVersion</c>, which its factory's <see cref="IExpectedResponseModelFactory.Read"/> reads back; no client data.</summary>
    /// <returns>The JSON text.</returns>
    string ToJson();

    /// <summary>Describes the model in one line a clinician or analyst can read: its form, parameters and band; no client data.</summary>
    /// <returns>The description.</returns>
    string Describe();
}
