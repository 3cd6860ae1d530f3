using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;

namespace TherapeuticAlliance.Tests.Instruments;

/// <summary>Whatever the definition parser accepts must score; whatever cannot must be a typed error (issue 11, part 6).</summary>
public class DefinitionBoundsTests
{
    private static string Definition(string minimum, string maximum, string step, int items) =>
        "{\"format\":1,\"id\":\"x\",\"version\":\"1\",\"name\":\"X\",\"scale\":{\"minimum\":" + minimum + ",\"maximum\":" + maximum + ",\"step\":" + step
        + "},\"items\":[" + string.Join(",", Enumerable.Range(1, items).Select(i => "{\"id\":\"" + i.ToString(CultureInfo.InvariantCulture) + "\"}")) + "],\"perspectives\":[\"client\"]}";

    [Theory]
    [InlineData("0", "70000000000000000000000000000", "1")] // about 29 digits: threw OverflowException from Parse
    [InlineData("0", "7e28", "1e27")] // was accepted, then every strategy threw when scoring
    [InlineData("-79228162514264337593543950335", "79228162514264337593543950335", "1")]
    [InlineData("0", "1000001", "1")]
    public void ExtremeScales_AreTypedErrors(string minimum, string maximum, string step)
    {
        InvalidInstrumentDefinition invalid = InstrumentDefinition.Parse(Definition(minimum, maximum, step, 2)).AsT1;
        Assert.Contains("scale:", invalid.Message);
    }

    [Fact]
    public void RatingScale_OutsideTheMagnitudeBound_IsAGuardException() =>
        Assert.Throws<ArgumentOutOfRangeException>("maximum", () => new RatingScale(0m, 7e28m, 1e27m));

    private static readonly string[] Numbers =
    {
        "0", "1", "-1", "0.1", "0.001", "5", "7", "10", "100", "1000000", "-1000000", "999999.5", "1e6", "1e-6", "1e-28",
        "1e27", "7e28", "79228162514264337593543950335", "-79228162514264337593543950335", "0.0000000000000000000000000001", "2.5", "3",
    };

    public static Arbitrary<(string Minimum, string Maximum, string Step, int Items)> Scales() =>
        (from min in Gen.Elements(Numbers)
         from max in Gen.Elements(Numbers)
         from step in Gen.Elements(Numbers)
         from items in Gen.Elements(1, 2, 12, 1000)
         select (min, max, step, items)).ToArbitrary();

    [Property(Arbitrary = new[] { typeof(DefinitionBoundsTests) }, MaxTest = 400)]
    public bool WhateverTheParserAccepts_EveryStrategyScores((string Minimum, string Maximum, string Step, int Items) scale)
    {
        InstrumentDefinitionResult parsed = InstrumentDefinition.Parse(Definition(scale.Minimum, scale.Maximum, scale.Step, scale.Items));
        if (parsed.IsT1)
        {
            return parsed.AsT1.Problems.Length > 0;
        }

        Instrument instrument = parsed.AsT0;
        var strategies = new IScoringStrategy[]
        {
            ScoringStrategies.Sum, ScoringStrategies.Mean, ScoringStrategies.Pomp, ScoringStrategies.WeakestLink,
            new WeightedScoringStrategy(new WeightedScoringOptions { ItemWeights = System.Collections.Immutable.ImmutableDictionary<string, decimal>.Empty.Add("1", 1_000_000m) }),
        };
        foreach (decimal value in new[] { instrument.Scale.Minimum, instrument.Scale.Maximum })
        {
            Assessment assessment = instrument.CreateAssessment(Perspective.Client, Occasion.Session(1), Enumerable.Repeat((decimal?)value, instrument.Items.Length).ToArray()).GetValueOrThrow();
            foreach (IScoringStrategy strategy in strategies)
            {
                if (!strategy.Score(assessment).IsSuccess)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
