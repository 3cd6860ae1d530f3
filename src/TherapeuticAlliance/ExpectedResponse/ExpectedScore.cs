using System.Globalization;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>What an expected-response model expects at one session for a client's intake score, in points of the model's metric.</summary>
/// <param name="Session">The session number.</param>
/// <param name="Expected">The expected (mean) score ŷ.</param>
/// <param name="Bound">The band's edge on the worse side (below ŷ when higher is better): a score beyond it is not on track.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct ExpectedScore(int Session, double Expected, double Bound)
{
    /// <summary>Returns the session, expected score and bound.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "session {0}: expected {1:0.##}, band edge {2:0.##}", Session, Expected, Bound);
}
