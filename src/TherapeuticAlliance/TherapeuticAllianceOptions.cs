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

    /// <summary>Gets or sets the comparison of the SRS cutoff of 36 in the registered catalog (sources disagree between "below 36" and "36 or below").</summary>
    /// <value>A defined <see cref="CutoffOperator"/>. The default value is <see cref="CutoffOperator.LessThan"/>.</value>
    public CutoffOperator SrsCutoffOperator { get; set; } = CutoffOperator.LessThan;

    /// <summary>Gets or sets the alert rules the registered <see cref="EpisodeAnalyzer"/> applies.</summary>
    /// <value>Not <see langword="null"/>. The default value is <c>new AlertOptions()</c>: every rule on except the client–therapist discrepancy.</value>
    public AlertOptions Alerts { get; set; } = new();

    internal TherapeuticAllianceOptions Clone() => new()
    {
        DefaultScoringStrategy = DefaultScoringStrategy,
        SrsCutoffOperator = SrsCutoffOperator,
        Alerts = Alerts,
    };

    internal void CopyFrom(TherapeuticAllianceOptions other)
    {
        DefaultScoringStrategy = other.DefaultScoringStrategy;
        SrsCutoffOperator = other.SrsCutoffOperator;
        Alerts = other.Alerts;
    }

    internal void Validate()
    {
        if (!Identifiers.IsValid(DefaultScoringStrategy))
        {
            throw new ArgumentException("DefaultScoringStrategy: " + Identifiers.Rule, nameof(DefaultScoringStrategy));
        }

        if (SrsCutoffOperator is < CutoffOperator.LessThan or > CutoffOperator.GreaterThanOrEqual)
        {
            throw new ArgumentException("SrsCutoffOperator: use a defined CutoffOperator value.", nameof(SrsCutoffOperator));
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
