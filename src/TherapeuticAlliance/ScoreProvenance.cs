using System;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance;

/// <summary>Records how a score was produced, so that a history can be re-scored deterministically.</summary>
/// <remarks>Equality is by value. This type is immutable and thread-safe.</remarks>
public sealed class ScoreProvenance : IEquatable<ScoreProvenance>
{
    /// <summary>Initializes a new instance of the <see cref="ScoreProvenance"/> class.</summary>
    /// <param name="strategyName">The scoring strategy's stable name.</param>
    /// <param name="strategyVersion">The scoring strategy's version.</param>
    /// <param name="instrumentId">The instrument identifier.</param>
    /// <param name="instrumentVersion">The instrument definition's version.</param>
    /// <param name="missingDataPolicy">The missing-data policy applied.</param>
    /// <param name="itemsImputed">The number of the instrument's items imputed in the total.</param>
    /// <exception cref="ArgumentNullException">Thrown when a reference argument is <see langword="null"/>.</exception>
    /// <param name="source">What the score was computed from: item responses (the default) or a total reported without items.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="itemsImputed"/> is negative or <paramref name="source"/> is not defined.</exception>
    public ScoreProvenance(string strategyName, string strategyVersion, string instrumentId, string instrumentVersion, MissingDataPolicy missingDataPolicy, int itemsImputed, ScoreSource source = ScoreSource.Items)
    {
        Source = Guard.Against.InvalidInput(source, nameof(source), static s => s is ScoreSource.Items or ScoreSource.ReportedTotal, "Unknown score source.");
        StrategyName = Guard.Against.NullOrWhiteSpace(strategyName);
        StrategyVersion = Guard.Against.NullOrWhiteSpace(strategyVersion);
        InstrumentId = Guard.Against.NullOrWhiteSpace(instrumentId);
        InstrumentVersion = Guard.Against.NullOrWhiteSpace(instrumentVersion);
        MissingDataPolicy = Guard.Against.Null(missingDataPolicy);
        ItemsImputed = Guard.Against.InvalidInput(itemsImputed, nameof(itemsImputed), static n => n >= 0, "The number of imputed items cannot be negative.");
    }

    /// <summary>Gets the scoring strategy's stable name (its DI key).</summary>
    public string StrategyName { get; }

    /// <summary>Gets the scoring strategy's version.</summary>
    public string StrategyVersion { get; }

    /// <summary>Gets the instrument identifier.</summary>
    public string InstrumentId { get; }

    /// <summary>Gets the instrument definition's version.</summary>
    public string InstrumentVersion { get; }

    /// <summary>Gets the missing-data policy applied.</summary>
    public MissingDataPolicy MissingDataPolicy { get; }

    /// <summary>Gets the number of the instrument's items imputed in the total.</summary>
    public int ItemsImputed { get; }

    /// <summary>
    /// Gets what the score was computed from: <see cref="ScoreSource.Items"/> (item responses were seen), or
    /// <see cref="ScoreSource.ReportedTotal"/> (only a total, and subscale totals where given, were recorded, as when
    /// paper forms are entered by total); item-level statistics skip reported totals.
    /// </summary>
    public ScoreSource Source { get; }

    /// <inheritdoc/>
    public bool Equals(ScoreProvenance? other) =>
        other is not null
        && string.Equals(StrategyName, other.StrategyName, StringComparison.Ordinal)
        && string.Equals(StrategyVersion, other.StrategyVersion, StringComparison.Ordinal)
        && string.Equals(InstrumentId, other.InstrumentId, StringComparison.Ordinal)
        && string.Equals(InstrumentVersion, other.InstrumentVersion, StringComparison.Ordinal)
        && MissingDataPolicy.Equals(other.MissingDataPolicy)
        && ItemsImputed == other.ItemsImputed
        && Source == other.Source;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ScoreProvenance);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StrategyName, StrategyVersion, InstrumentId, InstrumentVersion, MissingDataPolicy, ItemsImputed, Source);

    /// <summary>Returns a description such as <c>sum 1.0 on wai-sr 1.0, complete-only, 0 imputed</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        Source == ScoreSource.ReportedTotal
            ? $"{StrategyName} {StrategyVersion} on {InstrumentId} {InstrumentVersion}, reported total (no items seen)"
            : $"{StrategyName} {StrategyVersion} on {InstrumentId} {InstrumentVersion}, {MissingDataPolicy.Name}, {ItemsImputed} imputed";

    /// <summary>Compares two values for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both are equal or both are <see langword="null"/>.</returns>
    public static bool operator ==(ScoreProvenance? left, ScoreProvenance? right) => Equals(left, right);

    /// <summary>Compares two values for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ScoreProvenance? left, ScoreProvenance? right) => !Equals(left, right);
}
