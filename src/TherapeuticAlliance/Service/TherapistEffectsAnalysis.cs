using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using TherapeuticAlliance.Multilevel;

namespace TherapeuticAlliance.Service;

/// <summary>
/// Therapist (and site) effects on one measure: the multilevel model fitted, each factor's share of the variance with
/// its interval, each therapist's adjusted effect with its interval and classification, and what the data can and
/// cannot support (<see cref="TherapistEffects.Estimate"/>).
/// </summary>
/// <remarks>
/// Not for ranking therapists, and never for pay or appraisal on its own: an effect is a shrunken estimate from a
/// handful of clients, its interval is wide, and a therapist called "average" is one the data cannot tell from the
/// mean, not one shown to be average. Immutable and thread-safe.
/// </remarks>
public sealed class TherapistEffectsAnalysis
{
    internal TherapistEffectsAnalysis(ServiceMeasure measure, MixedModelFit fit, ImmutableArray<VarianceShare> shares, ImmutableArray<TherapistEffect> therapists, int episodes, int leftOut, double clientsForTarget, ImmutableArray<string> notes)
    {
        Measure = measure;
        Fit = fit;
        Shares = shares;
        Therapists = therapists;
        Episodes = episodes;
        LeftOut = leftOut;
        ClientsForTargetReliability = clientsForTarget;
        Notes = notes;
    }

    /// <summary>Gets the measure.</summary>
    public ServiceMeasure Measure { get; }

    /// <summary>Gets the model's formula, in lme4's syntax (<c>final ~ intake + (1 | site) + (1 | therapist)</c>).</summary>
    public string Formula => Fit.Formula;

    /// <summary>Gets the fitted model (REML), with lme4's figures (<see cref="MixedModelFit.Summary"/>).</summary>
    public MixedModelFit Fit { get; }

    /// <summary>Gets the shares of the variance: the therapist's first, then the site's when sites are modelled.</summary>
    public ImmutableArray<VarianceShare> Shares { get; }

    /// <summary>Gets the therapist's share of the variance (the therapist effect).</summary>
    public VarianceShare TherapistShare => Shares[0];

    /// <summary>Gets the site's share, or <see langword="null"/> when the model has no site (fewer than two sites, or an episode without one).</summary>
    public VarianceShare? SiteShare => Shares.Length > 1 ? Shares[1] : null;

    /// <summary>Gets each therapist's adjusted effect, best first (withheld ones last, in key order).</summary>
    public ImmutableArray<TherapistEffect> Therapists { get; }

    /// <summary>Gets how many episodes the model used.</summary>
    public int Episodes { get; }

    /// <summary>Gets how many episodes were left out (no therapist, no pre–post pair or no alliance rating, or a case-mix covariate missing).</summary>
    public int LeftOut { get; }

    /// <summary>Gets how many clients per therapist give a therapist's mean the target reliability (<see cref="ServiceOptions.TargetReliability"/>) at this model's variances, R/(1 − R) × σ²/τ² (Spearman–Brown); at the published 5 % therapist share (Johns et al. 2019) when the estimate is 0.</summary>
    public double ClientsForTargetReliability { get; }

    /// <summary>Gets what a reader must know: episodes left out, a boundary fit, the reliability of the therapists' means, figures withheld. Never an identifier.</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>Returns the shares and the classification counts, without any identifier.</summary>
    /// <returns>Text such as <c>outcome: therapist 7.0 % (3.7 to 12.5 %); 48 therapists: 3 above, 40 average, 5 below</c>.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0}: {1}; {2} therapists: {3} above, {4} average, {5} below, {6} withheld",
        ServiceCodes.ToCode(Measure),
        string.Join("; ", Shares),
        Therapists.Length,
        Therapists.Count(t => t.Classification == EffectClassification.AboveAverage),
        Therapists.Count(t => t.Classification == EffectClassification.Average),
        Therapists.Count(t => t.Classification == EffectClassification.BelowAverage),
        Therapists.Count(t => t.Classification == EffectClassification.Withheld));
}
