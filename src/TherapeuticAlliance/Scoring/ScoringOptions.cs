namespace TherapeuticAlliance.Scoring;

/// <summary>Configures a built-in scoring strategy (<see cref="SumScoringStrategy"/>, <see cref="MeanScoringStrategy"/>, <see cref="PompScoringStrategy"/>, <see cref="WeakestLinkScoringStrategy"/>).</summary>
/// <remarks>
/// Options are immutable: set them with an object initializer or derive variants with <c>with</c>. A strategy
/// validates its options once, at construction, and keeps copies of the values.
/// </remarks>
public sealed record ScoringOptions
{
    /// <summary>Gets the missing-data policy to apply.</summary>
    /// <value><see langword="null"/> to use each instrument's <see cref="Instrument.DefaultMissingDataPolicy"/>. The default value is <see langword="null"/>.</value>
    public MissingDataPolicy? MissingDataPolicy { get; init; }

    /// <summary>Gets the name the strategy reports and is registered under.</summary>
    /// <value>1 to 64 lower-case letters, digits, '-', '_' or '.'; <see langword="null"/> for the strategy's default name. The default value is <see langword="null"/>.</value>
    public string? Name { get; init; }
}
