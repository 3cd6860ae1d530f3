using System.Collections.Immutable;
using System.Globalization;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Linkage;

/// <summary>
/// A second measure's values around one sudden gain or loss (<see cref="AllianceLinkage.AroundSuddenChanges"/>), as
/// suddengains' <c>extract_values</c> gives them: the three sessions up to the pregain session and the three from the
/// postgain session (suddengains' <c>pre3</c>, <c>pre2</c>, <c>pre1</c>, <c>post1</c>, <c>post2</c>, <c>post3</c>).
/// </summary>
/// <param name="Client">The client's identifier.</param>
/// <param name="Kind">A sudden gain or a sudden loss, on the measure it was found on.</param>
/// <param name="PreSession">The pregain session (suddengains' <c>sg_session_n</c>).</param>
/// <param name="PostSession">The postgain session.</param>
/// <param name="Before">The second measure at sessions PreSession − 2, PreSession − 1 and PreSession; null where not rated.</param>
/// <param name="After">The second measure at sessions PostSession, PostSession + 1 and PostSession + 2; null where not rated.</param>
/// <remarks>Immutable and thread-safe. <see cref="ToString"/> shows the sessions only, never an identifier or a score.</remarks>
public sealed record SuddenChangeWindow(string Client, SuddenChangeKind Kind, int PreSession, int PostSession, ImmutableArray<double?> Before, ImmutableArray<double?> After)
{
    /// <summary>Returns the kind and sessions, never an identifier or a score.</summary>
    /// <returns>Text such as <c>sudden gain between sessions 4 and 5: second measure at 6 sessions around it</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "sudden {0} between sessions {1} and {2}: second measure at {3} sessions around it", Kind == SuddenChangeKind.Gain ? "gain" : "loss", PreSession, PostSession, Before.Length + After.Length);
}
