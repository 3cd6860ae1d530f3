using System.Collections.Immutable;
using OneOf;

namespace TherapeuticAlliance.Trends;

/// <summary>The outcome of <see cref="ITrendDetector.Detect"/>: a <see cref="Detection"/> or <see cref="NotApplicable"/>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class DetectionResult : AllianceResult<Detection, NotApplicable>
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
