using System;
using System.Globalization;

namespace TherapeuticAlliance.Statistics;

/// <summary>The error case of a statistics result: says what is wrong with the data and how to fix it.</summary>
/// <remarks>Messages name columns and counts, never values. This type is immutable and thread-safe.</remarks>
public sealed class StatisticsError : IAllianceError
{
    internal StatisticsError(StatisticsErrorKind kind, string message, string? column = null)
    {
        Kind = kind;
        Message = message;
        Column = column;
    }

    /// <summary>Gets what went wrong.</summary>
    public StatisticsErrorKind Kind { get; }

    /// <summary>Gets the stable code of <see cref="Kind"/>: <c>too-few-rows</c>, <c>too-few-columns</c>, <c>constant-column</c>, <c>all-missing</c>, <c>no-variance</c>, <c>mismatched-pairs</c> or <c>invalid-parameter</c>.</summary>
    public string Code => Kind switch
    {
        StatisticsErrorKind.TooFewRows => "too-few-rows",
        StatisticsErrorKind.TooFewColumns => "too-few-columns",
        StatisticsErrorKind.ConstantColumn => "constant-column",
        StatisticsErrorKind.AllMissing => "all-missing",
        StatisticsErrorKind.NoVariance => "no-variance",
        StatisticsErrorKind.MismatchedPairs => "mismatched-pairs",
        StatisticsErrorKind.InvalidParameter => "invalid-parameter",
        _ => throw new InvalidOperationException("The error kind is not defined."),
    };

    /// <summary>Gets a message that says what is wrong and how to fix it.</summary>
    public string Message { get; }

    /// <summary>Gets the name of the column concerned, if any.</summary>
    public string? Column { get; }

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;

    internal static StatisticsError TooFewRows(int used) => new(
        StatisticsErrorKind.TooFewRows,
        $"Only {used} complete row(s) remain after removing rows with missing values; at least 2 are needed.");

    internal static StatisticsError TooFewColumns(int count, string what) => new(
        StatisticsErrorKind.TooFewColumns,
        $"The data has {count} {what}(s); at least 2 are needed.");

    internal static StatisticsError AllMissing() => new(StatisticsErrorKind.AllMissing, "Every value is missing.");

    internal static StatisticsError Constant(int index, string column) => new(
        StatisticsErrorKind.ConstantColumn,
        string.Format(CultureInfo.InvariantCulture, "Column {0} has the same value in every complete row, so correlations with it are undefined. Remove it or collect more varied data.", index + 1),
        column);

    internal static StatisticsError NoVariance() => new(StatisticsErrorKind.NoVariance, "The data has no variance, so the statistic is undefined.");
}
