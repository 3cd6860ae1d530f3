namespace TherapeuticAlliance.Linkage;

/// <summary>How an alliance rating finds the outcome score it is paired with (<see cref="LinkageOptions.Rule"/>).</summary>
public enum PairingRule
{
    /// <summary>
    /// By session number: the alliance at session t with the outcome at session t + lag exactly. A session without an
    /// outcome score (missed, or the instrument not given that session) leaves the rating unpaired: the lag is always the
    /// stated number of sessions. The default, and the rule of the lagged models in the literature (Flückiger et al. 2020).
    /// </summary>
    SessionNumber,

    /// <summary>
    /// By the outcome's administrations: the alliance at session t with the lag-th outcome score recorded after session t
    /// (lag 0: the outcome at session t itself, else unpaired), however many sessions later, but at most
    /// <see cref="LinkageOptions.MaximumGap"/> sessions later. For an outcome measure given every few sessions.
    /// </summary>
    NextAdministration,
}
