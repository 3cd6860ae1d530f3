using System;

namespace TherapeuticAlliance.Service;

/// <summary>The codes the service view's tables, JSON and report write for its enumerations: defined once, here.</summary>
/// <remarks>This type is thread-safe.</remarks>
public static class ServiceCodes
{
    /// <summary>Returns a classification's code: <c>average</c>, <c>above-average</c>, <c>below-average</c>, <c>withheld</c>.</summary>
    /// <param name="classification">The classification.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="classification"/> is not defined.</exception>
    public static string ToCode(EffectClassification classification) => classification switch
    {
        EffectClassification.Average => "average",
        EffectClassification.AboveAverage => "above-average",
        EffectClassification.BelowAverage => "below-average",
        EffectClassification.Withheld => "withheld",
        _ => throw new ArgumentOutOfRangeException(nameof(classification), classification, "Not a classification."),
    };

    /// <summary>Returns a grouping's code: <c>caseload</c>, <c>site</c>, <c>therapist</c>, <c>month</c>.</summary>
    /// <param name="grouping">The grouping.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="grouping"/> is not defined.</exception>
    public static string ToCode(ServiceGrouping grouping) => grouping switch
    {
        ServiceGrouping.Caseload => "caseload",
        ServiceGrouping.Site => "site",
        ServiceGrouping.Therapist => "therapist",
        ServiceGrouping.Month => "month",
        _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "Not a grouping."),
    };

    /// <summary>Returns a measure's code: <c>outcome</c>, <c>alliance</c>.</summary>
    /// <param name="measure">The measure.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="measure"/> is not defined.</exception>
    public static string ToCode(ServiceMeasure measure) => measure switch
    {
        ServiceMeasure.Outcome => "outcome",
        ServiceMeasure.Alliance => "alliance",
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Not a measure."),
    };

    /// <summary>The group name of the caseload row: <c>all</c>.</summary>
    public const string AllEpisodes = "all";

    /// <summary>The format of a month group, <c>yyyy-MM</c> (invariant culture, UTC).</summary>
    public const string MonthFormat = "yyyy-MM";
}
