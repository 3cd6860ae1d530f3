using TherapeuticAlliance.Instruments;

namespace TherapeuticAlliance.Tests.Instruments;

internal static class AllianceInstrumentsProbe
{
    public static string OutOfRangeMessage() =>
        AllianceInstruments.WaiSr.CreateAssessment(Perspective.Client, Occasion.Session(1), new[] { ItemResponse.Answered("1", 9m) }).AsT1.Message;
}
