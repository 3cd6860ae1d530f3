namespace TherapeuticAlliance.Multilevel;

/// <summary>Why a mixed model could not be fitted (<see cref="InvalidMixedModel.Kind"/>).</summary>
public enum MixedModelErrorKind
{
    /// <summary>The formula is not in the supported subset of lme4's syntax (docs/multilevel.md).</summary>
    Formula = 0,

    /// <summary>The formula names a column the frame does not hold, or of the wrong kind (a categorical slope, a numeric grouping factor).</summary>
    Column = 1,

    /// <summary>A value used is not finite (missing values are not dropped: remove those rows first).</summary>
    NotFinite = 2,

    /// <summary>A grouping factor has fewer than 2 levels, or as many levels as observations (lme4 refuses both).</summary>
    Groups = 3,

    /// <summary>The fixed-effects model matrix is rank deficient (a predictor is constant or a combination of others).</summary>
    RankDeficient = 4,

    /// <summary>A partial would disclose a group smaller than the disclosure policy allows (<see cref="LinearMixedModel.Partial"/>), or partials do not merge (other formulas).</summary>
    Disclosure = 5,

    /// <summary>A partial's file form cannot be read (<see cref="MixedModelPartial.FromJson(string)"/>): not a mixed-model partial, too long, malformed, or holding impossible sums.</summary>
    Unreadable = 6,

    /// <summary>The grouping factors other than the one with the most coefficients have too many coefficients together for the engine's dense block (<see cref="LinearMixedModel.MaximumDenseCoefficients"/>).</summary>
    TooLarge = 7,

    /// <summary>The optimiser did not converge, or the criterion is not finite at its optimum: the fit is not reported as a fit.</summary>
    NotConverged = 8,
}
