using System;
using System.Collections.Generic;
using Ardalis.GuardClauses;
using Microsoft.Extensions.DependencyInjection;
using TherapeuticAlliance.Instruments;

namespace TherapeuticAlliance.Scoring;

internal sealed class AllianceEvaluator : IAllianceEvaluator
{
    private readonly IInstrumentCatalog _catalog;
    private readonly IScoringStrategy _default;
    private readonly IServiceProvider _services;

    internal AllianceEvaluator(IInstrumentCatalog catalog, IScoringStrategy defaultStrategy, IServiceProvider services)
    {
        _catalog = catalog;
        _default = defaultStrategy;
        _services = services;
    }

    public EvaluationResult Evaluate(string instrumentId, Perspective perspective, Occasion occasion, IEnumerable<ItemResponse> responses) =>
        Evaluate(instrumentId, perspective, occasion, responses, _default);

    public EvaluationResult Evaluate(string instrumentId, Perspective perspective, Occasion occasion, IEnumerable<ItemResponse> responses, string scoringStrategy)
    {
        Guard.Against.Null(scoringStrategy);
        IScoringStrategy? strategy = _services.GetKeyedService<IScoringStrategy>(scoringStrategy);
        Guard.Against.InvalidInput(strategy, nameof(scoringStrategy), s => s is not null, "No scoring strategy is registered under that name.");
        return Evaluate(instrumentId, perspective, occasion, responses, strategy!);
    }

    private EvaluationResult Evaluate(string instrumentId, Perspective perspective, Occasion occasion, IEnumerable<ItemResponse> responses, IScoringStrategy strategy)
    {
        Guard.Against.Null(instrumentId);
        Guard.Against.Null(occasion);
        Guard.Against.Null(responses);
        if (!_catalog.TryGetInstrument(instrumentId, out Instrument? instrument))
        {
            return new UnknownInstrument(instrumentId);
        }

        // Branches rather than Match with lambdas: the lambda over the assessment would be a closure allocated per call.
        AssessmentResult created = instrument.CreateAssessment(perspective, occasion, responses);
        if (created.IsT1)
        {
            return created.AsT1;
        }

        Assessment assessment = created.AsT0;
        ScoringResult scored = strategy.Score(assessment);
        return scored.Index switch
        {
            0 => new EvaluatedAssessment(assessment, scored.AsT0),
            1 => scored.AsT1,
            _ => scored.AsT2,
        };
    }
}
