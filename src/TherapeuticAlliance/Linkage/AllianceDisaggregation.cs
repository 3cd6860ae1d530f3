using System.Globalization;
using TherapeuticAlliance.Multilevel;

namespace TherapeuticAlliance.Linkage;

/// <summary>
/// Baldwin, Wampold and Imel's (2007) disaggregation of the alliance into therapist and client parts at the episode level
/// (<see cref="AllianceLinkage.Disaggregate"/>): the effect on the final outcome of the therapist's mean alliance and of
/// the client's deviation from it, the intake held fixed, with a random intercept per therapist.
/// </summary>
/// <remarks>Standardised effects divide by the final outcome's SD over the part's SD across episodes. Immutable and thread-safe.</remarks>
public sealed class AllianceDisaggregation
{
    internal AllianceDisaggregation(MixedModelFit fit, LinkageEffect therapist, LinkageEffect client, int omitted)
    {
        Fit = fit;
        Therapist = therapist;
        Client = client;
        OmittedEpisodes = omitted;
    }

    /// <summary>Gets the mixed model's fit, in lme4's terms.</summary>
    public MixedModelFit Fit { get; }

    /// <summary>Gets the therapist part's effect: the coefficient of <c>alliance_between</c> (therapist's mean less the grand mean).</summary>
    public LinkageEffect Therapist { get; }

    /// <summary>Gets the client part's effect: the coefficient of <c>alliance_within</c> (the client's deviation from their therapist's mean).</summary>
    public LinkageEffect Client { get; }

    /// <summary>Gets the number of episodes left out for want of an intake, a final score, an alliance mean or a therapist.</summary>
    public int OmittedEpisodes { get; }

    /// <summary>Returns both effects and the counts, never an identifier.</summary>
    /// <returns>Text such as <c>alliance disaggregation: 1521 episodes; alliance_between: ...; alliance_within: ...</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "alliance disaggregation: {0} episodes; {1}; {2}", Fit.Observations, Therapist, Client);
}
