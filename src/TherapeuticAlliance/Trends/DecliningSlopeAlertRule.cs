using System.Collections.Generic;
using System.Globalization;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// Raises an alert when the trajectory's slope is significantly negative: the upper bound of its two-tailed
/// confidence interval, <c>b + t(1 − α/2, n − 2)·SE</c>, is below zero; signals strain.
/// It reads any finding with <see cref="ITrajectoryEvidence"/>, so a site's own detector feeds it as the built-in one does.
/// </summary>
/// <remarks>Name <see cref="AlertRules.DecliningSlopeRule"/>. This type is immutable and thread-safe.</remarks>
public sealed class DecliningSlopeAlertRule : IAlertRule
{
    /// <summary>Initializes a new instance of the <see cref="DecliningSlopeAlertRule"/> class.</summary>
    /// <param name="alpha">The two-tailed level; between 0 and 1 (default 0.05).</param>
    /// <exception cref="System.ArgumentException">Thrown when <paramref name="alpha"/> is not between 0 and 1.</exception>
    public DecliningSlopeAlertRule(double alpha = 0.05) =>
        Alpha = Guard.Against.InvalidInput(alpha, nameof(alpha), static a => a > 0.0 && a < 1.0, "The level lies between 0 and 1.");

    /// <summary>Gets the two-tailed level.</summary>
    public double Alpha { get; }

    /// <inheritdoc/>
    public string Name => AlertRules.DecliningSlopeRule;

    /// <inheritdoc/>
    public IEnumerable<Alert> Evaluate(AlertContext context)
    {
        if (Guard.Against.Null(context).Episode.Measure != MeasureKind.Alliance)
        {
            yield break;
        }

        foreach (ITrajectoryEvidence f in context.Findings.OfType<ITrajectoryEvidence>())
        {
            int df = f.Sessions.Length - 2;
            if (df >= 1 && !double.IsNaN(f.SlopeStandardError)
                && f.Slope + (SuddenGainsAndLossesCriteria.CriticalT(df, Alpha) * f.SlopeStandardError) < 0.0)
            {
                yield return new Alert(Name, f.Sessions, string.Format(CultureInfo.InvariantCulture, "The slope over {0} sessions is negative: {1:0.###} points per session, and its two-sided {2:0.##} % confidence interval lies below zero.", f.Sessions.Length, f.Slope, (1.0 - Alpha) * 100.0), signalsStrain: true, AlertSeverity.Watch, AlertRules.DecliningSlopeRule);
            }
        }
    }
}
