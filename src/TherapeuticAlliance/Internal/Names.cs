using TherapeuticAlliance.Instruments;

namespace TherapeuticAlliance.Internal;

internal static class Names
{
    internal static string Of(ScoreMetric metric) => metric switch
    {
        ScoreMetric.Sum => "sum",
        ScoreMetric.Mean => "mean",
        ScoreMetric.Pomp => "pomp",
        ScoreMetric.WeightedMean => "weighted-mean",
        _ => "weakest-link",
    };

    internal static string Of(Perspective perspective) => perspective switch
    {
        Perspective.Client => "client",
        Perspective.Therapist => "therapist",
        Perspective.Observer => "observer",
        _ => "collateral",
    };

    internal static string Of(CutoffOperator op) => op switch
    {
        CutoffOperator.LessThan => "lessThan",
        CutoffOperator.LessThanOrEqual => "lessThanOrEqual",
        CutoffOperator.GreaterThan => "greaterThan",
        _ => "greaterThanOrEqual",
    };

    internal static string Of(MeasureKind kind) => kind == MeasureKind.Outcome ? "outcome" : "alliance";
}
