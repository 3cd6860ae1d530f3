namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>How an expected-response model's lower band is computed (domain reference §A.5; each a design choice the reference names).</summary>
public enum ExpectedResponseBandKind
{
    /// <summary>
    /// The one-sided regression tolerance bound: with the stated confidence, at least the coverage share of clients who
    /// start at this intake score above it at this session. <c>K = qt(confidence, n − p, √n*·z_coverage) / √n*</c>,
    /// <c>n* = MSE / se.fit²</c>, bound <c>ŷ − √MSE·K</c>, as R's <c>tolerance::regtol.int</c> computes it. It widens when
    /// the fitted caseload is small, so a small site sees the uncertainty. The default.
    /// </summary>
    ToleranceBound = 1,

    /// <summary>The one-sided OLS prediction bound: <c>ŷ − t(coverage, n − p)·√(MSE + se.fit²)</c>, R's <c>predict(..., interval = "prediction")</c> at level 2·coverage − 1.</summary>
    PredictionBound = 2,

    /// <summary>
    /// <c>ŷ − z_coverage·σ</c> from published parameters (coefficients and a residual SD), when the fit's covariance is not
    /// known: parameter uncertainty is ignored, as the reference's <c>MarginalMixedBound</c> ignores it.
    /// </summary>
    NormalBound = 3,
}
