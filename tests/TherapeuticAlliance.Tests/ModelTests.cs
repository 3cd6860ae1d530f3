using TherapeuticAlliance.Tests.TestHelpers;

namespace TherapeuticAlliance.Tests;

public class AllianceDimensionTests
{
    [Fact]
    public void SeedDimensions_AreTheFourComponentsThenTheFiveElements()
    {
        Assert.Equal(
            new[] { "optimistic-rapport", "mutual-goals-collaboration", "realistic-goals", "shared-obligation" },
            AllianceDimension.Components.Select(d => d.Id));
        Assert.Equal(
            new[] { "mutual-respect", "empathy", "sincerity", "security", "optimistic-expectations" },
            AllianceDimension.Elements.Select(d => d.Id));
        Assert.Equal(9, AllianceDimension.ModelDimensions.Length);
        Assert.All(AllianceDimension.Components, d => Assert.Equal(DimensionKind.Component, d.Kind));
        Assert.All(AllianceDimension.Elements, d => Assert.Equal(DimensionKind.Element, d.Kind));
        Assert.All(AllianceDimension.ModelDimensions, d =>
        {
            Assert.True(d.IsModelDimension);
            Assert.False(string.IsNullOrWhiteSpace(d.Description));
        });
    }

    [Fact]
    public void FindSeed_FindsByIdOrReturnsNull()
    {
        Assert.Same(AllianceDimension.Empathy, AllianceDimension.FindModelDimension("empathy"));
        Assert.Null(AllianceDimension.FindModelDimension("Empathy"));
        Assert.Throws<ArgumentNullException>("id", () => AllianceDimension.FindModelDimension(null!));
    }

    [Fact]
    public void Subscale_CreatesInstrumentDimension()
    {
        var goal = AllianceDimension.Subscale("goal", "Goal");
        Assert.Equal(DimensionKind.Subscale, goal.Kind);
        Assert.False(goal.IsModelDimension);
        Assert.Equal("goal", goal.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Goal")]
    [InlineData("goal subscale")]
    [InlineData("empathy")]
    public void Subscale_InvalidOrReservedId_ThrowsWithParameterName(string id) =>
        Assert.Throws<ArgumentException>("id", () => AllianceDimension.Subscale(id, "Name"));

    [Fact]
    public void Subscale_BlankName_Throws() =>
        Assert.Throws<ArgumentException>("name", () => AllianceDimension.Subscale("goal", " "));

    [Fact]
    public void Equality_IsByIdAndKind() =>
        EqualityContract.Holds(
            AllianceDimension.Subscale("goal", "Goal"),
            AllianceDimension.Subscale("goal", "Another name"),
            AllianceDimension.Subscale("task", "Goal"),
            AllianceDimension.Empathy);
}

public class RatingScaleTests
{
    [Fact]
    public void WellKnownScales_HaveTheirRanges()
    {
        Assert.Equal((1m, 5m, 1m), (RatingScale.OneToFive.Minimum, RatingScale.OneToFive.Maximum, RatingScale.OneToFive.Step));
        Assert.Equal((1m, 6m, 1m), (RatingScale.OneToSix.Minimum, RatingScale.OneToSix.Maximum, RatingScale.OneToSix.Step));
        Assert.Equal((1m, 7m, 1m), (RatingScale.OneToSeven.Minimum, RatingScale.OneToSeven.Maximum, RatingScale.OneToSeven.Step));
        Assert.Equal((0m, 10m, 0.1m), (RatingScale.VisualAnalog10.Minimum, RatingScale.VisualAnalog10.Maximum, RatingScale.VisualAnalog10.Step));
        Assert.Equal(100, RatingScale.VisualAnalog10.StepCount);
    }

    [Theory]
    [InlineData(8.8, true)]
    [InlineData(0, true)]
    [InlineData(10, true)]
    [InlineData(8.85, false)]
    [InlineData(10.1, false)]
    [InlineData(-0.1, false)]
    public void Contains_ChecksRangeAndStep(double value, bool expected) =>
        Assert.Equal(expected, RatingScale.VisualAnalog10.Contains((decimal)value));

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 4)]
    [InlineData(3, 3)]
    public void Reverse_MirrorsAroundTheMidpoint(int value, int expected) =>
        Assert.Equal(expected, RatingScale.OneToFive.Reverse(value));

    [Fact]
    public void Reverse_OutsideScale_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("value", () => RatingScale.OneToFive.Reverse(6m));

    [Fact]
    public void ToPomp_RescalesToHundred()
    {
        Assert.Equal(0m, RatingScale.OneToFive.ToPomp(1m));
        Assert.Equal(75m, RatingScale.OneToFive.ToPomp(4m));
        Assert.Equal(100m, RatingScale.OneToFive.ToPomp(5m));
    }

    [Fact]
    public void Constructor_ValidatesArguments()
    {
        Assert.Throws<ArgumentException>("step", () => new RatingScale(0m, 10m, 0m));
        Assert.Throws<ArgumentException>("maximum", () => new RatingScale(5m, 5m, 1m));
        Assert.Throws<ArgumentException>("step", () => new RatingScale(0m, 10m, 3m));
        Assert.Throws<ArgumentException>("step", () => new RatingScale(0m, 10m, 0.000001m));
    }

    [Fact]
    public void Equality_IsByValue() =>
        EqualityContract.Holds(
            new RatingScale(1m, 5m, 1m),
            new RatingScale(1.0m, 5.00m, 1m),
            RatingScale.OneToSeven,
            new RatingScale(1m, 5m, 0.5m));

    [Fact]
    public void ToString_IsCultureInvariant() =>
        Assert.Equal("0–10 (step 0.1)", RatingScale.VisualAnalog10.ToString());
}

public class ItemResponseTests
{
    [Fact]
    public void NotAnswered_IsExplicitAndNotZero()
    {
        var response = ItemResponse.NotAnswered("3");
        Assert.False(response.IsAnswered);
        Assert.Null(response.Value);
        Assert.NotEqual(ItemResponse.Answered("3", 0m), response);
    }

    [Fact]
    public void ToString_NeverShowsTheValue()
    {
        string text = ItemResponse.Answered("7", 4.3m).ToString();
        Assert.DoesNotContain("4.3", text);
        Assert.DoesNotContain("4,3", text);
        Assert.Contains("answered", text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("item 1")]
    [InlineData("ä")]
    public void InvalidItemId_ThrowsWithParameterName(string id) =>
        Assert.Throws<ArgumentException>("itemId", () => ItemResponse.Answered(id, 1m));

    [Fact]
    public void NullItemId_Throws() =>
        Assert.Throws<ArgumentNullException>("itemId", () => ItemResponse.NotAnswered(null!));

    [Fact]
    public void Equality_IsByItemAndValue() =>
        EqualityContract.Holds(
            ItemResponse.Answered("1", 4m),
            ItemResponse.Create("1", 4.0m),
            ItemResponse.Answered("1", 5m),
            ItemResponse.Answered("2", 4m),
            ItemResponse.NotAnswered("1"));
}

public class OccasionTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Session_NegativeNumber_Throws() =>
        Assert.Throws<ArgumentException>("sessionNumber", () => Occasion.Session(-1));

    [Fact]
    public void Ordering_IsBySessionThenTime()
    {
        Assert.True(Occasion.Session(1) < Occasion.Session(2));
        Assert.True(Occasion.Session(2, Monday) < Occasion.Session(2, Monday.AddHours(1)));
        Assert.True(Occasion.Session(2) < Occasion.Session(2, Monday));
        Assert.True(Occasion.Session(3) >= Occasion.Session(3));
        Assert.True(Occasion.Session(3) > null);
    }

    [Fact]
    public void Equality_IsBySessionAndInstant() =>
        EqualityContract.Holds(
            Occasion.Session(4, Monday),
            Occasion.Session(4, Monday.ToOffset(TimeSpan.FromHours(2))),
            Occasion.Session(4),
            Occasion.Session(5, Monday));

    [Fact]
    public void ToString_IsCultureInvariant() =>
        Assert.Equal("session 4 (2026-03-02)", Occasion.Session(4, Monday).ToString());
}

public class MissingDataPolicyTests
{
    [Theory]
    [InlineData(12, 0, 1, 6, 3)]
    [InlineData(4, 0, 1, 2, 1)]
    [InlineData(1, 0, 0, 0, 0)]
    [InlineData(3, 0, 1, 1, 0)]
    public void MaximumMissing_FollowsTheRule(int items, int complete, int upToOne, int half, int quarter)
    {
        Assert.Equal(complete, MissingDataPolicy.CompleteOnly.MaximumMissing(items));
        Assert.Equal(upToOne, MissingDataPolicy.ProrateUpTo(1).MaximumMissing(items));
        Assert.Equal(half, MissingDataPolicy.HalfRule.MaximumMissing(items));
        Assert.Equal(quarter, MissingDataPolicy.ProrateUpToFraction(0.25m).MaximumMissing(items));
    }

    [Fact]
    public void Names_AreStable()
    {
        Assert.Equal("complete-only", MissingDataPolicy.CompleteOnly.Name);
        Assert.Equal("half-rule", MissingDataPolicy.HalfRule.Name);
        Assert.Equal("prorate-max-items:2", MissingDataPolicy.ProrateUpTo(2).Name);
        Assert.Equal("prorate-max-fraction:0.1", MissingDataPolicy.ProrateUpToFraction(0.10m).Name);
    }

    [Fact]
    public void Factories_ValidateArguments()
    {
        Assert.Throws<ArgumentException>("maximumMissingItems", () => MissingDataPolicy.ProrateUpTo(0));
        Assert.Throws<ArgumentOutOfRangeException>("fraction", () => MissingDataPolicy.ProrateUpToFraction(1m));
        Assert.Throws<ArgumentOutOfRangeException>("fraction", () => MissingDataPolicy.ProrateUpToFraction(0m));
        Assert.Throws<ArgumentException>("itemCount", () => MissingDataPolicy.HalfRule.MaximumMissing(0));
    }

    [Fact]
    public void Equality_IsByRuleAndParameter() =>
        EqualityContract.Holds(
            MissingDataPolicy.ProrateUpToFraction(0.1m),
            MissingDataPolicy.ProrateUpToFraction(0.10m),
            MissingDataPolicy.ProrateUpToFraction(0.2m),
            MissingDataPolicy.ProrateUpTo(1),
            MissingDataPolicy.CompleteOnly);
}
