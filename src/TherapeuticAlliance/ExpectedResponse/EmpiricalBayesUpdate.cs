namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>How a <see cref="MixedExpectedResponseModel"/> learns from a client's own sessions (empirical Bayes, the conditional modes of lme4 given the fit's covariances).</summary>
public enum EmpiricalBayesUpdate
{
    /// <summary>Not at all: every client is judged against a new client's band from the intake (lme4: <c>predict(re.form = NA)</c>; the marginal mixed bound).</summary>
    None = 0,

    /// <summary>The client's level is estimated from their scores up to and including the session judged, shrunk toward the expected path, and the session is not on track when that estimate falls below the share 1 − coverage of what new clients' estimates would be at that session (the estimate's own marginal distribution, so the flag rate per assessment stays at 1 − coverage for clients like the history's). A single noisy score moves the estimate by its weight only.</summary>
    CurrentLevel = 1,

    /// <summary>The client's path is forecast from their scores before the session (lme4: <c>predict(re.form = NULL)</c> on the sessions so far) and the score is judged against the forecast's predictive band: a score unlike the client's own course. A client who declines steadily is on their own course, so this misses steady decline (measured in docs/expected-response.md).</summary>
    NextScore = 2,
}
