namespace TherapeuticAlliance.Service;

/// <summary>Which measure a therapist-effects model describes.</summary>
public enum ServiceMeasure
{
    /// <summary>The outcome measure at the end of the episode, adjusted for intake: <c>final ~ intake (+ case mix) + (1 | therapist)</c>.</summary>
    Outcome,

    /// <summary>The client's mean alliance rating: <c>alliance ~ 1 (+ case mix) + (1 | therapist)</c> (how much of the alliance is the therapist: Del Re et al. 2012).</summary>
    Alliance,
}
