using System.Collections.Generic;
using TherapeuticAlliance.Instruments;

namespace TherapeuticAlliance;

/// <summary>
/// The registered <see cref="IAllianceEvaluator"/>: the evaluator, counted in <see cref="AllianceTelemetry"/>
/// (administrations scored, inputs refused by the error's code). An instrument the catalog does not hold is tagged
/// <see cref="AllianceTelemetry.UnregisteredInstrument"/>, never with the caller's text.
/// </summary>
internal sealed class MeasuredEvaluator : IAllianceEvaluator
{
    private readonly IAllianceEvaluator _inner;
    private readonly IInstrumentCatalog _catalog;

    internal MeasuredEvaluator(IAllianceEvaluator inner, IInstrumentCatalog catalog)
    {
        _inner = inner;
        _catalog = catalog;
    }

    public EvaluationResult Evaluate(string instrumentId, Perspective perspective, Occasion occasion, IEnumerable<ItemResponse> responses) =>
        Count(instrumentId, _inner.Evaluate(instrumentId, perspective, occasion, responses));

    public EvaluationResult Evaluate(string instrumentId, Perspective perspective, Occasion occasion, IEnumerable<ItemResponse> responses, string scoringStrategy) =>
        Count(instrumentId, _inner.Evaluate(instrumentId, perspective, occasion, responses, scoringStrategy));

    private EvaluationResult Count(string? instrumentId, EvaluationResult result)
    {
        string instrument = instrumentId is not null && _catalog.TryGetInstrument(instrumentId, out Instrument? found) ? found!.Id : AllianceTelemetry.UnregisteredInstrument;
        if (result.Error is { } error)
        {
            AllianceTelemetry.RecordRejected(instrument, error.Code);
        }
        else
        {
            AllianceTelemetry.RecordScored(instrument, "single");
        }

        return result;
    }
}
