using TherapeuticAlliance.Instruments;

namespace TherapeuticAlliance.Tests.Instruments;

public class AllianceInstrumentsTests
{
    private static string[] Items(Instrument instrument, string subscale) =>
        instrument.Subscales.Single(s => s.Dimension.Id == subscale).ItemIds.ToArray();

    [Fact]
    public void WaiSr_HasTheVerifiedKey()
    {
        Instrument wai = AllianceInstruments.WaiSr;
        Assert.Equal("wai-sr", wai.Id);
        Assert.Equal(12, wai.Items.Length);
        Assert.Equal(RatingScale.OneToFive, wai.Scale);
        Assert.Equal(new[] { "1", "2", "10", "12" }, Items(wai, "task"));
        Assert.Equal(new[] { "3", "5", "7", "9" }, Items(wai, "bond"));
        Assert.Equal(new[] { "4", "6", "8", "11" }, Items(wai, "goal"));
        Assert.DoesNotContain(wai.Items, i => i.IsReversed);
        Assert.Equal(new[] { Perspective.Client }, wai.Perspectives);
        Assert.Null(wai.Cutoff);
        Assert.Equal((12m, 60m), (wai.MinimumSum, wai.MaximumSum));
    }

    [Fact]
    public void WaiSr_MapsGoalTaskBondOntoTheModel()
    {
        Instrument wai = AllianceInstruments.WaiSr;
        Assert.Equal(AllianceDimension.MutualGoalsCollaboration, wai.Subscales.Single(s => s.Dimension.Id == "goal").MapsTo.Single());
        Assert.Equal(AllianceDimension.SharedObligation, wai.Subscales.Single(s => s.Dimension.Id == "task").MapsTo.Single());
        Assert.Equal(AllianceDimension.OptimisticRapport, wai.Subscales.Single(s => s.Dimension.Id == "bond").MapsTo.Single());
    }

    [Fact]
    public void Srs_IsFourVisualAnalogueItemsWithCutoffBelow36()
    {
        Instrument srs = AllianceInstruments.Srs;
        Assert.Equal(4, srs.Items.Length);
        Assert.Equal(RatingScale.VisualAnalog10, srs.Scale);
        Assert.Equal((0m, 40m), (srs.MinimumSum, srs.MaximumSum));
        Assert.Equal(new ScoreCutoff(36m, CutoffOperator.LessThan, ScoreMetric.Sum), srs.Cutoff);
        Assert.Equal(new[] { "Relationship", "Goals and topics", "Approach or method", "Overall" }, srs.Items.Select(i => i.Label));
    }

    [Fact]
    public void Ors_IsAnOutcomeMeasureWithNamedOverridableCutoff()
    {
        Instrument ors = AllianceInstruments.Ors;
        Assert.Equal(MeasureKind.Outcome, ors.Measure);
        Assert.Equal(4, ors.Items.Length);
        Assert.Equal(OrsNorms.AdultClinicalCutoff, ors.Cutoff!.Threshold);
        Assert.Equal(25m, OrsNorms.AdultClinicalCutoff);
        Assert.Equal(28m, OrsNorms.AdolescentClinicalCutoff);
        Assert.Equal(32m, OrsNorms.ChildClinicalCutoff);
        Assert.Equal(5m, OrsNorms.AdultReliableChange);
        Assert.Empty(ors.Subscales);
        Assert.Equal(30m, ors.WithCutoff(new ScoreCutoff(30m, CutoffOperator.LessThan)).Cutoff!.Threshold);
    }

    [Fact]
    public void AllianceProfile_HasOneItemPerSeedDimensionAndBothForms()
    {
        Instrument profile = AllianceInstruments.AllianceProfile;
        Assert.Equal(AllianceDimension.ModelDimensions.Select(d => d.Id), profile.Items.Select(i => i.Id));
        Assert.Equal(RatingScale.OneToSeven, profile.Scale);
        Assert.Equal(new[] { Perspective.Client, Perspective.Therapist }, profile.Perspectives);
        Assert.Equal(4, Items(profile, "components").Length);
        Assert.Equal(5, Items(profile, "elements").Length);
    }

    [Fact]
    public void BuiltIns_CarryNoQuestionnaireWording()
    {
        // Labels are short neutral names: no sentence, no question.
        Assert.All(AllianceInstruments.All.SelectMany(i => i.Items), item =>
        {
            Assert.True(item.Label.Length <= 40, item.Label);
            Assert.DoesNotContain("?", item.Label);
            Assert.DoesNotContain(".", item.Label);
        });
    }

    [Fact]
    public void Catalog_FindsBuiltInsAndLaterInstrumentsWin()
    {
        Assert.True(InstrumentCatalog.BuiltIn.TryGetInstrument("srs", out var srs));
        Assert.Same(AllianceInstruments.Srs, srs);
        Assert.False(InstrumentCatalog.BuiltIn.TryGetInstrument("wai", out _));
        Assert.Equal(new[] { "alliance-profile", "ors", "srs", "wai-sr" }, InstrumentCatalog.BuiltIn.Instruments.Select(i => i.Id));

        Instrument lenient = AllianceInstruments.Srs.WithDefaultMissingDataPolicy(MissingDataPolicy.HalfRule);
        var catalog = new InstrumentCatalog(AllianceInstruments.All.Add(lenient));
        Assert.True(catalog.TryGetInstrument("srs", out var found));
        Assert.Same(lenient, found);
    }
}
