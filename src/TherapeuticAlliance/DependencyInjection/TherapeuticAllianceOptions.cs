using System;
using System.Linq;
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

    /// <summary>Gets or sets the alert rules the registered <see cref="Reports.EpisodeAnalyzer"/> applies.</summary>
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

    /// <summary>Checks every option and reports every problem at once; the exception's parameter is the first offending option.</summary>
    internal void Validate()
    {
        var problems = new System.Collections.Generic.List<(string Option, string Problem)>();
        if (!Identifiers.IsValid(DefaultScoringStrategy))
        {
            problems.Add((nameof(DefaultScoringStrategy), Identifiers.Rule));
        }

        if (Alerts is null)
        {
            problems.Add((nameof(Alerts), "give alert options."));
        }
        else
        {
            try
            {
                _ = new AlertRules(Alerts);
            }
            catch (ArgumentException ex)
            {
                problems.Add((nameof(Alerts), ex.Message));
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems.Select(p => p.Option + ": " + p.Problem)), problems[0].Option);
        }
    }
}
