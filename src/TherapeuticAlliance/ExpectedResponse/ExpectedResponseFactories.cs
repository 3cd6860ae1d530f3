using System.Collections.Generic;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>The regression's factory (<c>intake-log-session</c>): <see cref="ExpectedResponseModel.Fit"/> and <see cref="ExpectedResponseModel.FromJson"/> through the seam.</summary>
internal sealed class RegressionExpectedResponseFactory : IExpectedResponseModelFactory
{
    public string Kind => ExpectedResponseModel.Kind;

    public string Description => "Regression on intake and ln(session), one-sided tolerance band (the OQ structure's fixed part; 0.2.0's model)";

    public FittedExpectedResponseResult Fit(IReadOnlyList<Episode> history, ExpectedResponseOptions options) =>
        ExpectedResponseModel.Fit(Guard.Against.Null(history), Guard.Against.Null(options)).Match(
            static fit => (FittedExpectedResponseResult)new FittedExpectedResponse(fit.Model, fit.EpisodesUsed, fit.Excluded),
            static error => error);

    public ExpectedResponseReadResult Read(string json) =>
        ExpectedResponseModel.FromJson(Guard.Against.Null(json)).Match(static model => ExpectedResponseReadResult.From(model), static error => (ExpectedResponseReadResult)error);
}

/// <summary>The mixed model's factory (<c>mixed-log-session</c>).</summary>
internal sealed class MixedExpectedResponseFactory : IExpectedResponseModelFactory
{
    public string Kind => MixedExpectedResponseModel.KindName;

    public string Description => "Mixed model on intake and ln(session) with a random intercept and slope per client (optionally per therapist), updated from each client's sessions (empirical Bayes)";

    public FittedExpectedResponseResult Fit(IReadOnlyList<Episode> history, ExpectedResponseOptions options) =>
        MixedExpectedResponseModel.Fit(Guard.Against.Null(history), Guard.Against.Null(options));

    public ExpectedResponseReadResult Read(string json) => MixedExpectedResponseJson.Read(Guard.Against.Null(json));
}
