namespace TherapeuticAlliance;

/// <summary>Identifies who rated the alliance.</summary>
/// <remarks>
/// Alliance ratings are subjective: clients and therapists agree only moderately and clients tend to
/// rate higher, so every assessment records its perspective and scores of different perspectives are
/// never pooled silently. The numeric value <c>0</c> is not a perspective and is rejected as an argument.
/// </remarks>
public enum Perspective
{
    /// <summary>The client rates the partnership.</summary>
    Client = 1,

    /// <summary>The therapist rates the partnership.</summary>
    Therapist = 2,

    /// <summary>A trained observer rates the partnership, for example from a session recording.</summary>
    Observer = 3,

    /// <summary>Someone close to the client, such as a parent or partner, rates the partnership.</summary>
    Collateral = 4,
}
