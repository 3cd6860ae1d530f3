using System.Globalization;
using TherapeuticAlliance.Multilevel;

namespace TherapeuticAlliance.Linkage;

/// <summary>
/// The lagged within-person model of alliance and outcome (<see cref="AllianceLinkage.FitLaggedModel"/>): the outcome at
/// the paired session on the outcome at the alliance's session, the alliance's within-client part and its between-client
/// part, with a random intercept per client (and optionally per therapist), as lme4's
/// <c>lmer(outcome_next ~ outcome + alliance_within + alliance_between + (1 | client))</c> (Flückiger et al. 2020;
/// Zilcha-Mano 2017; Curran and Bauer 2011).
/// </summary>
/// <remarks>
/// <para><see cref="Within"/> is the question's answer: how much better (or worse) the next outcome is when a client's
/// alliance is one point above their own usual level, their current outcome held fixed. Its standardised value divides
/// by the outcome's within-client SD over the alliance's within-client SD (on the model's rows). <see cref="Between"/>
/// is the effect of a client's usual level of alliance, standardised by the SDs of the outcome and of the client means.</para>
/// <para>Limits: within-person effects are small (standardised 0.16 to 0.21 in one 345-patient sample, PMC7776120) and need
/// many sessions to estimate; a shared time trend biases them (<see cref="LaggedModelOptions.Detrend"/>); the model
/// includes the lagged outcome, so with few sessions per client the within effect is biased (Nickell's bias) and the
/// random-intercept cross-lagged panel model is the full alternative (<see cref="RiClpmExport"/>). Immutable and thread-safe.</para>
/// </remarks>
public sealed class LaggedWithinPersonModel
{
    internal LaggedWithinPersonModel(MixedModelFit fit, LinkageEffect within, LinkageEffect between, LaggedModelOptions options, int clients)
    {
        Fit = fit;
        Within = within;
        Between = between;
        Options = options;
        Clients = clients;
    }

    /// <summary>Gets the mixed model's fit (every fixed effect, the variance components, the criterion), in lme4's terms.</summary>
    public MixedModelFit Fit { get; }

    /// <summary>Gets the within-person effect: the coefficient of <c>alliance_within</c>.</summary>
    public LinkageEffect Within { get; }

    /// <summary>Gets the between-client effect: the coefficient of <c>alliance_between</c>.</summary>
    public LinkageEffect Between { get; }

    /// <summary>Gets the options used.</summary>
    public LaggedModelOptions Options { get; }

    /// <summary>Gets the number of clients with a row in the model.</summary>
    public int Clients { get; }

    /// <summary>Gets the model's formula, in lme4's syntax.</summary>
    public string Formula => Fit.Formula;

    /// <summary>Returns the within-person effect and the counts, never an identifier.</summary>
    /// <returns>Text such as <c>lagged within-person model: 13700 pairs of 1500 clients; alliance_within: 0.314 (...)</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "lagged within-person model: {0} pairs of {1} clients; {2}", Fit.Observations, Clients, Within);
}
