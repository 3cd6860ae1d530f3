using System;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Internal;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance;

/// <summary>Configures <see cref="TherapeuticAllianceServiceCollectionExtensions.AddTherapeuticAlliance(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{TherapeuticAllianceOptions})"/>.</summary>
/// <remarks>
/// A registration-time configuration bag: it is validated when <c>AddTherapeuticAlliance</c> runs, and services read
/// an immutable snapshot of it. Changing the object afterwards has no effect on resolved services.
/// </remarks>
public sealed class TherapeuticAllianceOptions
{
    /// <summary>Gets or sets the name of the scoring strategy the unkeyed <see cref="IScoringStrategy"/> and <see cref="IAllianceEvaluator"/> use.</summary>
    /// <value>A registered strategy name: 1 to 64 lower-case letters, digits, '-', '_' or '.'. The default value is <c>sum</c>.</value>
    public string DefaultScoringStrategy { get; set; } = Scoring.SumScoringStrategy.DefaultName;

    /// <summary>
    /// Gets or sets the missing-data policy of the built-in strategies this registration adds (<c>sum</c>, <c>mean</c>,
    /// <c>pomp</c>, <c>weighted</c>, <c>weakest-link</c>). Strategies registered with <c>AddScoringStrategy</c> keep
    /// their own. (To change an instrument's cutoff, such as the SRS's "below 36" to "36 or below", register the
    /// instrument with the other cutoff: <c>AddInstrument(AllianceInstruments.Srs.WithCutoff(...))</c> replaces the
    /// built-in.)
    /// </summary>
    /// <value><see langword="null"/> for each instrument's own default policy (complete only for the built-ins). The default value is <see langword="null"/>.</value>
    public MissingDataPolicy? MissingDataPolicy { get; set; }

    /// <summary>Gets or sets the alert rules the registered <see cref="EpisodeAnalyzer"/> applies.</summary>
    /// <value>Not <see langword="null"/>. The default value is <c>new AlertOptions()</c>: every rule on except the client–therapist discrepancy.</value>
    public AlertOptions Alerts { get; set; } = new();

    internal TherapeuticAllianceOptions Clone() => new()
    {
        DefaultScoringStrategy = DefaultScoringStrategy,
        MissingDataPolicy = MissingDataPolicy,
        Alerts = Alerts,
    };

    internal void CopyFrom(TherapeuticAllianceOptions other)
    {
        DefaultScoringStrategy = other.DefaultScoringStrategy;
        MissingDataPolicy = other.MissingDataPolicy;
        Alerts = other.Alerts;
    }

    internal void Validate()
    {
        if (!Identifiers.IsValid(DefaultScoringStrategy))
        {
            throw new ArgumentException("DefaultScoringStrategy: " + Identifiers.Rule, nameof(DefaultScoringStrategy));
        }

        if (Alerts is null)
        {
            throw new ArgumentException("Alerts: give alert options.", nameof(Alerts));
        }

        try
        {
            _ = new AlertRules(Alerts);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException("Alerts: " + ex.Message, nameof(Alerts), ex);
        }
    }
}
