namespace TherapeuticAlliance.Linkage;

/// <summary>One rating of a client's series, as the decomposition needs it: client, therapist at that session, session, total.</summary>
internal readonly record struct RatingRow(string Client, string? Therapist, int Session, double Value);
