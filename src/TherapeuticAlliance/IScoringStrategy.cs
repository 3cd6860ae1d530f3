namespace TherapeuticAlliance;

/// <summary>Turns one validated <see cref="Assessment"/> into an <see cref="AllianceScore"/>.</summary>
/// <remarks>
/// <para>The contract every implementation keeps:</para>
/// <list type="bullet">
/// <item><description><b>Stable name.</b> <see cref="Name"/> never changes for an instance; it is the dependency-injection key and is stamped on every score together with <see cref="Version"/>.</description></item>
/// <item><description><b>Deterministic.</b> The same assessment always gives an equal result; no clock, randomness or mutable shared state.</description></item>
/// <item><description><b>Thread-safe.</b> One instance is shared by all callers (registered as a singleton).</description></item>
/// <item><description><b>Data problems are returned, never thrown.</b> An assessment that cannot be scored gives a <see cref="ScoringResult"/> error case; only programmer errors (a <see langword="null"/> argument) throw.</description></item>
/// </list>
/// <para>Change <see cref="Version"/> whenever a change to the implementation could change any score.</para>
/// </remarks>
public interface IScoringStrategy
{
    /// <summary>Gets the stable, case-sensitive name of the strategy, such as <c>sum</c>.</summary>
    string Name { get; }

    /// <summary>Gets the version of the strategy's rules, such as <c>1.0</c>.</summary>
    string Version { get; }

    /// <summary>Scores an assessment.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The score, or an error case that says why the assessment cannot be scored.</returns>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="assessment"/> is <see langword="null"/>.</exception>
    ScoringResult Score(Assessment assessment);
}
