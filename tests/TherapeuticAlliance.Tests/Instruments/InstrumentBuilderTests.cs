
namespace TherapeuticAlliance.Tests.Instruments;

public class InstrumentBuilderTests
{
    [Fact]
    public void Build_LicensedWaiStyleKeyInAFewLines()
    {
        Instrument wai = new InstrumentBuilder("site-wai", "1.0")
            .WithName("Site WAI")
            .WithScale(RatingScale.OneToSeven)
            .AddItems(36)
            .ReverseItems("3", "9")
            .AddSubscale(AllianceDimension.Subscale("goal", "Goal"), new[] { "9", "3", "6" }, AllianceDimension.MutualGoalsCollaboration)
            .Build();

        Assert.Equal(36, wai.Items.Length);
        Assert.True(wai.FindItem("3")!.IsReversed);
        Assert.False(wai.FindItem("4")!.IsReversed);
        Assert.Equal("Item 36", wai.Items[35].Label);
        Assert.Equal(new[] { "3", "6", "9" }, wai.Subscales[0].ItemIds);
        Assert.Equal(new[] { Perspective.Client }, wai.Perspectives);
        Assert.Equal(MissingDataPolicy.CompleteOnly, wai.DefaultMissingDataPolicy);
    }

    [Fact]
    public void ReverseKeyedItem_IsScoredMinPlusMaxMinusX()
    {
        Instrument instrument = new InstrumentBuilder("one", "1").WithScale(RatingScale.OneToSeven).AddItem("a", reversed: true).Build();
        var score = TherapeuticAlliance.Scoring.ScoringStrategies.Sum.Score(instrument.CreateAssessment(Perspective.Client, Occasion.Session(1), 2m).GetValueOrThrow());
        Assert.Equal(6m, score.GetValueOrThrow().Value); // reference O-9: a 7-point reverse-keyed response 2 scores 6
    }

    [Fact]
    public void Build_ReportsEveryProblem()
    {
        var builder = new InstrumentBuilder("Bad Id", "")
            .AddItem("1")
            .AddItem("1")
            .AddSubscale(AllianceDimension.Subscale("s", "S"), new[] { "9" })
            .ForPerspectives();
        var error = Assert.Throws<ArgumentException>(() => builder.Build());
        Assert.Contains("id:", error.Message);
        Assert.Contains("version:", error.Message);
        Assert.Contains("scale:", error.Message);
        Assert.Contains("items[1]: the item identifier is used by an earlier item too.", error.Message);
        Assert.Contains("subscales[0].items[0]: the item is not defined in items.", error.Message);
        Assert.Contains("perspectives:", error.Message);
    }

    [Fact]
    public void Methods_GuardTheirArguments()
    {
        var builder = new InstrumentBuilder("x", "1");
        Assert.Throws<ArgumentNullException>("id", () => new InstrumentBuilder(null!, "1"));
        Assert.Throws<ArgumentNullException>("scale", () => builder.WithScale(null!));
        Assert.Throws<ArgumentException>("count", () => builder.AddItems(0));
        Assert.Throws<ArgumentException>("itemIds", () => builder.ReverseItems("missing"));
        Assert.Throws<ArgumentException>("mapsTo", () => builder.AddSubscale(AllianceDimension.Subscale("s", "S"), new[] { "1" }, AllianceDimension.Subscale("t", "T")));
        Assert.Throws<ArgumentNullException>("policy", () => builder.WithDefaultMissingDataPolicy(null!));
    }
}
