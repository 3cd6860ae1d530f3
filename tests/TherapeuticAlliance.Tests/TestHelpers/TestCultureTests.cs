using System.Globalization;

namespace TherapeuticAlliance.Tests.TestHelpers;

public class TestCultureTests
{
    [Fact]
    public void Suite_RunsUnderTheRequestedCulture()
    {
        string? requested = Environment.GetEnvironmentVariable("TA_TEST_CULTURE");
        if (!string.IsNullOrWhiteSpace(requested))
        {
            Assert.Equal(requested, CultureInfo.CurrentCulture.Name);
        }
    }

    [Fact]
    public void Formatting_IsCultureInvariant_UnderTurkishAndGerman()
    {
        foreach (string name in new[] { "de-DE", "tr-TR" })
        {
            CultureInfo previous = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
            try
            {
                Assert.Equal("0–10 (step 0.1)", RatingScale.VisualAnalog10.ToString());
                Assert.Contains("from 1 to 5", TherapeuticAlliance.Tests.Instruments.AllianceInstrumentsProbe.OutOfRangeMessage());
                Assert.Equal("prorate-max-fraction:0.1", MissingDataPolicy.ProrateUpToFraction(0.1m).Name);
                Assert.True(TherapeuticAlliance.Instruments.InstrumentDefinition.Parse(
                    TherapeuticAlliance.Instruments.InstrumentDefinition.ToJson(TherapeuticAlliance.Instruments.AllianceInstruments.Srs)).IsT0);
            }
            finally
            {
                CultureInfo.CurrentCulture = previous;
            }
        }
    }
}
