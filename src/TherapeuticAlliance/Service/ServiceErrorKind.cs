namespace TherapeuticAlliance.Service;

/// <summary>Why a part of the service view could not be computed.</summary>
public enum ServiceErrorKind
{
    /// <summary>No episode has what the figure needs (an intake and a final score, alliance ratings, a therapist).</summary>
    NoData,

    /// <summary>Too few therapists (or too few with two or more clients) to estimate a therapist variance; the message says how many are needed.</summary>
    TooFewTherapists,

    /// <summary>The multilevel model could not be fitted; the message gives the model's own reason.</summary>
    ModelFailed,

    /// <summary>A site's data are too few for its partial to leave it under the disclosure policy (<see cref="ServicePartial.Create"/>).</summary>
    Disclosure,

    /// <summary>A service partial could not be read, or partials of other settings were merged; the message says which field or setting, never a value.</summary>
    UnreadablePartial,
}
