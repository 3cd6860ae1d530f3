using System;
using System.Globalization;
using OneOf;

namespace TherapeuticAlliance.Statistics;

/// <summary>Says why a statistic could not be computed.</summary>
public enum StatisticsErrorKind
{
    /// <summary>Fewer than two complete rows remain after listwise deletion.</summary>
    TooFewRows = 1,

    /// <summary>The statistic needs at least two columns (items or raters).</summary>
    TooFewColumns = 2,

    /// <summary>A column has no variance, so correlations are undefined.</summary>
    ConstantColumn = 3,

    /// <summary>Every response is missing.</summary>
    AllMissing = 4,

    /// <summary>The input has no variance at all, so the statistic is undefined.</summary>
    NoVariance = 5,

    /// <summary>Paired inputs do not match (different lengths, perspectives, instruments or sessions).</summary>
    MismatchedPairs = 6,

    /// <summary>A parameter such as a loading or a confidence level is outside its valid range.</summary>
    InvalidParameter = 7,
}

/// <summary>The error case of a statistics result: says what is wrong with the data and how to fix it.</summary>
/// <remarks>Messages name columns and counts, never values. This type is immutable and thread-safe.</remarks>
public sealed class StatisticsError
{
    internal StatisticsError(StatisticsErrorKind kind, string message, string? column = null)
    {
        Kind = kind;
        Message = message;
        Column = column;
    }

    /// <summary>Gets what went wrong.</summary>
    public StatisticsErrorKind Kind { get; }

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

/// <summary>The outcome of a statistic: a value of type <typeparamref name="T"/> or a <see cref="StatisticsError"/>.</summary>
/// <typeparam name="T">The type of the statistic.</typeparam>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class StatisticsResult<T> : OneOfBase<T, StatisticsError>
{
    private StatisticsResult(OneOf<T, StatisticsError> value)
        : base(value)
    {
    }

    /// <summary>Gets a value indicating whether the statistic was computed.</summary>
    public bool IsComputed => IsT0;

    /// <summary>Wraps a value.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator StatisticsResult<T>(T value) => new(value);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator StatisticsResult<T>(StatisticsError error) => new(error);

    /// <summary>Returns the value, or throws when it could not be computed.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">Thrown when the result is a <see cref="StatisticsError"/>.</exception>
    public T GetValueOrThrow() => IsT0 ? AsT0 : throw new InvalidOperationException(AsT1.Message);
}
