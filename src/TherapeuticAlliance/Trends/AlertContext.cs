using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>What an <see cref="IAlertRule"/> sees: an episode, the findings of the detectors over it, and the same client's episode from the other perspective.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class AlertContext
{
    /// <summary>Initializes a new instance of the <see cref="AlertContext"/> class.</summary>
    /// <param name="episode">The episode.</param>
    /// <param name="findings">The findings of the detectors over <paramref name="episode"/>.</param>
    /// <param name="otherPerspective">The same client's episode from the other perspective (client or therapist), or <see langword="null"/>.</param>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="episode"/> or <paramref name="findings"/> is <see langword="null"/>.</exception>
    public AlertContext(Episode episode, IEnumerable<TrendFinding> findings, Episode? otherPerspective = null)
    {
        Episode = Guard.Against.Null(episode);
        Findings = Guard.Against.Null(findings).Select(f => Guard.Against.Null(f, nameof(findings))).ToImmutableArray();
        OtherPerspective = otherPerspective;
    }

    /// <summary>Gets the episode.</summary>
    public Episode Episode { get; }

    /// <summary>Gets the findings of the detectors over <see cref="Episode"/>.</summary>
    public ImmutableArray<TrendFinding> Findings { get; }

    /// <summary>Gets the same client's episode from the other perspective, or <see langword="null"/>.</summary>
    public Episode? OtherPerspective { get; }
}
