namespace TherapeuticAlliance.Guidance;

/// <summary>The ways therapists strengthen the partnership, as named in the library's founding model.</summary>
public enum ImprovementPractice
{
    /// <summary>Establish goals jointly with the client.</summary>
    JointGoals = 1,

    /// <summary>Build trust through open, honest communication.</summary>
    HonestCommunication = 2,

    /// <summary>Show real interest in the client's experiences.</summary>
    InterestInExperiences = 3,

    /// <summary>Offer practical and emotional support.</summary>
    Support = 4,

    /// <summary>Stay open to the client's criticism.</summary>
    OpennessToCriticism = 5,

    /// <summary>Respect the client's autonomy.</summary>
    RespectForAutonomy = 6,

    /// <summary>Keep the setting safe and free of criticism.</summary>
    SafeSetting = 7,
}
