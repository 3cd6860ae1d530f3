namespace TherapeuticAlliance.Trends;

/// <summary>Looks for a pattern in an <see cref="Episode"/>: a trajectory, reliable change, ruptures, sudden gains and losses.</summary>
/// <remarks>
/// <para>The same contract as <see cref="IScoringStrategy"/>: a stable <see cref="Name"/> (the dependency-injection key,
/// stamped on every finding's rule) and <see cref="Version"/>; deterministic; thread-safe (one shared instance); data
/// that the rule cannot use is returned as <see cref="NotApplicable"/>, never thrown.</para>
/// <para>Findings must not depend on the order in which the scores were supplied: an <see cref="Episode"/> is always
/// in session order.</para>
/// </remarks>
public interface ITrendDetector
{
    /// <summary>Gets the stable, case-sensitive name of the detector, such as <c>rupture-repair</c>.</summary>
    string Name { get; }

    /// <summary>Gets the version of the detector's rules.</summary>
    string Version { get; }

    /// <summary>Runs the detector over an episode.</summary>
    /// <param name="episode">The episode.</param>
    /// <returns>The findings (possibly none), or why the rule does not apply to this episode.</returns>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="episode"/> is <see langword="null"/>.</exception>
    DetectionResult Detect(Episode episode);
}
