using System.Collections.Generic;
using System.Collections.Immutable;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>A session whose outcome score is beyond the expected response's band: not on track (see <see cref="NotOnTrackDetector"/>).</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class NotOnTrackFinding : TrendFinding
{
    internal NotOnTrackFinding(string rule, int session, IEnumerable<KeyValuePair<string, double>> parameters, double score, double intake, ExpectedScore expected, bool higherIsBetter, double coverage)
        : base(rule, new[] { session }, parameters)
    {
        Coverage = coverage;
        Score = score;
        Intake = intake;
        Expected = expected;
        HigherIsBetter = higherIsBetter;
    }

    /// <summary>Gets <c>not-on-track</c>.</summary>
    public override string Code => "not-on-track";

    /// <summary>Gets the share of on-track clients the model's band holds (for example 0.9), from the model.</summary>
    public double Coverage { get; }

    /// <summary>Gets the session's score, in points.</summary>
    public double Score { get; }

    /// <summary>Gets the client's intake score (session 1), in points.</summary>
    public double Intake { get; }

    /// <summary>Gets what the model expected at the session, and the band's edge.</summary>
    public ExpectedScore Expected { get; }

    /// <summary>Gets whether higher scores are better (the band lies below the expected score when they are).</summary>
    public bool HigherIsBetter { get; }

    /// <inheritdoc/>
    public override ImmutableSortedDictionary<string, double> Values => Map(
        ("score", Score),
        ("intake", Intake),
        ("expected", Expected.Expected),
        ("bound", Expected.Bound));

    /// <inheritdoc/>
    public override string Summary =>
        $"Session {Sessions[0]}: {Format(Score)} points, {(HigherIsBetter ? "below" : "above")} the expected response's band at {Format(Expected.Bound)} points (expected {Format(Expected.Expected)} for an intake of {Format(Intake)}; {Format(Coverage * 100)} % band): not on track.";
}
