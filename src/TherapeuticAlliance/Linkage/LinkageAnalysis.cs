using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Linkage;

/// <summary>
/// Everything <c>alliance linkage</c> prints, from one call (<see cref="Run"/>): the paired series and their counts, the
/// decomposition, the repeated-measures correlation and the lagged within-person model. The tables package writes it
/// as tidy tables (<c>linkage-pairs</c>, <c>linkage-statistics</c>, <c>linkage-notes</c>, and the model's
/// <c>mixed-fixed-effects</c> and <c>mixed-varcorr</c>).
/// </summary>
/// <remarks>Immutable and thread-safe. <see cref="ToString"/> and <see cref="Summary"/> show figures only, never an identifier.</remarks>
public sealed class LinkageAnalysis
{
    private LinkageAnalysis(PairedSeries paired, LinkageDecomposition decomposition, RepeatedMeasuresCorrelation correlation, LaggedModelResult model, LaggedModelOptions modelOptions)
    {
        Paired = paired;
        Decomposition = decomposition;
        Correlation = correlation;
        Model = model;
        ModelOptions = modelOptions;
    }

    /// <summary>Gets the paired series.</summary>
    public PairedSeries Paired { get; }

    /// <summary>Gets the decomposition of the paired alliance and the variance shares of both measures.</summary>
    public LinkageDecomposition Decomposition { get; }

    /// <summary>Gets the repeated-measures correlation of the alliance with the paired outcome.</summary>
    public RepeatedMeasuresCorrelation Correlation { get; }

    /// <summary>Gets the lagged within-person model, or why it could not be fitted.</summary>
    public LaggedModelResult Model { get; }

    /// <summary>Gets the model options used.</summary>
    public LaggedModelOptions ModelOptions { get; }

    /// <summary>Pairs the series (<see cref="AllianceLinkage.Pair"/>), decomposes them, correlates them and fits the lagged within-person model.</summary>
    /// <param name="series">Clients' series.</param>
    /// <param name="options">Which instruments and how they pair; <see langword="null"/> for <see cref="LinkageOptions.Default"/>.</param>
    /// <param name="modelOptions">The model's options; <see langword="null"/> for <see cref="LaggedModelOptions.Default"/> (its level is also the correlation's).</param>
    /// <returns>The analysis. A model that cannot be fitted is an error inside it (<see cref="Model"/>), not an exception.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="series"/> is or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the options break their rules, or a client has two client-rated series of one instrument.</exception>
    public static LinkageAnalysis Run(IEnumerable<Episode> series, LinkageOptions? options = null, LaggedModelOptions? modelOptions = null)
    {
        Guard.Against.Null(series);
        modelOptions ??= LaggedModelOptions.Default;
        modelOptions.Validate(nameof(modelOptions));
        PairedSeries paired = AllianceLinkage.Pair(series, options);
        return new LinkageAnalysis(paired, AllianceLinkage.Decompose(paired), AllianceLinkage.Correlate(paired, modelOptions.Level), AllianceLinkage.FitLaggedModel(paired, modelOptions), modelOptions);
    }

    /// <summary>Gets the figures as (statistic, value) pairs, in the order <see cref="Summary"/> shows them: the counts, the variance shares, the repeated-measures correlation and the model's effects (names in <c>docs/linkage.md</c>).</summary>
    /// <returns>The pairs; a figure that is undefined is NaN, and the model's are absent when it could not be fitted.</returns>
    public IReadOnlyList<KeyValuePair<string, double>> Statistics()
    {
        var s = new List<KeyValuePair<string, double>>();
        void Add(string name, double value) => s.Add(new KeyValuePair<string, double>(name, value));
        Add("pairs", Paired.Count);
        Add("clients", Paired.Clients);
        Add("clients_with_pairs", Paired.ClientsWithPairs);
        Add("alliance_ratings", Paired.AllianceRatings);
        Add("alliance_without_outcome", Paired.WithoutOutcome);
        Add("clients_without_outcome_series", Paired.ClientsWithoutOutcomeSeries);
        Add("lag", Paired.Options.Lag);
        Add("pairing_next_administration", Paired.Options.Rule == PairingRule.NextAdministration ? 1 : 0);
        Add("maximum_gap", Paired.Options.Rule == PairingRule.NextAdministration ? Paired.Options.MaximumGap : double.NaN);
        Add("detrended", ModelOptions.Detrend ? 1 : 0);
        Add("therapist_intercept", ModelOptions.TherapistIntercept ? 1 : 0);
        foreach (var (measure, parts) in new[] { ("alliance", Decomposition.Alliance), ("outcome", Decomposition.Outcome) })
        {
            Add(measure + "_share_within_clients", parts.WithinClients);
            Add(measure + "_share_between_clients", parts.BetweenClients);
            Add(measure + "_share_between_therapists", parts.BetweenTherapists);
        }

        Add("rmcorr_r", Correlation.R);
        Add("rmcorr_df", Correlation.DegreesOfFreedom);
        Add("rmcorr_p_value", Correlation.PValue);
        Add("rmcorr_conf_low", Correlation.Lower);
        Add("rmcorr_conf_high", Correlation.Upper);
        Add("rmcorr_slope", Correlation.Slope);
        if (Model.IsSuccess)
        {
            LaggedWithinPersonModel model = Model.AsT0;
            foreach (LinkageEffect e in new[] { model.Within, model.Between })
            {
                Add(e.Term + "_estimate", e.Estimate);
                Add(e.Term + "_std_error", e.StandardError);
                Add(e.Term + "_df", e.DegreesOfFreedom);
                Add(e.Term + "_p_value", e.PValue);
                Add(e.Term + "_conf_low", e.Lower);
                Add(e.Term + "_conf_high", e.Upper);
                Add(e.Term + "_standardised", e.Standardised);
                Add(e.Term + "_standardised_conf_low", e.StandardisedLower);
                Add(e.Term + "_standardised_conf_high", e.StandardisedUpper);
            }

            Add("model_observations", model.Fit.Observations);
            Add("model_clients", model.Clients);
        }

        Add("conf_level", ModelOptions.Level);
        return s;
    }

    /// <summary>Gets the notes a reader needs: what was left out and why, and what the figures cannot say.</summary>
    /// <returns>The notes, as sentences without an identifier.</returns>
    public IReadOnlyList<string> Notes()
    {
        var notes = new List<string>();
        if (Paired.WithoutOutcome > 0)
        {
            notes.Add(string.Format(CultureInfo.InvariantCulture, "{0} of {1} alliance ratings found no outcome score under the pairing rule and are not in the pairs{2}.", Paired.WithoutOutcome, Paired.AllianceRatings, Paired.ClientsWithoutOutcomeSeries > 0 ? string.Format(CultureInfo.InvariantCulture, " ({0} clients have no outcome series)", Paired.ClientsWithoutOutcomeSeries) : string.Empty));
        }

        int withoutCurrent = Paired.PairOutcomeNow.Count(i => i < 0);
        if (withoutCurrent > 0)
        {
            notes.Add(string.Format(CultureInfo.InvariantCulture, "{0} of {1} pairs have no outcome score at the alliance's own session and are not in the lagged model (it needs the current outcome as its autoregressive term).", withoutCurrent, Paired.Count));
        }

        if (!Model.IsSuccess)
        {
            notes.Add("The lagged within-person model could not be fitted. " + Model.AsT1.Message);
            return notes;
        }

        if (Model.AsT0.Fit.IsSingular)
        {
            notes.Add("The lagged model's fit is singular (lme4's \"boundary (singular) fit\"): a random-intercept variance is estimated at zero, so that intercept changes nothing; see mixed-varcorr.");
        }

        notes.Add(ModelOptions.Detrend
            ? "The alliance was detrended within each client (the residual of the client's own straight line on session number) and session number is in the model; the pairs' alliance_within column stays the deviation from the client's mean."
            : "The alliance was not detrended: a time trend shared by alliance and outcome biases the within-person effect (downward in docs/linkage.md's grid) and shows up in r_rm; detrend to check.");
        return notes;
    }

    /// <summary>Returns the analysis as text for a person: counts, variance shares, the repeated-measures correlation, the lagged model's effects, and the notes.</summary>
    /// <returns>The text, lines ending in <c>\n</c>.</returns>
    public string Summary()
    {
        var text = new StringBuilder();
        void Line(string format, params object?[] values) => text.Append(string.Format(CultureInfo.InvariantCulture, format, values)).Append('\n');
        LinkageOptions o = Paired.Options;
        Line("Alliance ({0}) and outcome ({1}), client-rated, linked at lag {2}, {3}", o.AllianceInstrument, o.OutcomeInstrument, o.Lag, o.Rule == PairingRule.SessionNumber ? "by session number" : string.Format(CultureInfo.InvariantCulture, "by next administration within {0} sessions", o.MaximumGap));
        Line("  {0} pairs from {1} of {2} clients; {3} of {4} alliance ratings unpaired", Paired.Count, Paired.ClientsWithPairs, Paired.Clients, Paired.WithoutOutcome, Paired.AllianceRatings);
        Line(string.Empty);
        Line("Variance (share of the sum of squares)   within clients   between clients   between therapists");
        foreach (var (measure, parts) in new[] { ("alliance", Decomposition.Alliance), ("outcome", Decomposition.Outcome) })
        {
            Line("  {0,-38} {1,14:0.0%} {2,17:0.0%} {3,20}", measure, parts.WithinClients, parts.BetweenClients, double.IsNaN(parts.BetweenTherapists) ? "n/a" : parts.BetweenTherapists.ToString("0.0%", CultureInfo.InvariantCulture));
        }

        Line(string.Empty);
        Line("Repeated-measures correlation (Bakdash & Marusich 2017): r_rm = {0:0.000}, df = {1}, p = {2:G3}, {3:0.#} % CI {4:0.000} to {5:0.000}", Correlation.R, Correlation.DegreesOfFreedom, Correlation.PValue, Correlation.Level * 100, Correlation.Lower, Correlation.Upper);
        Line(string.Empty);
        if (Model.IsSuccess)
        {
            LaggedWithinPersonModel model = Model.AsT0;
            Line("Lagged within-person model: {0}", model.Formula);
            Line("  {0} pairs of {1} clients (REML = {2})", model.Fit.Observations, model.Clients, model.Fit.Reml ? "TRUE" : "FALSE");
            Line("  {0,-18} {1,9} {2,9} {3,9} {4,10} {5,21} {6,13}", "term", "estimate", "std_error", "df", "p_value", "conf_interval", "standardised");
            foreach (LinkageEffect e in new[] { model.Within, model.Between })
            {
                Line("  {0,-18} {1,9:0.0000} {2,9:0.0000} {3,9:0.0} {4,10:G3} {5,21} {6,13:0.000}", e.Term, e.Estimate, e.StandardError, e.DegreesOfFreedom, e.PValue, string.Format(CultureInfo.InvariantCulture, "{0:0.000} to {1:0.000}", e.Lower, e.Upper), e.Standardised);
            }

            Line("  within: the next outcome's change, in outcome points, when the alliance is one point above the client's own mean");
        }

        foreach (string note in Notes())
        {
            Line("note: {0}", note);
        }

        return text.ToString();
    }

    /// <summary>Returns the counts, never an identifier.</summary>
    /// <returns>Text such as <c>linkage analysis: 13700 pairs of 1521 clients</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "linkage analysis: {0} pairs of {1} clients", Paired.Count, Paired.ClientsWithPairs);
}
