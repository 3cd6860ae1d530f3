using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Trends;

internal static class TrendTestData
{
    public static readonly ScoreProvenance SrsProvenance = new("sum", "1.0", "srs", "1.0", MissingDataPolicy.CompleteOnly, 0);

    public static AllianceScore Score(int session, decimal value, Perspective perspective = Perspective.Client, decimal minimum = -1000m, decimal maximum = 1000m, DateTimeOffset? at = null, string instrument = "srs") =>
        new(ScoreMetric.Sum, value, minimum, maximum, perspective, Occasion.Session(session, at), default, default,
            new ScoreProvenance("sum", "1.0", instrument, "1.0", MissingDataPolicy.CompleteOnly, 0));

    public static Episode Series(params double[] values) => Series(1, values);

    public static Episode Series(int firstSession, double[] values, decimal maximum = 1000m, ScoreCutoff? cutoff = null, Perspective perspective = Perspective.Client) =>
        Episode.Create("e", values.Select((v, i) => Score(firstSession + i, (decimal)v, perspective, maximum: maximum)), cutoff).GetValueOrThrow();

    /// <summary>An ORS series: an outcome measure with the instrument's cutoff (below 25) and reliability (.82).</summary>
    public static Episode Ors(params double[] totals) =>
        Episode.Create(
            "e",
            totals.Select((v, i) => new AllianceScore(
                ScoreMetric.Sum, (decimal)v, 0m, 40m, Perspective.Client, Occasion.Session(i + 1), default, default,
                new ScoreProvenance("sum", "1.0", "ors", "1.0", MissingDataPolicy.CompleteOnly, 0),
                cutoff: AllianceInstruments.Ors.Cutoff, measure: MeasureKind.Outcome, reliability: AllianceInstruments.Ors.Reliability))).GetValueOrThrow();

    public static Episode Srs(params double[] totals) =>
        Episode.Create("e", totals.Select((v, i) => Score(i + 1, (decimal)v, minimum: 0m, maximum: 40m)), AllianceInstruments.Srs.Cutoff).GetValueOrThrow();
}
