using System.Collections.Immutable;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// The evidence of an episode's linear trend, as the built-in declining-slope alert (<see cref="DecliningSlopeAlertRule"/>)
/// reads it: any finding that implements this interface feeds it, the built-in <see cref="TrajectoryFinding"/> and a
/// site's own trend rule alike.
/// </summary>
/// <remarks>An implementation is immutable and thread-safe, as every finding is.</remarks>
public interface ITrajectoryEvidence
{
    /// <summary>Gets the sessions the trend was fitted on, in order.</summary>
    ImmutableArray<int> Sessions { get; }

    /// <summary>Gets the slope, in points of the episode's metric per session.</summary>
    double Slope { get; }

    /// <summary>Gets the slope's standard error (NaN when it is not defined); the alert's t interval uses it with <see cref="Sessions"/>' count − 2 degrees of freedom.</summary>
    double SlopeStandardError { get; }
}
