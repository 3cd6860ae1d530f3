using TherapeuticAlliance.Multilevel;

namespace TherapeuticAlliance.Tests.Multilevel;

/// <summary>Issue 31: three-level centring of a session-level predictor (within clients, between clients of one therapist, between therapists).</summary>
public sealed class NestedCentringTests
{
    [Fact]
    public void Nested_PartsAddUpToTheValueLessTheGrandMean_AndAClientBelongsToTheTherapistOfMostOfTheirSessions()
    {
        // Client a: 2, 4 (therapist X, then Y on one session: X on most); b: 6, 8 (X); c: 10, 12 (Y); one missing value.
        double[] values = { 2, 4, 3, 6, 8, 10, 12, double.NaN };
        string?[] clients = { "a", "a", "a", "b", "b", "c", "c", "c" };
        string?[] therapists = { "X", "X", "Y", "X", "X", "Y", "Y", "Y" };
        NestedCentredParts parts = Centring.Nested(values, clients, therapists);
        // Means over rows: a 3, b 7, c 11; therapist X (a's three rows and b's two) 23 / 5 = 4.6, Y (c) 11; grand 45 / 7.
        double grand = 45.0 / 7;
        Assert.Equal(new[] { -1.0, 1, 0, -1, 1, -1, 1 }, parts.Within.Take(7).ToArray());
        Assert.Equal(new[] { -1.6, -1.6, -1.6, 2.4, 2.4, 0, 0 }, parts.BetweenClients.Take(7).Select(v => Math.Round(v, 12)).ToArray());
        Assert.Equal(4.6 - grand, parts.BetweenTherapists[2], 12);
        Assert.Equal(11 - grand, parts.BetweenTherapists[5], 12);
        for (int i = 0; i < 7; i++)
        {
            Assert.Equal(values[i] - grand, parts.Within[i] + parts.BetweenClients[i] + parts.BetweenTherapists[i], 12);
        }

        Assert.True(double.IsNaN(parts.Within[7]));
        Assert.Throws<ArgumentException>(() => Centring.Nested(values, clients, therapists.Take(3).ToArray()));
        Assert.Equal("nested centred parts: 8 rows", parts.ToString());
    }
}
