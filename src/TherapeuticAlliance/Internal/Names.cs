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

    internal static Perspective? ParsePerspective(string? text) =>
        Parse(text, new[] { Perspective.Client, Perspective.Therapist, Perspective.Observer, Perspective.Collateral }, Of);

    internal static ScoreMetric? ParseMetric(string? text) =>
        Parse(text, new[] { ScoreMetric.Sum, ScoreMetric.Mean, ScoreMetric.Pomp, ScoreMetric.WeightedMean, ScoreMetric.WeakestLink }, Of);

    internal static CutoffOperator? ParseOperator(string? text) =>
        Parse(text, new[] { CutoffOperator.LessThan, CutoffOperator.LessThanOrEqual, CutoffOperator.GreaterThan, CutoffOperator.GreaterThanOrEqual }, Of);

    private static T? Parse<T>(string? text, T[] values, System.Func<T, string> name)
        where T : struct
    {
        foreach (T value in values)
        {
            if (string.Equals(name(value), text, System.StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }
}
