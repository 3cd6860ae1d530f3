using System;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>Configures a fit of an expected-response model: <see cref="ExpectedResponseModel.Fit"/>, <see cref="MixedExpectedResponseModel.Fit"/>, any <see cref="IExpectedResponseModelFactory.Fit"/>.</summary>
/// <remarks>Immutable; validated when fitting.</remarks>
public sealed record ExpectedResponseOptions
{
    /// <summary>Gets how the band is computed.</summary>
    /// <value>The default value is <see cref="ExpectedResponseBandKind.ToleranceBound"/> (domain reference §A.5).</value>
    public ExpectedResponseBandKind Band { get; init; } = ExpectedResponseBandKind.ToleranceBound;

    /// <summary>Gets the band's coverage, in (0, 1).</summary>
    /// <value>The default value is .90 (the worst 10 % flagged; domain reference §A.5, a design choice echoing PBHI's 10 % target).</value>
    public double Coverage { get; init; } = 0.9;

    /// <summary>Gets the tolerance bound's confidence, in (0, 1).</summary>
    /// <value>The default value is .95 (the R <c>tolerance</c> package's default).</value>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Gets the fewest usable episodes a fit needs.</summary>
    /// <value>At least 3. The default value is 20, a design choice: the literature gives no minimum (domain reference §A.4); the tolerance band widens on small histories and <see cref="ExpectedResponseModel.BandInflation"/> says by how much.</value>
    public int MinimumEpisodes { get; init; } = 20;

    /// <summary>Gets whether higher scores are better.</summary>
    /// <value>The default value is <see langword="true"/> (the ORS).</value>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>Gets whether the mixed model (<see cref="MixedExpectedResponseModel"/>) also fits a random intercept and slope per therapist; a new client's band then holds the therapist variance too. Not used by the regression.</summary>
    /// <value>The default value is <see langword="false"/>. Every used episode must name its therapist.</value>
    public bool TherapistEffects { get; init; }

    /// <summary>Gets how the mixed model learns from a client's own sessions (empirical Bayes). Not used by the regression.</summary>
    /// <value>The default value is <see cref="EmpiricalBayesUpdate.CurrentLevel"/>.</value>
    public EmpiricalBayesUpdate Update { get; init; } = EmpiricalBayesUpdate.CurrentLevel;

    /// <summary>
    /// Gets how many of a client's latest scores the regression's not-on-track rule averages
    /// (<see cref="ExpectedResponseModel.LevelWindow"/>): 1 judges each score alone against the band, as 0.2.0 did; k
    /// judges the mean of the client's last k residuals from the expected path against the history's own
    /// (1 − <see cref="Coverage"/>) quantile of that mean. Not used by the mixed model (<see cref="Update"/> is its way).
    /// </summary>
    /// <value>1 to 10. The default value is 3, a design choice: of windows 1 to 5, 3 kept recall highest in the worst cell
    /// of the generator's grid at the same flag rate (chosen on the tuning seeds; docs/expected-response.md).</value>
    public int LevelWindow { get; init; } = 3;

    /// <summary>Checks the options every kind uses (coverage, fewest episodes), reporting every problem at once.</summary>
    internal void ValidateCommon() =>
        new OptionsCheck<ExpectedResponseOptions>(this)
            .Require(o => o.Coverage > 0.0 && o.Coverage < 1.0, "Coverage must lie between 0 and 1.")
            .Require(o => o.MinimumEpisodes >= 3, "MinimumEpisodes must be at least 3.")
            .Require(o => o.Update is EmpiricalBayesUpdate.None or EmpiricalBayesUpdate.CurrentLevel or EmpiricalBayesUpdate.NextScore, "Update is not defined.")
            .ThrowIfInvalid("options");

    /// <summary>Checks every option and reports every problem at once.</summary>
    internal void Validate() =>
        new OptionsCheck<ExpectedResponseOptions>(this)
            .Require(o => o.Band is ExpectedResponseBandKind.ToleranceBound or ExpectedResponseBandKind.PredictionBound, "Band must be ToleranceBound or PredictionBound for a fit (NormalBound is for published parameters).")
            .Require(o => o.Coverage > 0.0 && o.Coverage < 1.0, "Coverage must lie between 0 and 1.")
            .Require(o => o.Confidence > 0.0 && o.Confidence < 1.0, "Confidence must lie between 0 and 1.")
            .Require(o => o.MinimumEpisodes >= 3, "MinimumEpisodes must be at least 3.")
            .Require(o => o.LevelWindow is >= 1 and <= 10, "LevelWindow must lie between 1 and 10.")
            .ThrowIfInvalid("options");
}
