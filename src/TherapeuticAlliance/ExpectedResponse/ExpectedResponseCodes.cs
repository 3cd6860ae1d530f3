using System;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>The stable codes of the band kinds (<c>tolerance-bound</c>, <c>prediction-bound</c>, <c>normal-bound</c>) and of the mixed model's updates (<c>none</c>, <c>current-level</c>, <c>next-score</c>), as model files and the CLI write them.</summary>
/// <remarks>Codes are case-sensitive. <c>ToCode</c> throws on an undefined value. This type is thread-safe.</remarks>
public static class ExpectedResponseCodes
{
    private static readonly ExpectedResponseBandKind[] Values = { ExpectedResponseBandKind.ToleranceBound, ExpectedResponseBandKind.PredictionBound, ExpectedResponseBandKind.NormalBound };
    private static readonly EmpiricalBayesUpdate[] Updates = { EmpiricalBayesUpdate.None, EmpiricalBayesUpdate.CurrentLevel, EmpiricalBayesUpdate.NextScore };

    /// <summary>Returns the code of a band kind.</summary>
    /// <param name="value">The band kind.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="value"/> is not defined.</exception>
    public static string ToCode(ExpectedResponseBandKind value) => value switch
    {
        ExpectedResponseBandKind.ToleranceBound => "tolerance-bound",
        ExpectedResponseBandKind.PredictionBound => "prediction-bound",
        ExpectedResponseBandKind.NormalBound => "normal-bound",
        _ => throw new ArgumentOutOfRangeException(nameof(value), "The value is not defined by its enumeration."),
    };

    /// <summary>Reads a band kind's code.</summary>
    /// <param name="code">The code.</param>
    /// <param name="value">The band kind, when the code is one.</param>
    /// <returns>Whether <paramref name="code"/> is a band kind's code.</returns>
    public static bool TryParse(string? code, out ExpectedResponseBandKind value) => AllianceCodes.TryParse(code, Values, ToCode, out value);

    /// <summary>Returns the code of an empirical-Bayes update.</summary>
    /// <param name="value">The update.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="value"/> is not defined.</exception>
    public static string ToCode(EmpiricalBayesUpdate value) => value switch
    {
        EmpiricalBayesUpdate.None => "none",
        EmpiricalBayesUpdate.CurrentLevel => "current-level",
        EmpiricalBayesUpdate.NextScore => "next-score",
        _ => throw new ArgumentOutOfRangeException(nameof(value), "The value is not defined by its enumeration."),
    };

    /// <summary>Reads an empirical-Bayes update's code.</summary>
    /// <param name="code">The code.</param>
    /// <param name="value">The update, when the code is one.</param>
    /// <returns>Whether <paramref name="code"/> is an update's code.</returns>
    public static bool TryParse(string? code, out EmpiricalBayesUpdate value) => AllianceCodes.TryParse(code, Updates, ToCode, out value);
}
