using TherapeuticAlliance.Utilities;

namespace TherapeuticAlliance.Linkage;

/// <summary>The lagged within-person model's choices (<see cref="AllianceLinkage.FitLaggedModel"/>). Immutable and thread-safe.</summary>
public sealed record LaggedModelOptions
{
    /// <summary>Gets the defaults: a random intercept per client only, no detrending, 95 % intervals, REML.</summary>
    public static LaggedModelOptions Default { get; } = new();

    /// <summary>Gets a value indicating whether a random intercept per therapist (each client's main therapist) is added to the client's. <see langword="false"/> by default.</summary>
    public bool TherapistIntercept { get; init; }

    /// <summary>
    /// Gets a value indicating whether the alliance is detrended: its within-client part is the residual of the client's own
    /// straight line on session number (over all their ratings) instead of the deviation from their mean, and the session
    /// number enters the fixed part. Shared trends in alliance and outcome bias a within-person effect (docs/linkage.md measures how much); in one CBT sample
    /// the effect vanished after detrending (Clinical Psychological Science, doi 10.1177/2167702620959352). <see langword="false"/> by default.
    /// </summary>
    public bool Detrend { get; init; }

    /// <summary>Gets the intervals' confidence level, strictly between 0 and 1; 0.95 by default.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>Gets a value indicating whether the fit is by REML (<see langword="true"/>, the default, as lme4) or maximum likelihood.</summary>
    public bool Reml { get; init; } = true;

    /// <summary>Checks the options' rules.</summary>
    /// <param name="parameterName">The argument's name, for the exception.</param>
    /// <exception cref="System.ArgumentException">Thrown when the level is not strictly between 0 and 1.</exception>
    public void Validate(string parameterName = "options") => new OptionsCheck<LaggedModelOptions>(this)
        .Require(o => o.Level > 0 && o.Level < 1, "Level must be strictly between 0 and 1.")
        .ThrowIfInvalid(parameterName);
}
