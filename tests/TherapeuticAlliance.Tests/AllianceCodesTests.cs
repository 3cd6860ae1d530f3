using TherapeuticAlliance.Guidance;

namespace TherapeuticAlliance.Tests;

/// <summary>One code table per enumeration: every defined value round-trips, nothing else parses, undefined values throw (issue 12).</summary>
public class AllianceCodesTests
{
    [Fact]
    public void EveryDefinedValue_RoundTripsThroughItsCode_AndCodesAreUnique()
    {
        RoundTrips(Enum.GetValues<Perspective>(), AllianceCodes.ToCode, (string c, out Perspective v) => AllianceCodes.TryParse(c, out v));
        RoundTrips(Enum.GetValues<ScoreMetric>(), AllianceCodes.ToCode, (string c, out ScoreMetric v) => AllianceCodes.TryParse(c, out v));
        RoundTrips(Enum.GetValues<CutoffOperator>(), AllianceCodes.ToCode, (string c, out CutoffOperator v) => AllianceCodes.TryParse(c, out v));
        RoundTrips(Enum.GetValues<MeasureKind>(), AllianceCodes.ToCode, (string c, out MeasureKind v) => AllianceCodes.TryParse(c, out v));
        RoundTrips(Enum.GetValues<ImprovementPractice>(), ImprovementPracticeCodes.ToCode, (string c, out ImprovementPractice v) => ImprovementPracticeCodes.TryParse(c, out v));
        RoundTrips(Enum.GetValues<TherapeuticAlliance.Trends.AlertSeverity>(), TherapeuticAlliance.Trends.AlertSeverityCodes.ToCode, (string c, out TherapeuticAlliance.Trends.AlertSeverity v) => TherapeuticAlliance.Trends.AlertSeverityCodes.TryParse(c, out v));
        RoundTrips(Enum.GetValues<TherapeuticAlliance.Reports.AttentionLevel>(), TherapeuticAlliance.Reports.AttentionLevelCodes.ToCode, (string c, out TherapeuticAlliance.Reports.AttentionLevel v) => TherapeuticAlliance.Reports.AttentionLevelCodes.TryParse(c, out v));
        Assert.Equal(("act", "none"), (TherapeuticAlliance.Trends.AlertSeverityCodes.ToCode(TherapeuticAlliance.Trends.AlertSeverity.Act), TherapeuticAlliance.Reports.AttentionLevelCodes.ToCode(TherapeuticAlliance.Reports.AttentionLevel.None)));
        Assert.Equal(new[] { "client", "therapist", "observer", "collateral" }, Enum.GetValues<Perspective>().Select(AllianceCodes.ToCode));
        Assert.Equal("weighted-mean", AllianceCodes.ToCode(ScoreMetric.WeightedMean));
        Assert.Equal("openness-to-criticism", ImprovementPracticeCodes.ToCode(ImprovementPractice.OpennessToCriticism));
    }

    [Fact]
    public void UndefinedValues_Throw_NeverFallBackToAnotherCode()
    {
        Assert.Throws<ArgumentOutOfRangeException>("value", () => AllianceCodes.ToCode((Perspective)99));
        Assert.Throws<ArgumentOutOfRangeException>("value", () => AllianceCodes.ToCode((ScoreMetric)99));
        Assert.Throws<ArgumentOutOfRangeException>("value", () => AllianceCodes.ToCode((CutoffOperator)99));
        Assert.Throws<ArgumentOutOfRangeException>("value", () => AllianceCodes.ToCode((MeasureKind)99));
        Assert.Throws<ArgumentOutOfRangeException>("value", () => ImprovementPracticeCodes.ToCode((ImprovementPractice)99));
        Assert.Throws<ArgumentOutOfRangeException>("value", () => TherapeuticAlliance.Trends.AlertSeverityCodes.ToCode((TherapeuticAlliance.Trends.AlertSeverity)99));
        Assert.Throws<ArgumentOutOfRangeException>("value", () => TherapeuticAlliance.Reports.AttentionLevelCodes.ToCode((TherapeuticAlliance.Reports.AttentionLevel)99));
        Assert.False(TherapeuticAlliance.Trends.AlertSeverityCodes.TryParse("Act", out _));
        Assert.False(AllianceCodes.TryParse("Client", out Perspective _));
        Assert.False(AllianceCodes.TryParse(null, out ScoreMetric _));
        Assert.False(ImprovementPracticeCodes.TryParse("support ", out _));
    }

    [Theory]
    [InlineData("complete-only")]
    [InlineData("half-rule")]
    [InlineData("prorate-max-items:2")]
    [InlineData("prorate-max-fraction:0.25")]
    public void MissingDataPolicy_ParsesItsOwnName(string name)
    {
        Assert.True(MissingDataPolicy.TryParse(name, out MissingDataPolicy? policy));
        Assert.Equal(name, policy!.Name);
        Assert.True(MissingDataPolicy.TryParse(policy.Name, out MissingDataPolicy? again));
        Assert.Equal(policy, again);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sometimes")]
    [InlineData("prorate-max-items:0")]
    [InlineData("prorate-max-items:")]
    [InlineData("prorate-max-fraction:1")]
    [InlineData("prorate-max-fraction:0,2")]
    [InlineData("half-rule:1")]
    public void MissingDataPolicy_RejectsAnythingElse(string? name) => Assert.False(MissingDataPolicy.TryParse(name, out _));

    private delegate bool Parser<T>(string code, out T value);

    private static void RoundTrips<T>(T[] values, Func<T, string> toCode, Parser<T> parse)
        where T : struct
    {
        Assert.Equal(values.Length, values.Select(toCode).Distinct(StringComparer.Ordinal).Count());
        foreach (T value in values)
        {
            Assert.True(parse(toCode(value), out T back));
            Assert.Equal(value, back);
        }
    }
}
