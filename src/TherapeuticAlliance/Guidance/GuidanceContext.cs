using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Guidance;

/// <summary>What a guidance provider looks at: the weakest dimensions of the latest score, the findings and the alerts.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class GuidanceContext
{
    /// <summary>Initializes a new instance of the <see cref="GuidanceContext"/> class.</summary>
    /// <param name="weakestDimensions">The weakest model dimensions, weakest first.</param>
    /// <param name="findings">The findings.</param>
    /// <param name="alerts">The alerts.</param>
    /// <param name="measure">What the episode measures; alliance guidance applies to <see cref="MeasureKind.Alliance"/> only. The default is <see cref="MeasureKind.Alliance"/>.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public GuidanceContext(IEnumerable<DimensionScore> weakestDimensions, IEnumerable<TrendFinding> findings, IEnumerable<Alert> alerts, MeasureKind measure = MeasureKind.Alliance)
    {
        Measure = measure;
        WeakestDimensions = Guard.Against.Null(weakestDimensions).ToImmutableArray();
        Findings = Guard.Against.Null(findings).ToImmutableArray();
        Alerts = Guard.Against.Null(alerts).ToImmutableArray();
    }

    /// <summary>Gets the weakest model dimensions, weakest first.</summary>
    public ImmutableArray<DimensionScore> WeakestDimensions { get; }

    /// <summary>Gets the findings.</summary>
    public ImmutableArray<TrendFinding> Findings { get; }

    /// <summary>Gets the alerts.</summary>
    public ImmutableArray<Alert> Alerts { get; }

    /// <summary>Gets what the episode measures.</summary>
    public MeasureKind Measure { get; }

    /// <summary>Gets whether the latest score is on the flagged side of its instrument's sourced cutoff (for the SRS, below 36; <see cref="ScoreCutoff.IsFlagged(AllianceScore)"/>).</summary>
    /// <value><see langword="false"/> when the score has no cutoff. The default value is <see langword="false"/>; <see cref="FromLatestScore"/> sets it.</value>
    public bool IsLatestFlagged { get; init; }

    /// <summary>Creates a context from an episode's latest score: its model dimensions below the maximum, lowest POMP first.</summary>
    /// <param name="latest">The latest score, or <see langword="null"/>.</param>
    /// <param name="findings">The findings.</param>
    /// <param name="alerts">The alerts.</param>
    /// <param name="weakestCount">How many of the weakest dimensions to keep; 1 or more (2 by default).</param>
    /// <returns>The context.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="findings"/> or <paramref name="alerts"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="weakestCount"/> is less than 1.</exception>
    public static GuidanceContext FromLatestScore(AllianceScore? latest, IEnumerable<TrendFinding> findings, IEnumerable<Alert> alerts, int weakestCount = 2)
    {
        Guard.Against.NegativeOrZero(weakestCount);
        IEnumerable<DimensionScore> weakest = latest is null
            ? Enumerable.Empty<DimensionScore>()
            : latest.ModelDimensions
                .Where(d => d.Value < d.Maximum)
                .OrderBy(d => d.Pomp)
                .ThenBy(d => AllianceDimension.ModelDimensions.IndexOf(d.Dimension))
                .Take(weakestCount);
        return new GuidanceContext(weakest, findings, alerts, latest?.Measure ?? MeasureKind.Alliance)
        {
            IsLatestFlagged = latest?.Cutoff is { } cutoff && cutoff.IsFlagged(latest) == true,
        };
    }
}
