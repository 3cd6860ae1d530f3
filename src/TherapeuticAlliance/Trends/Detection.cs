using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

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
