using System.Collections.Immutable;
using Ardalis.GuardClauses;
using OneOf;

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

/// <summary>The findings of one detector over one episode.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class Detection
{
    /// <summary>Initializes a new instance of the <see cref="Detection"/> class.</summary>
    /// <param name="detectorName">The detector's name.</param>
    /// <param name="detectorVersion">The detector's version.</param>
    /// <param name="findings">The findings; empty when nothing was found.</param>
    public Detection(string detectorName, string detectorVersion, ImmutableArray<TrendFinding> findings)
    {
        DetectorName = Guard.Against.NullOrWhiteSpace(detectorName);
        DetectorVersion = Guard.Against.NullOrWhiteSpace(detectorVersion);
        Findings = findings.IsDefault ? ImmutableArray<TrendFinding>.Empty : findings;
    }

    /// <summary>Gets the detector's name.</summary>
    public string DetectorName { get; }

    /// <summary>Gets the detector's version.</summary>
    public string DetectorVersion { get; }

    /// <summary>Gets the findings.</summary>
    public ImmutableArray<TrendFinding> Findings { get; }
}

/// <summary>The detector's rule does not apply to the episode, for example because it has too few sessions.</summary>
/// <param name="DetectorName">The detector's name.</param>
/// <param name="Reason">Why the rule does not apply.</param>
public sealed record NotApplicable(string DetectorName, string Reason);

/// <summary>The outcome of <see cref="ITrendDetector.Detect"/>: a <see cref="Detection"/> or <see cref="NotApplicable"/>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class DetectionResult : OneOfBase<Detection, NotApplicable>
{
    private DetectionResult(OneOf<Detection, NotApplicable> value)
        : base(value)
    {
    }

    /// <summary>Gets the findings, or an empty array when the rule did not apply.</summary>
    public ImmutableArray<TrendFinding> Findings => IsT0 ? AsT0.Findings : ImmutableArray<TrendFinding>.Empty;

    /// <summary>Wraps a detection.</summary>
    /// <param name="detection">The detection.</param>
    public static implicit operator DetectionResult(Detection detection) => new(detection);

    /// <summary>Wraps a not-applicable outcome.</summary>
    /// <param name="notApplicable">The outcome.</param>
    public static implicit operator DetectionResult(NotApplicable notApplicable) => new(notApplicable);
}
