namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>Configures <see cref="ExpectedResponseValidation.CrossValidate"/>.</summary>
/// <remarks>Immutable; validated when called.</remarks>
public sealed record ExpectedResponseValidationOptions
{
    /// <summary>Gets the number of folds the history's clients are split into; each fold is predicted by models fitted on the others.</summary>
    /// <value>2 to 20. The default value is 5.</value>
    public int Folds { get; init; } = 5;

    /// <summary>Gets the seed of the clients' assignment to folds (a seeded shuffle of their positions, so the report is reproducible).</summary>
    /// <value>The default value is 1.</value>
    public int Seed { get; init; } = 1;

    /// <summary>Gets the options each model is fitted with.</summary>
    /// <value>The default value is the defaults of <see cref="ExpectedResponseOptions"/>.</value>
    public ExpectedResponseOptions Fit { get; init; } = new();

    /// <summary>Gets the reliable-change threshold, in points, that a client's final change must reach to count as reliable improvement; <see langword="null"/> for each episode's own, by the rule of <see cref="Trends.ReliableChangeOptions"/>: its <see cref="Trends.Episode.Reference"/> norm and <see cref="Trends.Episode.Reliability"/> (the Jacobson–Truax value 1.96·SD·√(2(1 − r))), else the instrument's published value (<see cref="Trends.ReliableChangeOptions.DefaultPublishedValues"/>: the ORS's 5 points).</summary>
    /// <value>Positive. The default value is <see langword="null"/>.</value>
    public double? ReliableChange { get; init; }

    /// <summary>Checks every option.</summary>
    internal void Validate() =>
        new OptionsCheck<ExpectedResponseValidationOptions>(this)
            .Require(o => o.Folds is >= 2 and <= 20, "Folds must lie between 2 and 20.")
            .Require(o => o.Fit is not null, "Fit must be given.")
            .Require(o => o.ReliableChange is null || (o.ReliableChange > 0.0 && !double.IsInfinity(o.ReliableChange.Value)), "ReliableChange must be positive and finite.")
            .ThrowIfInvalid("options");
}
