namespace TherapeuticAlliance.Linkage;

/// <summary>One rating of a client's series, as the decomposition needs it: the client's index in <see cref="PairedSeries.ClientIds"/>, the therapist and site at that session, the session, the total.</summary>
internal readonly record struct RatingRow(int Client, string? Therapist, string? Site, int Session, double Value);
