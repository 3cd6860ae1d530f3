using System;
using System.Collections.Immutable;
using System.Globalization;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// What <see cref="CaseloadTrends.Scan"/> found over a caseload: one value per episode for the trajectory and
/// reliable change (columns indexed like the <see cref="EpisodeColumns"/> scanned), and findings for drops and sudden
/// gains and losses, made only where found.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
internal sealed class CaseloadTrendScan
{
    private readonly double[] _slopes;
    private readonly double[] _intercepts;
    private readonly double[] _indexes;
    private readonly ChangeDirection[] _directions;

    internal CaseloadTrendScan(double[] slopes, double[] intercepts, double[] indexes, ChangeDirection[] directions, ImmutableArray<CaseloadFinding> findings)
    {
        _slopes = slopes;
        _intercepts = intercepts;
        _indexes = indexes;
        _directions = directions;
        Findings = findings;
    }

    /// <summary>Gets the number of episodes scanned.</summary>
    public int EpisodeCount => _slopes.Length;

    /// <summary>Gets each episode's OLS slope in points per session, as <see cref="TrajectoryFinding.Slope"/>; NaN for an episode of one session.</summary>
    public ReadOnlySpan<double> Slopes => _slopes;

    /// <summary>Gets each episode's OLS intercept in points (at session 0), as <see cref="TrajectoryFinding.Intercept"/>; NaN for an episode of one session.</summary>
    public ReadOnlySpan<double> Intercepts => _intercepts;

    /// <summary>Gets each episode's reliable change index, first score to last, as <see cref="ReliableChangeFinding.Index"/>; NaN for an episode of one session.</summary>
    public ReadOnlySpan<double> ReliableChangeIndexes => _indexes;

    /// <summary>Gets each episode's reliable change direction, as <see cref="ReliableChangeFinding.Direction"/>; <see cref="ChangeDirection.Unchanged"/> for an episode of one session (whose index is NaN).</summary>
    public ReadOnlySpan<ChangeDirection> ReliableChangeDirections => _directions;

    /// <summary>Gets the drops and sudden gains and losses found, by episode; within an episode, the drops in session order, then the sudden gains and losses in session order.</summary>
    public ImmutableArray<CaseloadFinding> Findings { get; }

    /// <summary>Returns the counts; no value.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} episodes scanned, {1} findings", EpisodeCount, Findings.Length);
}
