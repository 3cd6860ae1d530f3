using System.Runtime.CompilerServices;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;

namespace TherapeuticAlliance.Tests.Scoring;

/// <summary>
/// The object path allocates its result and nothing else (issue 5). The bytes a call allocates on this thread are
/// compared with the bytes of the result's objects alone, allocated without running any code.
/// </summary>
public class AllocationTests
{
    private static readonly Assessment Complete = AllianceInstruments.WaiSr
        .CreateAssessment(Perspective.Client, Occasion.Session(1), 4, 5, 3, 4, 4, 5, 2, 4, 3, 5, 4, 4).GetValueOrThrow();

    public static TheoryData<string> Strategies => new() { "sum", "mean", "pomp", "weakest-link" };

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Scoring_AllocatesOnlyTheResult(string name)
    {
        IScoringStrategy strategy = name switch
        {
            "sum" => ScoringStrategies.Sum,
            "mean" => ScoringStrategies.Mean,
            "pomp" => ScoringStrategies.Pomp,
            _ => ScoringStrategies.WeakestLink,
        };
        AllianceScore score = strategy.Score(Complete).GetValueOrThrow();

        long scoring = Allocated(() => strategy.Score(Complete));
        var holder = new object[5 + score.Subscales.Length + score.ModelDimensions.Length];
        long resultAlone = Allocated(() => ObjectsOf(score, holder));

        Assert.Equal(resultAlone, scoring);
    }

    [Fact]
    public void ValidatingAndScoring_AllocatesOnlyTheAssessmentAndTheScore()
    {
        Instrument waiSr = AllianceInstruments.WaiSr;
        decimal?[] values = { 4, 5, 3, 4, 4, 5, 2, 4, 3, 5, 4, 4 };
        ItemResponse[] responses = values.Select((v, i) => ItemResponse.Create((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), v)).ToArray();
        List<ItemResponse> responseList = responses.ToList();
        Occasion occasion = Occasion.Session(1);
        AllianceScore score = ScoringStrategies.Sum.Score(waiSr.CreateAssessment(Perspective.Client, occasion, values).GetValueOrThrow()).GetValueOrThrow();
        var holder = new object[5 + score.Subscales.Length + score.ModelDimensions.Length];
        long expected = Allocated(() => ObjectsOf(score, holder))
            + Allocated(() => RuntimeHelpers.GetUninitializedObject(typeof(AssessmentResult)))
            + Allocated(() => RuntimeHelpers.GetUninitializedObject(typeof(Assessment)))
            + Allocated(() => new decimal?[values.Length]);

        Assert.Equal(expected, Allocated(() => ScoringStrategies.Sum.Score(waiSr.CreateAssessment(Perspective.Client, occasion, values).AsT0)));
        Assert.Equal(expected, Allocated(() => ScoringStrategies.Sum.Score(waiSr.CreateAssessment(Perspective.Client, occasion, responses).AsT0)));
        Assert.Equal(expected, Allocated(() => ScoringStrategies.Sum.Score(waiSr.CreateAssessment(Perspective.Client, occasion, responseList).AsT0)));
    }

    /// <summary>Allocates (uninitialised) exactly the objects a score consists of: the result wrapper, the score, its dimension scores and their arrays, and the provenance; the holder is allocated beforehand.</summary>
    private static object ObjectsOf(AllianceScore score, object[] objects)
    {
        int i = 0;
        objects[i++] = RuntimeHelpers.GetUninitializedObject(typeof(ScoringResult));
        objects[i++] = RuntimeHelpers.GetUninitializedObject(typeof(AllianceScore));
        objects[i++] = RuntimeHelpers.GetUninitializedObject(typeof(ScoreProvenance));
        objects[i++] = new DimensionScore[score.Subscales.Length];
        objects[i++] = new DimensionScore[score.ModelDimensions.Length];
        for (int d = 0; d < score.Subscales.Length + score.ModelDimensions.Length; d++)
        {
            objects[i++] = RuntimeHelpers.GetUninitializedObject(typeof(DimensionScore));
        }

        return objects;
    }

    private static long Allocated(Func<object> action)
    {
        long fewest = long.MaxValue;
        for (int run = 0; run < 20; run++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            object result = action();
            long after = GC.GetAllocatedBytesForCurrentThread();
            GC.KeepAlive(result);
            fewest = Math.Min(fewest, after - before);
        }

        return fewest;
    }
}
