namespace TherapeuticAlliance.Trends;

/// <summary>One finding of <see cref="CaseloadTrends.Scan"/>: made only when found.</summary>
/// <param name="Episode">The episode's index in the <see cref="EpisodeColumns"/> scanned.</param>
/// <param name="Kind">What was found.</param>
/// <param name="Session">For a drop, the session that dropped; for a sudden gain or loss, the last session before it (the pregain session N of Tang &amp; DeRubeis 1999).</param>
/// <param name="Change">For a drop, its size (previous − current, positive, in points); for a sudden gain or loss, the change from session N to N + 1, signed, in points.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
internal readonly record struct CaseloadFinding(int Episode, CaseloadFindingKind Kind, int Session, double Change);
