using System;

namespace TherapeuticAlliance;

/// <summary>
/// The one table of stable codes for the library's enumerations, as the JSON formats, the command line, FHIR and
/// reports write them: <see cref="Perspective"/> (<c>client</c>, <c>therapist</c>, <c>observer</c>, <c>collateral</c>),
/// <see cref="ScoreMetric"/> (<c>sum</c>, <c>mean</c>, <c>pomp</c>, <c>weighted-mean</c>, <c>weakest-link</c>),
/// <see cref="CutoffOperator"/> (<c>lessThan</c>, <c>lessThanOrEqual</c>, <c>greaterThan</c>, <c>greaterThanOrEqual</c>) and
/// <see cref="MeasureKind"/> (<c>alliance</c>, <c>outcome</c>). Missing-data policies have
/// <see cref="MissingDataPolicy.Name"/> and <see cref="MissingDataPolicy.TryParse"/>; improvement practices have
/// <see cref="Guidance.ImprovementPracticeCodes"/>.
/// </summary>
/// <remarks>
/// Codes are case-sensitive and culture-invariant. <c>ToCode</c> throws on a value the enumeration does not define
/// (never a silent fallback to some other code); <c>TryParse</c> returns <see langword="false"/> for any text that is not
/// a code. This type is thread-safe.
/// </remarks>
public static class AllianceCodes
{
    private static readonly Perspective[] Perspectives = { Perspective.Client, Perspective.Therapist, Perspective.Observer, Perspective.Collateral };
    /// <summary>Whether a perspective is one of the defined values (a guard's test).</summary>
    internal static bool IsDefined(Perspective perspective) => perspective is >= Perspective.Client and <= Perspective.Collateral;

    private static readonly ScoreMetric[] Metrics = { ScoreMetric.Sum, ScoreMetric.Mean, ScoreMetric.Pomp, ScoreMetric.WeightedMean, ScoreMetric.WeakestLink };
    private static readonly CutoffOperator[] Operators = { CutoffOperator.LessThan, CutoffOperator.LessThanOrEqual, CutoffOperator.GreaterThan, CutoffOperator.GreaterThanOrEqual };
    private static readonly MeasureKind[] Measures = { MeasureKind.Alliance, MeasureKind.Outcome };

    /// <summary>Returns the code of a perspective.</summary>
    /// <param name="value">The perspective.</param>
    /// <returns>The code, such as <c>client</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="value"/> is not a defined perspective.</exception>
    public static string ToCode(Perspective value) => value switch
    {
        Perspective.Client => "client",
        Perspective.Therapist => "therapist",
        Perspective.Observer => "observer",
        Perspective.Collateral => "collateral",
        _ => throw Undefined(nameof(value)),
    };

    /// <summary>Returns the code of a metric.</summary>
    /// <param name="value">The metric.</param>
    /// <returns>The code, such as <c>weighted-mean</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="value"/> is not a defined metric.</exception>
    public static string ToCode(ScoreMetric value) => value switch
    {
        ScoreMetric.Sum => "sum",
        ScoreMetric.Mean => "mean",
        ScoreMetric.Pomp => "pomp",
        ScoreMetric.WeightedMean => "weighted-mean",
        ScoreMetric.WeakestLink => "weakest-link",
        _ => throw Undefined(nameof(value)),
    };

    /// <summary>Returns the code of a cutoff operator.</summary>
    /// <param name="value">The operator.</param>
    /// <returns>The code, such as <c>lessThan</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="value"/> is not a defined operator.</exception>
    public static string ToCode(CutoffOperator value) => value switch
    {
        CutoffOperator.LessThan => "lessThan",
        CutoffOperator.LessThanOrEqual => "lessThanOrEqual",
        CutoffOperator.GreaterThan => "greaterThan",
        CutoffOperator.GreaterThanOrEqual => "greaterThanOrEqual",
        _ => throw Undefined(nameof(value)),
    };

    /// <summary>Returns the code of a measure kind.</summary>
    /// <param name="value">The kind.</param>
    /// <returns><c>alliance</c> or <c>outcome</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="value"/> is not a defined kind.</exception>
    public static string ToCode(MeasureKind value) => value switch
    {
        MeasureKind.Alliance => "alliance",
        MeasureKind.Outcome => "outcome",
        _ => throw Undefined(nameof(value)),
    };

    /// <summary>Reads a perspective's code.</summary>
    /// <param name="code">The code, such as <c>therapist</c>.</param>
    /// <param name="value">The perspective, when the code is one.</param>
    /// <returns>Whether <paramref name="code"/> is a perspective's code.</returns>
    public static bool TryParse(string? code, out Perspective value) => TryParse(code, Perspectives, ToCode, out value);

    /// <summary>Reads a metric's code.</summary>
    /// <param name="code">The code, such as <c>pomp</c>.</param>
    /// <param name="value">The metric, when the code is one.</param>
    /// <returns>Whether <paramref name="code"/> is a metric's code.</returns>
    public static bool TryParse(string? code, out ScoreMetric value) => TryParse(code, Metrics, ToCode, out value);

    /// <summary>Reads a cutoff operator's code.</summary>
    /// <param name="code">The code, such as <c>lessThanOrEqual</c>.</param>
    /// <param name="value">The operator, when the code is one.</param>
    /// <returns>Whether <paramref name="code"/> is an operator's code.</returns>
    public static bool TryParse(string? code, out CutoffOperator value) => TryParse(code, Operators, ToCode, out value);

    /// <summary>Reads a measure kind's code.</summary>
    /// <param name="code"><c>alliance</c> or <c>outcome</c>.</param>
    /// <param name="value">The kind, when the code is one.</param>
    /// <returns>Whether <paramref name="code"/> is a kind's code.</returns>
    public static bool TryParse(string? code, out MeasureKind value) => TryParse(code, Measures, ToCode, out value);

    /// <summary>Finds the value whose code is <paramref name="code"/> (ordinal): the one parser of every code table.</summary>
    internal static bool TryParse<T>(string? code, T[] values, Func<T, string> toCode, out T value)
        where T : struct
    {
        foreach (T candidate in values)
        {
            if (string.Equals(toCode(candidate), code, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static ArgumentOutOfRangeException Undefined(string parameterName) =>
        new(parameterName, "The value is not defined by its enumeration.");
}
